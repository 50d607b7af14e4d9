package io.guardwall.core.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Builds the configuration's JSON from settings given one by one (a key or a dotted path, and a
 * value), reading a string as the JSON type the schema's defaults have at that key; a string that
 * does not fit is left as it is, for the binding to name. Stateless and thread-safe.
 */
final class Settings {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Settings() {}

  static List<String> keys() {
    List<String> keys = new ArrayList<>();
    ConfigSchema.defaults()
        .properties()
        .forEach(
            field -> {
              keys.add(field.getKey());
              field
                  .getValue()
                  .fieldNames()
                  .forEachRemaining(k -> keys.add(field.getKey() + "." + k));
            });
    return List.copyOf(keys);
  }

  // A whole object first, then the dotted keys into it, whatever order the map has.
  static ObjectNode tree(Map<String, ?> settings) {
    ObjectNode root = NODES.objectNode();
    settings.entrySet().stream()
        .sorted(Comparator.comparingInt(e -> path(e.getKey()).size()))
        .forEach(e -> put(root, e.getKey(), e.getValue()));
    return root;
  }

  private static void put(ObjectNode root, String key, Object value) {
    List<String> path = path(key);
    JsonNode expected = ConfigSchema.defaults().at(pointer(path));
    if (expected.isMissingNode()) {
      throw new ConfigException("'" + key + "': unknown key", null);
    }
    String name = path.get(path.size() - 1);
    if (!(parentOf(root, path) instanceof ObjectNode parent) || parent.has(name)) {
      throw new ConfigException("'" + key + "': set twice", null);
    }
    parent.set(name, node(key, value, expected));
  }

  // The node holding the last name of path, made when absent (a dotted key before its object).
  private static JsonNode parentOf(ObjectNode root, List<String> path) {
    JsonNode parent = root;
    for (String name : path.subList(0, path.size() - 1)) {
      parent = parent.has(name) ? parent.get(name) : ((ObjectNode) parent).putObject(name);
    }
    return parent;
  }

  private static JsonNode node(String key, Object value, JsonNode expected) {
    return fit(key, ConfigSchema.toTree(value), expected);
  }

  // Only what a string or a number can stand for is changed; the binding judges the rest.
  private static JsonNode fit(String key, JsonNode value, JsonNode expected) {
    if (value.isTextual()) {
      return fromText(key, value.asText().trim(), expected);
    }
    if (value.isFloatingPointNumber() && expected.isIntegralNumber() && isWhole(value)) {
      return LongNode.valueOf(value.longValue());
    }
    if (value instanceof ObjectNode object && expected.isObject()) {
      object.properties().forEach(f -> f.setValue(fitChild(key, f, expected)));
    }
    return value;
  }

  private static JsonNode fitChild(String key, Map.Entry<String, JsonNode> f, JsonNode expected) {
    JsonNode child = expected.get(f.getKey());
    return child == null ? f.getValue() : fit(key + "." + f.getKey(), f.getValue(), child);
  }

  private static JsonNode fromText(String key, String text, JsonNode expected) {
    if (expected.isIntegralNumber() && text.matches("[+-]?\\d{1,18}")) {
      return LongNode.valueOf(Long.parseLong(text));
    }
    if (expected.isBoolean() && text.matches("(?i)true|false")) {
      return BooleanNode.valueOf(text.equalsIgnoreCase("true"));
    }
    if (expected.isArray()) {
      return commaSeparated(text);
    }
    return expected.isObject() ? fit(key, object(key, text), expected) : TextNode.valueOf(text);
  }

  private static ArrayNode commaSeparated(String text) {
    ArrayNode items = NODES.arrayNode();
    Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
    return items;
  }

  private static JsonNode object(String key, String text) {
    try {
      return ConfigSchema.parse(text);
    } catch (JsonProcessingException e) {
      throw new ConfigException("'" + key + "': not a JSON object: " + ConfigErrors.brief(e), e);
    }
  }

  private static boolean isWhole(JsonNode n) {
    double d = n.doubleValue();
    return d == Math.rint(d) && Math.abs(d) < 1e18;
  }

  private static List<String> path(String key) {
    return Arrays.asList(key.split("\\.", -1));
  }

  private static JsonPointer pointer(List<String> path) {
    JsonPointer p = JsonPointer.empty();
    for (String name : path) {
      p = p.appendProperty(name);
    }
    return p;
  }
}
