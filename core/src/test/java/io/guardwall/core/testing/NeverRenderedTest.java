package io.guardwall.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NeverRenderedTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "198.51.100.7/32",
        "203.0.113.0/24",
        "198.51.0.0/16",
        "192.0.2.5/32",
        "2001:db8::9/128",
        "2001:db8:feed::/48",
        "::2:0:0/96"
      })
  void problems_shouldBeEmpty_whenPublicAndNarrowEnough(String cidr) {
    assertThat(NeverRendered.problems(cidr)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.1/32",
        "169.254.169.254/32",
        "192.0.0.9/32",
        "198.19.255.255/32",
        "255.255.255.255/32",
        "0.0.0.0/0",
        "198.0.0.0/15",
        "::/0",
        "::1/128",
        "100::1/128",
        "fe80::1/128",
        "2001:db8::/32",
        "::ffff:10.0.0.1/128",
        "::ffff:198.51.100.7/128",
        "::ffff:0:a00:1/128",
        "::a00:1/128",
        "64:ff9b::c633:6407/128",
        "64:ff9b::/64",
        "64:ff9b:1:a00:0:100::/128",
        "2002:c633:6407::/48",
        "not a cidr"
      })
  void problems_shouldNameTheBreach_whenNonPublicTooWideEmbeddingOrGarbage(String cidr) {
    assertThat(NeverRendered.problems(cidr)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"198.51.100.0/31", "198.51.100.0/24", "198.51.0.0/16"})
  void covers_shouldBeTrue_whenOuterContainsInner(String outer) {
    assertThat(CidrInterval.of(outer).covers(CidrInterval.of("198.51.100.0/32"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"198.51.100.1/32", "2001:db8::/32", "::ffff:198.51.100.0/128"})
  void covers_shouldBeFalse_whenOuterMissesInner(String outer) {
    assertThat(CidrInterval.of(outer).covers(CidrInterval.of("198.51.100.0/32"))).isFalse();
  }
}
