package io.guardwall.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.flow.AlertReport;
import io.guardwall.core.flow.EventReport;
import io.guardwall.core.flow.FindingProblem;
import io.guardwall.core.flow.FindingReport;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.flow.NotificationOutcome;
import io.guardwall.core.flow.Run;
import io.guardwall.core.flow.RunReport;
import io.guardwall.core.json.Jackson;
import io.guardwall.slack.WebhookRetry;
import io.guardwall.slack.interact.InteractionReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Consumes the event queue, a batch at a time, the way the local {@code process} command does:
 * records every message's findings with {@link #WORKERS} workers, reconciles the firewall once if
 * anything changed, posts one digest of what that reconcile added to the rule group, then the
 * batch's finding alerts, one per finding. Input: the Lambda SQS event. Output: the partial batch
 * response, naming the messages to retry: those whose findings could not be recorded and those
 * whose alert Slack did not accept (or that the batch had no time left to send). A message that can
 * never be read (not JSON, not a finding event) is logged, counted as {@value #REJECTED_METRIC} and
 * acknowledged, so that it does not come back until it lands in the dead-letter queue. Slack
 * actions (put on the same queue by {@link InteractionHandler}) are performed after the batch's
 * findings by {@link SlackActions}, and always acknowledged. Thread-safe.
 */
public final class QueueHandler extends JsonHandler {

  /** Messages acknowledged because they can never be read. */
  public static final String REJECTED_METRIC = "EventsRejected";

  /** One per batch that had something to post while the secret holds no webhook URL. */
  public static final String SLACK_NOT_CONFIGURED_METRIC = "SlackNotConfigured";

  /** Recording is DynamoDB I/O: this many calls in flight keep a 1,000-message batch short. */
  static final int WORKERS = 8;

  /**
   * No alert starts with less time left than this: room for one alert's whole retry budget (a
   * minute of waits and the HTTP timeouts) and the response.
   */
  static final Duration ALERT_RESERVE = Duration.ofMinutes(2);

  static final int MAX_EXCERPT = 200;

  private static final Logger LOG = LoggerFactory.getLogger(QueueHandler.class);

  private final Guardwall guardwall;
  private final SlackActions actions;

  public QueueHandler() {
    this(Wiring.fromEnvironment(QueueHandler.class), MetricsSink.powertools());
  }

  /** The function as deployed, its ports from {@code w}; also for infra's burst test. */
  QueueHandler(Wiring w, MetricsSink metrics) {
    this(w.guardwall(w.store(), w.notifications(), w.targets(), w.notifier()), metrics);
  }

  /** The flows over the given ports; Slack actions reply through Slack's response URLs only. */
  QueueHandler(Guardwall guardwall, MetricsSink metrics) {
    this(
        guardwall,
        new SlackActions(
            guardwall,
            Replier.slack(WebhookRetry.defaults()),
            InteractionReader.SLACK_RESPONSE_URLS,
            Clock.systemUTC()),
        metrics);
  }

  /** For tests: the flows over the given ports, performing Slack actions with {@code actions}. */
  QueueHandler(Guardwall guardwall, SlackActions actions, MetricsSink metrics) {
    super(metrics);
    this.guardwall = Objects.requireNonNull(guardwall);
    this.actions = Objects.requireNonNull(actions);
  }

  @Override
  protected JsonNode handle(JsonNode event) {
    return handle(event, () -> true);
  }

  @Override
  protected JsonNode handle(JsonNode event, Context context) {
    return handle(event, () -> context.getRemainingTimeInMillis() > ALERT_RESERVE.toMillis());
  }

  /** The batch, sending alerts only while {@code hasTime} says there is time for one more. */
  JsonNode handle(JsonNode event, BooleanSupplier hasTime) {
    List<SqsMessage> all = SqsMessage.read(event);
    List<SqsMessage> messages = all.stream().filter(m -> !SlackActions.isAction(m.body())).toList();
    Run run = guardwall.startBatch();
    List<Received> received = recordAll(run, messages);
    RunReport end = run.finish();
    List<AlertReport> alerts = run.sendAlerts(hasTime);
    Set<String> retry = new LinkedHashSet<>();
    received.stream().filter(r -> r.status() == Status.FAILED).forEach(r -> retry.add(r.id()));
    alerts.stream().filter(a -> !a.settled()).forEach(a -> retry.addAll(a.sources()));
    report(run, end, received, alerts);
    // Slack actions are acknowledged, never retried: a change they made stays in the store.
    actions.performAll(all.stream().filter(m -> !messages.contains(m)).toList(), metrics());
    return response(messages, retry);
  }

  private List<Received> recordAll(Run run, List<SqsMessage> messages) {
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(WORKERS, messages.size())));
    try {
      List<Future<Received>> futures = new ArrayList<>(messages.size());
      for (int i = 0; i < messages.size(); i++) {
        SqsMessage m = messages.get(i);
        int index = i;
        futures.add(pool.submit(() -> record(run, m, index)));
      }
      List<Received> received = new ArrayList<>(futures.size());
      for (Future<Received> f : futures) {
        received.add(await(f));
      }
      return received;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Received record(Run run, SqsMessage m, int index) {
    JsonNode event;
    try {
      event = Jackson.reader().readTree(m.body());
    } catch (JsonProcessingException e) {
      return Received.rejected(m, "the body is not JSON");
    }
    if (event == null || event.isMissingNode()) {
      return Received.rejected(m, "the body is empty");
    }
    try {
      EventReport report = run.process(event, m.messageId(), index);
      if (report.error() != null) {
        return Received.rejected(m, report.error());
      }
      return notRecorded(report.findings())
          .map(why -> new Received(m, Status.FAILED, why))
          .orElseGet(() -> new Received(m, Status.RECORDED, ""));
    } catch (RuntimeException e) {
      // A bug, or a failure the run does not type: retry this message alone, not the batch.
      LOG.error("message {} failed", m.messageId(), e);
      return new Received(m, Status.FAILED, e.toString());
    }
  }

  private static Optional<String> notRecorded(List<FindingReport> findings) {
    return findings.stream()
        .filter(f -> f.problem() instanceof FindingProblem.NotRecorded)
        .map(f -> "finding " + f.id() + " not recorded: " + f.error())
        .findFirst();
  }

  private static Received await(Future<Received> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while recording the batch", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a recording worker failed: " + e.getCause(), e.getCause());
    }
  }

  private void report(Run run, RunReport end, List<Received> received, List<AlertReport> alerts) {
    int rejected = count(received, Status.REJECTED);
    int failed = count(received, Status.FAILED);
    received.stream().filter(r -> r.status() != Status.RECORDED).forEach(QueueHandler::log);
    end.errors().forEach(e -> LOG.warn("{}", excerpt(e, 2000)));
    metrics().put("EventsReceived", received.size(), MetricUnit.COUNT);
    metrics().put(REJECTED_METRIC, rejected, MetricUnit.COUNT);
    metrics().put("EventsFailed", failed, MetricUnit.COUNT);
    metrics().put("Blocked", end.newlyBlocked().size(), MetricUnit.COUNT);
    if (end.reconcile() != null) {
      ReconcileMetrics.publish(metrics(), end.reconcile());
    }
    // A failed reconcile leaves the batch's changes pending: the next reconcile applies them.
    metrics().put("ReconcileFailures", run.changed() ? 1 : 0, MetricUnit.COUNT);
    metrics().put("AlertsSent", sent(alerts), MetricUnit.COUNT);
    metrics().put("AlertsFailed", unsettled(alerts), MetricUnit.COUNT);
    if (!alerts.isEmpty() || !end.newlyBlocked().isEmpty()) {
      guardwall.notifierUnavailable().ifPresent(why -> slackNotConfigured(metrics(), why));
    }
  }

  /** Says that Slack is not configured: a log line and a metric the stack alarms on. */
  static void slackNotConfigured(MetricsSink metrics, String why) {
    LOG.error(
        "Slack is not configured, so nothing was posted and no alert was claimed (the alerts are"
            + " retried with their messages): {}. Put the incoming-webhook URL into the Slack"
            + " secret.",
        why);
    metrics.put(SLACK_NOT_CONFIGURED_METRIC, 1, MetricUnit.COUNT);
  }

  private static void log(Received r) {
    if (r.status() == Status.REJECTED) {
      LOG.warn(
          "message {} can never be read and is acknowledged, not retried: {}; body: {}",
          r.id(),
          excerpt(r.why(), MAX_EXCERPT),
          excerpt(r.message().body(), MAX_EXCERPT));
    } else {
      LOG.error("message {} is retried: {}", r.id(), excerpt(r.why(), MAX_EXCERPT));
    }
  }

  private static int count(List<Received> received, Status status) {
    return (int) received.stream().filter(r -> r.status() == status).count();
  }

  private static int sent(List<AlertReport> alerts) {
    return (int)
        alerts.stream().filter(a -> a.outcome() instanceof NotificationOutcome.Sent).count();
  }

  private static int unsettled(List<AlertReport> alerts) {
    return (int) alerts.stream().filter(a -> !a.settled()).count();
  }

  /** The partial batch response, its failures in the batch's order. */
  private static ObjectNode response(List<SqsMessage> messages, Set<String> retry) {
    ObjectNode out = Jackson.objectNode();
    ArrayNode failures = out.putArray("batchItemFailures");
    messages.stream()
        .map(SqsMessage::messageId)
        .filter(retry::contains)
        .distinct()
        .forEach(id -> failures.addObject().put("itemIdentifier", id));
    return out;
  }

  private enum Status {
    RECORDED,
    REJECTED,
    FAILED
  }

  /** What became of one message's recording, and why when it was not recorded. */
  private record Received(SqsMessage message, Status status, String why) {
    static Received rejected(SqsMessage m, String why) {
      return new Received(m, Status.REJECTED, why);
    }

    String id() {
      return message.messageId();
    }
  }
}
