package io.guardwall.core.port;

import io.guardwall.core.slack.SlackMessage;

/** Delivers Slack messages; implementations are thread-safe. */
public interface Notifier {

  /** Sends one message; throws {@link NotifyException} when it finally could not be delivered. */
  void send(SlackMessage message);
}
