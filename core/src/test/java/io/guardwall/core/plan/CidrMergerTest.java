package io.guardwall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.guardwall.core.model.Cidr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrMergerTest {

  private static List<String> merge(String... cidrs) {
    return PlanFixtures.cidrs(CidrMerger.merge(Arrays.stream(cidrs).map(Cidr::parse).toList()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '=',
      value = {
        "198.51.100.6/32 198.51.100.7/32 = 198.51.100.6/31",
        "198.51.100.7/32 198.51.100.8/32 = 198.51.100.7/32 198.51.100.8/32",
        "198.51.100.4/32 198.51.100.5/32 198.51.100.6/32 = 198.51.100.4/31 198.51.100.6/32",
        "198.51.100.4/32 198.51.100.5/32 198.51.100.6/32 198.51.100.7/32 = 198.51.100.4/30",
        "198.51.100.0/24 198.51.100.77/32 = 198.51.100.0/24",
        "198.51.100.77/32 198.51.100.0/24 = 198.51.100.0/24",
        "198.51.100.0/25 198.51.100.0/24 198.51.100.128/26 = 198.51.100.0/24",
        "198.51.100.1/32 198.51.100.2/31 = 198.51.100.1/32 198.51.100.2/31",
        "198.51.100.0/32 198.51.100.2/31 198.51.100.1/32 = 198.51.100.0/30",
        "198.51.100.7/32 198.51.100.7/32 = 198.51.100.7/32",
        "203.0.113.9/32 198.51.100.7/32 = 198.51.100.7/32 203.0.113.9/32",
        "255.255.255.254/32 255.255.255.255/32 = 255.255.255.254/31",
        "0.0.0.0/1 128.0.0.0/1 = 0.0.0.0/0",
        "0.0.0.0/0 203.0.113.9/32 = 0.0.0.0/0",
        "2001:db8::/128 2001:db8::1/128 = 2001:db8::/127",
        "2001:db8::1/128 2001:db8::2/128 = 2001:db8::1/128 2001:db8::2/128",
        "2001:db8::/48 2001:db8:0:1::/64 = 2001:db8::/48",
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/128 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"
            + " = ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127",
        "::/1 8000::/1 = ::/0",
        "2001:db8:0:0:ffff:ffff:ffff:ffff/128 2001:db8:0:1::/128"
            + " = 2001:db8::ffff:ffff:ffff:ffff/128 2001:db8:0:1::/128",
      })
  void merge_shouldCoverExactlyTheInput_whenGivenTheseCidrs(String input, String expected) {
    assertThat(merge(input.trim().split(" "))).containsExactly(expected.trim().split(" "));
  }

  @Test
  void merge_shouldNotMergeIpv4WithIpv6_whenNumericallyAdjacent() {
    assertThat(merge("2001:db8::1", "0.0.0.1/32", "::/128", "0.0.0.0/32"))
        .containsExactly("0.0.0.0/31", "::/128", "2001:db8::1/128");
  }

  @Test
  void merge_shouldSortIpv4FirstThenByAddress_whenInputIsUnordered() {
    assertThat(merge("2001:db8::9", "203.0.113.9", "2001:db8::1", "10.0.0.0/8", "198.51.100.7"))
        .containsExactly(
            "10.0.0.0/8",
            "198.51.100.7/32",
            "203.0.113.9/32",
            "2001:db8::1/128",
            "2001:db8::9/128");
  }

  @Test
  void merge_shouldReturnEmpty_whenInputIsEmpty() {
    assertThat(CidrMerger.merge(List.of())).isEmpty();
  }

  @Test
  void merge_shouldRejectNull_whenCollectionOrElementIsNull() {
    assertThatThrownBy(() -> CidrMerger.merge(null)).isInstanceOf(NullPointerException.class);
    List<Cidr> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> CidrMerger.merge(withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("null");
  }

  /** Brute force over every address of a small block: nothing lost, nothing added. */
  @Test
  void merge_shouldCoverExactlyTheSameAddresses_whenInputIsRandomInASmallBlock() {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      List<Cidr> input = randomBlocks(random, "198.51.100.0", 8 + random.nextInt(40));
      List<Cidr> merged = CidrMerger.merge(input);
      for (int host = 0; host < 256; host++) {
        Cidr address = Cidr.parse("198.51.100." + host);
        boolean inInput = input.stream().anyMatch(c -> c.contains(address));
        long inMerged = merged.stream().filter(c -> c.contains(address)).count();
        assertThat(inMerged)
            .as("%s in %s from %s", address, merged, input)
            .isEqualTo(inInput ? 1 : 0);
      }
      assertThat(merged).hasSizeLessThanOrEqualTo(input.size());
    }
  }

  /** The ipaddress library as an independent oracle for the fewest blocks, both families. */
  @Test
  void merge_shouldMatchTheLibrarysMinimalCover_whenInputIsRandom() {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      boolean ipv6 = round % 2 == 1;
      List<Cidr> input =
          randomBlocks(random, ipv6 ? "2001:db8::" : "198.51.100.0", 1 + random.nextInt(60));
      IPAddress[] addresses = input.stream().map(Cidr::address).toArray(IPAddress[]::new);
      List<String> expected =
          Arrays.stream(addresses[0].mergeToPrefixBlocks(addresses))
              .map(a -> Cidr.of(a).value())
              .sorted()
              .toList();
      assertThat(PlanFixtures.cidrs(CidrMerger.merge(input)))
          .as("merge of %s", input)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private static List<Cidr> randomBlocks(Random random, String base, int count) {
    IPAddress start = new IPAddressString(base).getAddress();
    List<Cidr> blocks = new ArrayList<>();
    int hostBits = 8;
    for (int i = 0; i < count; i++) {
      int size = random.nextInt(4) == 0 ? random.nextInt(4) : 0;
      long offset = (random.nextInt(1 << hostBits) >> size) << size;
      IPAddress address = start.increment(offset);
      int prefix = start.getBitCount() - size;
      blocks.add(Cidr.parse(address.withoutPrefixLength().toCanonicalString() + "/" + prefix));
    }
    return blocks;
  }
}
