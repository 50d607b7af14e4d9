package io.guardwall.slack;

import io.guardwall.core.retry.Sleeper;
import java.time.Duration;

/**
 * A monotonic clock and a way to wait on it, which the webhook's one-per-second pace runs on; the
 * seam that lets tests wait without waiting. Implementations are thread-safe.
 */
public interface Time extends Sleeper {

  /** Now, in nanoseconds from an arbitrary origin, as {@link System#nanoTime}. */
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
