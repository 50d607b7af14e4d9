package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.core.slack.SlackMessages;
import java.util.Objects;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Posts a failed task's error to Slack, from a state machine's catch. Input: {@code {stateMachine,
 * execution, error: {Error, Cause}}}. Output: {@code {alerted: true}}. Thread-safe.
 */
public final class AlertFailureHandler extends JsonHandler {

  /** Block Kit's limit for a section's text, less room for the labels. */
  static final int MAX_TEXT = 2800;

  private final Notifier notifier;

  public AlertFailureHandler() {
    this(Wiring.fromEnvironment(AlertFailureHandler.class).notifier(), MetricsSink.powertools());
  }

  AlertFailureHandler(Notifier notifier, MetricsSink metrics) {
    super(metrics);
    this.notifier = Objects.requireNonNull(notifier);
  }

  @Override
  protected JsonNode handle(JsonNode request) {
    String machine = text(request.path("stateMachine"));
    String execution = text(request.path("execution"));
    String error = text(request.at("/error/Error"));
    String cause = text(request.at("/error/Cause"));
    notifier.send(
        new SlackMessage(
            SlackMessage.Kind.FAILURE, null, payload(machine, execution, error, cause)));
    metrics().put("FailureAlerts", 1, MetricUnit.COUNT);
    return JSON.createObjectNode().put("alerted", true);
  }

  static ObjectNode payload(String machine, String execution, String error, String cause) {
    String title = ":rotating_light: guardwall: " + machine + " failed";
    ObjectNode payload = JSON.createObjectNode().put("text", escaped(title, 150));
    ArrayNode blocks = payload.putArray("blocks");
    section(blocks, "*" + escaped(title, 150) + "*");
    section(
        blocks, "*Error:* `" + escaped(error, 300) + "`\n*Execution:* " + escaped(execution, 300));
    section(blocks, "*Cause:*\n```" + escaped(cause, MAX_TEXT - 20) + "```");
    return payload;
  }

  private static void section(ArrayNode blocks, String mrkdwn) {
    ObjectNode section = blocks.addObject().put("type", "section");
    section.putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
  }

  // Causes carry exception text that may quote attacker-controlled input.
  private static String escaped(String text, int max) {
    String cut = text.length() <= max ? text : text.substring(0, max) + "…";
    return SlackMessages.escape(cut).replace("`", "'");
  }

  private static String text(JsonNode v) {
    return v.isMissingNode() || v.isNull() ? "unknown" : v.isTextual() ? v.asText() : v.toString();
  }
}
