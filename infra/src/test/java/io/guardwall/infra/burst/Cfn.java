package io.guardwall.infra.burst;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a synthesized CloudFormation template: resources by type and the logical id a {@code Ref}
 * or {@code Fn::GetAtt} points at. Immutable.
 */
record Cfn(JsonNode template) {

  /** The resources of {@code type} keyed by logical id, in template order. */
  Map<String, JsonNode> ofType(String type) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    template
        .path("Resources")
        .properties()
        .forEach(
            e -> {
              if (type.equals(e.getValue().path("Type").asText())) {
                out.put(e.getKey(), e.getValue());
              }
            });
    return out;
  }

  /** The resource {@code id}; an error naming it when the template has none. */
  JsonNode resource(String id) {
    JsonNode r = template.path("Resources").path(id);
    if (r.isMissingNode()) {
      throw new IllegalArgumentException("the template has no resource " + id);
    }
    return r;
  }

  String typeOf(String id) {
    return resource(id).path("Type").asText();
  }

  /**
   * The logical id {@code value} refers to ({@code Ref} or {@code Fn::GetAtt}), looking inside
   * intrinsic functions too: CDK names an alias's function as {@code Fn::Join} over a split of its
   * {@code Ref}.
   */
  static Optional<String> referencedId(JsonNode value) {
    if (value.has("Ref")) {
      return Optional.of(value.get("Ref").asText());
    }
    if (value.has("Fn::GetAtt")) {
      return Optional.of(value.get("Fn::GetAtt").path(0).asText());
    }
    for (JsonNode child : value) {
      Optional<String> inner = referencedId(child);
      if (inner.isPresent()) {
        return inner;
      }
    }
    return Optional.empty();
  }

  /**
   * The logical id {@code value} must refer to; an error saying what {@code what} holds instead.
   */
  static String requiredId(JsonNode value, String what) {
    return referencedId(value)
        .orElseThrow(
            () -> new IllegalArgumentException(what + " is not a Ref or Fn::GetAtt: " + value));
  }

  /** The attribute an {@code Fn::GetAtt} reads, or empty for a {@code Ref}. */
  static String attribute(JsonNode value) {
    return value.path("Fn::GetAtt").path(1).asText("");
  }
}
