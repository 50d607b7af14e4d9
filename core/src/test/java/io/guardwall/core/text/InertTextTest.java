package io.guardwall.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InertTextTest {

  @Test
  void of_shouldKeepText_whenPrintable() {
    String text = "Recon:EC2/PortProbeUnprotectedPort — Zürich 東京 😀 <b>&";
    assertThat(InertText.of(text)).isSameAs(text);
  }

  @Test
  void of_shouldReturnNull_whenNull() {
    assertThat(InertText.of(null)).isNull();
  }

  @Test
  void of_shouldPutEverythingOnOneLine_whenTextHasLineBreaks() {
    assertThat(InertText.of("a\nb\r\nc\td\u2028e\u0085f")).isEqualTo("a b  c d e f");
  }

  @Test
  void of_shouldDropEscapeSequenceIntroducers_whenTextHasAnsiOrOsc() {
    String hostile = "\u001b[2J\u001b]0;pwned\u0007\u001b]8;;http://evil\u001b\\x\u009b31m";
    String inert = InertText.of(hostile);
    assertThat(inert).doesNotContain("\u001b", "\u0007", "\u009b");
    assertThat(inert).isEqualTo("[2J]0;pwned]8;;http://evil\\x31m");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u202e", "\u202a", "\u202d", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c", "\u200b",
        "\ufeff", "\u0000", "\u007f", "\ud800", "\udfff", "\ufffe", "\uffff"
      })
  void of_shouldDropCharacter_whenInvisibleOrControl(String c) {
    assertThat(InertText.of("a" + c + "b")).isEqualTo("ab");
    assertThat(InertText.isClean("a" + c + "b")).isFalse();
  }
}
