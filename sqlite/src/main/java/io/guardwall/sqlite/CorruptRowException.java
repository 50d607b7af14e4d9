package io.guardwall.sqlite;

import io.guardwall.core.text.Excerpt;

/** A stored row that cannot be read back into its record; names the row and the problem. */
final class CorruptRowException extends Exception {
  CorruptRowException(String table, String key, Exception cause) {
    super(table + " row " + quote(key) + " is unreadable: " + reason(cause), cause);
  }

  private static String quote(String key) {
    if (key == null) {
      return "(null key)";
    }
    return Excerpt.quoted(key);
  }

  private static String reason(Exception e) {
    if (e instanceof NullPointerException) {
      return "missing " + e.getMessage();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
