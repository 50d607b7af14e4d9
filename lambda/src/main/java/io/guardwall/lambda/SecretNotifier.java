package io.guardwall.lambda;

import io.guardwall.core.config.ConfigException;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.port.NotifyException;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.slack.SlackWebhookNotifier;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Posts to the webhook URL the secret holds now: a changed secret takes effect without a redeploy,
 * and the webhook's pace and any Retry-After Slack asked for carry over from one message to the
 * next while the URL stays the same. Thread-safe.
 */
final class SecretNotifier implements Notifier {

  private final Supplier<String> webhookUrl;
  private final Function<String, Notifier> notifierFor;
  private @Nullable String url;
  private @Nullable Notifier current;

  SecretNotifier(Supplier<String> webhookUrl, Function<String, Notifier> notifierFor) {
    this.webhookUrl = webhookUrl;
    this.notifierFor = notifierFor;
  }

  static SecretNotifier of(Supplier<String> webhookUrl) {
    return new SecretNotifier(webhookUrl, SlackWebhookNotifier::create);
  }

  /**
   * Posts through the webhook the secret holds now.
   *
   * @throws NotifyException when it was not delivered, or when the secret holds no webhook URL
   */
  @Override
  public void send(SlackMessage message) {
    Notifier target;
    try {
      target = notifier();
    } catch (ConfigException | IllegalArgumentException e) {
      throw new NotifyException("Slack is not configured: " + e.getMessage(), e);
    }
    target.send(message);
  }

  /** Why the secret gives no webhook to post to (unset, unreadable, not a URL), or empty. */
  @Override
  public Optional<String> unavailable() {
    try {
      notifier();
      return Optional.empty();
    } catch (ConfigException | IllegalArgumentException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  private synchronized Notifier notifier() {
    String now = webhookUrl.get();
    Notifier notifier = current;
    if (notifier == null || !now.equals(url)) {
      notifier = notifierFor.apply(now);
      current = notifier;
      url = now;
    }
    return notifier;
  }

  @Override
  public String toString() {
    return "SecretNotifier";
  }
}
