package io.guardwall.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.guardwall.core.config.ConfigReader;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.testing.NeverRendered;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 12 defects 1-4: what may never be blocked, on whichever path it arrives. */
class SafetyRuleTest {

  private final SafetyRule defaults = SafetyRule.of(GuardwallConfig.defaults());

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "0.0.0.0/0, TOO_WIDE",
    "::/0, TOO_WIDE",
    "1.0.0.0/15, TOO_WIDE",
    "2001:db8::/47, TOO_WIDE",
    "::ffff:0:0/96, TOO_WIDE",
    "10.0.0.1, NON_PUBLIC",
    "10.0.0.0/8, TOO_WIDE",
    "172.16.5.4, NON_PUBLIC",
    "192.168.1.1, NON_PUBLIC",
    "169.254.169.254, NON_PUBLIC",
    "127.0.0.1, NON_PUBLIC",
    "100.64.0.1, NON_PUBLIC",
    "224.0.0.1, NON_PUBLIC",
    "255.255.255.255, NON_PUBLIC",
    "192.0.0.8, NON_PUBLIC",
    "198.18.0.1, NON_PUBLIC",
    "::1, NON_PUBLIC",
    "::, NON_PUBLIC",
    "fe80::1, NON_PUBLIC",
    "fd00::1, NON_PUBLIC",
    "ff02::1, NON_PUBLIC",
    "100::1, NON_PUBLIC",
    "64:ff9b::10.0.0.1, NON_PUBLIC",
    "64:ff9b:1:a00:0:100::, NON_PUBLIC",
    "2002:a00:1::1, NON_PUBLIC",
    "::10.0.0.1, NON_PUBLIC",
    "::ffff:0:10.0.0.1, NON_PUBLIC",
    "::ffff:169.254.169.254, NON_PUBLIC",
    "10.0.0.0/16, NON_PUBLIC",
    "172.16.0.0/16, NON_PUBLIC",
    "::/64, EMBEDS_IPV4",
    "64:ff9b::/64, EMBEDS_IPV4",
    "2002::/16, TOO_WIDE",
    "2002:a00::/24, TOO_WIDE"
  })
  void check_shouldRefuse_whenCidrBreaksTheRule(String cidr, Violation.Kind kind) {
    assertThat(defaults.check(Cidr.parse(cidr)))
        .hasValueSatisfying(v -> assertThat(v.kind()).isEqualTo(kind));
  }

  static Stream<String> nonPublicRanges() {
    return NeverRendered.NON_PUBLIC.stream();
  }

  /** The oracle's table and production's agree: both ends of every listed range are refused. */
  @ParameterizedTest
  @MethodSource("nonPublicRanges")
  void check_shouldRefuseBothEnds_ofEveryNonPublicRangeOfTheOracle(String range) {
    IPAddress block = new IPAddressString(range).getAddress().toPrefixBlock();
    for (IPAddress end : List.of(block.getLower(), block.getUpper())) {
      assertThat(defaults.check(Cidr.parse(end.withoutPrefixLength().toCanonicalString())))
          .as("%s of %s", end, range)
          .hasValueSatisfying(v -> assertThat(v.kind()).isEqualTo(Violation.Kind.NON_PUBLIC));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "198.51.100.7",
        "203.0.113.0/24",
        "192.0.2.1",
        "2001:db8::1",
        "2001:db8::/48",
        "45.0.0.0/16",
        "64:ff9b::198.51.100.7",
        "2002:c633:6407::1"
      })
  void check_shouldAllow_whenCidrIsPublicAndNarrowEnough(String cidr) {
    assertThat(defaults.check(Cidr.parse(cidr))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "203.0.113.66",
        "::ffff:203.0.113.66",
        "64:ff9b::203.0.113.66",
        "64:ff9b::cb00:7142",
        "2002:cb00:7142::9",
        "203.0.113.0/24",
        "203.0.0.0/16"
      })
  void check_shouldRefuse_whenAnyFormOverlapsAMappedAllowListEntry(String cidr) {
    SafetyRule rule = withConfig("{\"allowList\":[\"::ffff:203.0.113.0/120\"]}");
    assertThat(rule.check(Cidr.parse(cidr)))
        .hasValueSatisfying(v -> assertThat(v.kind()).isEqualTo(Violation.Kind.ALLOW_LISTED));
  }

  @ParameterizedTest
  @CsvSource({"8, 1.0.0.0/8, true", "8, 2.0.0.0/7, false", "32, 1.2.3.4/31, false"})
  void check_shouldFollowMaxBlockWidth_whenConfigured(int ipv4, String cidr, boolean allowed) {
    SafetyRule rule = withConfig("{\"maxBlockWidth\":{\"ipv4\":" + ipv4 + "}}");
    assertThat(rule.allows(Cidr.parse(cidr))).isEqualTo(allowed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"198.51.100.7", "198.51.100.0/24"})
  void allowing_shouldRefuse_whenDynamicallyAllowed(String cidr) {
    SafetyRule rule = defaults.allowing(List.of(Cidr.parse("198.51.100.7")));
    assertThat(rule.check(Cidr.parse(cidr)))
        .hasValueSatisfying(v -> assertThat(v.message()).contains("allow-listed"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0.0.0.0/0|0.0.0.0/0 is wider than /16, the widest IPv4 block allowed (maxBlockWidth)",
        "10.0.0.1|non-public address (in 10.0.0.0/8)",
        "8.0.0.0/9|8.0.0.0/9 is wider than /16, the widest IPv4 block allowed (maxBlockWidth)",
        "10.0.0.0/16|non-public address (in 10.0.0.0/8)",
        "::/64|::/64 covers the IPv4-mapped ::ffff:0:0/96 range, which stands for IPv4 addresses,"
            + " private ones included"
      })
  void check_shouldNameRuleAndRange_whenRefusing(String cidr, String message) {
    assertThat(defaults.check(Cidr.parse(cidr)).orElseThrow().message()).isEqualTo(message);
  }

  @org.junit.jupiter.api.Test
  void check_shouldRefuse_whenWideBlockOverlapsANonPublicRange() {
    SafetyRule rule = withConfig("{\"maxBlockWidth\":{\"ipv4\":8}}");
    assertThat(rule.check(Cidr.parse("100.0.0.0/8")).orElseThrow().message())
        .isEqualTo("100.0.0.0/8 overlaps the non-public range 100.64.0.0/10");
  }

  private static SafetyRule withConfig(String json) {
    try {
      return SafetyRule.of(ConfigReader.read(new ObjectMapper().readTree(json)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
