package io.guardwall.core.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MutableCoercionConfig;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The configuration's one schema: {@link GuardwallConfig} and its nested records bound by Jackson
 * as their components, read and written alike. Binding is strict (no value of another JSON type is
 * coerced, null is never a value) and every absent key takes its default. Thread-safe.
 */
final class ConfigSchema {

  // Never handed out: the strictness is the schema's, and no caller may loosen it.
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(TextValues.module())
          // Trailing text after the object is a mistake (a pasted second object, a stray brace).
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // A key given twice would otherwise silently keep the second value.
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL, Nulls.FAIL))
          .withCoercionConfigDefaults(ConfigSchema::refuseCoercion)
          .build();

  private static final ObjectNode DEFAULTS = tree(GuardwallConfig.defaults());

  private ConfigSchema() {}

  /** The JSON tree of {@code text}; text after the first value is an error. */
  static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  /** {@code config} in the schema's JSON form. */
  static ObjectNode tree(GuardwallConfig config) {
    return MAPPER.valueToTree(config);
  }

  /** {@code value} (strings, numbers, booleans, lists and maps) as a JSON tree. */
  static JsonNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }

  static String write(GuardwallConfig config) {
    return tree(config).toString();
  }

  /** The defaults' tree: the shape and the JSON type of every key. Callers must not change it. */
  static ObjectNode defaults() {
    return DEFAULTS;
  }

  /**
   * Binds {@code keys} over the defaults: an object given for a nested record replaces only the
   * keys it names.
   *
   * @throws ConfigException naming the key at fault
   */
  static GuardwallConfig bind(ObjectNode keys) {
    ObjectNode merged = overlay(DEFAULTS.deepCopy(), keys);
    try {
      return MAPPER.treeToValue(merged, GuardwallConfig.class);
    } catch (JsonProcessingException e) {
      throw ConfigErrors.of(e, merged);
    }
  }

  private static ObjectNode overlay(ObjectNode base, ObjectNode over) {
    over.properties()
        .forEach(
            field -> {
              JsonNode under = base.get(field.getKey());
              JsonNode value = field.getValue();
              base.set(
                  field.getKey(),
                  under instanceof ObjectNode u && value instanceof ObjectNode v
                      ? overlay(u, v)
                      : value);
            });
    return base;
  }

  private static void refuseCoercion(MutableCoercionConfig config) {
    config.setAcceptBlankAsEmpty(false);
    for (CoercionInputShape shape : CoercionInputShape.values()) {
      config.setCoercion(shape, CoercionAction.Fail);
    }
  }
}
