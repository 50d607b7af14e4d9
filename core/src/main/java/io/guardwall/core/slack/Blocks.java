package io.guardwall.core.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Block Kit blocks and payloads, each cut to the {@link BlockKitLimits}; stateless. Text passed in
 * is mrkdwn whose outside text went through {@link SlackText#safe}, except header text, which is
 * guardwall's own plain text. Every mrkdwn object is {@code verbatim}: Slack then turns no bare URL
 * into a link, no channel name into a channel link and no bare mention into a ping, while
 * guardwall's own {@code <url|label>} links and formatting still work.
 */
final class Blocks {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Blocks() {}

  static ObjectNode header(String plainText) {
    ObjectNode header = JSON.objectNode().put("type", "header");
    header
        .putObject("text")
        .put("type", "plain_text")
        .put("text", SlackText.truncate(plainText, BlockKitLimits.MAX_HEADER_TEXT))
        .put("emoji", true);
    return header;
  }

  static ObjectNode section(String mrkdwn) {
    ObjectNode section = JSON.objectNode().put("type", "section");
    section.set("text", mrkdwn(mrkdwn, BlockKitLimits.MAX_SECTION_TEXT));
    return section;
  }

  /** A section of up to ten short labelled fields; further fields are dropped. */
  static ObjectNode fields(List<String> mrkdwnFields) {
    ObjectNode section = JSON.objectNode().put("type", "section");
    ArrayNode fields = section.putArray("fields");
    mrkdwnFields.stream()
        .limit(BlockKitLimits.MAX_FIELDS)
        .forEach(field -> fields.add(mrkdwn(field, BlockKitLimits.MAX_FIELD_TEXT)));
    return section;
  }

  static ObjectNode context(String mrkdwn) {
    ObjectNode context = JSON.objectNode().put("type", "context");
    context.putArray("elements").add(mrkdwn(mrkdwn, BlockKitLimits.MAX_SECTION_TEXT));
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
    return JSON.objectNode()
        .put("text", SlackText.truncate(fallbackMrkdwn, BlockKitLimits.MAX_FALLBACK_TEXT));
  }

  private static ObjectNode mrkdwn(String text, int max) {
    return JSON.objectNode()
        .put("type", "mrkdwn")
        .put("text", SlackText.truncate(text, max))
        .put("verbatim", true);
  }

  private static List<ObjectNode> checked(List<ObjectNode> blocks) {
    if (blocks.size() > BlockKitLimits.MAX_BLOCKS) {
      throw new IllegalStateException(
          "a Slack message holds at most "
              + BlockKitLimits.MAX_BLOCKS
              + " blocks, not "
              + blocks.size());
    }
    return blocks;
  }
}
