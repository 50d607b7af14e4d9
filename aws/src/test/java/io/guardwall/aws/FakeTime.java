package io.guardwall.aws;

import io.guardwall.core.retry.Sleeper;
import io.guardwall.core.testing.MovingClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * Simulated time: a clock that moves only when something sleeps on it, at once; a sleep can be held
 * at a gate until the test opens it. Thread-safe.
 */
final class FakeTime implements Sleeper {

  private volatile Instant now = Instant.parse("2026-12-01T10:00:00Z");
  private volatile CountDownLatch gate = new CountDownLatch(0);

  Clock clock() {
    return MovingClock.reading(() -> now);
  }

  Instant now() {
    return now;
  }

  /** Holds every sleep from now on until {@link #open}. */
  void close() {
    gate = new CountDownLatch(1);
  }

  void open() {
    gate.countDown();
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    gate.await();
    synchronized (this) {
      now = now.plus(duration);
    }
  }

  /** A pacer on this time. */
  WafWritePacer pacer() {
    return new WafWritePacer(clock(), this);
  }
}
