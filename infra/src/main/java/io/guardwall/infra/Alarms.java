package io.guardwall.infra;

import io.guardwall.lambda.ReconcileHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/** Builds the alarms, each with the optional SNS topic as its action; not thread-safe. */
final class Alarms {

  /** The namespace of the metrics the functions publish (Powertools EMF). */
  static final String NAMESPACE = "Guardwall";

  /** Powertools adds the service name as the {@code Service} dimension to every metric. */
  static final Map<String, String> DIMENSIONS = Map.of("Service", FunctionEnvironment.SERVICE_NAME);

  static final double CAPACITY_THRESHOLD_PERCENT = 80;

  private static final Duration PERIOD = Duration.minutes(5);

  private final Construct scope;
  private final Optional<ITopic> topic;
  private final List<Alarm> alarms = new ArrayList<>();

  Alarms(Construct scope, Optional<String> topicArn) {
    this.scope = scope;
    this.topic = topicArn.map(arn -> Topic.fromTopicArn(scope, "AlarmTopic", arn));
  }

  void deadLetterQueueNotEmpty(IQueue queue) {
    add(
        "DeadLetterQueueNotEmpty",
        "guardwall: messages the queue function failed, or events EventBridge could not deliver,"
            + " are waiting in the dead-letter queue",
        queue.metricApproximateNumberOfMessagesVisible(
            MetricOptions.builder().period(PERIOD).statistic("Maximum").build()),
        0);
  }

  void executionsFailed(String name, StateMachine machine) {
    add(
        name + "ExecutionsFailed",
        "guardwall: " + name + " executions failed (Slack was alerted)",
        machine.metricFailed(MetricOptions.builder().period(PERIOD).statistic("Sum").build()),
        0);
  }

  void capacityHigh() {
    add(
        "RuleGroupCapacityHigh",
        "guardwall: the blocklist uses more than 80 % of the rule group's capacity",
        metric(ReconcileHandler.CAPACITY_METRIC),
        CAPACITY_THRESHOLD_PERCENT);
  }

  void entriesEvicted() {
    add(
        "BlocklistEntriesEvicted",
        "guardwall: blocklist entries did not fit the rule group and were left out",
        metric(ReconcileHandler.EVICTED_METRIC),
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

  private void add(String id, String description, IMetric metric, double threshold) {
    Alarm alarm =
        Alarm.Builder.create(scope, id)
            .alarmDescription(description)
            .metric(metric)
            .threshold(threshold)
            .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
            .evaluationPeriods(1)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build();
    topic.ifPresent(t -> alarm.addAlarmAction(new SnsAction(t)));
    alarms.add(alarm);
  }
}
