package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.model.Finding;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.ResourceFacts;
import io.guardwall.core.model.Severity;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.text.Excerpt;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads one finding in the AWS Security Finding Format, as Security Hub CSPM emits it; stateless
 * and thread-safe.
 */
final class AsffReader {

  /** {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:...}: region and account of any ARN. */
  private static final Pattern ARN = Pattern.compile("^arn:[^:]*:[^:]*:([^:]*):([^:]*):.*$");

  /** An AWS region name: {@code us-east-1}, {@code us-gov-west-1}, {@code eu-isoe-west-1}. */
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+){1,3}-\\d{1,2}");

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  private static final Pattern GUARDDUTY_FINDING_ARN =
      Pattern.compile("^arn:[^:]*:guardduty:[^:]*:[^:]*:detector/[^/]+/finding/([^/]+)$");

  /** A GuardDuty finding type: {@code ThreatPurpose:ResourceType/ThreatFamily...}. */
  static final Pattern GUARDDUTY_TYPE = Pattern.compile("^[A-Za-z]+:[A-Za-z0-9]+/\\S+$");

  private static final List<String> LABELS =
      Arrays.stream(SeverityLevel.values()).map(SeverityLevel::name).toList();

  private static final Set<String> CLOSED_WORKFLOW = Set.of("SUPPRESSED", "RESOLVED");

  private AsffReader() {}

  static FindingResult read(JsonNode f, Envelope envelope, int position) {
    Required required = new Required();
    String arn = required.read(() -> FindingFields.requiredText(f, "Id", "id"));
    String id = arn == null ? null : findingId(arn);
    String product = product(f, arn);
    String type = required.read(() -> type(f, product));
    Severity severity = required.read(() -> severity(f));
    if (id == null || type == null || severity == null) {
      return required.invalid(id, type, position);
    }
    RemoteIpCollector ips = new RemoteIpCollector();
    ActionIps.collect(FindingFields.field(f, "action"), "Action", ips);
    ProductFieldIps.collect(ips.object(f, "productFields", "ProductFields"), ips);
    ResourceFacts facts = ResourceFactsReader.asff(f, ips::warn);
    return FindingResult.ok(
        Finding.builder()
            .id(id)
            .arn(arn)
            .type(type)
            .severity(severity)
            .title(FindingFields.text(f, "title"))
            .description(FindingFields.text(f, "description"))
            .accountId(envelope.account(account(f)))
            .region(envelope.region(region(f)))
            .product(product)
            .origin(Origin.SECURITYHUB)
            .resource(resource(f, "id"))
            .resourceFacts(facts)
            .updatedAt(FindingTimes.instant(FindingTimes.asff(f), ips::warn))
            .archived(isArchived(f, ips))
            .sample(isSample(f))
            .remoteIps(ips.ips())
            .warnings(ips.warnings())
            .build());
  }

  /** The GuardDuty finding id inside a GuardDuty finding ARN; any other id as it is. */
  static String findingId(String id) {
    Matcher m = GUARDDUTY_FINDING_ARN.matcher(id);
    return m.matches() ? m.group(1) : id;
  }

  /** {@code AwsAccountId}, else the account in the {@code Id} ARN if it is one; else null. */
  static @Nullable String account(JsonNode f) {
    String account = FindingFields.text(f, "awsAccountId");
    return account != null && !account.isBlank()
        ? account
        : arnPart(FindingFields.text(f, "id"), 2, ACCOUNT);
  }

  /**
   * {@code Region}, else the region of {@code Resources[0]}, else the region in the {@code Id} ARN;
   * a fallback that does not look like a region name is passed over; null when none.
   */
  static @Nullable String region(JsonNode f) {
    String region = FindingFields.text(f, "region");
    if (region != null && !region.isBlank()) {
      return region;
    }
    String resource = FindingFields.text(FindingFields.field(f, "resources").path(0), "region");
    if (resource != null && REGION.matcher(resource).matches()) {
      return resource;
    }
    return arnPart(FindingFields.text(f, "id"), 1, REGION);
  }

  /**
   * {@code ProductName}, else the one in ProductFields, else the last part of {@code ProductArn}.
   */
  static @Nullable String product(JsonNode f, @Nullable String id) {
    String name = FindingFields.text(f, "productName");
    if (name == null) {
      name =
          FindingFields.text(
              FindingFields.field(f, "productFields"), "aws/securityhub/ProductName");
    }
    if (name == null) {
      name = productFromArn(FindingFields.text(f, "productArn"));
    }
    if (name == null && id != null && GUARDDUTY_FINDING_ARN.matcher(id).matches()) {
      name = GuardDutyReader.PRODUCT;
    }
    return name;
  }

  private static @Nullable String productFromArn(@Nullable String productArn) {
    if (productArn == null || !productArn.contains(":product/")) {
      return null;
    }
    String last = productArn.substring(productArn.lastIndexOf('/') + 1);
    return last.equalsIgnoreCase("guardduty") ? GuardDutyReader.PRODUCT : last;
  }

  /**
   * {@code Types[0]}; for GuardDuty its last path segment, which is the GuardDuty type with its
   * {@code /} turned into {@code -} ({@code Backdoor:EC2-C&CActivity.B}), unless ProductFields
   * names the type itself.
   */
  private static String type(JsonNode f, @Nullable String product) {
    String first = firstType(FindingFields.field(f, "types"), "Types");
    if (!GuardDutyReader.PRODUCT.equalsIgnoreCase(product)) {
      return first;
    }
    String named =
        FindingFields.text(FindingFields.field(f, "productFields"), "aws/guardduty/type");
    if (named != null && GUARDDUTY_TYPE.matcher(named).matches()) {
      return named;
    }
    return afterLastSlash(first, "Types[0]");
  }

  /**
   * The first entry of a finding's list of types, read from {@code label}.
   *
   * @throws InvalidEventException when the list is missing, empty or no array, or its first entry
   *     is no text
   */
  static String firstType(JsonNode types, String label) {
    if (!types.isArray() && !types.isMissingNode() && !types.isNull()) {
      throw InvalidEventException.wrongKind(label, types, "an array");
    }
    if (types.isEmpty()) {
      throw InvalidEventException.missing(label);
    }
    return FindingFields.requireText(types.get(0), label + "[0]");
  }

  /**
   * The GuardDuty type at the end of a Security Hub type path ({@code TTPs/.../Backdoor:EC2-...}),
   * read from {@code label}.
   *
   * @throws InvalidEventException when nothing follows the last {@code /}
   */
  static String afterLastSlash(String typePath, String label) {
    String last = typePath.substring(typePath.lastIndexOf('/') + 1);
    if (last.isBlank()) {
      throw new InvalidEventException(
          label + " " + Excerpt.quoted(typePath) + " has no GuardDuty type after its last '/'");
    }
    return last;
  }

  /**
   * {@code Severity.Label} only (GuardDuty fills {@code Normalized} inconsistently), spelled
   * exactly as ASFF defines it: the notify pattern matches the label as it is.
   */
  private static Severity severity(JsonNode f) {
    JsonNode severity = FindingFields.field(f, "severity");
    if (!severity.isMissingNode() && !severity.isNull() && !severity.isObject()) {
      throw InvalidEventException.wrongKind("Severity", severity, "an object");
    }
    JsonNode node = FindingFields.field(severity, "label");
    FindingFields.requireText(node, "Severity.Label");
    String label = node.asText();
    if (!LABELS.contains(label)) {
      throw new InvalidEventException(
          "Severity.Label "
              + Excerpt.quoted(label)
              + " is not one of "
              + String.join(", ", LABELS)
              + ", in upper case: EventBridge patterns match the label exactly");
    }
    return Severity.ofLabel(label);
  }

  /** Archived or closed; a state of the wrong type is named, and does not count as either. */
  private static boolean isArchived(JsonNode f, RemoteIpCollector ips) {
    JsonNode recordState = FindingFields.field(f, "recordState");
    if (!recordState.isMissingNode() && !recordState.isNull() && !recordState.isTextual()) {
      ips.warn("RecordState is " + FindingFields.kind(recordState) + ", expected text: not read");
    }
    JsonNode workflow = ips.object(f, "workflow", "Workflow");
    return "ARCHIVED".equalsIgnoreCase(FindingFields.text(f, "recordState"))
        || CLOSED_WORKFLOW.contains(upper(FindingFields.text(workflow, "status")));
  }

  private static boolean isSample(JsonNode f) {
    return FindingFields.isTrue(FindingFields.field(f, "sample"))
        || FindingFields.isTrue(
            FindingFields.field(
                FindingFields.field(f, "productFields"),
                "aws/guardduty/service/additionalInfo/sample"));
  }

  /**
   * The first of a finding's {@code resources} as "type id", its id under {@code idField}; either
   * part alone when the other is missing.
   */
  static @Nullable String resource(JsonNode f, String idField) {
    JsonNode first = FindingFields.field(f, "resources").path(0);
    String type = FindingFields.text(first, "type");
    String id = FindingFields.text(first, idField);
    if (type == null || id == null) {
      return type != null ? type : id;
    }
    return FindingFields.cap(type + " " + id);
  }

  private static @Nullable String arnPart(@Nullable String arn, int group, Pattern shape) {
    if (arn == null) {
      return null;
    }
    Matcher m = ARN.matcher(arn);
    return m.matches() && shape.matcher(m.group(group)).matches() ? m.group(group) : null;
  }

  private static String upper(@Nullable String text) {
    return text == null ? "" : text.toUpperCase(Locale.ROOT);
  }
}
