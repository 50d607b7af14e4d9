package io.guardwall.sqlite;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Objects;

/**
 * Instants as fixed-width UTC text ({@code 2030-01-01T00:00:00.123456789Z}): exact to the
 * nanosecond, readable in the sqlite3 shell, and ordered as text so SQL can compare them.
 */
final class InstantText {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
          .withZone(ZoneOffset.UTC)
          .withResolverStyle(ResolverStyle.STRICT);
  private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private InstantText() {}

  /** The text of {@code instant}; only years 0000 to 9999 keep the fixed width. */
  static String format(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
      throw new IllegalArgumentException("instant outside years 0000-9999: " + instant);
    }
    // By hand: the formatter cost as much as the rest of writing a row.
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    StringBuilder b = new StringBuilder(30);
    digits(b, t.getYear(), 4).append('-');
    digits(b, t.getMonthValue(), 2).append('-');
    digits(b, t.getDayOfMonth(), 2).append('T');
    digits(b, t.getHour(), 2).append(':');
    digits(b, t.getMinute(), 2).append(':');
    digits(b, t.getSecond(), 2).append('.');
    return digits(b, instant.getNano(), 9).append('Z').toString();
  }

  private static StringBuilder digits(StringBuilder b, int value, int width) {
    String text = Integer.toString(value);
    b.append("000000000", 0, width - text.length());
    return b.append(text);
  }

  static Instant parse(String text) {
    return Instant.from(FORMAT.parse(text));
  }
}
