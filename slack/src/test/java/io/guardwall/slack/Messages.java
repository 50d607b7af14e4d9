package io.guardwall.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.slack.SlackMessage;

/** Slack messages shaped like guardwall's: Block Kit payloads with a fallback text. */
final class Messages {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Messages() {}

  /** A digest of one newly blocked address: a section and a context block. */
  static SlackMessage blocked(String ip) {
    ObjectNode payload = JSON.objectNode().put("text", "guardwall blocked " + ip);
    ArrayNode blocks = payload.putArray("blocks");
    blocks
        .addObject()
        .put("type", "section")
        .putObject("text")
        .put("type", "mrkdwn")
        .put("text", "Blocked `" + ip + "` for 12 h");
    blocks
        .addObject()
        .put("type", "context")
        .putArray("elements")
        .addObject()
        .put("type", "mrkdwn")
        .put("text", "run 1");
    return new SlackMessage(SlackMessage.Kind.BLOCKED, null, payload);
  }

  /** A digest with {@code blockCount} sections and fallback text of {@code textLength} chars. */
  static SlackMessage blocked(int blockCount, int textLength) {
    ObjectNode payload = JSON.objectNode().put("text", "x".repeat(textLength));
    ArrayNode blocks = payload.putArray("blocks");
    for (int i = 0; i < blockCount; i++) {
      blocks
          .addObject()
          .put("type", "section")
          .putObject("text")
          .put("type", "mrkdwn")
          .put("text", "entry " + i);
    }
    return new SlackMessage(SlackMessage.Kind.BLOCKED, null, payload);
  }

  static SlackMessage blocked(ObjectNode payload) {
    return new SlackMessage(SlackMessage.Kind.BLOCKED, null, payload);
  }

  /** An alert for finding {@code id}. */
  static SlackMessage finding(String id) {
    ObjectNode payload = JSON.objectNode().put("text", "finding " + id);
    payload
        .putArray("blocks")
        .addObject()
        .put("type", "section")
        .putObject("text")
        .put("type", "mrkdwn")
        .put("text", "Finding " + id);
    return new SlackMessage(SlackMessage.Kind.FINDING, id, payload);
  }
}
