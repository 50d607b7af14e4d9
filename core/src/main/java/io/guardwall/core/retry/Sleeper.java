package io.guardwall.core.retry;

import java.time.Duration;

/** A way to wait; the seam that lets tests back off without waiting. */
@FunctionalInterface
public interface Sleeper {

  /** Waits for {@code duration} (nothing when zero or negative). */
  void sleep(Duration duration) throws InterruptedException;

  /** The real wait: {@link Thread#sleep(long, int)}. */
  Sleeper SYSTEM =
      duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
          Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
      };
}
