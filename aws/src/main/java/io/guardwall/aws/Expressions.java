package io.guardwall.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Collects the placeholders of one request's expressions: every attribute name goes through a
 * {@code #name} placeholder (so reserved words never matter) and every value through a {@code
 * :name} placeholder. Not thread-safe; one per request.
 */
final class Expressions {
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, AttributeValue> values = new HashMap<>();

  /** The placeholder of attribute {@code attribute}. */
  String name(String attribute) {
    names.put("#" + attribute, attribute);
    return "#" + attribute;
  }

  /** The placeholder {@code :placeholder} bound to {@code value}. */
  String value(String placeholder, AttributeValue value) {
    values.put(":" + placeholder, value);
    return ":" + placeholder;
  }

  /**
   * An update expression that sets every attribute of {@code attributes} and removes the {@code
   * managed} attributes it lacks, so the item ends up holding exactly {@code attributes}.
   */
  String assign(Map<String, AttributeValue> attributes, Collection<String> managed) {
    List<String> set = new ArrayList<>();
    List<String> remove = new ArrayList<>();
    attributes.forEach((a, v) -> set.add(name(a) + " = " + value(a, v)));
    managed.stream().filter(a -> !attributes.containsKey(a)).forEach(a -> remove.add(name(a)));
    return "SET "
        + String.join(", ", set)
        + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
  }

  Map<String, String> names() {
    return Map.copyOf(names);
  }

  Map<String, AttributeValue> values() {
    return Map.copyOf(values);
  }
}
