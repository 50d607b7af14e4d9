package io.guardwall.cli;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a task at a fixed delay on its own thread until stopped, and keeps the first exception the
 * task threw: a scheduled executor would only stop running it, so a bug in a checkpoint would go
 * unseen and the command would succeed. Thread-safe.
 */
final class Periodic {

  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  Periodic(Runnable task, Duration every) {
    long millis = every.toMillis();
    // Failures reach the caller through rethrowFailure, not through the future.
    var unused =
        thread.scheduleWithFixedDelay(() -> run(task), millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Stops the task, waiting for a run in flight to end. */
  void stop() {
    thread.shutdown();
    try {
      thread.awaitTermination(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Returns when the task never threw.
   *
   * @throws RuntimeException the first exception the task threw
   */
  void rethrowFailure() {
    RuntimeException e = failure.get();
    if (e != null) {
      throw e;
    }
  }

  private void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
      throw e;
    }
  }
}
