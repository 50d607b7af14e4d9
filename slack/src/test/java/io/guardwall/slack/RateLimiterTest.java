package io.guardwall.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final FakeTime time = FakeTime.frozen();
  private final RateLimiter limiter = new RateLimiter(time, Duration.ofSeconds(1));

  @Test
  void reserve_shouldHandOutSlotsOneIntervalApart_whenManyThreadsAsk() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Duration>> waits = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      waits.add(pool.submit(limiter::reserve));
    }
    List<Duration> got = new ArrayList<>();
    for (Future<Duration> wait : waits) {
      got.add(wait.get());
    }
    pool.shutdown();

    assertThat(got)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, 20).mapToObj(Duration::ofSeconds).toList());
  }

  @Test
  void reserve_shouldNotWait_whenTheLastSlotIsLongPast() {
    limiter.reserve();
    time.pass(Duration.ofSeconds(5));

    assertThat(limiter.reserve()).isZero();
    assertThat(limiter.untilFree()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void holdOff_shouldDelayTheNextSlot_butNeverBringItForward() {
    limiter.holdOff(Duration.ofSeconds(7));
    assertThat(limiter.untilFree()).isEqualTo(Duration.ofSeconds(7));

    limiter.holdOff(Duration.ofSeconds(2));
    assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(7));
    assertThat(limiter.untilFree()).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void untilFree_shouldNotTakeTheSlot() {
    assertThat(limiter.untilFree()).isZero();
    assertThat(limiter.untilFree()).isZero();
    assertThat(limiter.reserve()).isZero();
  }
}
