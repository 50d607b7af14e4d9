package io.guardwall.cli;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fixed pool of worker threads that takes a bounded number of tasks at a time: {@link #submit}
 * waits while the pool is full, so a reader can never run far ahead of the workers and fill the
 * memory with queued events. Keeps the first failure of a task. Thread-safe.
 */
final class Workers {

  /** Tasks allowed per thread, running or waiting: a task is a batch of events. */
  static final int PENDING_PER_THREAD = 2;

  private final ExecutorService pool;
  private final Semaphore slots;
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  Workers(int threads) {
    this.pool = Executors.newFixedThreadPool(threads);
    this.slots = new Semaphore(threads * PENDING_PER_THREAD);
  }

  /** Runs {@code task} on a worker, waiting first while as many tasks as allowed are pending. */
  void submit(Runnable task) {
    rethrowFailure();
    slots.acquireUninterruptibly();
    var unused = pool.submit(() -> run(task));
  }

  /**
   * Waits for every task submitted to end.
   *
   * @throws IllegalStateException naming the first task failure
   */
  void finish() {
    pool.shutdown();
    try {
      while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        // A large backfill may take longer than any fixed wait.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    rethrowFailure();
  }

  /** Stops the workers without waiting. */
  void stop() {
    pool.shutdownNow();
  }

  private void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    } finally {
      slots.release();
    }
  }

  private void rethrowFailure() {
    RuntimeException e = failure.get();
    if (e != null) {
      throw new IllegalStateException("a worker failed: " + e, e);
    }
  }
}
