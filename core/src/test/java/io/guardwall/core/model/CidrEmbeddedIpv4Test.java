package io.guardwall.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 12 defects 2, 3, 12 and 17a: every IPv6 form of an IPv4 address is that address. */
class CidrEmbeddedIpv4Test {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "::ffff:10.0.0.1, 10.0.0.1/32",
    "::ffff:a00:1, 10.0.0.1/32",
    "::ffff:0:10.0.0.1, 10.0.0.1/32",
    "::10.0.0.1, 10.0.0.1/32",
    "64:ff9b::10.0.0.1, 10.0.0.1/32",
    "64:ff9b::a00:1, 10.0.0.1/32",
    "64:ff9b:1:a00:0:100::, 10.0.0.1/32",
    "2002:a00:1::, 10.0.0.1/32",
    "2002:a00:1:1234::5, 10.0.0.1/32",
    "::ffff:203.0.113.66, 203.0.113.66/32",
    "64:ff9b::cb00:7142, 203.0.113.66/32",
    "2002:cb00:7142::1, 203.0.113.66/32"
  })
  void ofAddress_shouldBeTheIpv4Address_whenIpv6EmbedsIt(String form, String ipv4) {
    assertThat(Cidr.ofAddress(form).value()).isEqualTo(ipv4);
    assertThat(Cidr.parse(form).value()).isEqualTo(ipv4);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "::ffff:0:0/96, 0.0.0.0/0",
    "::ffff:203.0.113.0/120, 203.0.113.0/24",
    "::ffff:cb00:7142/128, 203.0.113.66/32",
    "64:ff9b::/96, 0.0.0.0/0",
    "64:ff9b::a00:0/104, 10.0.0.0/8",
    "64:ff9b:1::/48, 0.0.0.0/0",
    "64:ff9b:1:cb00::/64, 203.0.0.0/16",
    "64:ff9b:1:cb00:71::/80, 203.0.113.0/24",
    "2002::/16, 0.0.0.0/0",
    "2002:cb00:7100::/40, 203.0.113.0/24",
    "::/96, 0.0.0.0/0"
  })
  void parse_shouldBeTheIpv4Block_whenIpv6BlockLiesInAnEmbeddingRange(String form, String ipv4) {
    assertThat(Cidr.parse(form).value()).isEqualTo(ipv4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"::", "::1", "2001:db8::1", "fe80::1", "64:ff9a::1", "2003::1"})
  void ofAddress_shouldStayIpv6_whenNothingIsEmbedded(String address) {
    assertThat(Cidr.ofAddress(address).isIpv4()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"::/64", "64:ff9b::/64", "2000::/3", "::/0", "2002::/15"})
  void coveredEmbeddingRange_shouldNameTheRange_whenBlockCoversOneWhole(String cidr) {
    assertThat(Cidr.parse(cidr).coveredEmbeddingRange()).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"010.0.0.1", "10.0.0.01", "::ffff:010.0.0.1", "0x0a000001", "10.1"})
  void parse_shouldRefuse_whenIpv4IsAmbiguous(String text) {
    assertThatThrownBy(() -> Cidr.parse(text)).hasMessageContaining(text);
    assertThat(Cidr.isAddress(text)).isFalse();
  }
}
