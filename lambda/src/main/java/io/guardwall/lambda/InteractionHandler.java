package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.port.ReplayGuard;
import io.guardwall.core.slack.ActionReply;
import io.guardwall.slack.WebhookRetry;
import io.guardwall.slack.interact.Interaction;
import io.guardwall.slack.interact.InteractionReader;
import io.guardwall.slack.interact.MalformedInteractionException;
import io.guardwall.slack.interact.Permissions;
import io.guardwall.slack.interact.RequestVerifier;
import io.guardwall.slack.interact.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Slack's interaction endpoint, behind a Lambda function URL: verifies each request's signature
 * (401 otherwise), reads the click (400 when malformed), checks who may act (an ephemeral refusal
 * otherwise), and puts the action on the event queue, answering at once: the queue consumer
 * performs it, so the rule group keeps one writer. Nothing but a queued action changes anything.
 * Thread-safe.
 */
public final class InteractionHandler extends JsonHandler {

  /** One per refused signature; {@code SignatureFailures_<VERDICT>} says why. */
  public static final String SIGNATURE_FAILURES = "SignatureFailures";

  /** One per request refused because the signing secret is empty or unreadable. */
  public static final String SECRET_MISSING = "SlackSigningSecretMissing";

  /** One per click by a user, or in a channel, not allowed to act. */
  public static final String NOT_ALLOWED = "InteractionsNotAllowed";

  static final String MALFORMED = "InteractionsMalformed";
  static final String QUEUED = "ActionsQueued";

  /** One attempt: Slack wants the endpoint's answer within three seconds. */
  static final WebhookRetry ONE_ATTEMPT =
      new WebhookRetry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  private static final int MAX_REASON = 300;

  private static final Logger LOG = LoggerFactory.getLogger(InteractionHandler.class);

  private final Ports ports;
  private @Nullable RequestVerifier verifier;

  /**
   * What the endpoint works with.
   *
   * @param signingSecret reads the Slack app's signing secret (blank when not filled in yet)
   * @param queue sends one message body to the event queue
   */
  record Ports(
      Supplier<@Nullable String> signingSecret,
      ReplayGuard seen,
      Clock clock,
      InteractionReader reader,
      Permissions permissions,
      Consumer<String> queue,
      Replier replier) {

    Ports {
      Objects.requireNonNull(signingSecret, "signingSecret");
      Objects.requireNonNull(seen, "seen");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(reader, "reader");
      Objects.requireNonNull(permissions, "permissions");
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(replier, "replier");
    }
  }

  public InteractionHandler() {
    this(Wiring.fromEnvironment(InteractionHandler.class), MetricsSink.powertools());
  }

  InteractionHandler(Wiring w, MetricsSink metrics) {
    this(w.interactionPorts(Replier.slack(ONE_ATTEMPT)), metrics);
  }

  /** For tests: the endpoint over the given ports. */
  InteractionHandler(Ports ports, MetricsSink metrics) {
    super(metrics);
    this.ports = Objects.requireNonNull(ports);
  }

  @Override
  protected JsonNode handle(JsonNode event) {
    FunctionUrlRequest request;
    try {
      request = FunctionUrlRequest.read(event);
    } catch (IllegalArgumentException e) {
      return malformed("the body is not valid base64");
    }
    Optional<RequestVerifier> v = verifier();
    if (v.isEmpty()) {
      metrics().put(SECRET_MISSING, 1, MetricUnit.COUNT);
      return response(401, "the Slack signing secret is not set");
    }
    Verdict verdict = v.get().verify(request.headers(), request.body());
    return verdict == Verdict.ACCEPTED ? accepted(request) : refused(verdict);
  }

  private JsonNode refused(Verdict verdict) {
    LOG.warn("Slack request refused: {}", verdict.reason());
    metrics().put(SIGNATURE_FAILURES, 1, MetricUnit.COUNT);
    metrics().put(SIGNATURE_FAILURES + "_" + verdict.name(), 1, MetricUnit.COUNT);
    return response(401, verdict.reason());
  }

  private JsonNode accepted(FunctionUrlRequest request) {
    Interaction interaction;
    try {
      interaction = ports.reader().read(request.body());
    } catch (MalformedInteractionException e) {
      return malformed(e.getMessage());
    }
    if (!ports.permissions().allow(interaction)) {
      return notAllowed(interaction);
    }
    ports.queue().accept(new ActionMessage(interaction, request.slackTimestamp()).toJson());
    metrics().put(QUEUED, 1, MetricUnit.COUNT);
    return response(200, "");
  }

  private JsonNode malformed(@Nullable String why) {
    String reason = excerpt(String.valueOf(why), MAX_REASON);
    LOG.warn("malformed Slack interaction: {}", reason);
    metrics().put(MALFORMED, 1, MetricUnit.COUNT);
    return response(400, reason);
  }

  private JsonNode notAllowed(Interaction interaction) {
    LOG.warn(
        "Slack user {} in channel {} is not allowed to act",
        excerpt(interaction.userId(), 40),
        excerpt(interaction.channelId(), 40));
    metrics().put(NOT_ALLOWED, 1, MetricUnit.COUNT);
    try {
      ports
          .replier()
          .post(
              interaction.responseUrl(),
              ActionReply.refused(
                  "You are not allowed to act on guardwall's blocks from this channel. Ask the"
                      + " team that runs guardwall to add you."));
    } catch (RuntimeException e) {
      LOG.warn("the refusal could not be posted: {}", excerpt(String.valueOf(e), MAX_REASON));
    }
    return response(200, "");
  }

  /** The verifier once a signing secret is set; a blank or unreadable one is read again later. */
  private synchronized Optional<RequestVerifier> verifier() {
    if (verifier == null) {
      try {
        String secret = ports.signingSecret().get();
        if (secret != null && !secret.isBlank()) {
          verifier = new RequestVerifier(secret, ports.clock(), ports.seen());
        }
      } catch (RuntimeException e) {
        LOG.error("the Slack signing secret cannot be read: {}", excerpt(String.valueOf(e), 500));
      }
    }
    if (verifier == null) {
      LOG.error("the Slack signing secret is empty: every request is refused until it is set");
    }
    return Optional.ofNullable(verifier);
  }

  private static ObjectNode response(int status, String body) {
    ObjectNode response = Jackson.objectNode().put("statusCode", status);
    response.putObject("headers").put("content-type", "text/plain; charset=utf-8");
    return response.put("body", body);
  }
}
