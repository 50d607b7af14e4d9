package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CachedTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.EPOCH);
  private final AtomicInteger loads = new AtomicInteger();
  private final Cached<Integer> cached =
      new Cached<>(loads::incrementAndGet, Duration.ofMinutes(5), now::get);

  @Test
  void get_shouldLoadOnce_whenCalledWithinTtl() {
    cached.get();
    now.set(Instant.EPOCH.plus(Duration.ofMinutes(5)).minusNanos(1));

    assertThat(cached.get()).isEqualTo(1);
    assertThat(loads).hasValue(1);
  }

  @Test
  void get_shouldReload_whenTtlHasElapsed() {
    cached.get();
    now.set(Instant.EPOCH.plus(Duration.ofMinutes(5)));

    assertThat(cached.get()).isEqualTo(2);
  }

  @Test
  void get_shouldLoadAgain_whenPreviousLoadFailed() {
    AtomicInteger calls = new AtomicInteger();
    Cached<String> flaky =
        new Cached<>(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("down");
              }
              return "up";
            },
            Duration.ofMinutes(5),
            now::get);

    assertThatThrownBy(flaky::get).hasMessage("down");
    assertThat(flaky.get()).isEqualTo("up");
  }

  @Test
  void get_shouldLoadEveryTime_whenTtlIsZero() {
    Cached<Integer> uncached = new Cached<>(loads::incrementAndGet, Duration.ZERO, now::get);

    uncached.get();

    assertThat(uncached.get()).isEqualTo(2);
  }

  @Test
  void constructor_shouldReject_whenTtlNegative() {
    assertThatThrownBy(() -> new Cached<>(() -> 1, Duration.ofSeconds(-1), now::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }
}
