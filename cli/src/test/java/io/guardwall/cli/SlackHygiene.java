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
   * Mentions and links Slack acts on (guardwall's own console link is fine, a link to the
   * attacker's host never), and the corpus's literal formatting payloads.
   */
  private static final Pattern ACTIVE =
      Pattern.compile("<[!@#]|<https?://evil\\.example|@here|@channel|@everyone|\\*bold\\*|`code`");

  /** Every URL of the corpus names this host; percent-encoded inside a link it is inert. */
  private static final String ATTACKER_URL = "://evil.example";

  private SlackHygiene() {}

  /** Problems of every Slack payload in a replay report. */
  static List<String> problems(JsonNode report) {
    List<String> problems = new ArrayList<>();
    for (JsonNode n : report.path("notifications")) {
      active(n.path("payload").path("text").asText(""), problems);
      texts(n.path("payload"), problems);
    }
    return problems;
  }

  /** Every text of the payload (blocks, attachments, the fallback), at any depth. */
  private static void texts(JsonNode node, List<String> problems) {
    JsonNode value = node.path("text");
    if (value.isTextual()) {
      inert(value.asText(), problems);
      if (node.path("type").asText().equals("mrkdwn")) {
        active(value.asText(), problems);
        bareUrl(value.asText(), node.path("verbatim").asBoolean(false), problems);
      }
    }
    node.forEach(child -> texts(child, problems));
  }

  /** Mentions notify people from the fallback text and from mrkdwn alike. */
  private static void active(String text, List<String> problems) {
    Matcher m = ACTIVE.matcher(text);
    if (m.find()) {
      problems.add("slack: attacker formatting passed through: '" + m.group() + "'");
    }
  }

  /** In a mrkdwn text object without verbatim, Slack turns a bare URL into a link. */
  private static void bareUrl(String text, boolean verbatim, List<String> problems) {
    if (!verbatim && text.contains(ATTACKER_URL)) {
      problems.add("slack: the attacker's URL may become a link (verbatim not set)");
    }
  }

  private static void inert(String text, List<String> problems) {
    TerminalHygiene.textProblems("slack", text).stream().limit(3).forEach(problems::add);
  }
}
