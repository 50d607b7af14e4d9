package io.guardwall.infra;

import io.guardwall.lambda.InteractionHandler;
import io.guardwall.lambda.QueueHandler;
import io.guardwall.lambda.ReconcileHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * Builds the alarms, each named {@code <prefix><id>}, described with what to do, and notifying the
 * topic when it goes into ALARM and when it returns to OK; not thread-safe. Every alarm treats
 * missing data as fine except the one whose missing data is the problem (no maintenance success).
 */
final class Alarms {

  /** The namespace of the metrics the functions publish (Powertools EMF). */
  static final String NAMESPACE = "Guardwall";

  /** Powertools adds the service name as the {@code Service} dimension to every metric. */
  static final Map<String, String> DIMENSIONS = Map.of("Service", FunctionEnvironment.SERVICE_NAME);

  static final double CAPACITY_THRESHOLD_PERCENT = 80;

  /** A public URL meets the odd scanner: a few refusals are noise. */
  static final double SIGNATURE_FAILURE_THRESHOLD = 5;

  /** The age of the oldest queued event beyond which the consumer is falling behind. */
  static final Duration QUEUE_AGE_THRESHOLD = Duration.seconds(60);

  /** How long without a successful maintenance run before the alarm fires, at least. */
  static final int MAINTENANCE_WINDOW_MINUTES = 45;

  /** CloudWatch evaluates at most a day of data. */
  private static final int MAX_WINDOW_MINUTES = 24 * 60;

