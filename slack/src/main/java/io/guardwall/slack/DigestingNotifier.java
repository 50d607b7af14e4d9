package io.guardwall.slack;

import io.guardwall.core.port.Notifier;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.slack.SlackMessage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Queues messages and posts them from one background thread at the webhook's pace, so that a burst
 * becomes digests rather than a storm: while messages wait for their turn, queued BLOCKED digests
 * are merged into as few messages as Block Kit allows; FINDING alerts are posted one by one. {@link
 * #send} only queues, {@link #deliver} queues and waits for that message's answer; {@link #flush}
 * waits until everything queued so far was delivered or failed and throws an {@link
 * UndeliveredException} naming every message sent (not delivered) that failed since the last flush,
 * and {@link #close} does the same and stops the thread. Nothing is dropped silently: always close
 * it. Thread-safe: any number of threads may send, deliver, flush and close.
 */
public final class DigestingNotifier implements Notifier, AutoCloseable {

  private final Notifier delivery;
  private final Runnable awaitTurn;
  private final Thread worker;
  private List<Outgoing> queue = new ArrayList<>();
  private final List<Undelivered> failed = new ArrayList<>();
  // By identity: two equal messages queued by two callers each have their own answer.
  private final IdentityHashMap<SlackMessage, CompletableFuture<Void>> awaited =
      new IdentityHashMap<>();
  private @Nullable Outgoing inFlight;
  private long queued;
  private long done;
  private boolean closed;

  DigestingNotifier(Notifier delivery, Runnable awaitTurn) {
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.awaitTurn = Objects.requireNonNull(awaitTurn, "awaitTurn");
    this.worker = new Thread(this::run, "guardwall-slack-digest");
    worker.setDaemon(true);
    worker.start();
  }

  /** Starts queueing in front of {@code webhook}, whose pace decides how much gets merged. */
  public static DigestingNotifier start(SlackWebhookNotifier webhook) {
    return new DigestingNotifier(webhook, webhook::awaitTurn);
  }

  /**
   * Queues {@code message} and returns at once; a failure to deliver it is thrown by the next
   * {@link #flush} or {@link #close}.
   *
   * @throws IllegalStateException when this notifier is closed
   */
  @Override
  public synchronized void send(SlackMessage message) {
    Objects.requireNonNull(message, "message");
    if (closed) {
      throw new IllegalStateException("the Slack digest queue is closed; message not sent");
    }
    queue.add(Outgoing.of(message));
    queued++;
    notifyAll();
  }

  /**
   * Queues {@code message} and waits until Slack accepted it, at the webhook's pace; its failure is
   * thrown here, not by {@link #flush} or {@link #close}.
   *
   * @throws NotifyException when it was not delivered, or when interrupted while waiting
   * @throws IllegalStateException when this notifier is closed
   */
  @Override
  public void deliver(SlackMessage message) {
    CompletableFuture<Void> answer = new CompletableFuture<>();
    synchronized (this) {
      send(message);
      awaited.put(message, answer);
    }
    try {
      answer.get();
    } catch (ExecutionException e) {
      throw (NotifyException) e.getCause();
    } catch (InterruptedException e) {
      stopAwaiting(message);
      throw interrupted();
    }
  }

  /** Leaves a message the caller no longer waits for to be reported by flush, as sent ones are. */
  /** How many {@link #deliver} calls are waiting for Slack's answer; for tests. */
  synchronized int awaiting() {
    return awaited.size();
  }

  private synchronized void stopAwaiting(SlackMessage message) {
    awaited.remove(message);
  }

  /**
   * Waits until every message queued before this call was delivered or finally failed.
   *
   * @throws UndeliveredException when any message failed since the previous flush
   * @throws NotifyException when interrupted while waiting (the interrupt flag stays set)
   */
  public void flush() {
    awaitDone();
    throwFailures();
  }

  /**
   * Stops taking messages, waits until everything queued was delivered or failed, and stops the
   * thread; closing again does nothing more.
   *
   * @throws UndeliveredException when any message failed since the previous flush
   */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    try {
      worker.join();
    } catch (InterruptedException e) {
      throw interrupted();
    }
    throwFailures();
  }

  private synchronized void awaitDone() {
    long target = queued;
    try {
      while (done < target) {
        wait();
      }
    } catch (InterruptedException e) {
      throw interrupted();
    }
  }

  private static NotifyException interrupted() {
    Thread.currentThread().interrupt();
    return new NotifyException("interrupted while waiting for Slack deliveries", null);
  }

  private void throwFailures() {
    List<Undelivered> failures;
    synchronized (this) {
      failures = List.copyOf(failed);
      failed.clear();
    }
    if (!failures.isEmpty()) {
      throw new UndeliveredException(failures);
    }
  }

  private void run() {
    Throwable stoppedBy = null;
    try {
      for (Outgoing next = next(); next != null; next = next()) {
        post(next);
      }
    } catch (RuntimeException | Error e) {
      stoppedBy = e;
      throw e;
    } finally {
      failLeftovers(stoppedBy);
    }
  }

  /**
   * Waits for work, then for the webhook's turn, then merges what queued up meanwhile; null once
   * closed and empty. Work comes first so that closing an idle notifier right after a post does not
   * wait out the pace.
   */
  private @Nullable Outgoing next() {
    if (!awaitWork()) {
      return null;
    }
    awaitTurn.run();
    // Only this thread takes from the queue, so it still holds what awaitWork saw, and more.
    synchronized (this) {
      queue = Digests.merge(queue);
      inFlight = queue.remove(0);
      return inFlight;
    }
  }

  /** Whether there is work: false once closed with nothing queued. */
  private synchronized boolean awaitWork() {
    while (queue.isEmpty() && !closed) {
      waitForWork();
    }
    return !queue.isEmpty();
  }

  // The caller waits in a loop on its own condition.
  @SuppressWarnings("WaitNotInLoop")
  private void waitForWork() {
    try {
      wait();
    } catch (InterruptedException e) {
      throw new IllegalStateException("the Slack digest thread was interrupted", e);
    }
  }

  private void post(Outgoing outgoing) {
    NotifyException failure = null;
    try {
      delivery.send(outgoing.message());
    } catch (NotifyException e) {
      failure = e;
    } catch (RuntimeException e) {
      failure =
          new NotifyException(
              "unexpected error while posting to Slack: " + e.getClass().getName(), e);
    }
    finished(outgoing, failure);
  }

  private synchronized void finished(Outgoing outgoing, @Nullable NotifyException failure) {
    for (SlackMessage m : outgoing.originals()) {
      CompletableFuture<Void> waiting = awaited.remove(m);
      if (waiting != null) {
        answer(waiting, failure);
      } else if (failure != null) {
        failed.add(new Undelivered(m, failure));
      }
    }
    done += outgoing.originals().size();
    // The very batch this thread took, not an equal one.
    if (outgoing.equals(inFlight)) {
      inFlight = null;
    }
    notifyAll();
  }

  private static void answer(CompletableFuture<Void> waiting, @Nullable NotifyException failure) {
    if (failure == null) {
      waiting.complete(null);
    } else {
      waiting.completeExceptionally(failure);
    }
  }

  private synchronized void failLeftovers(@Nullable Throwable cause) {
    closed = true;
    NotifyException failure =
        new NotifyException("the Slack digest thread stopped before posting this message", cause);
    if (inFlight != null) {
      finished(inFlight, failure);
    }
    queue.forEach(o -> finished(o, failure));
    queue.clear();
  }
}
