package io.guardwall.slack;

import static io.guardwall.slack.Secrets.assertNoSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.slack.SlackMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackWebhookNotifierIT {

  private final FakeTime time = FakeTime.advancing();
  private final StubSlack slack = new StubSlack(time);

  @AfterEach
  void stop() {
    slack.close();
  }

  @Test
  void send_shouldPostThePayloadAsJson_whenSlackAnswersOk() throws Exception {
    SlackMessage message = Messages.finding("f-1");

    slack.notifier(WebhookRetry.defaults()).send(message);

    assertThat(slack.posts())
        .singleElement()
        .satisfies(
            post -> {
              assertThat(new ObjectMapper().readTree(post.body())).isEqualTo(message.payload());
              assertThat(post.contentType()).isEqualTo("application/json; charset=utf-8");
            });
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void send_shouldWaitForRetryAfter_whenSlackAnswers429() {
    slack.answer(new StubSlack.Answer(429, "rate_limited", Map.of("Retry-After", "7")));

    slack.notifier(WebhookRetry.defaults()).send(Messages.finding("f-1"));

    assertThat(slack.posts()).hasSize(2);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(slack.posts().get(1).at().minus(slack.posts().get(0).at()))
        .isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void send_shouldBackOff_whenRetryAfterIsNotSeconds() {
    slack.answer(new StubSlack.Answer(429, "", Map.of("Retry-After", "soon")));

    slack.notifier(retry(5, 4)).send(Messages.finding("f-1"));

    assertThat(slack.posts()).hasSize(2);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void send_shouldGiveUpAtOnce_whenRetryAfterExceedsTheBudget() {
    slack.answer(new StubSlack.Answer(429, "rate_limited", Map.of("Retry-After", "3600")));

    NotifyException e = sendExpectingFailure(slack.notifier(WebhookRetry.defaults()));

    assertThat(e.getMessage())
        .contains("after 1 attempt", "HTTP 429", "Retry-After 3600 s", "retry budget of 60 s")
        .contains("not delivered");
    assertThat(slack.posts()).hasSize(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void send_shouldHonourRetryAfterForTheNextMessages_whenItExceededTheBudget() {
    slack.answer(new StubSlack.Answer(429, "rate_limited", Map.of("Retry-After", "120")));
    SlackWebhookNotifier notifier = slack.notifier(WebhookRetry.defaults());
    sendExpectingFailure(notifier);

    NotifyException held = sendExpectingFailure(notifier);
    time.pass(Duration.ofSeconds(61));
    notifier.send(Messages.finding("f-3"));

    assertThat(held.getMessage()).contains("Retry-After", "120 s more", "not posted");
    assertThat(slack.posts()).hasSize(2);
    assertThat(slack.posts().get(1).at().minus(slack.posts().get(0).at()))
        .as("the third message waited out what was left of the 120 s")
        .isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void send_shouldRetryWithExponentialBackoff_whenSlackAnswers5xx() {
    slack.answer(2, 500, "internal_error");

    slack.notifier(retry(5, 4)).send(Messages.finding("f-1"));

    assertThat(slack.posts()).hasSize(3);
    // the stub draws 0.5: half of the 4 s ceiling, then half of 8 s
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void send_shouldThrowAfterMaxAttempts_whenSlackKeepsFailing() {
    slack.always(503, "<html>service unavailable</html>");

    NotifyException e = sendExpectingFailure(slack.notifier(retry(5, 4)));

    assertThat(slack.posts()).hasSize(5);
    assertThat(e.getMessage())
        .startsWith("Slack webhook still failing after 5 attempts")
        .contains("HTTP 503");
    assertThat(time.sleeps()).hasSize(4);
  }

  @Test
  void send_shouldStopEarly_whenBackoffWouldExceedTheTotalWait() {
    slack.always(500, "");
    WebhookRetry retry =
        new WebhookRetry(10, Duration.ofSeconds(4), Duration.ofSeconds(60), Duration.ofSeconds(10));

    NotifyException e = sendExpectingFailure(slack.notifier(retry));

    // waits of 2 s and 4 s (half the ceilings) fit in 10 s; the next one (8 s) does not
    assertThat(slack.posts()).hasSize(3);
    assertThat(e.getMessage())
        .contains("after 3 attempts and 6 s of retry waits", "retry budget of 10 s");
  }

  @ParameterizedTest
  @CsvSource({
    "404, no_service, Slack rejected the webhook (HTTP 404 no_service): the webhook URL is wrong or its app was removed",
    "403, invalid_token, Slack rejected the webhook (HTTP 403 invalid_token): the webhook's token is invalid",
    "410, channel_is_archived, Slack rejected the webhook (HTTP 410 channel_is_archived): the webhook's channel is archived",
    "400, invalid_payload, Slack rejected the message (HTTP 400 invalid_payload): Slack could not accept this message",
    "404, '', Slack rejected the webhook (HTTP 404): the webhook URL is wrong",
    "418, '', Slack rejected the webhook (HTTP 418): this is not how Slack's webhook endpoint answers"
  })
  void send_shouldFailWithoutRetry_whenSlackRejects(int status, String body, String expected) {
    slack.answer(status, body);

    NotifyException e = sendExpectingFailure(slack.notifier(WebhookRetry.defaults()));

    assertThat(e.getMessage()).startsWith(expected);
    assertThat(slack.posts()).hasSize(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void send_shouldNotPostAgain_whenTheWebhookWasRejected() {
    slack.answer(404, "no_service");
    SlackWebhookNotifier notifier = slack.notifier(WebhookRetry.defaults());
    sendExpectingFailure(notifier);

    NotifyException e = sendExpectingFailure(notifier);

    assertThat(e.getMessage()).contains("HTTP 404 no_service", "not posted");
    assertThat(slack.posts()).hasSize(1);
  }

  @Test
  void send_shouldPostTheNextMessage_whenOnlyOneMessageWasRejected() {
    slack.answer(400, "invalid_blocks");
    SlackWebhookNotifier notifier = slack.notifier(WebhookRetry.defaults());
    sendExpectingFailure(notifier);

    notifier.send(Messages.finding("f-2"));

    assertThat(slack.posts()).hasSize(2);
  }

  @Test
  void send_shouldKeepTheErrorShortAndRedacted_whenTheBodyIsHugeAndQuotesTheUrl() {
    slack.answer(418, "bad hook " + slack.url() + "\n" + "<p>".repeat(100_000));

    NotifyException e = sendExpectingFailure(slack.notifier(WebhookRetry.defaults()));

    assertThat(e.getMessage()).hasSizeLessThan(400).contains("<redacted>").doesNotContain("\n");
  }

  @Test
  void send_shouldRetryThenExplain_whenTheConnectionIsRefused() {
    SlackWebhookNotifier notifier = StubSlack.notifier(StubSlack.refusingUrl(), retry(3, 1), time);

    NotifyException e = sendExpectingFailure(notifier);

    assertThat(e.getMessage())
        .startsWith("Slack webhook unreachable after 3 attempts")
        .contains("ConnectException");
    assertThat(time.sleeps()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void toString_shouldHideTheUrl() {
    assertThat(slack.notifier(WebhookRetry.defaults()).toString())
        .isEqualTo("SlackWebhookNotifier[webhook=<redacted>]");
    assertThat(SlackWebhookNotifier.create(slack.url()).toString())
        .doesNotContain(StubSlack.SECRET);
  }

  @Test
  void send_shouldSpaceConsecutivePostsByOneSecond_whenSentBackToBack() {
    SlackWebhookNotifier notifier = slack.notifier(WebhookRetry.defaults());

    for (int i = 0; i < 3; i++) {
      notifier.send(Messages.finding("f-" + i));
    }

    assertThat(slack.posts())
        .extracting(StubSlack.Post::at)
        .containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void send_shouldDeliverEveryMessageAtDistinctSlots_whenManyThreadsSend() throws Exception {
    FakeTime frozen = FakeTime.frozen();
    SlackWebhookNotifier notifier =
        StubSlack.notifier(slack.url(), WebhookRetry.defaults(), frozen);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> sends = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      SlackMessage message = Messages.finding("f-" + i);
      sends.add(pool.submit(() -> notifier.send(message)));
    }
    for (Future<?> send : sends) {
      send.get();
    }
    pool.shutdown();

    assertThat(slack.bodies()).hasSize(40);
    IntStream.range(0, 40)
        .forEach(
            i -> assertThat(slack.bodies()).anyMatch(b -> b.contains("\"Finding f-" + i + "\"")));
    // the clock never moves, so each sender was told to wait for its own slot, one second apart
    assertThat(frozen.sleeps())
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, 39).mapToObj(Duration::ofSeconds).toList());
  }

  @Test
  void create_shouldRejectBadUrls_withoutEchoingThem() {
    assertThatThrownBy(() -> SlackWebhookNotifier.create("ftp://hooks/" + StubSlack.SECRET))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(Secrets::assertNoSecret);
  }

  private static WebhookRetry retry(int attempts, int baseSeconds) {
    return new WebhookRetry(
        attempts, Duration.ofSeconds(baseSeconds), Duration.ofSeconds(60), Duration.ofMinutes(5));
  }

  private static NotifyException sendExpectingFailure(SlackWebhookNotifier notifier) {
    NotifyException e =
        catchThrowableOfType(NotifyException.class, () -> notifier.send(Messages.finding("f-x")));
    assertThat(e).isNotNull();
    assertNoSecret(e);
    return e;
  }
}
