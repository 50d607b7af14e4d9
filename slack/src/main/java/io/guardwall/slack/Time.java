package io.guardwall.slack;

import java.time.Duration;

/** A monotonic clock and a way to wait on it; the seam that lets tests wait without waiting. */
interface Time {

  long nanoTime();

  void sleep(Duration duration) throws InterruptedException;

  /** The real clock: {@link System#nanoTime} and {@link Thread#sleep}. */
  Time SYSTEM =
      new Time() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
          Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
      };
}
