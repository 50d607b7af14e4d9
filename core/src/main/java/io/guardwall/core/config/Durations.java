package io.guardwall.core.config;

import java.time.Duration;
import java.util.Objects;

/** Bounds checks for the durations guardwall takes from users; stateless and thread-safe. */
public final class Durations {

  /** The longest block, block duration or notification memory: ten years. */
  public static final Duration MAX = Duration.ofDays(3650);

  private Durations() {}

  /**
   * {@code d} when it is positive and at most {@code max}.
   *
   * @throws IllegalArgumentException naming {@code name}, before an absurd value can overflow the
   *     arithmetic on instants later
   */
  public static Duration requireWithin(Duration d, String name, Duration max) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    if (d.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be at most " + describe(max) + ": " + d);
    }
    return d;
  }

  private static String describe(Duration d) {
    return d.toSeconds() % 86_400 == 0 && d.toNanosPart() == 0
        ? "P" + d.toDays() + "D (" + d.toDays() + " days)"
        : d.toString();
  }
}
