package io.guardwall.core.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.guardwall.core.json.JsonText;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Builds an event's route key: the event projected to the fields the route patterns name, written
 * as JSON text. event-ruler reads no other field, so two events with the same key match the same
 * routes, and the router may remember the match per key. Immutable and thread-safe.
 *
 * <p>The projection keeps every value at a named path whole (its JSON text, so {@code 4}, {@code
 * 4.0} and {@code "4"} differ), every array element in its position (event-ruler matches fields of
 * one element together) and leaves absent fields out. An event with a dotted key on a named path
 * ({@code "detail.severity"} beside {@code detail}) has no key: event-ruler joins path segments
 * with dots, so such a key could reach a named field by a way the projection does not follow.
 */
final class RouteKey {

  /** Keys longer than this are not built: an event that large is matched directly. */
  static final int MAX_LENGTH = 1_024;

  private final Fields fields;

  private RouteKey(Fields fields) {
    this.fields = fields;
  }

  /** The key of the fields {@code patterns} name (each an EventBridge pattern object). */
  static RouteKey of(Collection<? extends JsonNode> patterns) {
    Fields root = new Fields("");
    patterns.forEach(pattern -> root.addPattern(pattern));
    return new RouteKey(root);
  }

  /**
   * The key of {@code event}, or null when it has none (a dotted key on a named path, or a key
   * longer than {@link #MAX_LENGTH}): the caller then matches the event directly.
   */
  @Nullable String of(JsonNode event) {
    StringBuilder key = new StringBuilder(128);
    return fields.append(event, key) && key.length() <= MAX_LENGTH ? key.toString() : null;
  }

  /** A node of the tree of named paths: a named leaf, named children, or both. */
  private static final class Fields {
    private final Map<String, Fields> children = new TreeMap<>();
    // The field's name as JSON text, written before its value.
    private final String quoted;
    private boolean leaf;

    Fields(String quoted) {
      this.quoted = quoted;
    }

    /** Adds the paths a pattern object names; {@code $or} alternatives name paths at its level. */
    void addPattern(JsonNode pattern) {
      for (Map.Entry<String, JsonNode> field : pattern.properties()) {
        if (field.getKey().equals("$or")) {
          field.getValue().forEach(this::addPattern);
        } else {
          Fields child = child(field.getKey());
          if (field.getValue().isObject()) {
            child.addPattern(field.getValue());
          } else {
            child.leaf = true;
          }
        }
      }
    }

    private Fields child(String name) {
      return children.computeIfAbsent(name, n -> new Fields(TextNode.valueOf(n).toString()));
    }

    /** Appends {@code node}'s projection; false when it has none. */
    boolean append(JsonNode node, StringBuilder key) {
      if (key.length() > MAX_LENGTH) {
        return false;
      }
      if (!node.isContainerNode()) {
        appendScalar(node, key);
        return true;
      }
      if (leaf) {
        // A named value that is an object or array: kept whole, so nothing in it is lost.
        key.append(node);
        return true;
      }
      return node.isArray() ? appendArray(node, key) : appendObject(node, key);
    }

    /**
     * A scalar as event-ruler tells scalars apart: text as a JSON string (escaped, so no text reads
     * as another value), a number in its JSON spelling, {@code true}, {@code false} or {@code
     * null}. Written by hand: Jackson's writer per value cost more than event-ruler's match.
     */
    private static void appendScalar(JsonNode node, StringBuilder key) {
      if (node.isTextual()) {
        JsonText.appendString(key, node.textValue());
      } else {
        key.append(node.isNumber() || node.isBoolean() || node.isNull() ? node.asText() : node);
      }
    }

    private boolean appendArray(JsonNode array, StringBuilder key) {
      key.append('[');
      for (JsonNode element : array) {
        if (!append(element, key)) {
          return false;
        }
        key.append(',');
      }
      key.append(']');
      return true;
    }

    private boolean appendObject(JsonNode object, StringBuilder key) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (field.getKey().indexOf('.') >= 0) {
          return false;
        }
      }
      key.append('{');
      for (Map.Entry<String, Fields> child : children.entrySet()) {
        JsonNode value = object.get(child.getKey());
        if (value != null) {
          key.append(child.getValue().quoted).append(':');
          if (!child.getValue().append(value, key)) {
            return false;
          }
          key.append(',');
        }
      }
      key.append('}');
      return true;
    }
  }
}
