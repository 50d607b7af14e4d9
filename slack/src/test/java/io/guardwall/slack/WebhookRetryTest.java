package io.guardwall.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.retry.Backoff;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retry budget; the backoff itself is core's {@link Backoff} (see its test). */
class WebhookRetryTest {

  @Test
  void constructor_shouldBuildCoresBackoff_fromTheDelays() {
    WebhookRetry retry =
        new WebhookRetry(5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(1));

    assertThat(retry.backoff())
        .isEqualTo(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)));
    assertThat(retry.backoff().delayAfter(3, 0.5)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void defaults_shouldBeFiveAttemptsWithinAMinute() {
    assertThat(WebhookRetry.defaults())
        .isEqualTo(
            new WebhookRetry(
                5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(1)));
  }

  @Test
  void constructor_shouldRejectNonsense() {
    Duration s = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new WebhookRetry(0, s, s, s)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> new WebhookRetry(1, s.negated(), s, s))
        .hasMessageContaining("baseDelay");
    assertThatThrownBy(() -> new WebhookRetry(1, s, s, s.negated()))
        .hasMessageContaining("maxTotalWait");
    assertThatThrownBy(() -> new WebhookRetry(1, s.multipliedBy(2), s, s))
        .hasMessageContaining("maxDelay");
    assertThatThrownBy(() -> new WebhookRetry(1, null, s, s))
        .isInstanceOf(NullPointerException.class);
  }
}
