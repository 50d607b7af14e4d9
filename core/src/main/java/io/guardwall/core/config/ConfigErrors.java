package io.guardwall.core.config;

import static java.util.stream.Collectors.joining;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.guardwall.core.text.InertText;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Turns Jackson's binding failures into a {@link ConfigException} naming the key (a dotted path,
 * {@code firewall.capacity} or {@code allowList[0]}) and what is wrong with its value. Stateless
 * and thread-safe.
 */
final class ConfigErrors {

  private ConfigErrors() {}

  /** The problem {@code e} found while binding {@code tree}. */
  static ConfigException of(JsonProcessingException e, JsonNode tree) {
    if (!(e instanceof JsonMappingException d)) {
      return new ConfigException("not valid JSON: " + brief(e), e);
    }
    List<Reference> path = d.getPath();
    String key = key(path);
    String problem = problem(e, tree.at(pointer(path)));
    return new ConfigException(key.isEmpty() ? problem : "'" + key + "': " + problem, e);
  }

  /** Jackson's own message, with where in the text it stopped. */
  static String brief(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return e.getOriginalMessage()
        + (at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr());
  }

  private static String problem(JsonProcessingException e, JsonNode value) {
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown key (known: " + known(u) + ")";
    }
    if (e instanceof MismatchedInputException m) {
      return "must be " + shape(m.getTargetType()) + ", got " + describe(value);
    }
    // A record's constructor or a value's parser refused it: its message names the problem.
    Throwable cause = e.getCause();
    return String.valueOf(
        cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage());
  }

  private static String known(UnrecognizedPropertyException e) {
    return e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(joining(", "));
  }

  private static String shape(@Nullable Class<?> type) {
    if (type == int.class || type == Integer.class) {
      return "an integer";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type != null && Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return isSchemaRecord(type) ? "an object" : "a string";
  }

  private static boolean isSchemaRecord(@Nullable Class<?> type) {
    return type != null && type.isRecord() && type.getPackage() == ConfigErrors.class.getPackage();
  }

  /** {@code value} for a message: its JSON, or its type when long (a pasted file, say). */
  static String describe(JsonNode value) {
    String json = value.toString();
    return value.isContainerNode() || json.length() > 40
        ? "a JSON " + value.getNodeType().name().toLowerCase(Locale.ROOT)
        : InertText.of(json);
  }

  private static String key(List<Reference> path) {
    StringBuilder key = new StringBuilder();
    for (Reference r : path) {
      if (r.getFieldName() == null) {
        key.append('[').append(r.getIndex()).append(']');
      } else {
        key.append(key.isEmpty() ? "" : ".").append(r.getFieldName());
      }
    }
    return key.toString();
  }

  private static JsonPointer pointer(List<Reference> path) {
    JsonPointer p = JsonPointer.empty();
    for (Reference r : path) {
      p =
          r.getFieldName() == null
              ? p.appendIndex(r.getIndex())
              : p.appendProperty(r.getFieldName());
    }
    return p;
  }
}
