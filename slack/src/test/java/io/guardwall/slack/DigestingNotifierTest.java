package io.guardwall.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.guardwall.core.port.Notifier;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.slack.SlackMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DigestingNotifierTest {

  /** A delivery that records, fails the messages it is told to, and can hold the first one. */
  private static final class FakeDelivery implements Notifier {
    private final List<SlackMessage> sent = new ArrayList<>();
    private final CountDownLatch firstArrived = new CountDownLatch(1);
    private final CountDownLatch release;
    private Consumer<SlackMessage> before = m -> {};

    FakeDelivery(boolean holdFirst) {
      release = new CountDownLatch(holdFirst ? 1 : 0);
    }

    @Override
    public void send(SlackMessage message) {
      firstArrived.countDown();
      await(release);
      synchronized (this) {
        before.accept(message);
        sent.add(message);
      }
    }

    synchronized List<SlackMessage> sent() {
      return List.copyOf(sent);
    }
  }

  /** Throws {@code error} for the messages that {@code which} picks. */
  private static Consumer<SlackMessage> fail(
      Predicate<SlackMessage> which, Supplier<? extends Throwable> error) {
    return m -> {
      if (which.test(m)) {
        throwUnchecked(error.get());
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void throwUnchecked(Throwable t) throws T {
    throw (T) t;
  }

  private static Supplier<NotifyException> rejected() {
    return () -> new NotifyException("Slack rejected the message", null);
  }

  private final AtomicInteger turns = new AtomicInteger();
  private DigestingNotifier notifier;

  @AfterEach
  void close() {
    if (notifier != null) {
      try {
        notifier.close();
      } catch (NotifyException ignored) {
        // the test already looked at what failed
      }
    }
  }

  private DigestingNotifier start(FakeDelivery delivery) {
    notifier = new DigestingNotifier(delivery, turns::incrementAndGet);
    return notifier;
  }

  @Test
  void flush_shouldReturnAfterEveryQueuedMessageWasDelivered() {
    FakeDelivery delivery = new FakeDelivery(false);
    DigestingNotifier n = start(delivery);

    for (int i = 0; i < 5; i++) {
      n.send(Messages.finding("f-" + i));
    }
    n.flush();

    assertThat(delivery.sent())
        .extracting(SlackMessage::findingId)
        .containsExactly("f-0", "f-1", "f-2", "f-3", "f-4");
    assertThat(turns.get()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void close_shouldNotWaitForTheNextTurn_whenNothingIsQueued() {
    FakeDelivery delivery = new FakeDelivery(false);
    DigestingNotifier n = start(delivery);

    n.send(Messages.finding("f-0"));
    n.flush();
    n.close();

    // One turn for the one post: an idle thread waits for work, not for the webhook's pace.
    assertThat(turns.get()).isEqualTo(1);
  }

  @Test
  void send_shouldMergeDigestsQueuedBehindAPost_whenTheWebhookIsBusy() throws Exception {
    FakeDelivery delivery = new FakeDelivery(true);
    DigestingNotifier n = start(delivery);
    n.send(Messages.blocked("198.51.100.0"));
    await(delivery.firstArrived);

    for (int i = 1; i <= 20; i++) {
      n.send(Messages.blocked("198.51.100." + i));
    }
    delivery.release.countDown();
    n.flush();

    assertThat(delivery.sent()).hasSize(3); // the first alone, then 17 + 3
    String all = delivery.sent().toString();
    for (int i = 0; i <= 20; i++) {
      assertThat(all).contains("198.51.100." + i + "`");
    }
  }

  @Test
  void flush_shouldNameEveryMergedMessage_whenTheirPostFails() {
    FakeDelivery delivery = new FakeDelivery(true);
    delivery.before = fail(m -> m.kind() == SlackMessage.Kind.BLOCKED, rejected());
    DigestingNotifier n = start(delivery);
    n.send(Messages.finding("f-0"));
    await(delivery.firstArrived);
    List<SlackMessage> digests =
        List.of(Messages.blocked("198.51.100.1"), Messages.blocked("198.51.100.2"));
    digests.forEach(n::send);
    delivery.release.countDown();

    UndeliveredException e = catchThrowableOfType(UndeliveredException.class, n::flush);

    assertThat(e.messages()).containsExactlyElementsOf(digests);
    assertThat(e.getMessage())
        .isEqualTo("2 Slack messages were not delivered: Slack rejected the message");
    assertThat(e.getSuppressed()).hasSize(1);
    assertThat(delivery.sent()).extracting(SlackMessage::findingId).containsExactly("f-0");
  }

  @Test
  void flush_shouldReportAFailureOnce() {
    FakeDelivery delivery = new FakeDelivery(false);
    delivery.before = fail(m -> "bad".equals(m.findingId()), rejected());
    DigestingNotifier n = start(delivery);
    n.send(Messages.finding("bad"));
    n.send(Messages.finding("good"));

    assertThatThrownBy(n::flush)
        .isInstanceOf(UndeliveredException.class)
        .hasMessageStartingWith("1 Slack message was not delivered");
    assertThatCode(n::flush).doesNotThrowAnyException();
    assertThat(delivery.sent()).extracting(SlackMessage::findingId).containsExactly("good");
  }

  @Test
  void close_shouldReportAnUnexpectedError_andKeepDelivering() {
    FakeDelivery delivery = new FakeDelivery(false);
    delivery.before =
        fail(m -> "boom".equals(m.findingId()), () -> new IllegalStateException("bug"));
    DigestingNotifier n = start(delivery);
    n.send(Messages.finding("boom"));
    n.send(Messages.finding("next"));

    UndeliveredException e = catchThrowableOfType(UndeliveredException.class, n::close);

    assertThat(e.getMessage()).contains("unexpected error", "IllegalStateException");
    assertThat(delivery.sent()).extracting(SlackMessage::findingId).containsExactly("next");
  }

  @Test
  void close_shouldReportEverythingLeft_whenTheThreadDies() {
    FakeDelivery delivery = new FakeDelivery(true);
    delivery.before =
        fail(m -> "fatal".equals(m.findingId()), () -> new StackOverflowError("test"));
    DigestingNotifier n = start(delivery);
    n.send(Messages.finding("fatal"));
    await(delivery.firstArrived);
    n.send(Messages.finding("queued"));
    delivery.release.countDown();

    UndeliveredException e = catchThrowableOfType(UndeliveredException.class, n::close);

    assertThat(e.messages()).extracting(SlackMessage::findingId).containsExactly("fatal", "queued");
    assertThat(e.getMessage()).contains("stopped before posting");
    assertThatThrownBy(() -> n.send(Messages.finding("late")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void close_shouldDeliverEverythingQueued_andRefuseMore() {
    FakeDelivery delivery = new FakeDelivery(false);
    DigestingNotifier n = start(delivery);
    for (int i = 0; i < 10; i++) {
      n.send(Messages.finding("f-" + i));
    }

    n.close();

    assertThat(delivery.sent()).hasSize(10);
    assertThatThrownBy(() -> n.send(Messages.finding("late")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatCode(n::close).doesNotThrowAnyException();
  }

  @Test
  void flush_shouldThrow_whenTheCallerIsInterrupted() {
    FakeDelivery delivery = new FakeDelivery(true);
    DigestingNotifier n = start(delivery);
    n.send(Messages.finding("f-0"));

    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(n::flush)
          .isInstanceOf(NotifyException.class)
          .hasMessageContaining("interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
      delivery.release.countDown();
    }
  }

  @Test
  void deliver_shouldReturnOnlyAfterSlackAcceptedTheMessage() throws Exception {
    FakeDelivery delivery = new FakeDelivery(true);
    DigestingNotifier n = start(delivery);
    CompletableFuture<Void> delivering =
        CompletableFuture.runAsync(() -> n.deliver(Messages.finding("f-0")));
    await(delivery.firstArrived);

    assertThat(delivering).as("Slack has not answered yet").isNotDone();
    delivery.release.countDown();
    delivering.get(30, TimeUnit.SECONDS);

    assertThat(delivery.sent()).extracting(SlackMessage::findingId).containsExactly("f-0");
  }

  @Test
  void deliver_shouldThrowTheFailure_andLeaveFlushNothingToReport() {
    FakeDelivery delivery = new FakeDelivery(false);
    delivery.before = fail(m -> "bad".equals(m.findingId()), rejected());
    DigestingNotifier n = start(delivery);

    assertThatThrownBy(() -> n.deliver(Messages.finding("bad")))
        .isInstanceOf(NotifyException.class)
        .hasMessage("Slack rejected the message");
    n.deliver(Messages.finding("good"));

    assertThatCode(n::flush).doesNotThrowAnyException();
    assertThat(delivery.sent()).extracting(SlackMessage::findingId).containsExactly("good");
  }

  @Test
  void deliver_shouldThrow_whenTheThreadDiesBeforePostingIt() {
    FakeDelivery delivery = new FakeDelivery(true);
    delivery.before =
        fail(m -> "fatal".equals(m.findingId()), () -> new StackOverflowError("test"));
    DigestingNotifier n = start(delivery);
    n.send(Messages.finding("fatal"));
    await(delivery.firstArrived);
    CompletableFuture<Void> queued =
        CompletableFuture.runAsync(() -> n.deliver(Messages.finding("queued")));
    // Release only once the message is queued: after the thread died, deliver is refused outright.
    while (n.awaiting() == 0 && !queued.isDone()) {
      Thread.onSpinWait();
    }
    delivery.release.countDown();

    assertThat(catchThrowable(() -> queued.get(30, TimeUnit.SECONDS)))
        .hasCauseInstanceOf(NotifyException.class)
        .hasStackTraceContaining("stopped before posting");
  }

  @Test
  void send_shouldRejectNull() {
    DigestingNotifier n = start(new FakeDelivery(false));

    assertThatThrownBy(() -> n.send(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void send_shouldLoseNothing_whenManyThreadsSendAndFlush() throws Exception {
    FakeDelivery delivery = new FakeDelivery(false);
    DigestingNotifier n = start(delivery);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> tasks = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      tasks.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 25; i++) {
                  n.send(Messages.finding(thread + "-" + i));
                  n.send(Messages.blocked("198.51." + thread + "." + i));
                }
                n.flush();
              }));
    }
    for (Future<?> task : tasks) {
      task.get();
    }
    pool.shutdown();

    assertThat(delivery.sent()).filteredOn(m -> m.kind() == SlackMessage.Kind.FINDING).hasSize(200);
    String digests =
        delivery.sent().stream()
            .filter(m -> m.kind() == SlackMessage.Kind.BLOCKED)
            .toList()
            .toString();
    for (int t = 0; t < 8; t++) {
      for (int i = 0; i < 25; i++) {
        assertThat(digests).contains("198.51." + t + "." + i + "`");
      }
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out waiting for the test's latch");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
