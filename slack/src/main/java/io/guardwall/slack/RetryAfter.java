package io.guardwall.slack;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads Slack's {@code Retry-After} header: a whole number of seconds. */
final class RetryAfter {

  private static final Pattern SECONDS = Pattern.compile("\\d+");
  // Longer numbers mean "very long" (and would overflow): they exceed any retry budget all the
  // same.
  private static final int MAX_DIGITS = 9;

  private RetryAfter() {}

  /** The wait asked for, or empty when absent or not seconds (then we back off on our own). */
  static Optional<Duration> parse(Optional<String> header) {
    return header.map(String::strip).filter(v -> SECONDS.matcher(v).matches()).map(RetryAfter::of);
  }

  private static Duration of(String digits) {
    String capped = digits.length() > MAX_DIGITS ? "9".repeat(MAX_DIGITS) : digits;
    return Duration.ofSeconds(Long.parseLong(capped));
  }
}
