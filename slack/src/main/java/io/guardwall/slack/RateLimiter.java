package io.guardwall.slack;

import java.time.Duration;

/**
 * Hands out send slots at least one interval apart, shared by every thread that posts to one
 * webhook; callers reserve a slot and then wait for it outside the lock. Thread-safe.
 */
final class RateLimiter {

  private final Time time;
  private final long intervalNanos;
  private long nextFree;
  private long heldUntil;

  RateLimiter(Time time, Duration interval) {
    this.time = time;
    this.intervalNanos = interval.toNanos();
    this.nextFree = time.nanoTime();
    this.heldUntil = nextFree;
  }

  /** Takes the next free slot and returns how long the caller must wait for it. */
  synchronized Duration reserve() {
    long now = time.nanoTime();
    long slot = Math.max(now, nextFree);
    nextFree = slot + intervalNanos;
    return Duration.ofNanos(slot - now);
  }

  /** How long until a slot is free, without taking it. */
  synchronized Duration untilFree() {
    return Duration.ofNanos(Math.max(0, nextFree - time.nanoTime()));
  }

  /** No slot before {@code pause} from now (Slack's Retry-After applies to the whole webhook). */
  synchronized void holdOff(Duration pause) {
    heldUntil = Math.max(heldUntil, time.nanoTime() + pause.toNanos());
    nextFree = Math.max(nextFree, heldUntil);
  }

  /** How much longer the last {@link #holdOff} lasts; zero once it passed. */
  synchronized Duration heldFor() {
    return Duration.ofNanos(Math.max(0, heldUntil - time.nanoTime()));
  }
}
