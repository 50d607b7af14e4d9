package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.Finding;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.ResourceFacts;
import io.guardwall.core.model.Severity;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.text.Excerpt;
import java.io.IOException;

/**
 * Reads one GuardDuty finding, as in a native event's {@code detail} or as the GuardDuty API prints
 * it (keys in camelCase or PascalCase); stateless and thread-safe.
 */
final class GuardDutyReader {

  static final String PRODUCT = "GuardDuty";

  private GuardDutyReader() {}

  static FindingResult read(JsonNode f, Envelope envelope, int position) {
    Required required = new Required();
    String id = required.read(() -> FindingFields.requiredText(f, "id", "id"));
    String type = required.read(() -> FindingFields.requiredText(f, "type", "type"));
    Severity severity = required.read(() -> severity(FindingFields.field(f, "severity")));
    if (id == null || type == null || severity == null) {
      return required.invalid(id, type, position);
    }
    RemoteIpCollector ips = new RemoteIpCollector();
    JsonNode service = ips.object(f, "service", "service");
    ActionIps.collect(FindingFields.field(service, "action"), "service.action", ips);
    ResourceFacts facts = ResourceFactsReader.guardDuty(f, ips::warn);
    return FindingResult.ok(
        Finding.builder()
            .id(id)
            .arn(FindingFields.text(f, "arn"))
            .type(type)
            .severity(severity)
            .title(FindingFields.text(f, "title"))
            .description(FindingFields.text(f, "description"))
            .accountId(envelope.account(FindingFields.text(f, "accountId")))
            .region(envelope.region(FindingFields.text(f, "region")))
            .product(PRODUCT)
            .origin(Origin.GUARDDUTY)
            .resource(ResourceNames.describe(ips.object(f, "resource", "resource")))
            .resourceFacts(facts)
            .updatedAt(FindingTimes.instant(FindingTimes.guardDuty(f), ips::warn))
            .archived(isArchived(service, ips))
            .sample(isSample(ips.object(service, "additionalInfo", "service.additionalInfo")))
            .remoteIps(ips.ips())
            .warnings(ips.warnings())
            .build());
  }

  /** {@code service.archived}; a value that is no boolean is named, and does not count. */
  private static boolean isArchived(JsonNode service, RemoteIpCollector ips) {
    JsonNode archived = FindingFields.field(service, "archived");
    boolean flag = archived.isBoolean() || archived.asText("").matches("(?i)true|false");
    if (!archived.isMissingNode() && !archived.isNull() && !flag) {
      ips.warn(
          "service.archived is "
              + FindingFields.kind(archived)
              + ", expected true or false: not archived");
    }
    return FindingFields.isTrue(archived);
  }

  /**
   * GuardDuty's score: a JSON number from 0 to 10, the only form the notify pattern can compare, so
   * that no finding is acted on that EventBridge would not have routed alike.
   */
  static Severity severity(JsonNode node) {
    double score = patternNumber(node, "severity");
    if (!SeverityLevel.isGuardDutyScore(score)) {
      throw new InvalidEventException("severity out of range 0-10: " + score);
    }
    return Severity.ofScore(score);
  }

  /**
   * The JSON number {@code node} holds, read from {@code label}: the only form an EventBridge
   * numeric pattern compares, so text is refused rather than read as a number.
   *
   * @throws InvalidEventException when {@code node} is missing, null or no number
   */
  static double patternNumber(JsonNode node, String label) {
    if (node.isMissingNode() || node.isNull()) {
      throw InvalidEventException.missing(label);
    }
    if (node.isTextual()) {
      throw new InvalidEventException(
          label
              + " is text "
              + Excerpt.quoted(node.asText())
              + ", expected a number: EventBridge patterns compare numbers only");
    }
    if (!node.isNumber()) {
      throw InvalidEventException.wrongKind(label, node, "a number");
    }
    return node.doubleValue();
  }

  /**
   * Native events carry {@code additionalInfo.sample}; newer ones and the API put the whole
   * additional info as JSON text in {@code additionalInfo.value}.
   */
  private static boolean isSample(JsonNode additionalInfo) {
    if (FindingFields.isTrue(FindingFields.field(additionalInfo, "sample"))) {
      return true;
    }
    JsonNode value = FindingFields.field(additionalInfo, "value");
    if (!value.isTextual()
        || value.asText().length() > FindingFields.MAX_TEXT
        || !value.asText().contains("sample")) {
      return false;
    }
    try {
      return FindingFields.isTrue(
          FindingFields.field(Jackson.reader().readTree(value.asText()), "sample"));
    } catch (IOException e) {
      return false;
    }
  }
}
