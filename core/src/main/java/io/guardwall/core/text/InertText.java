package io.guardwall.core.text;

/**
 * Makes text that came from a finding (or any other outside source) inert for one line of a
 * terminal, a log or a chat message; stateless and thread-safe.
 *
 * <p>Removes what could forge or hide output: line breaks and tabs become a space (so a value
 * cannot start a report line of its own), other C0 and C1 control characters (which start ANSI and
 * OSC escape sequences), DEL, Unicode bidirectional controls (which reorder what is shown, U+202E
 * and friends), zero-width and invisible formatting characters, unpaired surrogates and
 * noncharacters are dropped. Everything printable is kept as it is.
 */
public final class InertText {

  private InertText() {}

  /** {@code text} on one line without control, bidi or invisible characters; null stays null. */
  public static String of(String text) {
    if (text == null || isClean(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isLineBreak(cp)) {
        out.append(' ');
      } else if (!isHidden(cp)) {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  /** True when {@link #of} would return {@code text} unchanged. */
  public static boolean isClean(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isLineBreak(cp) || isHidden(cp)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLineBreak(int cp) {
    return cp == '\n'
        || cp == '\r'
        || cp == '\t'
        || cp == 0x0B
        || cp == 0x0C
        || cp == 0x85
        || cp == 0x2028
        || cp == 0x2029;
  }

  private static boolean isHidden(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.SURROGATE
        || (type == Character.UNASSIGNED && isNoncharacter(cp))
        || (type == Character.PRIVATE_USE && cp > 0xFFFF);
  }

  private static boolean isNoncharacter(int cp) {
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
  }
}
