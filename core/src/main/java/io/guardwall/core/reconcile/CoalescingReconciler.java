package io.guardwall.core.reconcile;

import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Merges concurrent reconcile requests: while one reconcile is in flight, every request that
 * arrives joins a single follow-up run, which starts when the one in flight ends. A burst of
 * requests thus costs about two rule group updates, not one per request. Thread-safe.
 *
 * <p>A caller returns only after a reconcile that started after its request has finished, so the
 * result always reflects what the caller stored before asking. The reconcile runs on the thread of
 * one of the callers that joined it; no threads of its own.
 *
 * @param <R> what a reconcile returns
 */
public final class CoalescingReconciler<R> {

  private final Supplier<R> reconciler;

  // Guarded by this: the run that requests join (not started yet), and whether a run is going.
  private @Nullable Run<R> pending;
  private boolean running;

  private CoalescingReconciler(Supplier<R> reconciler) {
    this.reconciler = reconciler;
  }

  /** Coalesces the reconciles of every enforcement point: one reconcile of all per batch. */
  public static CoalescingReconciler<TargetsResult> of(TargetsReconciler reconciler) {
    Objects.requireNonNull(reconciler, "reconciler");
    return new CoalescingReconciler<>(reconciler::reconcile);
  }

  /**
   * Waits for a reconcile that starts after this call, running it on this thread when no other
   * does, and returns its result.
   *
   * @throws RuntimeException whatever the reconcile threw (a store failure) when it failed; every
   *     caller that joined it gets the same exception
   * @throws IllegalStateException when interrupted while waiting; the interrupt flag is kept
   */
  public R request() {
    Run<R> run = joinOrStart();
    if (!run.isDone()) {
      execute(run);
    }
    return run.outcome();
  }

  /** Joins the pending run and waits; returns it done, or started by (and for) this thread. */
  private synchronized Run<R> joinOrStart() {
    if (pending == null) {
      pending = new Run<>();
    }
    Run<R> run = pending;
    while (running && !run.isDone()) {
      await();
    }
    if (!run.isDone()) {
      // Nothing is in flight and the run has not started, so it is still the pending one.
      running = true;
      pending = null;
    }
    return run;
  }

  private void execute(Run<R> run) {
    try {
      run.succeed(reconciler.get());
    } catch (RuntimeException | Error e) {
      run.fail(e);
    } finally {
      synchronized (this) {
        running = false;
        notifyAll();
      }
    }
  }

  // Every caller waits in a loop on its own condition.
  @SuppressWarnings("WaitNotInLoop")
  private void await() {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a reconcile", e);
    }
  }

  /** One reconcile and its outcome, shared by every request that joined it; thread-safe. */
  private static final class Run<T> {
    private @Nullable T result;
    private @Nullable Throwable failure;
    private boolean done;

    synchronized boolean isDone() {
      return done;
    }

    synchronized void succeed(T value) {
      result = value;
      done = true;
    }

    synchronized void fail(Throwable e) {
      failure = e;
      done = true;
    }

    synchronized T outcome() {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return Objects.requireNonNull(result, "outcome asked for before the run was done");
    }
  }
}
