package io.guardwall.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.flow.ActionOutcome;
import io.guardwall.core.flow.Actions;
import io.guardwall.core.flow.Guardwall;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.Actor;
import io.guardwall.core.slack.ActionReply;
import io.guardwall.slack.interact.Interaction;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Performs the Slack actions of a queue batch through the core use cases, reconciles the firewall
 * after each change, and updates the clicked message through its {@code response_url}: who did
 * what, or, to the clicker alone, why nothing changed. An action is never retried: a failed reply
 * or reconcile leaves the change in the store, which the next reconcile applies. Thread-safe.
 */
final class SlackActions {

  static final String PERFORMED = "ActionsPerformed";
  static final String REFUSED = "ActionsRefused";
  static final String FAILED = "ActionsFailed";
  static final String REJECTED = "ActionsRejected";
  static final String REPLY_FAILURES = "ActionRepliesFailed";

  private static final Logger LOG = LoggerFactory.getLogger(SlackActions.class);

  /** The reason a Slack action records: the menu asks for none. */
  private static final String FROM_SLACK = "from Slack";

  private final Guardwall guardwall;
  private final Replier replier;
  private final Predicate<URI> responseUrls;
  private final Clock clock;

  /**
   * @param responseUrls which response URLs may be called: Slack's in production, checked again
   *     here because anything that can send to the queue could name another
   */
  SlackActions(Guardwall guardwall, Replier replier, Predicate<URI> responseUrls, Clock clock) {
    this.guardwall = Objects.requireNonNull(guardwall, "guardwall");
    this.replier = Objects.requireNonNull(replier, "replier");
    this.responseUrls = Objects.requireNonNull(responseUrls, "responseUrls");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Whether {@code body} is an action message rather than a finding event. */
  static boolean isAction(String body) {
    return body.contains(ActionMessage.KIND) && ActionMessage.KIND.equals(kind(body));
  }

  /** Performs the action messages {@code messages}, in order. */
  void performAll(List<SqsMessage> messages, MetricsSink metrics) {
    for (SqsMessage m : messages) {
      perform(m, metrics);
    }
  }

  private void perform(SqsMessage m, MetricsSink metrics) {
    Optional<ActionMessage> action = read(m);
    if (action.isEmpty() || !responseUrls.test(action.get().interaction().responseUrl())) {
      LOG.warn("action message {} is malformed and dropped", m.messageId());
      metrics.put(REJECTED, 1, MetricUnit.COUNT);
      return;
    }
    Interaction i = action.get().interaction();
    Optional<String> refusal = apply(i, metrics);
    ObjectNode reply =
        refusal
            .map(ActionReply::refused)
            .orElseGet(
                () ->
                    ActionReply.done(
                        i.userId(),
                        i.userName(),
                        i.verb(),
                        i.cidr(),
                        clock.instant(),
                        original(i)));
    post(i.responseUrl(), reply, metrics);
  }

  /**
   * Performs the verb: empty when done, else why not, for the clicker. A failure (the store, say)
   * is one too: the audit trail has it as failed, and the action is not retried.
   */
  private Optional<String> apply(Interaction i, MetricsSink metrics) {
    ActionOutcome outcome;
    try {
      outcome = perform(guardwall.actions(), i);
    } catch (RuntimeException e) {
      String error = JsonHandler.excerpt(String.valueOf(e.getMessage()), 300);
      LOG.error("Slack action {} failed: {}", i.verb().word(), error);
      metrics.put(FAILED, 1, MetricUnit.COUNT);
      return Optional.of(
          "The action failed: "
              + error
              + ". guardwall history has it as failed; check the block, then try again or use the"
              + " CLI.");
    }
    if (!outcome.done()) {
      metrics.put(REFUSED, 1, MetricUnit.COUNT);
      return Optional.of(outcome.message());
    }
    metrics.put(PERFORMED, 1, MetricUnit.COUNT);
    reconcile();
    return Optional.empty();
  }

  /** The one core use case each verb stands for, the CLI's too, recorded in the audit trail. */
  private static ActionOutcome perform(Actions actions, Interaction i) {
    Actor actor = Actor.slackUser(i.userId(), i.userName());
    return switch (i.verb()) {
      case UNBLOCK -> actions.unblock(actor, i.cidr(), FROM_SLACK);
      case EXTEND -> actions.extend(actor, i.cidr(), null, FROM_SLACK);
      case PIN -> actions.pin(actor, i.cidr(), FROM_SLACK);
      case ALLOW -> actions.allow(actor, i.cidr(), FROM_SLACK);
    };
  }

  private void reconcile() {
    // The store holds the change: the next reconcile applies it to a target that failed.
    guardwall
        .reconcile()
        .failures()
        .forEach(
            t ->
                LOG.error(
                    "reconcile after a Slack action failed: {}",
                    JsonHandler.excerpt(String.valueOf(t.error()), 500)));
  }

  private void post(URI url, ObjectNode reply, MetricsSink metrics) {
    try {
      replier.post(url, reply);
    } catch (RuntimeException e) {
      LOG.warn("the reply to Slack failed: {}", JsonHandler.excerpt(e.toString(), 300));
      metrics.put(REPLY_FAILURES, 1, MetricUnit.COUNT);
    }
  }

  /** The clicked message, when the click carried one that still parses. */
  private static Optional<JsonNode> original(Interaction i) {
    String message = i.message();
    if (message == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(Jackson.reader().readTree(message));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static Optional<ActionMessage> read(SqsMessage m) {
    try {
      return ActionMessage.read(Jackson.reader().readTree(m.body()));
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String kind(String body) {
    try {
      JsonNode json = Jackson.reader().readTree(body);
      return json == null ? "" : json.path("kind").asText("");
    } catch (JsonProcessingException e) {
      return "";
    }
  }
}
