package io.guardwall.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

  @Test
  void ofAddress_shouldBecomeSlash32_whenIpv4() {
    assertThat(Cidr.ofAddress("198.51.100.7").value()).isEqualTo("198.51.100.7/32");
  }

  @Test
  void ofAddress_shouldBecomeSlash128InCanonicalForm_whenIpv6() {
    assertThat(Cidr.ofAddress("2001:0DB8:0:0::0001").value()).isEqualTo("2001:db8::1/128");
  }

  @Test
  void ofAddress_shouldUnwrapIpv4_whenIpv4MappedIpv6() {
    Cidr cidr = Cidr.ofAddress("::ffff:203.0.113.9");
    assertThat(cidr.value()).isEqualTo("203.0.113.9/32");
    assertThat(cidr.isIpv4()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "not-an-ip",
        "256.1.1.1",
        "10.0.0.0/8",
        "1.2.3",
        "example.com",
        "1.2.3.4-5",
        "1.2.3.*",
        "fe80::1%eth0",
        "1",
        "0x7f.0.0.1"
      })
  void ofAddress_shouldReject_whenNotASingleAddress(String text) {
    assertThatThrownBy(() -> Cidr.ofAddress(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an IP address");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "192.0.2.16\u0000",
        "192.0.2.16\u0000junk",
        "2001:db8::1\u0000",
        "192.0.2.17\u001b[0m",
        "2001:0db8:0bad:0000:0000:0000:0000:00001",
        "2001:db8::00001"
      })
  void ofAddress_shouldReject_whenControlCharacterOrFiveDigitGroup(String text) {
    assertThatThrownBy(() -> Cidr.ofAddress(text)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Cidr.isAddress(text)).isFalse();
    assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ofAddress_shouldKeepFourDigitGroups_whenLeadingZerosWithinAGroup() {
    assertThat(Cidr.ofAddress("2001:0db8:0000:0000:0000:0000:0000:0001").value())
        .isEqualTo("2001:db8::1/128");
  }

  @Test
  void ofAddress_shouldAbbreviateMessage_whenInputIsHuge() {
    String huge = "x".repeat(100_000);
    assertThatThrownBy(() -> Cidr.ofAddress(huge))
        .hasMessageContaining("...")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(120));
  }

  @Test
  void parse_shouldKeepNetwork_whenPrefixGiven() {
    assertThat(Cidr.parse("10.0.0.0/8").value()).isEqualTo("10.0.0.0/8");
    assertThat(Cidr.parse("fc00::/7").value()).isEqualTo("fc00::/7");
  }

  @Test
  void parse_shouldReject_whenHostBitsSet() {
    assertThatThrownBy(() -> Cidr.parse("10.0.0.1/8")).hasMessageContaining("host bits");
  }

  @Test
  void parse_shouldReject_whenGarbage() {
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/99")).hasMessageContaining("not a CIDR");
  }

  @Test
  void contains_shouldBeTrue_whenAddressInsideNetwork() {
    assertThat(Cidr.parse("100.64.0.0/10").contains(Cidr.ofAddress("100.127.255.255"))).isTrue();
    assertThat(Cidr.parse("100.64.0.0/10").contains(Cidr.ofAddress("100.128.0.0"))).isFalse();
  }

  @Test
  void display_shouldDropPrefix_whenSingleAddress() {
    assertThat(Cidr.ofAddress("2001:db8::1").display()).isEqualTo("2001:db8::1");
    assertThat(Cidr.parse("198.51.100.0/31").display()).isEqualTo("198.51.100.0/31");
  }

  @Test
  void compareTo_shouldOrderIpv4BeforeIpv6AndNumerically() {
    assertThat(Cidr.ofAddress("9.0.0.1")).isLessThan(Cidr.ofAddress("10.0.0.1"));
    assertThat(Cidr.ofAddress("255.0.0.1")).isLessThan(Cidr.ofAddress("2001:db8::2"));
  }
}
