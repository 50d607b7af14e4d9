package io.guardwall.lambda;

import io.guardwall.core.port.Notifier;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.slack.SlackWebhookNotifier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Posts to the webhook URL the secret holds now: a changed secret takes effect without a redeploy.
 * Thread-safe.
 */
final class SecretNotifier implements Notifier {

  private final Supplier<String> webhookUrl;
  private final Function<String, Notifier> notifierFor;
  private String url;
  private Notifier current;

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
    if (!now.equals(url)) {
      current = notifierFor.apply(now);
      url = now;
    }
    return current;
  }

  @Override
  public String toString() {
    return "SecretNotifier";
  }
}
