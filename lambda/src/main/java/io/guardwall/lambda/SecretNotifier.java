package io.guardwall.lambda;

import io.guardwall.core.port.Notifier;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.slack.SlackWebhookNotifier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Posts to the webhook URL the secret holds now: a changed secret takes effect without a redeploy.
 * Thread-safe.
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

  @Override
  public void send(SlackMessage message) {
    notifier().send(message);
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
