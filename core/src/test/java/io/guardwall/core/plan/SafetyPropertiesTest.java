package io.guardwall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.guardwall.core.config.BlockWidth;
import io.guardwall.core.config.FirewallSettings;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.policy.SafetyRule;
import io.guardwall.core.testing.CidrInterval;
import io.guardwall.core.testing.NeverRendered;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests of the safety rule at render time (issue 12): for random desired states, random
 * allow-lists and every way of writing an address, what core chooses for an enforcement point
 * ({@link TargetSelector}, which every target renders) never covers a non-public, allow-listed or
 * too-wide CIDR, and covers exactly the kept entries. Each case is one seed, named in the test's
 * display name, so a failure replays with that seed.
 *
 * <p>The oracle is independent of the production code: {@link NeverRendered}'s list of ranges and
 * {@link CidrInterval}'s arithmetic over the rendered text.
 */
class SafetyPropertiesTest {

  private static final List<String> NON_PUBLIC_SEEDS =
      List.of(
          "10.1.2.3",
          "172.20.0.9",
          "192.168.7.7",
          "127.0.0.1",
          "169.254.169.254",
          "100.64.9.9",
          "224.0.0.5",
          "255.255.255.255",
          "0.1.2.3",
          "198.18.3.4");

  static Stream<Long> seeds() {
    return LongStream.range(0, 300).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void select_shouldNeverChooseAnUnsafeCidr_whenDesiredStateIsArbitrary(long seed) {
    Random random = new Random(seed);
    List<String> allowList = randomAllowList(random);
    BlockWidth width = new BlockWidth(8 + random.nextInt(25), 16 + random.nextInt(113));
    TargetSelector selector = selector(allowList, width);
    List<BlocklistEntry> desired = randomEntries(random, 1 + random.nextInt(60));

    TargetSelection plan = selector.select(desired, CidrBudget.shared(50_000));

    List<String> rendered = plan.blocked().stream().map(Cidr::value).toList();
    List<String> forbidden = new ArrayList<>(NeverRendered.RANGES);
    forbidden.addAll(allowList);
    for (String r : rendered) {
      for (String range : forbidden) {
        assertThat(CidrInterval.of(r).overlaps(CidrInterval.of(range)))
            .as("seed %d: rendered %s overlaps %s", seed, r, range)
            .isFalse();
      }
    }
    List<BlocklistEntry> kept = kept(desired, plan);
    kept.forEach(
        e ->
            assertThat(e.cidr().prefixLength())
                .isGreaterThanOrEqualTo(width.shortestPrefix(e.cidr())));
    assertThat(union(rendered.stream().map(CidrInterval::of).toList()))
        .as("seed %d: rendered covers exactly the kept entries", seed)
        .isEqualTo(union(kept.stream().map(e -> CidrInterval.of(e.cidr().value())).toList()));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void parse_shouldGiveOneCidr_whenTheSameIpv4IsWrittenInAnyForm(long seed) {
    Random random = new Random(seed);
    int[] b = {random.nextInt(256), random.nextInt(256), random.nextInt(256), random.nextInt(256)};
    if (b[0] == 0) {
      b[0] = 1; // ::0.x.y.z reads as an IPv6 address with a zero prefix, never as IPv4-compatible
    }
    String dotted = b[0] + "." + b[1] + "." + b[2] + "." + b[3];
    String hi = Integer.toHexString(b[0] << 8 | b[1]);
    String lo = Integer.toHexString(b[2] << 8 | b[3]);
    List<String> forms =
        List.of(
            dotted,
            dotted + "/32",
            "::ffff:" + dotted,
            "::ffff:" + hi + ":" + lo,
            "::FFFF:" + hi.toUpperCase() + ":" + lo,
            "0:0:0:0:0:ffff:" + dotted,
            "::ffff:0:" + dotted,
            "::" + dotted,
            "64:ff9b::" + dotted,
            "64:ff9b::" + hi + ":" + lo,
            "64:ff9b:1:"
                + hi
                + ":"
                + Integer.toHexString(b[2])
                + ":"
                + Integer.toHexString(b[3] << 8)
                + "::",
            "2002:" + hi + ":" + lo + "::",
            "2002:" + hi + ":" + lo + ":" + Integer.toHexString(random.nextInt(65536)) + "::1",
            "::ffff:" + dotted + "/128",
            "  " + dotted + " ");
    Set<Cidr> distinct = new java.util.HashSet<>();
    forms.forEach(f -> distinct.add(Cidr.parse(f.strip().contains("/") ? f.strip() : f)));
    assertThat(distinct).as("seed %d: %s", seed, forms).containsExactly(Cidr.parse(dotted + "/32"));
  }

  private static TargetSelector selector(List<String> allowList, BlockWidth width) {
    GuardwallConfig d = GuardwallConfig.defaults();
    GuardwallConfig config =
        new GuardwallConfig(
            d.blockDuration(),
            d.notifyThreshold(),
            d.apiBlockThreshold(),
            allowList.stream().map(Cidr::parse).toList(),
            d.accounts(),
            d.blockSamples(),
            d.blockVictims(),
            Duration.ofDays(7),
            FirewallSettings.defaults(),
            width,
            d.extendBy());
    return new TargetSelector(SafetyRule.of(config));
  }

  private static List<String> randomAllowList(Random random) {
    List<String> allow = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      IPAddress a = randomAddress(random);
      int prefix = a.isIPv4() ? 8 + random.nextInt(25) : 16 + random.nextInt(113);
      allow.add(a.setPrefixLength(prefix, false).toPrefixBlock().toCanonicalString());
    }
    return allow;
  }

  private static List<BlocklistEntry> randomEntries(Random random, int n) {
    TreeMap<Cidr, BlocklistEntry> byCidr = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Cidr cidr = randomCidr(random);
      byCidr.put(cidr, PlanFixtures.entry(cidr.value()));
    }
    return new ArrayList<>(byCidr.values());
  }

