package io.guardwall.core.slack;

import io.guardwall.core.text.InertText;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Slack mrkdwn text: escaping of attacker-influenced text, visible truncation that respects Block
 * Kit limits, and the few phrases digest and alert share; stateless.
 */
final class SlackText {

  static final String ELLIPSIS = "…";

  /** Characters mrkdwn formats with: bold, italic, strike, code. */
  private static final String FORMATTING = "*_~`";

  /** What follows the {@code @} of a mention that notifies a whole channel. */
  private static final Pattern BROADCAST =
      Pattern.compile("(channel|here|everyone)\\b", Pattern.CASE_INSENSITIVE);

  /** The longest escape sequence {@link #escape} produces, the entity for an ampersand. */
  private static final int LONGEST_ENTITY = "&amp;".length();

  private SlackText() {}

  /** Replaces {@code &}, {@code <} and {@code >} with their entities, so nothing becomes markup. */
  static String escape(String text) {
    Objects.requireNonNull(text, "text");
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String entity = entity(c);
      if (entity == null) {
        escaped.append(c);
      } else {
        escaped.append(entity);
      }
    }
    return escaped.toString();
  }

  /**
   * Cuts already escaped text to at most {@code max} chars, ending with {@code …} when cut; never
   * inside an entity or a surrogate pair.
   */
  static String truncate(String escaped, int max) {
    if (escaped.length() <= max) {
      return escaped;
    }
    int cut = Math.max(0, max - ELLIPSIS.length());
    int amp = escaped.lastIndexOf('&', cut - 1);
    if (amp >= 0 && amp > cut - LONGEST_ENTITY && escaped.indexOf(';', amp) >= cut) {
      cut = amp;
    }
    if (cut > 0 && Character.isHighSurrogate(escaped.charAt(cut - 1))) {
      cut--;
    }
    return escaped.substring(0, cut) + ELLIPSIS;
  }

  /**
   * Outside text made inert for mrkdwn, in this order: on one line without control, bidi or
   * invisible characters ({@link InertText}), formatting and mentions {@linkplain #neutralise
   * neutralised}, escaped, then cut to at most {@code max} chars; a dash when absent.
   */
  static String safe(@Nullable String text, int max) {
    String inert = text == null ? "" : InertText.of(text);
    return inert.isBlank() ? "—" : truncate(escape(neutralise(inert.strip())), max);
  }

  /**
   * Replaces what Slack would still format in verbatim mrkdwn. mrkdwn has no escape character, so
   * {@code * _ ~} and the backtick become their fullwidth forms, as does a {@code >} that starts
   * the text (a quote), and the {@code @} of {@code @channel}, {@code @here} and {@code @everyone}
   * (verbatim already keeps Slack from parsing those, but the notification fallback text has no
   * verbatim). The fullwidth forms look alike, are printable, survive {@link InertText}, and are
   * never markup; an invisible separator instead would be dropped by InertText and would break
   * copying the text.
   */
  static String neutralise(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean quote = c == '>' && i == 0;
      boolean mention =
          c == '@' && BROADCAST.matcher(text).region(i + 1, text.length()).lookingAt();
      out.append(FORMATTING.indexOf(c) >= 0 || quote || mention ? fullwidth(c) : c);
    }
    return out.toString();
  }

  /** Where an address lives, as a finding says: "US · AS64496 Example Org", or "" if unknown. */
  static String whereabouts(
      @Nullable String country, @Nullable String asn, @Nullable String organization) {
    StringBuilder where = new StringBuilder();
    appendPart(where, country == null ? null : safe(country, 64));
    String as = asn == null || asn.isBlank() ? null : asNumber(asn);
    String org = organization == null || organization.isBlank() ? null : safe(organization, 128);
    appendPart(where, as == null ? org : org == null ? as : as + " " + org);
    return where.toString();
  }

  /** The visible line for what a list leaves out: "…and 3 more". */
  static String more(int n) {
    return ELLIPSIS + "and " + n + " more";
  }

  private static String asNumber(String asn) {
    String trimmed = asn.strip();
    return trimmed.chars().allMatch(Character::isDigit) ? "AS" + trimmed : safe(trimmed, 32);
  }

  private static void appendPart(StringBuilder text, @Nullable String part) {
    if (part != null) {
      text.append(text.length() == 0 ? "" : " · ").append(part);
    }
  }

  /** The fullwidth form of a printable ASCII character (U+FF01 to U+FF5E). */
  private static char fullwidth(char c) {
    return (char) (c - '!' + '\uFF01');
  }

  private static @Nullable String entity(char c) {
    return switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      default -> null;
    };
  }
}
