package io.guardwall.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One security finding, whichever route it arrived by, reduced to what guardwall acts on;
 * immutable. Its {@code id} is the GuardDuty finding id also when the finding came through Security
 * Hub, so one finding is recognised on both routes.
 *
 * @param id GuardDuty finding id, or the ASFF {@code Id} for findings of other products
 * @param arn the ASFF {@code Id} or GuardDuty finding ARN, for console links; may be null
 * @param product {@code GuardDuty} or the ASFF product name
 * @param origin the route it arrived by
 * @param resource the affected resource in a few words ("Instance i-0abc"); may be null
 * @param resourceFacts the resource's role and own addresses; null stands for unknown
 * @param archived archived, suppressed or resolved: guardwall does nothing for it
 * @param warnings what was skipped while reading it (an address that is no IP, say)
 */
public record Finding(
    String id,
    String arn,
    String type,
    Severity severity,
    String title,
    String description,
    String accountId,
    String region,
    String product,
    Origin origin,
    String resource,
    ResourceFacts resourceFacts,
    boolean archived,
    boolean sample,
    List<RemoteIp> remoteIps,
    List<String> warnings) {

  public Finding {
    requireText(id, "id");
    requireText(type, "type");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(origin, "origin");
    resourceFacts = resourceFacts == null ? ResourceFacts.unknown() : resourceFacts;
    remoteIps = List.copyOf(remoteIps == null ? List.of() : remoteIps);
    warnings = List.copyOf(warnings == null ? List.of() : warnings);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("finding " + name + " missing");
    }
  }
}
