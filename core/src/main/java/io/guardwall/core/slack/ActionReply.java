package io.guardwall.core.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.Cidr;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The messages a click on a guardwall button gets back through its {@code response_url}: what was
 * done, in place of the clicked menu in the original message (or as a new message in the channel
 * when the original cannot be rebuilt), or why not, to the clicker alone. The user's name is
 * attacker-reachable text and is made inert. Stateless.
 */
public final class ActionReply {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** A Slack user id, the only outside text rendered as a mention. */
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");

  private ActionReply() {}

  /**
   * What {@code userId} ({@code userName}) did: {@code original}, the clicked message, with the
   * menu for {@code cidr} replaced by "✓ @user unblocked 203.0.113.7/32 at 2026-12-01 10:00 UTC"
   * ({@code replace_original}); that line as a new in-channel message when {@code original} is
   * absent or cannot be rebuilt (see {@link ReplacedMessage}).
   */
  public static ObjectNode done(
      String userId,
      String userName,
      Verb verb,
      Cidr cidr,
      Instant at,
      Optional<JsonNode> original) {
    String line =
        "✓ "
            + who(userId, userName)
            + " "
            + past(verb)
            + " `"
            + cidr.value()
            + "` at "
            + UTC.format(at);
    return original
        .flatMap(message -> ReplacedMessage.of(message, cidr, line))
        .orElseGet(
            () ->
                Blocks.payload(line, List.of(Blocks.context(line)))
                    .put("response_type", "in_channel")
                    .put("replace_original", false));
  }

  /** A message only the clicker sees, saying why nothing changed. */
  public static ObjectNode refused(String reason) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("response_type", "ephemeral")
        .put("text", SlackText.safe(reason, 500))
        .put("replace_original", false);
  }

  /** A mention for a well-formed user id (Slack shows the name), else the inert name. */
  private static String who(String userId, String userName) {
    return USER_ID.matcher(userId).matches() ? "<@" + userId + ">" : SlackText.safe(userName, 80);
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
