package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostileFileCheckTest {

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.5/32", "192.0.0.0/16", "2001:db8:bad::1/128"})
  void unsafe_shouldNameTheCorpusRange_whenACorpusNeverAddressIsHit(String cidr) {
    assertThat(HostileFileCheck.unsafe(cidr)).anyMatch(p -> p.contains("corpus never-block"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"198.51.100.7/32", "192.0.3.0/24", "2001:db8:feed::/48"})
  void unsafe_shouldBeEmpty_whenPublicAndOutsideTheCorpusRanges(String cidr) {
    assertThat(HostileFileCheck.unsafe(cidr)).isEmpty();
  }
}
