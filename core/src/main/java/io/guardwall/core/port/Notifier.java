package io.guardwall.core.port;

import io.guardwall.core.slack.SlackMessage;
import java.util.Optional;

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

  /**
   * Why this notifier cannot post anything now (no valid webhook URL is configured yet), or empty
   * when it can. Callers ask before they claim an alert, so that an alert nobody can send is never
   * marked as being sent. The default: always able to post.
   */
  default Optional<String> unavailable() {
    return Optional.empty();
  }
}
