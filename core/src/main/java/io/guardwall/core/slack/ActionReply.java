package io.guardwall.core.slack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The messages a click on a guardwall button gets back through its {@code response_url}: what was
 * done, in the channel, or why not, to the clicker alone. The user's name is attacker-reachable
 * text and is made inert. Stateless.
 */
public final class ActionReply {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private ActionReply() {}

  /** An in-channel line: "<who> unblocked 203.0.113.7/32 at 2026-12-01 10:00 UTC". */
  public static ObjectNode done(String userName, Verb verb, String cidr, Instant at) {
    String line =
        SlackText.safe(userName, 80)
            + " "
            + past(verb)
            + " `"
            + SlackText.safe(cidr, 64)
            + "` at "
            + UTC.format(at);
    ObjectNode payload = Blocks.payload(line, List.of(Blocks.context(line)));
    return payload.put("response_type", "in_channel").put("replace_original", false);
  }

  /** A message only the clicker sees, saying why nothing changed. */
  public static ObjectNode refused(String reason) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("response_type", "ephemeral")
        .put("text", SlackText.safe(reason, 500))
        .put("replace_original", false);
  }

  private static String past(Verb verb) {
    return switch (verb) {
      case UNBLOCK -> "unblocked";
      case EXTEND -> "extended the block on";
      case PIN -> "pinned the block on";
      case ALLOW -> "allow-listed";
    };
  }
}
