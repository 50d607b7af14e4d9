package io.guardwall.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExcerptTest {

  @Test
  void of_shouldKeepText_whenItFits() {
    String text = "x".repeat(Excerpt.DEFAULT_LENGTH);
    assertThat(Excerpt.of(text)).isSameAs(text);
  }

  @Test
  void of_shouldCutToTheLengthWithAnEllipsis_whenTextIsLonger() {
    assertThat(Excerpt.of("x".repeat(100_000))).isEqualTo("x".repeat(61) + "...");
    assertThat(Excerpt.of("abcdefghij", 8)).isEqualTo("abcde...");
  }

  @Test
  void of_shouldNotSplitASurrogatePair_whenTheCutFallsInsideOne() {
    String text = "abcd\uD83D\uDE00fghij";
    assertThat(Excerpt.of(text, 8)).isEqualTo("abcd...");
  }

  @Test
  void of_shouldRefuse_whenTheLengthLeavesNoRoomForText() {
    assertThatThrownBy(() -> Excerpt.of("abcdef", 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quoted_shouldQuoteTheExcerpt() {
    assertThat(Excerpt.quoted("a'b")).isEqualTo("'a'b'");
    assertThat(Excerpt.quoted("y".repeat(1000))).isEqualTo("'" + "y".repeat(61) + "...'");
  }
}
