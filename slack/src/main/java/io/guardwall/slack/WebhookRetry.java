package io.guardwall.slack;

import io.guardwall.core.retry.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How hard {@link SlackWebhookNotifier} retries a message that failed for a reason that may pass
 * (HTTP 429, 5xx, I/O): at most {@code maxAttempts} posts, with core's {@link Backoff} between
 * them, and never more than {@code maxTotalWait} of backoff and Retry-After waits in all (waits for
 * the one-message-per-second pace are not counted, and that pace keeps apart even two posts whose
 * backoff drew zero); immutable and thread-safe.
 */
public record WebhookRetry(int maxAttempts, Backoff backoff, Duration maxTotalWait) {

  public WebhookRetry {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    Objects.requireNonNull(backoff, "backoff");
    if (Objects.requireNonNull(maxTotalWait, "maxTotalWait").isNegative()) {
      throw new IllegalArgumentException("maxTotalWait must not be negative: " + maxTotalWait);
    }
  }

  /** Backoff from {@code baseDelay} doubling up to {@code maxDelay}. */
  public WebhookRetry(
      int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTotalWait) {
    this(maxAttempts, new Backoff(baseDelay, maxDelay), maxTotalWait);
  }

  /** Five attempts, backoff from 0.5 s doubling up to 30 s, one minute of waiting in all. */
  public static WebhookRetry defaults() {
    return new WebhookRetry(
        5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(1));
  }
}
