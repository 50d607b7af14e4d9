package io.guardwall.slack;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard {@link SlackWebhookNotifier} retries a message that failed for a reason that may pass
 * (HTTP 429, 5xx, I/O): at most {@code maxAttempts} posts, exponential backoff with jitter from
 * {@code baseDelay} up to {@code maxDelay} between them, and never more than {@code maxTotalWait}
 * of backoff and Retry-After waits in all (waits for the one-message-per-second pace are not
 * counted); immutable and thread-safe.
 */
public record WebhookRetry(
    int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTotalWait) {

  public WebhookRetry {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    requireNotNegative(baseDelay, "baseDelay");
    requireNotNegative(maxDelay, "maxDelay");
    requireNotNegative(maxTotalWait, "maxTotalWait");
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("maxDelay must not be less than baseDelay");
    }
  }

  /** Five attempts, 0.5 s doubling up to 30 s, one minute of waiting in all. */
  public static WebhookRetry defaults() {
    return new WebhookRetry(
        5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(1));
  }

  /**
   * The wait after failed attempt {@code attempt} (1-based): half the capped exponential step plus
   * a random share of the other half ("equal jitter"), so concurrent senders spread out but each
   * still backs off.
   *
   * @param random a number in [0, 1)
   */
  Duration backoff(int attempt, double random) {
    int doublings = Math.min(Math.max(attempt - 1, 0), 62);
    long base = baseDelay.toNanos();
    long max = maxDelay.toNanos();
    long cap = base > (max >> doublings) ? max : base << doublings;
    return Duration.ofNanos(cap / 2 + (long) (random * (cap - cap / 2)));
  }

  private static void requireNotNegative(Duration d, String name) {
    if (Objects.requireNonNull(d, name).isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + d);
    }
  }
}
