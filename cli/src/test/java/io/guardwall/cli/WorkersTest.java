package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WorkersTest {

  @Test
  @Timeout(20)
  void submit_shouldWait_whenAsManyTasksArePendingAsAllowed() throws Exception {
    Workers workers = new Workers(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger ran = new AtomicInteger();
    Runnable held =
        () -> {
          await(release);
          ran.incrementAndGet();
        };
    for (int i = 0; i < Workers.PENDING_PER_THREAD; i++) {
      workers.submit(held);
    }
    Thread next = new Thread(() -> workers.submit(held));
    next.start();
    while (next.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    assertThat(next.isAlive()).isTrue();
    release.countDown();
    next.join();
    workers.finish();
    assertThat(ran).hasValue(Workers.PENDING_PER_THREAD + 1);
  }

  @Test
  @Timeout(20)
  void finish_shouldNameTheFailure_whenATaskThrew() {
    Workers workers = new Workers(2);
    workers.submit(
        () -> {
          throw new IllegalArgumentException("boom");
        });
    assertThatThrownBy(workers::finish)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a worker failed")
        .hasMessageContaining("boom");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
