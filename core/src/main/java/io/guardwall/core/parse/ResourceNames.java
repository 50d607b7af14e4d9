package io.guardwall.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Names a GuardDuty finding's affected resource in a few words ("Instance i-0abc", "EKSCluster
 * prod"); stateless.
 */
final class ResourceNames {

  private static final Map<String, Function<JsonNode, @Nullable String>> NAMES =
      Map.of(
          "Instance", r -> FindingFields.text(r, "instanceDetails", "instanceId"),
          "AccessKey",
              r ->
                  FindingFields.firstText(
                      FindingFields.field(r, "accessKeyDetails"), "userName", "accessKeyId"),
          "EKSCluster", r -> FindingFields.text(r, "eksClusterDetails", "name"),
          "RDSDBInstance",
              r -> FindingFields.text(r, "rdsDbInstanceDetails", "dbInstanceIdentifier"),
          "S3Bucket",
              r -> FindingFields.text(FindingFields.field(r, "s3BucketDetails").path(0), "name"),
          "ECSCluster", r -> FindingFields.text(r, "ecsClusterDetails", "name"),
          "Lambda", r -> FindingFields.text(r, "lambdaDetails", "functionName"),
          "Container", r -> FindingFields.text(r, "containerDetails", "name"));

  private ResourceNames() {}

  /** "TYPE NAME", the type alone when the name is unknown, null without a type. */
  static @Nullable String describe(JsonNode resource) {
    String type = FindingFields.text(resource, "resourceType");
    if (type == null) {
      return null;
    }
    String name = NAMES.getOrDefault(type, r -> null).apply(resource);
    return FindingFields.cap(name == null ? type : type + " " + name);
  }
}
