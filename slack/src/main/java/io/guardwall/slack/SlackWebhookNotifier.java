package io.guardwall.slack;

import io.guardwall.core.port.Notifier;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.slack.SlackMessage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Posts messages to one Slack incoming webhook, at most one per second (Slack's limit per webhook)
 * across all threads that share this instance, retrying HTTP 429 (after its Retry-After), 5xx and
 * I/O errors within a {@link WebhookRetry} budget; other answers fail at once with an actionable
 * {@link NotifyException}, and once Slack says the webhook itself is unusable (wrong URL, revoked
 * token, archived channel) later messages fail without being posted. A Retry-After holds for every
 * later message too: while it lasts longer than a message's retry budget, the message fails without
 * being posted. {@link #send} blocks until the message is delivered or has finally failed; to turn
 * bursts into digests instead of a queue of one-per-second posts, wrap it in a {@link
 * DigestingNotifier}. The URL is a secret: it never appears in an error message or in {@link
 * #toString}. Thread-safe.
 */
public final class SlackWebhookNotifier implements Notifier {

  static final Duration PACE = Duration.ofSeconds(1);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final Webhook webhook;
  private final WebhookRetry retry;
  private final Time time;
  private final DoubleSupplier random;
  private final RateLimiter limiter;
  private volatile @Nullable Rejection broken;

  SlackWebhookNotifier(
      HttpClient http, Webhook webhook, WebhookRetry retry, Time time, DoubleSupplier random) {
    this.http = Objects.requireNonNull(http, "http");
    this.webhook = Objects.requireNonNull(webhook, "webhook");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.time = Objects.requireNonNull(time, "time");
    this.random = Objects.requireNonNull(random, "random");
    this.limiter = new RateLimiter(time, PACE);
  }

  /**
   * A notifier for {@code webhookUrl} with {@link WebhookRetry#defaults()}.
   *
   * @throws IllegalArgumentException when it is not an http(s) URL (the URL is not echoed)
   */
  public static SlackWebhookNotifier create(String webhookUrl) {
    return create(webhookUrl, WebhookRetry.defaults());
  }

  /**
   * A notifier for {@code webhookUrl} that retries as {@code retry} says.
   *
   * @throws IllegalArgumentException when it is not an http(s) URL (the URL is not echoed)
   */
  public static SlackWebhookNotifier create(String webhookUrl, WebhookRetry retry) {
    return create(webhookUrl, retry, Time.SYSTEM);
  }

  /**
   * A notifier for {@code webhookUrl} that retries as {@code retry} says and keeps its pace and
   * waits on {@code time}.
   *
   * @throws IllegalArgumentException when it is not an http(s) URL (the URL is not echoed)
   */
  public static SlackWebhookNotifier create(String webhookUrl, WebhookRetry retry, Time time) {
    return new SlackWebhookNotifier(
        httpClient(),
        Webhook.parse(webhookUrl),
        retry,
        time,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  static HttpClient httpClient() {
    return HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /**
   * Posts {@code message}, retrying what may pass; blocks for the one-per-second pace and retries.
   *
   * @throws NotifyException when it was not delivered; the message says why and what to do
   */
  @Override
  public void send(SlackMessage message) {
    String body = Objects.requireNonNull(message, "message").payload().toString();
    Duration waited = Duration.ZERO;
    throwIfHeldOff();
    for (int attempt = 1; ; attempt++) {
      Failure failure = attempt(body);
      if (failure == null) {
        return;
      }
      Duration wait = waitAfter(failure, attempt);
      if (attempt >= retry.maxAttempts() || waited.plus(wait).compareTo(retry.maxTotalWait()) > 0) {
        // Slack's Retry-After holds for the webhook, not for this message: later ones keep it.
        failure.retryAfter().ifPresent(limiter::holdOff);
        throw giveUp(failure, attempt, waited, wait);
      }
      waited = waited.plus(wait);
      pause(failure, wait);
    }
  }

  /** One paced post: null when delivered, else why it failed in a way that may pass. */
  private @Nullable Failure attempt(String body) {
    throwIfBroken();
    sleep(limiter.reserve());
    try {
      HttpResponse<String> response =
          http.send(request(body), HttpResponse.BodyHandlers.ofString());
      return judge(response);
    } catch (IOException e) {
      return new Failure(
          "unreachable", describe(e), Optional.empty(), "check network access to Slack");
    } catch (InterruptedException e) {
      throw interrupted();
    }
  }

  private HttpRequest request(String body) {
    return HttpRequest.newBuilder(webhook.uri())
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private @Nullable Failure judge(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return null;
    }
    if (status == 429) {
      Optional<Duration> retryAfter =
          RetryAfter.parse(response.headers().firstValue("Retry-After"));
      return new Failure(
          "still rate-limited", "HTTP 429", retryAfter, "too many messages for this webhook");
    }
    if (status / 100 == 5) {
      return new Failure(
          "still failing", "HTTP " + status, Optional.empty(), "Slack may be having an outage");
    }
    Rejection rejection = Rejection.of(status, response.body(), webhook);
    if (rejection.webhookBroken()) {
      broken = rejection;
    }
    throw new NotifyException(rejection.message(), null);
  }

  /**
   * Fails at once, without posting, while a Retry-After Slack gave an earlier message lasts longer
   * than this message's whole retry budget: posting would only be rate-limited again.
   */
  private void throwIfHeldOff() {
    Duration held = limiter.heldFor();
    if (held.compareTo(retry.maxTotalWait()) > 0) {
      throw new NotifyException(
          "Slack asked this webhook to wait (Retry-After) "
              + seconds(held)
              + " more, beyond the retry budget of "
              + seconds(retry.maxTotalWait())
              + "; the message was not posted; too many messages for this webhook",
          null);
    }
  }

  private void throwIfBroken() {
    Rejection b = broken;
    if (b != null) {
      throw new NotifyException(
          b.message() + " (an earlier message got this answer; this one was not posted)", null);
    }
  }

  private Duration waitAfter(Failure failure, int attempt) {
    return failure
        .retryAfter()
        .orElseGet(() -> retry.backoff().delayAfter(attempt, random.getAsDouble()));
  }

  /** Retry-After holds off every sender of this webhook; a backoff only this one. */
  private void pause(Failure failure, Duration wait) {
    if (failure.retryAfter().isPresent()) {
      limiter.holdOff(wait);
    } else {
      sleep(wait);
    }
  }

  private NotifyException giveUp(Failure failure, int attempt, Duration waited, Duration wait) {
    String why =
        attempt >= retry.maxAttempts()
            ? ""
            : "; the next wait of "
                + seconds(wait)
                + " would exceed the retry budget of "
                + seconds(retry.maxTotalWait());
    return new NotifyException(
        "Slack webhook "
            + failure.state()
            + " after "
            + attempt
            + (attempt == 1 ? " attempt" : " attempts")
            + " and "
            + seconds(waited)
            + " of retry waits (last: "
            + failure.detail()
            + failure.retryAfter().map(d -> ", Retry-After " + seconds(d)).orElse("")
            + ")"
            + why
            + "; the message was not delivered; "
            + failure.advice(),
        null);
  }

  private String describe(IOException e) {
    String text = e.getMessage() == null ? "" : ": " + webhook.redact(e.getMessage());
    return e.getClass().getSimpleName() + text;
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
  }

  /** Waits until the pace allows a post (used by {@link DigestingNotifier} to gather messages). */
  void awaitTurn() {
    sleep(limiter.untilFree());
  }

  private void sleep(Duration d) {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      time.sleep(d);
    } catch (InterruptedException e) {
      throw interrupted();
    }
  }

  private static NotifyException interrupted() {
    Thread.currentThread().interrupt();
    return new NotifyException(
        "interrupted while posting to Slack; the message may not have been delivered", null);
  }

  @Override
  public String toString() {
    return "SlackWebhookNotifier[webhook=" + webhook + "]";
  }

  /** Why a post failed in a way that may pass, and how long Slack asked us to wait. */
  private record Failure(
      String state, String detail, Optional<Duration> retryAfter, String advice) {}
}
