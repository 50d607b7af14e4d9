package io.guardwall.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guardwall.core.slack.BlockKitLimits;
import io.guardwall.core.slack.SlackMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DigestingNotifierIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeTime time = FakeTime.advancing();
  private final StubSlack slack = new StubSlack(time);

  @AfterEach
  void stop() {
    slack.close();
  }

  private DigestingNotifier start() {
    return DigestingNotifier.start(slack.notifier(WebhookRetry.defaults()));
  }

  @Test
  void close_shouldPostABurstOfDigestsAsAFewMessages_whenSentConcurrently() throws Exception {
    slack.holdFirstPost();
    List<String> ips = new ArrayList<>();
    try (DigestingNotifier notifier = start()) {
      ExecutorService pool = Executors.newFixedThreadPool(10);
      List<Future<?>> sends = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String ip = "203.0.113." + i;
        ips.add(ip);
        sends.add(pool.submit(() -> notifier.send(Messages.blocked(ip))));
      }
      for (Future<?> send : sends) {
        send.get();
      }
      pool.shutdown();
      slack.awaitFirstPost();
      slack.release();
    }

    // whatever the first post took, the rest queued behind it and merged, 17 digests a message
    assertThat(slack.posts()).hasSizeBetween(3, 4);
    for (String body : slack.bodies()) {
      JsonNode payload = JSON.readTree(body);
      assertThat(payload.get("blocks").size()).isLessThanOrEqualTo(BlockKitLimits.MAX_BLOCKS);
      assertThat(payload.get("text").asText().length())
          .isLessThanOrEqualTo(BlockKitLimits.MAX_FALLBACK_TEXT);
    }
    String all = String.join("\n", slack.bodies());
    ips.forEach(ip -> assertThat(all).contains("`" + ip + "`"));
  }

  @Test
  void close_shouldPostFindingsOneByOne_whileMergingTheDigestsAroundThem() throws Exception {
    slack.holdFirstPost();
    try (DigestingNotifier notifier = start()) {
      notifier.send(Messages.finding("first"));
      slack.awaitFirstPost();
      for (int i = 0; i < 5; i++) {
        notifier.send(Messages.finding("f-" + i));
        notifier.send(Messages.blocked("198.51.100." + i));
      }
      slack.release();
    }

    List<String> bodies = slack.bodies();
    assertThat(bodies).hasSize(7);
    // the digests join the earliest queued one, right after the alert queued before it
    assertThat(bodies.get(0)).contains("Finding first");
    assertThat(bodies.get(1)).contains("Finding f-0").doesNotContain("198.51.100");
    assertThat(bodies.get(2)).contains("198.51.100.0", "198.51.100.4").doesNotContain("Finding");
    for (int i = 1; i < 5; i++) {
      assertThat(bodies.get(2 + i)).contains("Finding f-" + i).doesNotContain("198.51.100");
    }
  }

  @Test
  void close_shouldReportEveryQueuedMessage_whenSlackRejectsTheWebhook() throws Exception {
    slack.answer(404, "no_service");
    slack.holdFirstPost();
    List<SlackMessage> sent = new ArrayList<>();
    DigestingNotifier notifier = start();
    sent.add(Messages.finding("first"));
    notifier.send(sent.get(0));
    slack.awaitFirstPost();
    for (int i = 0; i < 5; i++) {
      sent.add(Messages.finding("f-" + i));
      sent.add(Messages.blocked("198.51.100." + i));
    }
    sent.subList(1, sent.size()).forEach(notifier::send);
    slack.release();

    UndeliveredException e = catchThrowableOfType(UndeliveredException.class, notifier::close);

    assertThat(e.messages()).containsExactlyInAnyOrderElementsOf(sent);
    assertThat(e.getMessage())
        .startsWith(
            "11 Slack messages were not delivered: Slack rejected the webhook (HTTP 404 no_service)");
    Secrets.assertNoSecret(e);
    assertThat(slack.posts()).hasSize(1);
  }

  @Test
  void flush_shouldPaceThePosts_whenMessagesArriveOneByOne() {
    try (DigestingNotifier notifier = start()) {
      for (int i = 0; i < 3; i++) {
        notifier.send(Messages.finding("f-" + i));
        notifier.flush();
      }
    }

    assertThat(slack.posts()).hasSize(3);
    for (int i = 1; i < 3; i++) {
      assertThat(slack.posts().get(i).at().minus(slack.posts().get(i - 1).at()))
          .isGreaterThanOrEqualTo(SlackWebhookNotifier.PACE);
    }
  }
}
