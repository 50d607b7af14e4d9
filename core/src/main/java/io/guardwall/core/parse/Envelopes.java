package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Recognises the event shapes guardwall takes and wraps a bare finding into the EventBridge event
 * AWS would have sent for it; stateless and thread-safe.
 */
final class Envelopes {

  static final String GUARDDUTY_SOURCE = "aws.guardduty";
  static final String GUARDDUTY_DETAIL_TYPE = "GuardDuty Finding";
  static final String SECURITYHUB_SOURCE = "aws.securityhub";
  static final String SECURITYHUB_DETAIL_TYPE = "Security Hub Findings - Imported";
  static final String SECURITYHUB_OCSF_DETAIL_TYPE = "Findings Imported V2";
  static final String ASFF_SCHEMA_VERSION = "2018-10-08";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The parts of a made-up envelope that come from the finding; any may be null. */
  private record Header(
      @Nullable String key,
      @Nullable String account,
      @Nullable String time,
      @Nullable String region,
      @Nullable String resource) {}

  private Envelopes() {}

  static ObjectNode normalize(JsonNode raw) {
    ObjectNode event = requireObject(raw, "event");
    boolean source = event.has("source");
    boolean detailType = event.has("detail-type");
    if (source && detailType) {
      return camelCaseGuardDutyDetail(
          event, envelopeText(event, "source"), envelopeText(event, "detail-type"));
    }
    if (source || detailType) {
      throw new InvalidEventException(
          source
              ? "event has 'source' but no 'detail-type'"
              : "event has 'detail-type' but no 'source'");
    }
    if (event.has("detail")) {
      return wrapDetail(event);
    }
    if (looksLikeAsff(event)) {
      return securityHubEvent(event);
    }
    if (OcsfReader.looksLikeOcsf(event)) {
      return ocsfEvent(event);
    }
    if (looksLikeGuardDuty(event)) {
      return guardDutyEvent(event, NODES.objectNode());
    }
    throw new InvalidEventException(unknown(event));
  }

