package io.guardwall.core.text;

/**
 * A value as an error or log message quotes it: cut short with {@code ...}, so that a huge value
 * (an attacker's, a misconfigured one) cannot flood the message. Stateless and thread-safe.
 */
public final class Excerpt {

  /** How many characters a message quotes of a value unless it says otherwise. */
  public static final int DEFAULT_LENGTH = 64;

  private static final String MORE = "...";

  private Excerpt() {}

  /** {@code text} cut to {@link #DEFAULT_LENGTH} characters. */
  public static String of(String text) {
    return of(text, DEFAULT_LENGTH);
  }

  /**
   * {@code text} when it has at most {@code length} characters; else its start and {@code ...},
   * {@code length} characters together, never ending inside a surrogate pair.
   */
  public static String of(String text, int length) {
    if (length <= MORE.length()) {
      throw new IllegalArgumentException("excerpt length too small: " + length);
    }
    if (text.length() <= length) {
      return text;
    }
    int cut = length - MORE.length();
    return text.substring(0, Character.isHighSurrogate(text.charAt(cut - 1)) ? cut - 1 : cut)
        + MORE;
  }

  /** {@link #of(String)} in single quotes. */
  public static String quoted(String text) {
    return "'" + of(text) + "'";
  }
}