  private static Cidr randomCidr(Random random) {
    IPAddress a =
        random.nextInt(4) == 0
            ? new IPAddressString(NON_PUBLIC_SEEDS.get(random.nextInt(NON_PUBLIC_SEEDS.size())))
                .getAddress()
            : randomAddress(random);
    int bits = a.getBitCount();
    int prefix = random.nextInt(3) == 0 ? random.nextInt(bits + 1) : bits - random.nextInt(9);
    return Cidr.of(a.setPrefixLength(prefix, false).toPrefixBlock());
  }

  private static IPAddress randomAddress(Random random) {
    byte[] bytes = new byte[random.nextInt(3) == 0 ? 16 : 4];
    random.nextBytes(bytes);
    if (bytes.length == 16 && random.nextBoolean()) {
      System.arraycopy(new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b}, 0, bytes, 0, 4);
      java.util.Arrays.fill(bytes, 4, 12, (byte) 0);
    }
    return new IPAddressString(
            bytes.length == 4
                ? new inet.ipaddr.ipv4.IPv4Address(bytes).toCanonicalString()
                : new inet.ipaddr.ipv6.IPv6Address(bytes).toCanonicalString())
        .getAddress();
  }

  private static List<BlocklistEntry> kept(List<BlocklistEntry> desired, TargetSelection plan) {
    Set<Cidr> out = new java.util.HashSet<>();
    plan.evicted().forEach(e -> out.add(e.cidr()));
    plan.refused().forEach(v -> out.add(v.cidr()));
    return desired.stream().filter(e -> !out.contains(e.cidr())).toList();
  }

  /** The union of intervals as sorted, merged, non-adjacent intervals. */
  private static List<CidrInterval> union(List<CidrInterval> intervals) {
    List<CidrInterval> sorted = new ArrayList<>(intervals);
    sorted.sort(
        (x, y) -> x.v6() != y.v6() ? Boolean.compare(x.v6(), y.v6()) : x.low().compareTo(y.low()));
    List<CidrInterval> merged = new ArrayList<>();
    for (CidrInterval i : sorted) {
      CidrInterval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && last.v6() == i.v6() && adjoins(last, i)) {
        merged.set(
            merged.size() - 1, new CidrInterval(last.v6(), last.low(), last.high().max(i.high())));
      } else {
        merged.add(i);
      }
    }
    return merged;
  }

  private static boolean adjoins(CidrInterval before, CidrInterval after) {
    return before.high().add(BigInteger.ONE).compareTo(after.low()) >= 0;
  }
}
