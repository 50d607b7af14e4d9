package io.guardwall.core.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Block Kit blocks and payloads, each cut to Slack's documented limits; stateless. Text passed in
 * is mrkdwn that is already escaped, except header text, which is guardwall's own plain text.
 */
final class Blocks {

  static final int MAX_BLOCKS = 50;
  static final int MAX_SECTION_TEXT = 3000;
  static final int MAX_HEADER_TEXT = 150;
  static final int MAX_FIELDS = 10;
  static final int MAX_FIELD_TEXT = 2000;
  static final int MAX_FALLBACK_TEXT = 4000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Blocks() {}

  static ObjectNode header(String plainText) {
    ObjectNode header = JSON.objectNode().put("type", "header");
    header
        .putObject("text")
        .put("type", "plain_text")
        .put("text", SlackText.truncate(plainText, MAX_HEADER_TEXT))
        .put("emoji", true);
    return header;
  }

  static ObjectNode section(String mrkdwn) {
    ObjectNode section = JSON.objectNode().put("type", "section");
    section.set("text", mrkdwn(mrkdwn, MAX_SECTION_TEXT));
    return section;
  }

  /** A section of up to ten short labelled fields; further fields are dropped. */
  static ObjectNode fields(List<String> mrkdwnFields) {
    ObjectNode section = JSON.objectNode().put("type", "section");
    ArrayNode fields = section.putArray("fields");
    mrkdwnFields.stream()
        .limit(MAX_FIELDS)
        .forEach(field -> fields.add(mrkdwn(field, MAX_FIELD_TEXT)));
    return section;
  }

  static ObjectNode context(String mrkdwn) {
    ObjectNode context = JSON.objectNode().put("type", "context");
    context.putArray("elements").add(mrkdwn(mrkdwn, MAX_SECTION_TEXT));
    return context;
  }

  /** A webhook body: the notification {@code text} fallback and the blocks. */
  static ObjectNode payload(String fallbackMrkdwn, List<ObjectNode> blocks) {
    ObjectNode payload = fallback(fallbackMrkdwn);
    payload.putArray("blocks").addAll(checked(blocks));
    return payload;
  }

  /** A webhook body whose blocks sit in one attachment, for the coloured bar beside them. */
  static ObjectNode colouredPayload(String fallbackMrkdwn, String colour, List<ObjectNode> blocks) {
    ObjectNode payload = fallback(fallbackMrkdwn);
    ObjectNode attachment = payload.putArray("attachments").addObject().put("color", colour);
    attachment.putArray("blocks").addAll(checked(blocks));
    return payload;
  }

  private static ObjectNode fallback(String fallbackMrkdwn) {
    return JSON.objectNode().put("text", SlackText.truncate(fallbackMrkdwn, MAX_FALLBACK_TEXT));
  }

  private static ObjectNode mrkdwn(String text, int max) {
    return JSON.objectNode().put("type", "mrkdwn").put("text", SlackText.truncate(text, max));
  }

  private static List<ObjectNode> checked(List<ObjectNode> blocks) {
    if (blocks.size() > MAX_BLOCKS) {
      throw new IllegalStateException(
          "a Slack message holds at most " + MAX_BLOCKS + " blocks, not " + blocks.size());
    }
    return blocks;
  }
}
