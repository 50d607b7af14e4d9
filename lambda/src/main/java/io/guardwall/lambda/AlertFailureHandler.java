package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.port.Notifier;
import io.guardwall.core.slack.AlarmChange;
import io.guardwall.core.slack.SlackMessages;
import io.guardwall.core.text.InertText;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Posts failures to Slack, from two sources. From a state machine's catch, a failed task's error:
 * input {@code {stateMachine, execution, error: {Error, Cause}}}, output {@code {alerted: true}}.
 * From the alarm topic's subscription, each alarm that went into or out of ALARM: input the SNS
 * event, output {@code {alarmsPosted, alarmsSkipped}}; a message that is no alarm notification
 * fails the invocation with a clear error (the function's error alarm then reports it).
 * Thread-safe.
 */
public final class AlertFailureHandler extends JsonHandler {

  /** One message per posted alarm state change. */
  static final String ALARM_ALERTS_METRIC = "AlarmAlerts";

  private static final Logger LOG = LoggerFactory.getLogger(AlertFailureHandler.class);

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
    return AlarmNotifications.isSnsEvent(request) ? alertAlarms(request) : alertFailure(request);
  }

  // Parsed whole first: a bad record fails the invocation before anything is posted.
  private JsonNode alertAlarms(JsonNode event) {
    int posted = 0;
    int skipped = 0;
    for (AlarmChange change : AlarmNotifications.parse(event)) {
      if (change.entersOrLeavesAlarm()) {
        notifier.send(SlackMessages.alarmAlert(change));
        posted++;
      } else {
        skipped++;
        LOG.info(
            "alarm {} went from {} to {}: neither into nor out of ALARM, not posted",
            InertText.of(change.name()),
            change.oldState(),
            change.newState());
      }
    }
    metrics().put(ALARM_ALERTS_METRIC, posted, MetricUnit.COUNT);
    return Jackson.objectNode().put("alarmsPosted", posted).put("alarmsSkipped", skipped);
  }

  private JsonNode alertFailure(JsonNode request) {
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
