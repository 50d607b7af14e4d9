package io.guardwall.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** A UTC clock that stands still until the test sets or advances it. Thread-safe. */
public final class MovingClock extends Clock {

  private final Supplier<Instant> source;
  private volatile Instant now;

  /** A clock standing at {@code start}. */
  public MovingClock(Instant start) {
    this.now = start;
    this.source = () -> now;
  }

  /** A clock reading {@code source} each time, for a test double that keeps its own time. */
  public static Clock reading(Supplier<Instant> source) {
    return new MovingClock(source);
  }

  private MovingClock(Supplier<Instant> source) {
    this.now = Instant.EPOCH;
    this.source = source;
  }

  /** Sets the time. */
  public void set(Instant instant) {
    now = instant;
  }

  /** Moves the time forward. */
  public void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return source.get();
  }
}
