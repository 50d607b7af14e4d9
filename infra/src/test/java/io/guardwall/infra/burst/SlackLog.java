package io.guardwall.infra.burst;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what Slack accepted: which messages are digests of blocked addresses and which addresses
 * each lists, which are finding alerts and for which finding. Stateless.
 */
final class SlackLog {

  private static final String DIGEST_HEADER = "guardwall blocked";
  // A digest entry starts with the address in bold; IPv4 only, as the burst's addresses are.
  private static final Pattern LISTED = Pattern.compile("\\*(\\d{1,3}(?:\\.\\d{1,3}){3})\\*");
  private static final Pattern FINDING_ID =
      Pattern.compile("\\*Finding ID\\*\n([0-9A-Za-z:/._-]+)");

  private SlackLog() {}

  static boolean isDigest(JsonNode payload) {
    return payload.toString().contains(DIGEST_HEADER);
  }

  /** The addresses a digest lists, each once. */
  static Set<String> listed(JsonNode payload) {
    return all(LISTED, texts(payload));
  }

  /** The finding an alert is about; empty for any other message. */
  static Set<String> alerted(JsonNode payload) {
    return isDigest(payload) ? Set.of() : all(FINDING_ID, texts(payload));
  }

  private static String texts(JsonNode payload) {
    StringBuilder out = new StringBuilder();
    collect(payload, out);
    return out.toString();
  }

  private static void collect(JsonNode node, StringBuilder out) {
    if (node.isTextual()) {
      out.append(node.asText()).append('\u0000');
    }
    node.forEach(child -> collect(child, out));
  }

  private static Set<String> all(Pattern pattern, String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
