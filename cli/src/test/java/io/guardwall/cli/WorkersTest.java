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
    for (int i = 0; i < 4; i++) {
      workers.submit(held);
    }
    Thread fifth = new Thread(() -> workers.submit(held));
    fifth.start();
    while (fifth.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    assertThat(fifth.isAlive()).isTrue();
    release.countDown();
    fifth.join();
    workers.finish();
    assertThat(ran).hasValue(5);
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
