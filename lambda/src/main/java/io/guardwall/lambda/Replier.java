package io.guardwall.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.slack.SlackWebhookNotifier;
import io.guardwall.slack.WebhookRetry;
import java.net.URI;

/** Posts a reply to a Slack click's {@code response_url}. Implementations are thread-safe. */
@FunctionalInterface
interface Replier {

  /**
   * Posts {@code payload} to {@code responseUrl}.
   *
   * @throws io.guardwall.core.port.NotifyException when Slack did not take it
   */
  void post(URI responseUrl, ObjectNode payload);

  /** Slack's way, retried as {@code retry} says, like every other Slack post. */
  static Replier slack(WebhookRetry retry) {
    return (url, payload) ->
        SlackWebhookNotifier.create(url.toString(), retry)
            .send(new SlackMessage(SlackMessage.Kind.ACTION, null, payload));
  }
}
