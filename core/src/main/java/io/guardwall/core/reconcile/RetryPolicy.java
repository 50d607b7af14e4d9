package io.guardwall.core.reconcile;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded exponential backoff with full jitter, so that racing writers spread out instead of
 * colliding again; immutable and thread-safe.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be positive: " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
    }
  }

  public static RetryPolicy defaults() {
    return new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(5));
  }

  /** No waiting between attempts, for dry runs and tests. */
  public static RetryPolicy immediate(int maxAttempts) {
    return new RetryPolicy(maxAttempts, Duration.ZERO, Duration.ZERO);
  }

  /** A random delay before attempt {@code attempt + 1}, in [0, min(max, base * 2^(attempt-1))]. */
  public Duration delayAfter(int attempt) {
    long cap = baseDelay.toMillis() << Math.min(attempt - 1, 20);
    long bound = Math.min(maxDelay.toMillis(), cap);
    return Duration.ofMillis(bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1));
  }

  /** Sleeps for the delay after {@code attempt}; keeps the interrupt flag when interrupted. */
  public void pause(int attempt) {
    try {
      Thread.sleep(delayAfter(attempt).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off", e);
    }
  }
}
