package io.guardwall.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Slack payload built from a finding must never carry: mentions, links and formatting the
 * attacker wrote, forged lines, raw control or bidi characters, and bare URLs Slack would link;
 * stateless.
 */
final class SlackHygiene {

  /**
   * Mentions and links Slack acts on (guardwall's own console link is fine, the attacker's host
   * never), and the corpus's literal formatting payloads.
   */
  private static final Pattern ACTIVE =
      Pattern.compile("<[!@#]|<[^>]*evil\\.example|@here|@channel|@everyone|\\*bold\\*|`code`");

  /** The host every URL of the corpus names. */
  private static final String ATTACKER_HOST = "evil.example";

  private SlackHygiene() {}

  /** Problems of every Slack payload in a replay report. */
  static List<String> problems(JsonNode report) {
    List<String> problems = new ArrayList<>();
    for (JsonNode n : report.path("notifications")) {
      payload(n.path("payload"), problems);
    }
    return problems;
  }

  /** Every object of the payload with a textual "text", at any depth. */
  private static void payload(JsonNode node, List<String> problems) {
    JsonNode value = node.path("text");
    if (value.isTextual()) {
      inert(value.asText(), problems);
      if (!node.path("type").asText().equals("plain_text")) {
        mrkdwn(value.asText(), node.path("verbatim").asBoolean(false), problems);
      }
    }
    node.forEach(child -> payload(child, problems));
  }

  /** Slack reads mrkdwn (also the top-level fallback text): mentions, links and formatting. */
  private static void mrkdwn(String text, boolean verbatim, List<String> problems) {
    Matcher m = ACTIVE.matcher(text);
    if (m.find()) {
      problems.add("slack: attacker formatting passed through: '" + m.group() + "'");
    }
    if (!verbatim && text.contains(ATTACKER_HOST)) {
      problems.add("slack: the attacker's URL may become a link (verbatim not set)");
    }
  }

  private static void inert(String text, List<String> problems) {
    TerminalHygiene.textProblems("slack", text).stream().limit(3).forEach(problems::add);
  }
}
