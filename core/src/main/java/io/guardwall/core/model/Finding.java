package io.guardwall.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One security finding, whichever route it arrived by, reduced to what guardwall acts on;
 * immutable. Made with {@link #builder}, which names each part. Its {@code id} is the GuardDuty
 * finding id also when the finding came through Security Hub, so one finding is recognised on both
 * routes.
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

  /** An empty builder: every part not set is null, false or empty. */
  public static Builder builder() {
    return new Builder();
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("finding " + name + " missing");
    }
  }

  /**
   * Names each part of a finding as it is set; {@link #build} validates as the constructor does.
   * One per finding, not thread-safe.
   */
  public static final class Builder {
    private String id;
    private String arn;
    private String type;
    private Severity severity;
    private String title;
    private String description;
    private String accountId;
    private String region;
    private String product;
    private Origin origin;
    private String resource;
    private ResourceFacts resourceFacts;
    private boolean archived;
    private boolean sample;
    private List<RemoteIp> remoteIps = List.of();
    private List<String> warnings = List.of();

    private Builder() {}

    public Builder id(String value) {
      id = value;
      return this;
    }

    public Builder arn(String value) {
      arn = value;
      return this;
    }

    public Builder type(String value) {
      type = value;
      return this;
    }

    public Builder severity(Severity value) {
      severity = value;
      return this;
    }

    public Builder title(String value) {
      title = value;
      return this;
    }

    public Builder description(String value) {
      description = value;
      return this;
    }

    public Builder accountId(String value) {
      accountId = value;
      return this;
    }

    public Builder region(String value) {
      region = value;
      return this;
    }

    public Builder product(String value) {
      product = value;
      return this;
    }

    public Builder origin(Origin value) {
      origin = value;
      return this;
    }

    public Builder resource(String value) {
      resource = value;
      return this;
    }

    public Builder resourceFacts(ResourceFacts value) {
      resourceFacts = value;
      return this;
    }

    public Builder archived(boolean value) {
      archived = value;
      return this;
    }

    public Builder sample(boolean value) {
      sample = value;
      return this;
    }

    public Builder remoteIps(List<RemoteIp> value) {
      remoteIps = value;
      return this;
    }

    public Builder warnings(List<String> value) {
      warnings = value;
      return this;
    }

    /**
     * The finding as set so far.
     *
     * @throws IllegalArgumentException when id or type is missing
     * @throws NullPointerException when severity or origin is
     */
    public Finding build() {
      return new Finding(
          id,
          arn,
          type,
          severity,
          title,
          description,
          accountId,
          region,
          product,
          origin,
          resource,
          resourceFacts,
          archived,
          sample,
          remoteIps,
          warnings);
    }
  }
}
