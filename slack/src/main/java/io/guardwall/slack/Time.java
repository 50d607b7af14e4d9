package io.guardwall.slack;

import io.guardwall.core.retry.Sleeper;
import java.time.Duration;

/** A monotonic clock and a way to wait on it; the seam that lets tests wait without waiting. */
interface Time extends Sleeper {

  long nanoTime();

  /** The real clock: {@link System#nanoTime} and {@link Sleeper#SYSTEM}. */
  Time SYSTEM =
      new Time() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
          Sleeper.SYSTEM.sleep(duration);
        }
      };
}
