package io.guardwall.core.port;

import io.guardwall.core.slack.SlackMessage;

/** Delivers Slack messages; implementations are thread-safe. */
public interface Notifier {

  /**
   * Sends one message. A notifier that queues may return before the message is posted and report a
   * failure later, by its own means; otherwise this throws {@link NotifyException} when it finally
   * could not be delivered.
   */
  void send(SlackMessage message);

  /**
   * Sends one message and returns only once Slack accepted it, for a caller that must know (an
   * alert counts as notified only then). The default is {@link #send}, right for every notifier
   * that does not queue.
   *
   * @throws NotifyException when it finally could not be delivered
   */
  default void deliver(SlackMessage message) {
    send(message);
  }
}
