package io.guardwall.slack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that only moves when slept on (or never, when frozen), remembering every sleep; shared
 * with the CLI's tests through this module's test-jar. Thread-safe.
 */
public final class FakeTime implements Time {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
  private final boolean advancing;
  private final List<Duration> sleeps = new ArrayList<>();

  private FakeTime(boolean advancing) {
    this.advancing = advancing;
  }

  /** Sleeping moves the clock forward by the time slept. */
  public static FakeTime advancing() {
    return new FakeTime(true);
  }

  /** The clock never moves: every sleep request shows how far ahead a slot was reserved. */
  public static FakeTime frozen() {
    return new FakeTime(false);
  }

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public void sleep(Duration duration) {
    synchronized (sleeps) {
      sleeps.add(duration);
    }
    if (advancing) {
      nanos.addAndGet(duration.toNanos());
    }
  }

  /** Moves the clock without recording a sleep, as if the program did other work. */
  public void pass(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  /** Every sleep so far, in order. */
  public List<Duration> sleeps() {
    synchronized (sleeps) {
      return List.copyOf(sleeps);
    }
  }

  /** Time since this clock was made. */
  public Duration elapsed() {
    return Duration.ofNanos(nanos.get() - 1_000_000_000_000L);
  }
}
