package io.guardwall.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What output meant for a terminal or a log must never contain: raw control and bidi characters,
 * lines a finding's text forged, and Java stack traces or exception class names; stateless.
 */
final class TerminalHygiene {

  /** The corpus starts every line it tries to forge with this word. */
  static final String FORGED = "FORGED";

  private static final Pattern CRASH =
      Pattern.compile(
          "(?m)^\\s*at [\\w$.]+\\(.*\\)\\s*$|\\b\\w*Exception\\b|\\b[A-Z][a-z]\\w*Error\\b"
              + "|\\b(java|javax|jdk|sun|com\\.fasterxml|org\\.sqlite|picocli)\\.[a-z]\\w*\\.");

  private TerminalHygiene() {}

  /** Raw control or bidi characters and forged lines in text printed for a person or a log. */
  static List<String> textProblems(String where, String text) {
    List<String> problems = new ArrayList<>();
    rawCharacters(where, text, problems);
    forgedLines(where, text, problems);
    return problems;
  }

  /** Problems of any output, JSON included: a stack trace or an exception class name. */
  static List<String> crashProblems(String where, String text) {
    Matcher m = CRASH.matcher(text);
    return m.find() ? List.of(where + ": looks like a crash: '" + m.group() + "'") : List.of();
  }

  private static void rawCharacters(String where, String text, List<String> problems) {
    text.codePoints()
        .filter(TerminalHygiene::isForbidden)
        .distinct()
        .limit(5)
        .forEach(cp -> problems.add(where + ": raw character U+%04X".formatted(cp)));
  }

  private static void forgedLines(String where, String text, List<String> problems) {
    text.lines()
        .filter(line -> line.strip().startsWith(FORGED))
        .limit(3)
        .forEach(line -> problems.add(where + ": forged line '" + abbreviate(line) + "'"));
  }

  private static boolean isForbidden(int cp) {
    return (cp < 0x20 && cp != '\n')
        || (cp >= 0x7F && cp <= 0x9F)
        || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0x200E
        || cp == 0x200F
        || cp == 0x061C
        || cp == 0x2028
        || cp == 0x2029;
  }

  private static String abbreviate(String line) {
    String inert =
        line.codePoints()
            .filter(cp -> !isForbidden(cp))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return inert.length() > 80 ? inert.substring(0, 80) + "..." : inert;
  }
}
