package io.guardwall.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads of a Network Firewall rule group's JSON that name the offending path, and copies with
 * fields replaced; stateless and thread-safe.
 */
final class RuleGroupJson {

  private RuleGroupJson() {}

  /** The object at {@code parent.field}, or null when absent or JSON null. */
  static @Nullable ObjectNode optionalObject(JsonNode parent, String field, String path) {
    JsonNode node = present(parent, field);
    if (node != null && !node.isObject()) {
      throw shape(join(path, field), "an object", node);
    }
    return (ObjectNode) node;
  }

  /** The array at {@code parent.field}, or null when absent or JSON null. */
  static @Nullable ArrayNode optionalArray(JsonNode parent, String field, String path) {
    JsonNode node = present(parent, field);
    if (node != null && !node.isArray()) {
      throw shape(join(path, field), "an array", node);
    }
    return (ArrayNode) node;
  }

  static ObjectNode requiredObject(JsonNode parent, String field, String path) {
    ObjectNode node = optionalObject(parent, field, path);
    if (node == null) {
      throw new IllegalArgumentException("rule group " + join(path, field) + " is missing");
    }
    return node;
  }

  static IllegalArgumentException shape(String path, String expected, JsonNode actual) {
    return new IllegalArgumentException(
        "rule group " + path + " must be " + expected + ", not " + actual.getNodeType());
  }

  /** {@code path.field}, or {@code field} at the top level (empty path). */
  static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /**
   * A deep copy of {@code node} (null = empty object) in which each field named in {@code
   * replacements} is replaced by its value, in the same position, or removed when the value is
   * null; replacements of fields the node lacks are appended.
   */
  static ObjectNode copyWith(@Nullable ObjectNode node, Map<String, JsonNode> replacements) {
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    if (node != null) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String field = e.getKey();
        JsonNode value =
            replacements.containsKey(field) ? replacements.get(field) : e.getValue().deepCopy();
        if (value != null) {
          copy.set(field, value);
        }
      }
    }
    replacements.forEach(
        (field, value) -> {
          if (value != null && !copy.has(field)) {
            copy.set(field, value);
          }
        });
    return copy;
  }

  /** {@code field} replaced by {@code value} (null = removed), for {@link #copyWith}. */
  static Map<String, JsonNode> replacing(String field, JsonNode value) {
    Map<String, JsonNode> replacements = new LinkedHashMap<>();
    replacements.put(field, value);
    return replacements;
  }

  /** The fields removed, for {@link #copyWith}. */
  static Map<String, JsonNode> removing(String... fields) {
    Map<String, JsonNode> replacements = new LinkedHashMap<>();
    for (String field : fields) {
      replacements.put(field, null);
    }
    return replacements;
  }

  private static @Nullable JsonNode present(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    return node == null || node.isNull() ? null : node;
  }
}