  static ObjectNode requireObject(@Nullable JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      throw InvalidEventException.wrongKind(name, node, "a JSON object");
    }
    return (ObjectNode) node;
  }

  private static String envelopeText(ObjectNode event, String name) {
    JsonNode value = event.get(name);
    if (!value.isTextual()) {
      throw InvalidEventException.wrongKind("event '" + name + "'", value, "text");
    }
    if (value.asText().isBlank()) {
      throw InvalidEventException.blank("event '" + name + "'");
    }
    return value.asText();
  }

  /**
   * Tools that wrap {@code get-findings} output into an event leave its PascalCase keys in {@code
   * detail}; the patterns match the native camelCase, so such a detail is turned to camelCase
   * before anything routes it.
   */
  private static ObjectNode camelCaseGuardDutyDetail(
      ObjectNode event, String source, String detailType) {
    JsonNode detail = event.get("detail");
    if (!GUARDDUTY_SOURCE.equals(source)
        || !GUARDDUTY_DETAIL_TYPE.equals(detailType)
        || detail == null
        || !hasPascalCaseKey(detail)) {
      return event;
    }
    // Only the envelope and the changed parts of detail are copied; the rest is shared.
    ObjectNode copy = event.objectNode().setAll(event);
    copy.set("detail", camelCase(detail));
    return copy;
  }

  private static boolean hasPascalCaseKey(JsonNode node) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!field.getKey().equals(decapitalize(field.getKey()))) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode wrapDetail(ObjectNode event) {
    JsonNode detail = event.get("detail");
    if (!looksLikeGuardDuty(detail)) {
      throw new InvalidEventException(
          "event has no 'source' and its 'detail' ("
              + FindingFields.kind(detail)
              + ") is not a GuardDuty finding: expected 'id' or 'type' and 'service' or 'severity'");
    }
    return guardDutyEvent(detail, event);
  }

  /** GuardDuty's API prints PascalCase keys; the native event, which patterns match, camelCase. */
  private static ObjectNode guardDutyEvent(JsonNode finding, ObjectNode around) {
    JsonNode detail = camelCase(finding);
    Header header =
        new Header(
            firstNonNull(FindingFields.text(detail, "arn"), FindingFields.text(detail, "id")),
            FindingFields.text(detail, "accountId"),
            FindingFields.text(detail, "updatedAt"),
            FindingFields.text(detail, "region"),
            FindingFields.text(detail, "arn"));
    return event(GUARDDUTY_SOURCE, GUARDDUTY_DETAIL_TYPE, header, detail, around);
  }

  private static ObjectNode securityHubEvent(ObjectNode finding) {
    String id = FindingFields.text(finding, "id");
    String productArn = FindingFields.text(finding, "productArn");
    Header header =
        new Header(
            id,
            AsffReader.account(finding),
            FindingFields.text(finding, "updatedAt"),
            AsffReader.region(finding),
            id == null || productArn == null ? null : productArn + "/" + id);
    ObjectNode detail = NODES.objectNode();
    detail.putArray("findings").add(finding);
    return event(SECURITYHUB_SOURCE, SECURITYHUB_DETAIL_TYPE, header, detail, NODES.objectNode());
  }

  private static ObjectNode ocsfEvent(ObjectNode finding) {
    Header header =
        new Header(
            FindingFields.text(finding, "finding_info", "uid"),
            FindingFields.text(finding, "cloud", "account", "uid"),
            FindingFields.text(finding, "finding_info", "modified_time_dt"),
            FindingFields.text(finding, "cloud", "region"),
            null);
    ObjectNode detail = NODES.objectNode();
    detail.putArray("findings").add(finding);
    return event(
        SECURITYHUB_SOURCE, SECURITYHUB_OCSF_DETAIL_TYPE, header, detail, NODES.objectNode());
  }

  private static ObjectNode event(
      String source, String detailType, Header header, JsonNode detail, ObjectNode around) {
    ObjectNode event = NODES.objectNode();
    event.put("version", "0");
    event.put("id", eventId(source, header.key != null ? header.key : detail.toString()));
    event.put("detail-type", detailType);
    event.put("source", source);
    putIfPresent(event, "account", header.account);
    putIfPresent(event, "time", header.time);
    putIfPresent(event, "region", header.region);
    ArrayNode resources = event.putArray("resources");
    if (header.resource != null) {
      resources.add(header.resource);
    }
    event.set("detail", detail);
    for (Map.Entry<String, JsonNode> field : around.properties()) {
      if (!field.getKey().equals("detail") && !field.getValue().isNull()) {
        event.set(field.getKey(), field.getValue());
      }
    }
    return event;
  }

  /** Stable, so that replaying the same file twice yields the same event id. */
  private static String eventId(String source, String key) {
    return UUID.nameUUIDFromBytes((source + "|" + key).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * {@code node} with its keys in camelCase; on a clash ({@code Id} beside {@code id}) the
   * camelCase key wins, as {@link FindingFields#field}. Only what changes is copied: a part already
   * in camelCase (an export line: all of it) is returned as it is, shared, not copied.
   */
  private static JsonNode camelCase(JsonNode node) {
    if (node.isObject()) {
      return hasPascalCaseKey(node) ? camelCaseCopy(node) : camelCaseValues((ObjectNode) node);
    }
    if (node.isArray()) {
      return camelCaseElements((ArrayNode) node);
    }
    return node;
  }

  private static ObjectNode camelCaseCopy(JsonNode node) {
    ObjectNode copy = NODES.objectNode();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = decapitalize(field.getKey());
      if (key.equals(field.getKey()) || !node.has(key)) {
        copy.set(key, camelCase(field.getValue()));
      }
    }
    return copy;
  }

  /** {@code node} itself when no value below it changes, else a copy with the changed values. */
  private static ObjectNode camelCaseValues(ObjectNode node) {
    ObjectNode copy = null;
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = camelCase(field.getValue());
      if (changed(value, field.getValue())) {
        if (copy == null) {
          copy = node.objectNode().setAll(node);
        }
        copy.set(field.getKey(), value);
      }
    }
    return copy != null ? copy : node;
  }

  /** Whether {@link #camelCase} made a new node: it returns the very node when nothing changed. */
  @SuppressWarnings("ReferenceEquality")
  private static boolean changed(JsonNode result, JsonNode original) {
    return result != original;
  }

  private static ArrayNode camelCaseElements(ArrayNode node) {
    ArrayNode copy = null;
    for (int i = 0; i < node.size(); i++) {
      JsonNode element = camelCase(node.get(i));
      if (changed(element, node.get(i))) {
        if (copy == null) {
          copy = NODES.arrayNode(node.size()).addAll(node);
        }
        copy.set(i, element);
      }
    }
    return copy != null ? copy : node;
  }

  private static String decapitalize(String key) {
    return key.isEmpty() || Character.isLowerCase(key.charAt(0))
        ? key
        : Character.toLowerCase(key.charAt(0)) + key.substring(1);
  }

  static boolean looksLikeGuardDuty(@Nullable JsonNode node) {
    return node != null
        && node.isObject()
        && (has(node, "id") || has(node, "type"))
        && (has(node, "service") || has(node, "severity"));
  }

  static boolean looksLikeAsff(JsonNode node) {
    return has(node, "productArn")
        || has(node, "awsAccountId")
        || ASFF_SCHEMA_VERSION.equals(FindingFields.text(node, "schemaVersion"));
  }

  private static boolean has(JsonNode node, String name) {
    return !FindingFields.field(node, name).isMissingNode();
  }

  private static String unknown(ObjectNode event) {
    JsonNode findings = FindingFields.field(event, "findings");
    if (findings.isArray()) {
      return "a list of findings: expected one event or finding per document";
    }
    if (!findings.isMissingNode()) {
      return "'findings' is " + FindingFields.kind(findings) + ", expected an array of findings";
    }
    return "not an EventBridge event (no 'source' and 'detail-type'), a GuardDuty finding"
        + " ('id', 'type', 'severity', 'service') or an ASFF finding ('ProductArn',"
        + " 'AwsAccountId', 'SchemaVersion' "
        + ASFF_SCHEMA_VERSION
        + ") or an OCSF finding ('class_uid' and 'finding_info')";
  }

  private static void putIfPresent(ObjectNode node, String name, @Nullable String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  private static @Nullable String firstNonNull(@Nullable String a, @Nullable String b) {
    return a != null ? a : b;
  }
}
