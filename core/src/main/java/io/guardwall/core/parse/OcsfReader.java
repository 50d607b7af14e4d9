package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.guardwall.core.model.Finding;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.ResourceFacts;
import io.guardwall.core.model.ResourceRole;
import io.guardwall.core.model.Severity;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.text.Excerpt;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads one finding in OCSF, as the current Security Hub emits it in {@code Findings Imported V2}
 * events: a GuardDuty finding there is a Detection Finding whose {@code finding_info.uid} is the
 * GuardDuty finding ARN; stateless and thread-safe.
 */
final class OcsfReader {

  private static final Set<String> CLOSED_STATUS = Set.of("SUPPRESSED", "RESOLVED");

  private OcsfReader() {}

  static FindingResult read(JsonNode f, Envelope envelope, int position) {
    Required required = new Required();
    JsonNode info = required.read(() -> object(f, "finding_info"));
    // Without finding_info its uid and types are not named as missing too.
    JsonNode known = info == null ? MissingNode.getInstance() : info;
    String uid =
        info == null
            ? null
            : required.read(() -> FindingFields.requiredText(known, "finding_info.uid", "uid"));
    String id = uid == null ? null : AsffReader.findingId(uid);
    String product = FindingFields.text(f, "metadata", "product", "name");
    String type = info == null ? null : required.read(() -> type(known, product));
    Severity severity = required.read(() -> severity(f));
    if (info == null || id == null || type == null || severity == null) {
      return required.invalid(id, type, position);
    }
    RemoteIpCollector ips = new RemoteIpCollector();
    OwnAddresses own = new OwnAddresses(ips::warn);
    OcsfEvidence.collect(FindingFields.field(f, "evidences"), type, ips, own);
    return FindingResult.ok(
        Finding.builder()
            .id(id)
            .arn(uid)
            .type(type)
            .severity(severity)
            .title(FindingFields.text(info, "title"))
            .description(FindingFields.text(info, "desc"))
            .accountId(envelope.account(FindingFields.text(f, "cloud", "account", "uid")))
            .region(envelope.region(FindingFields.text(f, "cloud", "region")))
            .product(product)
            .origin(Origin.SECURITYHUB)
            .resource(AsffReader.resource(f, "uid"))
            .resourceFacts(new ResourceFacts(ResourceRole.UNKNOWN, own.addresses()))
            .updatedAt(FindingTimes.instant(FindingTimes.ocsf(f), ips::warn))
            .archived(isClosed(f, ips))
            .remoteIps(ips.ips())
            .warnings(ips.warnings())
            .build());
  }

  /** Whether {@code node} is a finding in OCSF: it has a class and finding information. */
  static boolean looksLikeOcsf(JsonNode node) {
    return node.has("class_uid") && node.has("finding_info");
  }

  /** The object under {@code name}, which must be one. */
  private static JsonNode object(JsonNode parent, String name) {
    JsonNode node = FindingFields.field(parent, name);
    if (node.isMissingNode() || node.isNull()) {
      throw InvalidEventException.missing(name);
    }
    if (!node.isObject()) {
      throw InvalidEventException.wrongKind(name, node, "an object");
    }
    return node;
  }

  /**
   * For GuardDuty the first of {@code finding_info.types} that is a GuardDuty type, else the type
   * at the end of the first one's Security Hub path; for other products the first as it is.
   */
  private static String type(JsonNode info, @Nullable String product) {
    JsonNode types = FindingFields.field(info, "types");
    String first = AsffReader.firstType(types, "finding_info.types");
    if (!GuardDutyReader.PRODUCT.equalsIgnoreCase(product)) {
      return first;
    }
    for (JsonNode candidate : types) {
      String text = FindingFields.text(candidate);
      if (text != null && AsffReader.GUARDDUTY_TYPE.matcher(text).matches()) {
        return text;
      }
    }
    return AsffReader.afterLastSlash(first, "finding_info.types[0]");
  }

  /**
   * {@code severity_id} only ({@code severity} is its caption): a JSON number from 1 to 6, the only
   * form the notify pattern can compare, banded as the pattern compares it.
   */
  private static Severity severity(JsonNode f) {
    JsonNode node = FindingFields.field(f, "severity_id");
    double id = GuardDutyReader.patternNumber(node, "severity_id");
    if (!SeverityLevel.isOcsfSeverityId(id)) {
      throw new InvalidEventException(
          "severity_id "
              + Excerpt.of(node.asText())
              + " is not one of 1 (informational) to "
              + SeverityLevel.MAX_OCSF_SEVERITY_ID
              + " (fatal)");
    }
    return Severity.ofOcsfSeverityId(id);
  }

  /** {@code status} Suppressed or Resolved, or {@code activity_name} Close. */
  private static boolean isClosed(JsonNode f, RemoteIpCollector ips) {
    return CLOSED_STATUS.contains(upper(state(f, "status", ips)))
        || "CLOSE".equals(upper(state(f, "activity_name", ips)));
  }

  /** A state that is no text is named, and does not count. */
  private static @Nullable String state(JsonNode f, String name, RemoteIpCollector ips) {
    JsonNode node = FindingFields.field(f, name);
    if (!node.isMissingNode() && !node.isNull() && !node.isTextual()) {
      ips.warn(name + " is " + FindingFields.kind(node) + ", expected text: not read");
      return null;
    }
    return FindingFields.text(node);
  }

  private static String upper(@Nullable String text) {
    return text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
  }
}
