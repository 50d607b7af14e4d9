package io.guardwall.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.slack.BlockedIp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Newly blocked addresses as the maintenance state machine carries them from the reconcile task to
 * the digest task; stateless and thread-safe. Written by hand rather than bound with Jackson:
 * binding would need mix-ins for core's types and would coerce numbers to text, and its errors name
 * Java types where these name the item and the field.
 */
final class BlockedIps {

  private BlockedIps() {}

  static ArrayNode toJson(Collection<BlockedIp> blocked) {
    ArrayNode array = Jackson.arrayNode();
    blocked.forEach(b -> array.add(toJson(b)));
    return array;
  }

  static ObjectNode toJson(BlockedIp b) {
    ObjectNode o = Jackson.objectNode();
    o.put("cidr", b.cidr().value());
    o.put("expiresAt", b.expiresAt() == null ? null : b.expiresAt().toString());
    o.put("findingId", b.findingId());
    o.put("findingType", b.findingType());
    o.put("severity", b.severity().name());
    o.put("country", b.country());
    o.put("asn", b.asn());
    o.put("organization", b.organization());
    o.put("sample", b.sample());
    return o;
  }

  /**
   * Reads a list written by {@link #toJson(Collection)}.
   *
   * @throws IllegalArgumentException naming the index and field of the first bad item
   */
  static List<BlockedIp> fromJson(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("added must be an array, got " + array.getNodeType());
    }
    List<BlockedIp> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      try {
        out.add(item(array.get(i)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("added[" + i + "]: " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static BlockedIp item(JsonNode o) {
    if (!o.isObject()) {
      throw new IllegalArgumentException("must be an object");
    }
    return new BlockedIp(
        Cidr.parse(requiredText(o, "cidr")),
        instant(o.path("expiresAt")),
        text(o, "findingId"),
        text(o, "findingType"),
        SeverityLevel.parse(requiredText(o, "severity")),
        text(o, "country"),
        text(o, "asn"),
        text(o, "organization"),
        o.path("sample").asBoolean(false));
  }

  private static @Nullable Instant instant(JsonNode v) {
    if (v.isNull() || v.isMissingNode()) {
      return null;
    }
    try {
      return Instant.parse(v.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expiresAt is not an ISO-8601 instant: " + v, e);
    }
  }

  private static String requiredText(JsonNode o, String field) {
    String value = text(o, field);
    if (value == null) {
      throw new IllegalArgumentException(field + " missing");
    }
    return value;
  }

  private static @Nullable String text(JsonNode o, String field) {
    JsonNode v = o.path(field);
    if (v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string, got " + v.getNodeType());
    }
    return v.asText();
  }
}
