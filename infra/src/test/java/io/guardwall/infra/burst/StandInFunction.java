package io.guardwall.infra.burst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.aws.DynamoDbState;
import io.guardwall.aws.NetworkFirewallAdapters;
import io.guardwall.aws.SecretsManagerWebhookSource;
import io.guardwall.core.config.ConfigReader;
import io.guardwall.core.flow.EventReport;
import io.guardwall.core.flow.FindingProblem;
import io.guardwall.core.flow.FindingReport;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.flow.NotificationOutcome;
import io.guardwall.core.flow.Run;
import io.guardwall.core.flow.RunReport;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.route.Route;
import io.guardwall.lambda.Env;
import io.guardwall.slack.SlackWebhookNotifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A stand-in for the queue function until {@code io.guardwall.lambda.QueueHandler} lands, built on
 * core's flows over the ports the environment names, as the contract describes the handler: record
 * every message (eight at a time), reconcile once, one digest, then the finding alerts; a message
 * whose recording or alert failed is a batch item failure, an unreadable one is acknowledged. Not
 * thread-safe: one per execution environment.
 */
final class StandInFunction implements QueueFunction {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Guardwall guardwall;
  private final ExecutorService workers =
      Executors.newFixedThreadPool(
          8,
          r -> {
            Thread t = new Thread(r, "stand-in-worker");
            t.setDaemon(true);
            return t;
          });

  StandInFunction(Map<String, String> env) {
    SecretsManagerWebhookSource secret =
        SecretsManagerWebhookSource.create(env.get(Env.SLACK_SECRET));
    DynamoDbState state = DynamoDbState.create(env.get(Env.TABLE));
    this.guardwall =
        new Guardwall(
            ConfigReader.parse(env.get(Env.CONFIG)),
            new Guardwall.Ports(
                state.blocklist(),
                state.notifications(),
                NetworkFirewallAdapters.ruleGroup(env.get(Env.RULE_GROUP_ARN)),
                SlackWebhookNotifier.create(secret.webhookUrl())),
            Clock.systemUTC(),
            RetryPolicy.defaults());
  }

  @Override
  public String invoke(String sqsEvent) throws Exception {
    JsonNode records = JSON.readTree(sqsEvent).path("Records");
    Set<String> failed = new LinkedHashSet<>();
    Run block = guardwall.startRun(Set.of(Route.BLOCK));
    List<Future<Boolean>> recorded = new ArrayList<>();
    for (JsonNode record : records) {
      recorded.add(workers.submit(() -> handled(block, record)));
    }
    for (int i = 0; i < recorded.size(); i++) {
      if (!recorded.get(i).get()) {
        failed.add(records.get(i).path("messageId").asText());
      }
    }
    RunReport report = block.finish();
    if (block.changed()) {
      throw new IllegalStateException("the reconcile failed: " + report.errors());
    }
    Run notify = guardwall.startRun(Set.of(Route.NOTIFY));
    for (JsonNode record : records) {
      if (!handled(notify, record)) {
        failed.add(record.path("messageId").asText());
      }
    }
    ObjectNode response = JSON.createObjectNode();
    failed.forEach(
        id -> response.withArray("batchItemFailures").addObject().put("itemIdentifier", id));
    response.withArray("batchItemFailures");
    return response.toString();
  }

  /** False when the message must come back: a store error or an alert Slack did not accept. */
  private static boolean handled(Run run, JsonNode record) {
    JsonNode event;
    try {
      event = JSON.readTree(record.path("body").asText());
    } catch (Exception e) {
      return true;
    }
    EventReport report = run.process(event, "sqs", 0);
    for (FindingReport f : report.findings()) {
      if (f.problem() instanceof FindingProblem.NotRecorded
          || f.notification() instanceof NotificationOutcome.Failed) {
        return false;
      }
    }
    return true;
  }
}
