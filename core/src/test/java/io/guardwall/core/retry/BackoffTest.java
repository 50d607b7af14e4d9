package io.guardwall.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

  @Test
  void ceiling_shouldDoubleFromTheBase_upToTheMaximum() {
    assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofMillis(800));
    assertThat(backoff.ceiling(7)).isEqualTo(Duration.ofSeconds(5));
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 1_000, Integer.MAX_VALUE, 0, -5})
  void ceiling_shouldStayWithinBounds_whenAttemptIsExtreme(int attempt) {
    assertThat(backoff.ceiling(attempt)).isBetween(Duration.ofMillis(100), Duration.ofSeconds(5));
  }

  @Test
  void delayAfter_shouldBeTheRandomShareOfTheCeiling_fromZeroUp() {
    assertThat(backoff.delayAfter(3, 0.0)).isZero();
    assertThat(backoff.delayAfter(3, 0.5)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.delayAfter(3, Math.nextDown(1.0)))
        .isLessThan(Duration.ofMillis(400))
        .isGreaterThan(Duration.ofMillis(399));
  }

  @Test
  void delayAfter_shouldBeZero_whenNone() {
    assertThat(Backoff.none().delayAfter(5, 0.9)).isZero();
  }

  @Test
  void delayAfter_shouldRefuseRandomOutsideUnitInterval() {
    assertThatThrownBy(() -> backoff.delayAfter(1, 1.0)).hasMessageContaining("random");
    assertThatThrownBy(() -> backoff.delayAfter(1, -0.1)).hasMessageContaining("random");
    assertThatThrownBy(() -> backoff.delayAfter(1, Double.NaN)).hasMessageContaining("random");
  }

  @Test
  void constructor_shouldRefuseNonsense() {
    Duration s = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new Backoff(s.negated(), s)).hasMessageContaining("baseDelay");
    assertThatThrownBy(() -> new Backoff(s.multipliedBy(2), s)).hasMessageContaining("maxDelay");
    assertThatThrownBy(() -> new Backoff(s, Duration.ofDays(2))).hasMessageContaining("a day");
    assertThatThrownBy(() -> new Backoff(null, s)).isInstanceOf(NullPointerException.class);
  }
}
