package io.guardwall.core.plan;

import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.SeverityLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Entries and CIDRs shared by the plan tests. */
final class PlanFixtures {

  static final Instant T0 = Instant.parse("2026-11-28T06:00:00Z");

  private PlanFixtures() {}

  static BlocklistEntry entry(String cidr) {
    return entry(cidr, SeverityLevel.HIGH, T0, false);
  }

  static BlocklistEntry entry(
      String cidr, SeverityLevel severity, Instant lastSeen, boolean pinned) {
    return new BlocklistEntry(
        Cidr.parse(cidr),
        lastSeen.minusSeconds(60),
        lastSeen,
        pinned ? null : lastSeen.plusSeconds(12 * 3600),
        1,
        severity,
        new TreeSet<>(Set.of("Recon:EC2/PortProbeUnprotectedPort")),
        List.of("f-" + cidr),
        List.of(),
        new TreeSet<>(Set.of("123456789012")),
        new TreeSet<>(Set.of("us-east-1")),
        new TreeSet<>(Set.of(Origin.GUARDDUTY)),
        pinned);
  }

  static List<BlocklistEntry> entries(String... cidrs) {
    List<BlocklistEntry> entries = new ArrayList<>();
    for (String cidr : cidrs) {
      entries.add(entry(cidr));
    }
    return entries;
  }

  static List<String> cidrs(List<Cidr> cidrs) {
    return cidrs.stream().map(Cidr::value).toList();
  }
}
