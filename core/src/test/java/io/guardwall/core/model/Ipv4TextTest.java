package io.guardwall.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4TextTest {

  @ParameterizedTest
  @CsvSource({"0.0.0.0, 0", "198.51.100.7, 3325256711", "255.255.255.255, 4294967295"})
  void address_shouldReadTheNumber_whenCanonicalQuad(String text, long expected) {
    assertThat(Ipv4Text.address(text, 0, text.length())).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1.2.3",
        "1.2.3.4.5",
        "01.2.3.4",
        "1.2.3.256",
        "1..3.4",
        "1.2.3.4 ",
        " 1.2.3.4",
        "1.2.3.-4",
        "1.2.3.4/32",
        "::1",
        "1.2.3.1000",
        "a.b.c.d",
        "1.2.3.4."
      })
  void address_shouldRefuse_whenNotACanonicalQuad(String text) {
    assertThat(Ipv4Text.address(text, 0, text.length())).isEqualTo(-1);
  }

  @ParameterizedTest
  @CsvSource({"198.51.100.7/32, 32", "203.0.113.0/24, 24", "0.0.0.0/0, 0"})
  void canonicalPrefix_shouldReadThePrefix_whenCanonicalCidr(String text, int expected) {
    assertThat(Ipv4Text.canonicalPrefix(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "198.51.100.7",
        "198.51.100.7/24",
        "198.51.100.7/33",
        "198.51.100.7/032",
        "198.51.100.7/",
        "2001:db8::/32",
        "010.0.0.0/8"
      })
  void canonicalPrefix_shouldRefuse_whenNotACanonicalCidr(String text) {
    assertThat(Ipv4Text.canonicalPrefix(text)).isEqualTo(-1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"198.51.100.7", "0.0.0.0", "203.0.113.255"})
  void fastPath_shouldAgreeWithTheFullParser_whenCanonical(String text) {
    assertThat(Cidr.ofAddress(text).value()).isEqualTo(Cidr.parse(" " + text + " ").value());
    assertThat(Cidr.ofAddress(text).display()).isEqualTo(text);
  }
}
