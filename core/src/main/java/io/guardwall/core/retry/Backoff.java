package io.guardwall.core.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounded exponential backoff with full jitter, the one backoff of guardwall: the wait after failed
 * attempt {@code n} is a uniformly random share of {@code min(maxDelay, baseDelay * 2^(n-1))}, so
 * that racing writers spread out instead of colliding again. Immutable and thread-safe.
 *
 * @param baseDelay the ceiling of the first wait
 * @param maxDelay the ceiling of every wait, at most a day
 */
public record Backoff(Duration baseDelay, Duration maxDelay) {

  private static final Duration LONGEST = Duration.ofDays(1);

  public Backoff {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (baseDelay.isNegative()) {
      throw new IllegalArgumentException("baseDelay must not be negative: " + baseDelay);
    }
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("maxDelay must not be less than baseDelay");
    }
    if (maxDelay.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException("maxDelay must be at most a day: " + maxDelay);
    }
  }

  /** No waiting at all, for dry runs and tests. */
  public static Backoff none() {
    return new Backoff(Duration.ZERO, Duration.ZERO);
  }

  /** The longest wait after failed attempt {@code attempt} (1-based). */
  Duration ceiling(int attempt) {
    int doublings = Math.min(Math.max(attempt - 1, 0), 62);
    long base = baseDelay.toNanos();
    long max = maxDelay.toNanos();
    return Duration.ofNanos(base > (max >> doublings) ? max : base << doublings);
  }

  /**
   * The wait after failed attempt {@code attempt} (1-based): {@code random} times its {@link
   * #ceiling}.
   *
   * @param random a number in [0, 1), from the caller's source of randomness
   */
  public Duration delayAfter(int attempt, double random) {
    if (!(random >= 0 && random < 1)) {
      throw new IllegalArgumentException("random must be in [0, 1): " + random);
    }
    return Duration.ofNanos((long) (random * ceiling(attempt).toNanos()));
  }
}
