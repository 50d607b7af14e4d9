package io.guardwall.core.reconcile;

import io.guardwall.core.retry.Backoff;
import io.guardwall.core.retry.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How the reconciler retries a conflict or a transient failure: at most {@code maxAttempts}
 * attempts, with a {@link Backoff} between them drawn from {@code random} and waited out on {@code
 * sleeper}. Immutable and thread-safe when the random source and the sleeper are.
 */
public record RetryPolicy(
    int maxAttempts, Backoff backoff, DoubleSupplier random, Sleeper sleeper) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be positive: " + maxAttempts);
    }
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(sleeper, "sleeper");
  }

  /** A policy that backs off from {@code baseDelay} up to {@code maxDelay} in real time. */
  public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    this(
        maxAttempts,
        new Backoff(baseDelay, maxDelay),
        () -> ThreadLocalRandom.current().nextDouble(),
        Sleeper.SYSTEM);
  }

  public static RetryPolicy defaults() {
    return new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(5));
  }

  /** No waiting between attempts, for dry runs and tests. */
  public static RetryPolicy immediate(int maxAttempts) {
    return new RetryPolicy(maxAttempts, Duration.ZERO, Duration.ZERO);
  }

  /** A random delay before attempt {@code attempt + 1}, as {@link Backoff#delayAfter}. */
  public Duration delayAfter(int attempt) {
    return backoff.delayAfter(attempt, random.getAsDouble());
  }

  /** Sleeps for the delay after {@code attempt}; keeps the interrupt flag when interrupted. */
  void pause(int attempt) {
    try {
      sleeper.sleep(delayAfter(attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off", e);
    }
  }
}
