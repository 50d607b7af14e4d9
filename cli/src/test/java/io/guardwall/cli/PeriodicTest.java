package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTest {

  @Test
  void rethrowFailure_shouldThrowTheTasksException_whenACheckpointHitABug() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    Periodic ticks =
        new Periodic(
            () -> {
              ran.countDown();
              throw new IllegalStateException("bug in a checkpoint");
            },
            Duration.ofMillis(1));

    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    ticks.stop();

    assertThatThrownBy(ticks::rethrowFailure)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bug in a checkpoint");
  }

  @Test
  void rethrowFailure_shouldReturn_whenTheTaskNeverThrew() throws Exception {
    CountDownLatch twice = new CountDownLatch(2);
    AtomicInteger runs = new AtomicInteger();
    Periodic ticks =
        new Periodic(
            () -> {
              runs.incrementAndGet();
              twice.countDown();
            },
            Duration.ofMillis(1));

    assertThat(twice.await(10, TimeUnit.SECONDS)).isTrue();
    ticks.stop();
    int stopped = runs.get();

    ticks.rethrowFailure();
    assertThat(runs).as("no run after stop").hasValue(stopped);
  }
}
