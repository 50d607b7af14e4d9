package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.slack.SlackMessages;
import java.util.Objects;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Posts a failed task's error to Slack, from a state machine's catch. Input: {@code {stateMachine,
 * execution, error: {Error, Cause}}}. Output: {@code {alerted: true}}. Thread-safe.
 */
public final class AlertFailureHandler extends JsonHandler {

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
    notifier.send(SlackMessages.failureAlert(machine, execution, error, cause));
    metrics().put("FailureAlerts", 1, MetricUnit.COUNT);
    return Jackson.objectNode().put("alerted", true);
  }

  private static String text(JsonNode v) {
    return v.isMissingNode() || v.isNull() ? "unknown" : v.isTextual() ? v.asText() : v.toString();
  }
}
