package io.guardwall.core.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.AuditRecord;
import java.util.List;

/**
 * The maintenance digest's part on what people did since the last one: who, what, on which CIDR,
 * and whether it was done; stateless. Names and reasons come from Slack users, so every one is
 * escaped and shortened; reasons are left out (they are in {@code history}).
 */
final class ActionsTaken {

  /** More actions than this make the message too long to read; the rest are counted. */
  static final int MAX_LISTED = 30;

  private static final int MAX_NAME = 80;

  private ActionsTaken() {}

  static ObjectNode payload(List<AuditRecord> actions) {
    List<String> lines = actions.stream().limit(MAX_LISTED).map(ActionsTaken::line).toList();
    String more =
        actions.size() > lines.size() ? "\n" + SlackText.more(actions.size() - lines.size()) : "";
    String title = actions.size() == 1 ? "1 action taken" : actions.size() + " actions taken";
    return Blocks.payload(
        "guardwall maintenance: " + title,
        List.of(
            Blocks.header("guardwall actions"),
            Blocks.section(
                "*" + title + " since the last digest*\n" + String.join("\n", lines) + more)));
  }

  private static String line(AuditRecord r) {
    return SlackText.safe(r.actor().describe(), MAX_NAME)
        + " "
        + r.action().verb()
        + " `"
        + r.cidr().value()
        + "`"
        + switch (r.status()) {
          case DONE -> "";
          case REFUSED -> " (refused)";
          case FAILED -> " (failed)";
          case REQUESTED -> " (not completed)";
        };
  }
}
