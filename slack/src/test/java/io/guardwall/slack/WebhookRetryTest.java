package io.guardwall.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookRetryTest {

  private final WebhookRetry retry =
      new WebhookRetry(5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(1));

  @Test
  void backoff_shouldDoubleFromTheBase_withJitterInTheUpperHalf() {
    assertThat(retry.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(250));
    assertThat(retry.backoff(2, 0.0)).isEqualTo(Duration.ofMillis(500));
    assertThat(retry.backoff(3, 0.0)).isEqualTo(Duration.ofMillis(1000));
    assertThat(retry.backoff(3, 0.5)).isEqualTo(Duration.ofMillis(1500));
    assertThat(retry.backoff(3, 0.999999))
        .isBetween(Duration.ofMillis(1999), Duration.ofMillis(2000));
  }

  @Test
  void backoff_shouldStopAtMaxDelay_whenAttemptsGrowHuge() {
    assertThat(retry.backoff(7, 0.0)).isEqualTo(Duration.ofSeconds(15));
    assertThat(retry.backoff(64, 0.0)).isEqualTo(Duration.ofSeconds(15));
    assertThat(retry.backoff(Integer.MAX_VALUE, 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void backoff_shouldBeZero_whenDelaysAreZero() {
    WebhookRetry immediate = new WebhookRetry(3, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    assertThat(immediate.backoff(2, 0.7)).isZero();
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
