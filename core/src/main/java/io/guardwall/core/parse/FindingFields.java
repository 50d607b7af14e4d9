package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Null-safe reads from finding JSON: keys in camelCase or PascalCase, every string capped, wrong
 * types named in the error; thread-safe (its only state is a memo of PascalCase names).
 */
final class FindingFields {

  /** Finding text is attacker-influenced: no string read from a finding is longer than this. */
  static final int MAX_TEXT = 4096;

  private static final int MAX_NAMES = 1_024;
  private static final Map<String, String> PASCAL = new ConcurrentHashMap<>();

  private FindingFields() {}

  /** The field under {@code camelName} or its PascalCase form; a missing node when neither. */
  static JsonNode field(@Nullable JsonNode node, String camelName) {
    if (node == null || !node.isObject()) {
      return MissingNode.getInstance();
    }
    JsonNode value = node.get(camelName);
    if (value == null) {
      value = node.get(pascalCase(camelName));
    }
    return value == null ? MissingNode.getInstance() : value;
  }

  /**
   * {@code camelName} in PascalCase, remembered: most lookups of an optional field miss both
   * casings, and building and hashing a new name each time showed in a backfill's profile. The
   * names are the readers' constants, so the memo stays small; it stops growing at a bound anyway.
   */
  private static String pascalCase(String camelName) {
    String known = PASCAL.get(camelName);
    if (known != null) {
      return known;
    }
    String pascal = Character.toUpperCase(camelName.charAt(0)) + camelName.substring(1);
    if (PASCAL.size() < MAX_NAMES) {
      PASCAL.put(camelName, pascal);
    }
    return pascal;
  }

  /** Follows a path of fields, each in either casing. */
  static JsonNode path(JsonNode node, String... camelNames) {
    JsonNode current = node;
    for (String name : camelNames) {
      current = field(current, name);
    }
    return current;
  }

  /** A scalar (text, number or boolean) as capped text; null for absent, null or containers. */
  static @Nullable String text(@Nullable JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull() ? cap(node.asText()) : null;
  }

  /** The text under a path, as {@link #text(JsonNode)}. */
  static @Nullable String text(JsonNode node, String... camelNames) {
    return text(path(node, camelNames));
  }

  /** The first non-null text among the candidates. */
  static @Nullable String firstText(JsonNode node, String... camelNames) {
    for (String name : camelNames) {
      String value = text(node, name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /**
   * A field that must hold non-blank text.
   *
   * @throws InvalidEventException naming the field and what it held instead
   */
  static String requiredText(JsonNode node, String label, String... camelNames) {
    return requireText(path(node, camelNames), label);
  }

  /** A value that must be non-blank text, as {@link #requiredText}. */
  static String requireText(@Nullable JsonNode value, String label) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      throw InvalidEventException.missing(label);
    }
    if (!value.isTextual()) {
      throw InvalidEventException.wrongKind(label, value, "text");
    }
    if (value.asText().isBlank()) {
      throw InvalidEventException.blank(label);
    }
    return cap(value.asText().strip());
  }

  /** True for boolean {@code true} and the text {@code "true"} in any case. */
  static boolean isTrue(@Nullable JsonNode node) {
    return node != null
        && (node.isBoolean() ? node.booleanValue() : "true".equalsIgnoreCase(node.asText("")));
  }

  /** What a node is, for error messages: "an object", "text", ... */
  static String kind(@Nullable JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    return switch (node.getNodeType()) {
      case OBJECT, POJO -> "an object";
      case ARRAY -> "an array";
      case STRING -> "text";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case BINARY -> "binary";
      default -> "null";
    };
  }

  static String cap(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
  }
}
