package io.guardwall.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.slack.BlockKitLimits;
import io.guardwall.core.slack.SlackMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Merges queued BLOCKED digests into as few messages as Block Kit allows ({@link BlockKitLimits}),
 * keeping their order; FINDING alerts pass one by one. Stateless.
 */
final class Digests {

  private static final List<String> MERGED_FIELDS = List.of("text", "blocks");

  private Digests() {}

  /** {@code queue} with each BLOCKED digest merged into the latest earlier one it fits with. */
  static List<Outgoing> merge(List<Outgoing> queue) {
    List<Outgoing> out = new ArrayList<>(queue.size());
    int lastDigest = -1;
    for (Outgoing next : queue) {
      if (next.message().kind() != SlackMessage.Kind.BLOCKED) {
        out.add(next);
        continue;
      }
      Optional<Outgoing> merged =
          lastDigest < 0 ? Optional.empty() : combine(out.get(lastDigest), next);
      if (merged.isPresent()) {
        out.set(lastDigest, merged.get());
      } else {
        lastDigest = out.size();
        out.add(next);
      }
    }
    return out;
  }

  /** One message carrying both digests, or empty when they differ in shape or would not fit. */
  static Optional<Outgoing> combine(Outgoing first, Outgoing second) {
    ObjectNode a = first.message().payload();
    ObjectNode b = second.message().payload();
    if (!mergeable(a) || !mergeable(b) || !rest(a).equals(rest(b))) {
      return Optional.empty();
    }
    ArrayNode blocks = blocks(a, b);
    String text = joined(a.path("text").asText(""), b.path("text").asText(""));
    if (blocks.size() > BlockKitLimits.MAX_BLOCKS
        || text.length() > BlockKitLimits.MAX_FALLBACK_TEXT) {
      return Optional.empty();
    }
    ObjectNode payload = rest(a);
    if (a.has("text") || b.has("text")) {
      payload.put("text", text);
    }
    if (a.has("blocks") || b.has("blocks")) {
      payload.set("blocks", blocks);
    }
    List<SlackMessage> originals = new ArrayList<>(first.originals());
    originals.addAll(second.originals());
    return Optional.of(
        new Outgoing(new SlackMessage(SlackMessage.Kind.BLOCKED, null, payload), originals));
  }

  private static boolean mergeable(ObjectNode payload) {
    JsonNode text = payload.get("text");
    JsonNode blocks = payload.get("blocks");
    return (text == null || text.isTextual()) && (blocks == null || blocks.isArray());
  }

  /** Everything but text and blocks: digests merge only when this is the same. */
  private static ObjectNode rest(ObjectNode payload) {
    return payload.deepCopy().without(MERGED_FIELDS);
  }

  private static ArrayNode blocks(ObjectNode a, ObjectNode b) {
    ArrayNode blocks = JsonNodeFactory.instance.arrayNode();
    blocks.addAll(copy(a.path("blocks")));
    if (!blocks.isEmpty() && !b.path("blocks").isEmpty()) {
      blocks.addObject().put("type", "divider");
    }
    blocks.addAll(copy(b.path("blocks")));
    return blocks;
  }

  private static ArrayNode copy(JsonNode blocks) {
    return blocks.isArray()
        ? ((ArrayNode) blocks).deepCopy()
        : JsonNodeFactory.instance.arrayNode();
  }

  private static String joined(String a, String b) {
    return a.isEmpty() || b.isEmpty() ? a + b : a + "\n" + b;
  }
}
