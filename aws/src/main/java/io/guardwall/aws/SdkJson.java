package io.guardwall.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.text.Excerpt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * Converts AWS SDK model objects to the service's own JSON (PascalCase member names, exactly as the
 * API documents them) and back; thread-safe.
 *
 * <p>It walks the SDK's field metadata instead of naming each member, so every member the SDK knows
 * survives the round trip: rules and custom actions guardwall does not own are written back exactly
 * as they were read. An absent member stays absent and an empty list stays empty.
 */
final class SdkJson {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SdkJson() {}

  /** The JSON of {@code pojo}. */
  static ObjectNode toJson(SdkPojo pojo) {
    ObjectNode node = JSON.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (isPresent(value)) {
        node.set(field.locationName(), write(field, value));
      }
    }
    return node;
  }

  /**
   * The model that {@code builder} builds, filled from {@code json}.
   *
   * @param path where {@code json} is, for error messages
   * @throws IllegalArgumentException naming the member when the JSON has an unknown member or a
   *     value of the wrong type
   */
  static Object fromJson(JsonNode json, Supplier<? extends SdkPojo> builder, String path) {
    if (json == null || !json.isObject()) {
      throw shape(path, "an object", json);
    }
    SdkPojo pojo = builder.get();
    Map<String, SdkField<?>> fields = new LinkedHashMap<>();
    pojo.sdkFields().forEach(field -> fields.put(field.locationName(), field));
    json.properties()
        .forEach(
            member -> {
              String memberPath = path + "." + member.getKey();
              SdkField<?> field = fields.get(member.getKey());
              if (field == null) {
                throw new IllegalArgumentException(
                    memberPath
                        + " is not a member the API documents (known: "
                        + fields.keySet()
                        + ")");
              }
              if (!member.getValue().isNull()) {
                field.set(pojo, read(field, member.getValue(), memberPath));
              }
            });
    return ((Buildable) pojo).build();
  }

  private static boolean isPresent(Object value) {
    return value != null
        && !(value instanceof SdkAutoConstructList)
        && !(value instanceof SdkAutoConstructMap);
  }

  private static JsonNode write(SdkField<?> field, Object value) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      return toJson((SdkPojo) value);
    }
    if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
      ArrayNode array = JSON.arrayNode();
      ((List<?>) value).forEach(element -> array.add(write(member, element)));
      return array;
    }
    if (type == MarshallingType.MAP) {
      SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
      ObjectNode object = JSON.objectNode();
      ((Map<?, ?>) value).forEach((k, v) -> object.set((String) k, write(member, v)));
      return object;
    }
    return writeScalar(field, value);
  }

  private static JsonNode writeScalar(SdkField<?> field, Object value) {
    if (value instanceof String s) {
      return JSON.textNode(s);
    }
    if (value instanceof Integer i) {
      return JSON.numberNode(i);
    }
    if (value instanceof Long l) {
      return JSON.numberNode(l);
    }
    if (value instanceof Boolean b) {
      return JSON.booleanNode(b);
    }
    throw new IllegalStateException(
        "member " + field.locationName() + " has a type guardwall does not convert: " + value);
  }

  private static Object read(SdkField<?> field, JsonNode node, String path) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      return fromJson(node, field.constructor(), path);
    }
    if (type == MarshallingType.LIST) {
      return readList(field.getRequiredTrait(ListTrait.class).memberFieldInfo(), node, path);
    }
    if (type == MarshallingType.MAP) {
      return readMap(field.getRequiredTrait(MapTrait.class).valueFieldInfo(), node, path);
    }
    return readScalar(type, node, path);
  }

  private static List<Object> readList(SdkField<?> member, JsonNode node, String path) {
    if (!node.isArray()) {
      throw shape(path, "an array", node);
    }
    List<Object> list = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      list.add(read(member, node.get(i), path + "[" + i + "]"));
    }
    return list;
  }

  private static Map<String, Object> readMap(SdkField<?> value, JsonNode node, String path) {
    if (!node.isObject()) {
      throw shape(path, "an object", node);
    }
    Map<String, Object> map = new LinkedHashMap<>();
    node.properties()
        .forEach(e -> map.put(e.getKey(), read(value, e.getValue(), path + "." + e.getKey())));
    return map;
  }

  private static Object readScalar(MarshallingType<?> type, JsonNode node, String path) {
    if (type == MarshallingType.STRING && node.isTextual()) {
      return node.textValue();
    }
    if (type == MarshallingType.INTEGER && node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    if (type == MarshallingType.LONG && node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (type == MarshallingType.BOOLEAN && node.isBoolean()) {
      return node.booleanValue();
    }
    throw shape(path, expected(type), node);
  }

  private static String expected(MarshallingType<?> type) {
    if (type == MarshallingType.STRING) {
      return "a string";
    }
    if (type == MarshallingType.INTEGER) {
      return "a 32-bit integer";
    }
    if (type == MarshallingType.LONG) {
      return "a 64-bit integer";
    }
    if (type == MarshallingType.BOOLEAN) {
      return "true or false";
    }
    return "a value of a type guardwall does not convert (" + type + ")";
  }

  private static IllegalArgumentException shape(String path, String expected, JsonNode actual) {
    String text =
        actual == null
            ? "nothing"
            : actual.getNodeType().name().toLowerCase(Locale.ROOT)
                + " "
                + Excerpt.of(actual.toString());
    return new IllegalArgumentException(path + " must be " + expected + ", not " + text);
  }
}
