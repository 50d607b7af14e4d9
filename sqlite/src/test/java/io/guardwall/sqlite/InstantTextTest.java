package io.guardwall.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstantTextTest {

  @Test
  void format_shouldRoundTripExactly_whenInstantHasNanos() {
    Instant t = Instant.parse("2030-01-01T00:00:00.123456789Z");

    assertThat(InstantText.format(t)).isEqualTo("2030-01-01T00:00:00.123456789Z");
    assertThat(InstantText.parse(InstantText.format(t))).isEqualTo(t);
  }

  @Test
  void format_shouldKeepFixedWidth_whenFractionIsZero() {
    assertThat(InstantText.format(Instant.parse("2030-01-01T00:00:00Z")))
        .isEqualTo("2030-01-01T00:00:00.000000000Z");
  }

  @Test
  void format_shouldOrderAsText_likeInstants() {
    List<Instant> instants =
        List.of(
            Instant.parse("0000-01-01T00:00:00Z"),
            Instant.parse("1970-01-01T00:00:00Z"),
            Instant.parse("2030-01-01T00:00:00Z"),
            Instant.parse("2030-01-01T00:00:00.000000001Z"),
            Instant.parse("2030-01-01T00:00:00.5Z"),
            Instant.parse("2030-01-01T00:00:01Z"),
            Instant.parse("9999-12-31T23:59:59.999999999Z"));

    List<String> texts = instants.stream().map(InstantText::format).toList();

    assertThat(texts).isSorted();
  }

  @Test
  void format_shouldReject_whenYearOutsideFourDigits() {
    assertThatThrownBy(() -> InstantText.format(Instant.MAX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside years 0000-9999");
    assertThatThrownBy(() -> InstantText.format(Instant.parse("-0001-12-31T23:59:59Z")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_shouldReject_whenTextIsNotInstantText() {
    for (String bad :
        List.of("yesterday", "2030-01-01T00:00:00Z", "2030-02-30T00:00:00.000000000Z", "")) {
      assertThatThrownBy(() -> InstantText.parse(bad))
          .as(bad)
          .isInstanceOf(DateTimeParseException.class);
    }
  }
}
