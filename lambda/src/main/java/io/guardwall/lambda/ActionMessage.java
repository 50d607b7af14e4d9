package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.slack.Verb;
import io.guardwall.slack.interact.Interaction;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Slack action on the event queue, put there by {@link InteractionHandler} and performed by
 * {@link QueueHandler}, so that the rule group keeps one writer path; immutable. Its user name is
 * Slack's, attacker-reachable text.
 *
 * @param requestedAt the signed request's timestamp
 */
record ActionMessage(Interaction interaction, Instant requestedAt) {

  /** The marker that tells an action from an EventBridge finding event on the same queue. */
  static final String KIND = "guardwall.slack-action";

  ActionMessage {
    Objects.requireNonNull(interaction, "interaction");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }

  /** The message body. */
  String toJson() {
    ObjectNode json = Jackson.objectNode().put("kind", KIND);
    json.put("verb", interaction.verb().word()).put("cidr", interaction.cidr().toString());
    json.put("userId", interaction.userId()).put("userName", interaction.userName());
    json.put("channelId", interaction.channelId());
    json.put("responseUrl", interaction.responseUrl().toString());
    String message = interaction.message();
    if (message != null) {
      json.put("message", message);
    }
    return json.put("requestedAt", requestedAt.toString()).toString();
  }

  /**
   * The action in {@code body}; empty when it is not one (a finding event).
   *
   * @throws IllegalArgumentException naming the field when it is an action with a bad field
   */
  static Optional<ActionMessage> read(JsonNode body) {
    if (!KIND.equals(body.path("kind").asText())) {
      return Optional.empty();
    }
    Verb verb =
        Verb.of(text(body, "verb"))
            .orElseThrow(() -> new IllegalArgumentException("action: unknown verb"));
    Interaction interaction =
        new Interaction(
            text(body, "userId"),
            text(body, "userName"),
            text(body, "channelId"),
            verb,
            Cidr.parse(text(body, "cidr")),
            URI.create(text(body, "responseUrl")),
            body.path("message").isTextual() ? body.get("message").asText() : null);
    return Optional.of(new ActionMessage(interaction, Instant.parse(text(body, "requestedAt"))));
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.path(field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("action: " + field + " is missing or not text");
    }
    return value.asText();
  }
}
