package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.TargetSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.PrefixListEntry;

/**
 * The prefix-list adapter against moto's EC2, for what moto serves faithfully: lists, entries,
 * versions and MaxEntries. Its modifies ignore CurrentVersion, so conflicts are the stub's.
 */
@ExtendWith(MotoServer.class)
class Ec2PrefixListTargetIT {

  private final Ec2Client ec2 = MotoServer.client(Ec2Client.builder());

  @AfterEach
  void close() {
    ec2.close();
  }

  @Test
  void apply_shouldBeReadBack_whenBothFamiliesAreBlocked() {
    EnforcementPoint target = target(list("IPv4", 5) + "," + list("IPv6", 5), 20);
    List<Cidr> blocked = cidrs("192.0.2.1/32", "198.51.100.0/24", "2001:db8::/64");

    target.apply(target.read(), blocked);

    TargetSnapshot read = target.read();
    assertThat(read.blocked()).containsExactlyInAnyOrderElementsOf(blocked);
    assertThat(read.budget().ipv4()).isEqualTo(20);
    assertThat(read.budget().ipv6()).isEqualTo(20);
  }

  @Test
  void apply_shouldGrowTheListAndKeepForeignEntries_whenManyAreBlocked() {
    String ipv4 = list("IPv4", 5);
    ec2.modifyManagedPrefixList(
        r ->
            r.prefixListId(ipv4)
                .currentVersion(1L)
                .addEntries(e -> e.cidr("203.0.113.0/24").description("ops")));
    EnforcementPoint target = target(ipv4, 500);
    List<Cidr> blocked =
        IntStream.range(0, 250)
            .mapToObj(i -> Cidr.parse("10.0." + (i / 200) + "." + (i % 200) + "/32"))
            .sorted()
            .toList();

    target.apply(target.read(), blocked);
    target.apply(target.read(), blocked.subList(0, 10));

    assertThat(target.read().blocked()).containsExactlyInAnyOrderElementsOf(blocked.subList(0, 10));
    assertThat(entries(ipv4)).containsEntry("203.0.113.0/24", "ops").hasSize(11);
  }

  private EnforcementPoint target(String spec, int ceiling) {
    return Ec2PrefixListTarget.open(
        ec2,
        spec,
        PrefixListSettings.defaults()
            .withCeiling(ceiling)
            .withPause(d -> Thread.sleep(Duration.ofMillis(50).toMillis())));
  }

  private String list(String family, int maxEntries) {
    return ec2.createManagedPrefixList(
            r ->
                r.prefixListName("guardwall-" + family)
                    .addressFamily(family)
                    .maxEntries(maxEntries))
        .prefixList()
        .prefixListId();
  }

  private Map<String, String> entries(String id) {
    return ec2.getManagedPrefixListEntries(r -> r.prefixListId(id)).entries().stream()
        .collect(Collectors.toMap(PrefixListEntry::cidr, PrefixListEntry::description));
  }

  private static List<Cidr> cidrs(String... values) {
    return java.util.Arrays.stream(values).map(Cidr::parse).sorted().toList();
  }
}
