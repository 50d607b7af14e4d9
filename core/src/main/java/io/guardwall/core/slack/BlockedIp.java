package io.guardwall.core.slack;

import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One address newly blocked in a run, with what the finding said about it; immutable. The finding
 * fields may be null (a manual block has no finding); all text is rendered escaped.
 *
 * @param expiresAt when the block ends; null for a pinned block, which never does
 * @param sample whether the finding was a generated sample
 */
public record BlockedIp(
    Cidr cidr,
    @Nullable Instant expiresAt,
    @Nullable String findingId,
    @Nullable String findingType,
    SeverityLevel severity,
    @Nullable String country,
    @Nullable String asn,
    @Nullable String organization,
    boolean sample) {

  public BlockedIp {
    Objects.requireNonNull(cidr, "cidr");
    Objects.requireNonNull(severity, "severity");
  }

  /** Whether the block never expires. */
  public boolean pinned() {
    return expiresAt == null;
  }

  /**
   * A stored entry as a digest lists it when the finding that recorded it is not at hand (another
   * worker recorded it): its latest finding and type, no whereabouts.
   */
  public static BlockedIp of(BlocklistEntry entry) {
    List<String> ids = entry.findingIds();
    return new BlockedIp(
        entry.cidr(),
        entry.expiresAt(),
        ids.isEmpty() ? null : ids.get(ids.size() - 1),
        entry.findingTypes().isEmpty() ? null : entry.findingTypes().first(),
        entry.highestSeverity(),
        null,
        null,
        null,
        false);
  }
}
