package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrSafetyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "198.51.100.7/32",
        "203.0.113.0/24",
        "198.51.0.0/16",
        "2001:db8::9/128",
        "2001:db8:feed::/48",
        "64:ff9b::c633:6407/128",
        "2002:c633:6407::/48",
        "::ffff:198.51.100.7/128"
      })
  void problems_shouldBeEmpty_whenPublicAndNarrowEnough(String cidr) {
    assertThat(CidrSafety.problems(cidr)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.1/32",
        "169.254.169.254/32",
        "255.255.255.255/32",
        "0.0.0.0/0",
        "198.0.0.0/15",
        "::/0",
        "::1/128",
        "fe80::1/128",
        "2001:db8::/32",
        "::ffff:10.0.0.1/128",
        "::ffff:0:0/96",
        "::ffff:0:a00:1/128",
        "::a00:1/128",
        "64:ff9b::a00:1/128",
        "64:ff9b::/96",
        "64:ff9b:1::a00:1/128",
        "64:ff9b:1:a00:0:100::/128",
        "2002:a00:1::/48",
        "192.0.2.5/32",
        "2001:db8:bad::1/128",
        "not a cidr"
      })
  void problems_shouldNameTheBreach_whenNonPublicTooWideOrNever(String cidr) {
    assertThat(CidrSafety.problems(cidr)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"198.51.100.0/31", "198.51.100.0/24", "198.51.0.0/16"})
  void covers_shouldBeTrue_whenOuterContainsInner(String outer) {
    assertThat(CidrSafety.covers(outer, "198.51.100.0/32")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"198.51.100.1/32", "2001:db8::/32", "garbage"})
  void covers_shouldBeFalse_whenOuterMissesInner(String outer) {
    assertThat(CidrSafety.covers(outer, "198.51.100.0/32")).isFalse();
  }
}
