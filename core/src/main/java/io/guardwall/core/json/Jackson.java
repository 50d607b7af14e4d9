package io.guardwall.core.json;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * guardwall's one Jackson configuration (the library's defaults), handed out only as immutable
 * readers, writers and new nodes, so that no caller can reconfigure it for the others. Thread-safe.
 */
public final class Jackson {

  // Never handed out: an ObjectMapper can be reconfigured; its readers and writers cannot.
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectReader READER = MAPPER.reader();
  private static final ObjectWriter WRITER = MAPPER.writer();
  private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private Jackson() {}

  /** Reads JSON text, streams and trees; derive variants with its {@code with...} methods. */
  public static ObjectReader reader() {
    return READER;
  }

  /** Writes compact JSON. */
  public static ObjectWriter writer() {
    return WRITER;
  }

  /** Writes indented JSON, for people to read. */
  public static ObjectWriter prettyWriter() {
    return PRETTY;
  }

  public static ObjectNode objectNode() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode arrayNode() {
    return MAPPER.createArrayNode();
  }

  /**
   * {@code object} as plain maps, lists, strings, numbers and booleans (for APIs that want them).
   */
  public static Map<String, Object> toMap(ObjectNode object) {
    return MAPPER.convertValue(object, MAP);
  }
}