  private static final Pattern RATE =
      Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|hour|day)s?\\s*\\)");

  private static final Duration PERIOD = Duration.minutes(5);
  private static final String README = " (README: Alarms)";

  private final Construct scope;
  private final ITopic topic;
  private final String namePrefix;
  private final List<Alarm> alarms = new ArrayList<>();

  /**
   * @param namePrefix starts every alarm's name, which the failure-alert subscription filters on
   */
  Alarms(Construct scope, ITopic topic, String namePrefix) {
    this.scope = scope;
    this.topic = topic;
    this.namePrefix = namePrefix;
  }

  /** The name prefix of a stack's alarms: the stack name and a dash. */
  static String namePrefix(Construct scope) {
    return Stack.of(scope).getStackName() + "-";
  }

  void eventQueueDelayed(IQueue queue) {
    add(
        "EventQueueDelayed",
        "guardwall: the oldest finding event in the queue has waited more than 60 s: the consumer"
            + " is failing, throttled or behind; check its errors and throttles alarms and logs",
        queue.metricApproximateAgeOfOldestMessage(
            MetricOptions.builder().period(Duration.minutes(1)).statistic("Maximum").build()),
        QUEUE_AGE_THRESHOLD.toSeconds().doubleValue());
  }

  void deadLetterQueueNotEmpty(IQueue queue) {
    add(
        "DeadLetterQueueNotEmpty",
        "guardwall: messages the queue function failed, or events EventBridge could not deliver,"
            + " are waiting in the dead-letter queue; read them, fix the cause, then redrive them"
            + README,
        queue.metricApproximateNumberOfMessagesVisible(
            MetricOptions.builder().period(PERIOD).statistic("Maximum").build()),
        0);
  }

  /** Errors of the function, {@code name} being what the function does (Record, Reconcile...). */
  void functionErrors(String name, IFunction function) {
    add(
        name + "FunctionErrors",
        "guardwall: the " + name + " function failed; its log group says why" + README,
        function.metricErrors(sum()),
        0);
  }

  void functionThrottles(String name, IFunction function) {
    add(
        name + "FunctionThrottles",
        "guardwall: Lambda throttled the "
            + name
            + " function; check the account's concurrency"
            + README,
        function.metricThrottles(sum()),
        0);
  }

  /**
   * No successful maintenance run for {@link #maintenanceWindowMinutes}: that many five-minute
   * periods in a row without one, a period without data counting as breaching (no run, or no
   * success, is just what this alarm is for). Watches the state machine's own metric, which no
   * guardwall code has to remember to publish, and which counts only runs that reached their end.
   */
  void maintenanceNotSucceeding(StateMachine machine, String schedule) {
    int minutes = maintenanceWindowMinutes(schedule);
    int periods = minutes / PERIOD.toMinutes().intValue();
    alarms.add(
        withActions(
            builder(
                    "MaintenanceNotSucceeding",
                    "guardwall: no maintenance run has succeeded for "
                        + minutes
                        + " minutes, so expired blocks stay and the firewall is not repaired; see"
                        + " the failure alerts and the state machine's executions"
                        + README,
                    machine.metricSucceeded(sum()))
                .threshold(1)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .treatMissingData(TreatMissingData.BREACHING)
                .build()));
  }

  /**
   * 45 minutes, or three scheduled runs when a {@code rate(...)} schedule runs less often than
   * every 15 minutes, in whole periods and at most a day; a {@code cron(...)} schedule gets 45.
   */
  static int maintenanceWindowMinutes(String schedule) {
    Matcher rate = RATE.matcher(schedule.strip());
    if (!rate.matches()) {
      return MAINTENANCE_WINDOW_MINUTES;
    }
    long every = Long.parseLong(rate.group(1)) * unitMinutes(rate.group(2));
    long window = Math.max(MAINTENANCE_WINDOW_MINUTES, 3 * every);
    long period = PERIOD.toMinutes().longValue();
    return (int) Math.min(MAX_WINDOW_MINUTES, (window + period - 1) / period * period);
  }

  private static long unitMinutes(String unit) {
    return switch (unit) {
      case "minute" -> 1;
      case "hour" -> 60;
      default -> MAX_WINDOW_MINUTES;
    };
  }

  void capacityHigh() {
    add(
        "RuleGroupCapacityHigh",
        "guardwall: the blocklist uses more than 80 % of the rule group's capacity" + README,
        metric(ReconcileHandler.CAPACITY_METRIC),
        CAPACITY_THRESHOLD_PERCENT);
  }

  void entriesEvicted() {
    add(
        "BlocklistEntriesEvicted",
        "guardwall: blocklist entries did not fit the rule group and were left out" + README,
        metric(ReconcileHandler.EVICTED_METRIC),
        0);
  }

  /**
   * A reconcile could not update an enforcement point (gone, access denied, throttled past its
   * retries): the logs name it; the other targets still converge.
   */
  void enforcementPointFailed() {
    add(
        "EnforcementPointFailed",
        "guardwall: a reconcile could not update an enforcement point; the function's log names it"
            + " and why"
            + README,
        metric(ReconcileHandler.TARGETS_FAILED_METRIC),
        0);
  }

  /**
   * Requests to the public interaction URL refused for their signature: scanners, or a wrong
   * secret.
   */
  void signatureFailures() {
    add(
        "SlackSignatureFailures",
        "guardwall: requests to the Slack interaction URL were refused for their signature; if"
            + " Slack's buttons fail too, the signing secret is wrong"
            + README,
        metric(InteractionHandler.SIGNATURE_FAILURES).with(sum()),
        SIGNATURE_FAILURE_THRESHOLD);
  }

  void slackNotConfigured() {
    add(
        "SlackNotConfigured",
        "guardwall: there was something to post, but the Slack secret holds no webhook URL; put"
            + " the URL in the secret"
            + README,
        metric(QueueHandler.SLACK_NOT_CONFIGURED_METRIC),
        0);
  }

  List<Alarm> all() {
    return List.copyOf(alarms);
  }

  private static Metric metric(String name) {
    return Metric.Builder.create()
        .namespace(NAMESPACE)
        .metricName(name)
        .dimensionsMap(DIMENSIONS)
        .statistic("Maximum")
        .period(PERIOD)
        .build();
  }

  private static MetricOptions sum() {
    return MetricOptions.builder().period(PERIOD).statistic("Sum").build();
  }

  /** An alarm when the metric goes over the threshold in one period; missing data is fine. */
  private void add(String id, String description, IMetric metric, double threshold) {
    alarms.add(withActions(builder(id, description, metric).threshold(threshold).build()));
  }

  private Alarm.Builder builder(String id, String description, IMetric metric) {
    return Alarm.Builder.create(scope, id)
        .alarmName(namePrefix + id)
        .alarmDescription(description)
        .metric(metric)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
        .evaluationPeriods(1)
        .treatMissingData(TreatMissingData.NOT_BREACHING);
  }

  private Alarm withActions(Alarm alarm) {
    SnsAction action = new SnsAction(topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    return alarm;
  }
}
