package io.guardwall.aws;

import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Spaces WAF writes at least a second apart per account and Region (WAF allows one Create, Put or
 * Update call per second there) and coalesces them: while a write to an IP set waits for its turn,
 * a newer one to the same set takes its place, so only the newest desired state is written. The
 * caller whose write was replaced gets a {@link FirewallConflictException}: a newer apply wrote
 * after its read, and the reconciler retries from a fresh read. Writes run on the threads of their
 * callers (one of them drives a lane at a time), none of their own. Thread-safe.
 */
final class WafWritePacer {

  /** WAF's documented rate for Create, Put and Update calls, per account and Region. */
  static final Duration SPACING = Duration.ofSeconds(1);

  private static final WafWritePacer SHARED = new WafWritePacer(Clock.systemUTC(), Sleeper.SYSTEM);

  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
  private final AtomicLong queued = new AtomicLong();

  WafWritePacer(Clock clock, Sleeper sleeper) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** The pacer every target of this process shares, on the real clock. */
  static WafWritePacer shared() {
    return SHARED;
  }

  /**
   * Runs {@code write} to {@code item} in its turn on {@code lane}, unless a newer write to the
   * same item replaces it first; returns when it ran.
   *
   * @throws FirewallConflictException when a newer write to {@code item} replaced this one
   * @throws RuntimeException whatever {@code write} threw
   */
  void write(String lane, String item, Runnable write) {
    lanes.computeIfAbsent(lane, k -> new Lane()).write(item, write);
  }

  /** How many writes have joined a queue so far, for tests that stage a burst. */
  long queued() {
    return queued.get();
  }

  /** The writes to distinct items waiting on one lane, first come first served. */
  private final class Lane {
    // Guarded by this: the newest waiting write per item, in the order the items first queued.
    private final Map<String, Pending> queue = new LinkedHashMap<>();
    private boolean driving;
    private Instant nextSlot = Instant.EPOCH;

    void write(String item, Runnable write) {
      Pending mine = enqueue(item, write);
      while (takeTheWheel(mine)) {
        try {
          driveUntilDone(mine);
        } finally {
          release();
        }
      }
      mine.outcome();
    }

    private synchronized Pending enqueue(String item, Runnable write) {
      Pending mine = new Pending(item, write);
      Pending replaced = queue.put(item, mine);
      queued.incrementAndGet();
      if (replaced != null) {
        replaced.supersede();
        notifyAll();
      }
      return mine;
    }

    /** Waits until {@code mine} is done (false) or this thread is to drive the lane (true). */
    private synchronized boolean takeTheWheel(Pending mine) {
      while (driving && !mine.isDone()) {
        await();
      }
      if (mine.isDone()) {
        return false;
      }
      driving = true;
      return true;
    }

    private synchronized void release() {
      driving = false;
      notifyAll();
    }

    private void driveUntilDone(Pending mine) {
      while (!mine.isDone()) {
        waitForSlot();
        Pending next = poll();
        if (next != null) {
          synchronized (this) {
            nextSlot = clock.instant().plus(SPACING);
          }
          next.run();
          signal();
        }
      }
    }

    private void waitForSlot() {
      Duration wait;
      synchronized (this) {
        wait = Duration.between(clock.instant(), nextSlot);
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting to write to WAF", e);
      }
    }

    private synchronized @Nullable Pending poll() {
      Iterator<Pending> first = queue.values().iterator();
      if (!first.hasNext()) {
        return null;
      }
      Pending next = first.next();
      first.remove();
      return next;
    }

    private synchronized void signal() {
      notifyAll();
    }

    // Every caller waits in a loop on its own condition.
    @SuppressWarnings("WaitNotInLoop")
    private void await() {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting to write to WAF", e);
      }
    }
  }

  /** One write and its outcome; thread-safe. */
  private static final class Pending {
    private final String item;
    private final Runnable write;
    private @Nullable RuntimeException failure;
    private boolean done;

    Pending(String item, Runnable write) {
      this.item = item;
      this.write = write;
    }

    void run() {
      RuntimeException outcome = null;
      try {
        write.run();
      } catch (RuntimeException e) {
        outcome = e;
      }
      finish(outcome);
    }

    void supersede() {
      finish(
          new FirewallConflictException(
              "the write to " + item + " was replaced by a newer one before its turn", null));
    }

    synchronized boolean isDone() {
      return done;
    }

    private synchronized void finish(@Nullable RuntimeException e) {
      failure = e;
      done = true;
    }

    synchronized void outcome() {
      if (failure != null) {
        throw failure;
      }
    }
  }
}
