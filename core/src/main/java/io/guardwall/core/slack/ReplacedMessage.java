package io.guardwall.core.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.Cidr;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The original message of a click, as Slack sends it back in the interaction payload, with the
 * clicked address's {@link ActionMenu} taken off and a context line saying what was done put under
 * its entry: the {@code replace_original} reply. Empty whenever that cannot be done safely (no
 * blocks, a shape guardwall did not post, no menu for the address, over the {@link
 * BlockKitLimits}), so the caller posts a new message instead. Stateless.
 */
public final class ReplacedMessage {

  /**
   * The most bytes (UTF-8 JSON) of an original message guardwall carries along and sends back: with
   * the rest of an action it stays well within a 256 KiB queue message.
   */
  public static final int MAX_BYTES = 128 * 1024;

  /** Slack's limit on attachments in one message. */
  private static final int MAX_ATTACHMENTS = 20;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ReplacedMessage() {}

  /**
   * {@code original} with every menu for {@code cidr} replaced by the context line {@code
   * doneMrkdwn} (inert mrkdwn), or empty when it cannot be.
   */
  public static Optional<ObjectNode> of(JsonNode original, Cidr cidr, String doneMrkdwn) {
    if (!fits(original)) {
      return Optional.empty();
    }
    Optional<List<ArrayNode>> copied = copy(original);
    if (copied.isEmpty()) {
      return Optional.empty();
    }
    int replaced = 0;
    for (ArrayNode blocks : copied.get()) {
      replaced += replace(blocks, cidr, doneMrkdwn);
      if (blocks.size() > BlockKitLimits.MAX_BLOCKS) {
        return Optional.empty();
      }
    }
    return replaced == 0
        ? Optional.empty()
        : Optional.of(message(original, copied.get(), doneMrkdwn));
  }

  /** Whether {@code original} is an object no larger than {@link #MAX_BYTES}. */
  public static boolean fits(JsonNode original) {
    return original.isObject()
        && original.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
  }

  /**
   * Copies of the message's block lists, top-level first, then each attachment's; empty when any is
   * not a list of at most 50 objects, or there are none.
   */
  private static Optional<List<ArrayNode>> copy(JsonNode original) {
    List<ArrayNode> lists = new ArrayList<>();
    if (original.has("blocks") && !addCopy(lists, original.get("blocks"))) {
      return Optional.empty();
    }
    JsonNode attachments = original.path("attachments");
    if (!attachments.isMissingNode()) {
      if (!attachments.isArray() || attachments.size() > MAX_ATTACHMENTS) {
        return Optional.empty();
      }
      for (JsonNode attachment : attachments) {
        if (!attachment.isObject() || !addCopy(lists, attachment.path("blocks"))) {
          return Optional.empty();
        }
      }
    }
    return lists.isEmpty() ? Optional.empty() : Optional.of(lists);
  }

  private static boolean addCopy(List<ArrayNode> lists, JsonNode blocks) {
    if (!blocks.isArray() || blocks.size() > BlockKitLimits.MAX_BLOCKS) {
      return false;
    }
    for (JsonNode block : blocks) {
      if (!block.isObject()) {
        return false;
      }
    }
    ArrayNode copy = (ArrayNode) blocks.deepCopy();
    verbatim(copy);
    lists.add(copy);
    return true;
  }

  /**
   * Makes every mrkdwn text verbatim again, whatever Slack sent back, so that outside text in the
   * original stays unlinked and unmentioned when it is posted anew.
   */
  private static void verbatim(JsonNode node) {
    if (node.isObject() && "mrkdwn".equals(node.path("type").asText())) {
      ((ObjectNode) node).put("verbatim", true);
    }
    node.forEach(ReplacedMessage::verbatim);
  }

  /** Replaces the menus for {@code cidr} in {@code blocks}; returns how many. */
  private static int replace(ArrayNode blocks, Cidr cidr, String doneMrkdwn) {
    int replaced = 0;
    for (int i = 0; i < blocks.size(); i++) {
      ObjectNode block = (ObjectNode) blocks.get(i);
      if (ActionMenu.isFor(block.path("accessory"), cidr)) {
        block.remove("accessory");
        blocks.insert(++i, Blocks.context(doneMrkdwn));
        replaced++;
      }
    }
    return replaced;
  }

  /** The reply: the original's fallback text and its blocks, in its attachments where they were. */
  private static ObjectNode message(JsonNode original, List<ArrayNode> blocks, String doneMrkdwn) {
    ObjectNode reply = JSON.objectNode().put("replace_original", true);
    JsonNode text = original.path("text");
    reply.put(
        "text",
        text.isTextual() && !text.asText().isBlank()
            ? SlackText.truncate(text.asText(), BlockKitLimits.MAX_FALLBACK_TEXT)
            : SlackText.truncate(doneMrkdwn, BlockKitLimits.MAX_FALLBACK_TEXT));
    int next = 0;
    if (original.has("blocks")) {
      reply.set("blocks", blocks.get(next++));
    }
    if (original.has("attachments")) {
      ArrayNode attachments = reply.putArray("attachments");
      for (JsonNode attachment : original.get("attachments")) {
        ObjectNode copy = attachments.addObject();
        copyText(attachment, copy, "color");
        copyText(attachment, copy, "fallback");
        copy.set("blocks", blocks.get(next++));
      }
    }
    return reply;
  }

  private static void copyText(JsonNode from, ObjectNode to, String field) {
    JsonNode value = from.path(field);
    if (value.isTextual()) {
      to.put(field, SlackText.truncate(value.asText(), BlockKitLimits.MAX_FALLBACK_TEXT));
    }
  }
}
