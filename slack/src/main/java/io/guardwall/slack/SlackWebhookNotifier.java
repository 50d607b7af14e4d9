package io.guardwall.slack;

import io.guardwall.core.port.Notifier;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.slack.SlackMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Posts messages to one Slack incoming webhook. The URL is a credential: it never appears in an
 * error message or in {@link #toString}. Thread-safe.
 */
public final class SlackWebhookNotifier implements Notifier {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final URI webhook;

  SlackWebhookNotifier(HttpClient http, URI webhook) {
    this.http = Objects.requireNonNull(http, "http");
    this.webhook = Objects.requireNonNull(webhook, "webhook");
  }

  /**
   * A notifier for {@code webhookUrl}.
   *
   * @throws IllegalArgumentException when it is not an http(s) URL (the URL is not echoed)
   */
  public static SlackWebhookNotifier create(String webhookUrl) {
    return new SlackWebhookNotifier(
        HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), parse(webhookUrl));
  }

  static URI parse(String url) {
    try {
      URI uri = URI.create(Objects.requireNonNull(url, "webhook URL").trim());
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the Slack webhook URL is not an http(s) URL", null);
    }
  }

  @Override
  public void send(SlackMessage message) {
    HttpResponse<String> response = post(message.payload().toString());
    if (response.statusCode() / 100 != 2) {
      throw new NotifyException(
          "Slack webhook answered HTTP "
              + response.statusCode()
              + " ("
              + abbreviate(response.body())
              + "); check the webhook URL and that its app is still installed",
          null);
    }
  }

  private HttpResponse<String> post(String body) {
    HttpRequest request =
        HttpRequest.newBuilder(webhook)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new NotifyException("Slack webhook unreachable: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotifyException("interrupted while posting to Slack", e);
    }
  }

  private static String abbreviate(String body) {
    String b = body == null ? "" : body.strip();
    return b.length() <= 200 ? b : b.substring(0, 200) + "...";
  }

  @Override
  public String toString() {
    return "SlackWebhookNotifier[webhook=<redacted>]";
  }
}
