package io.guardwall.core.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One security finding, whichever route it arrived by, reduced to what guardwall acts on;
 * immutable. Made with {@link #builder}, which names each part. Its {@code id} is the GuardDuty
 * finding id also when the finding came through Security Hub, so one finding is recognised on both
 * routes.
 *
 * @param id GuardDuty finding id, or the ASFF {@code Id} for findings of other products
 * @param arn the ASFF {@code Id} or GuardDuty finding ARN, for console links; may be null
 * @param product {@code GuardDuty} or the ASFF product name; null when an ASFF finding names none
 * @param origin the route it arrived by
 * @param resource the affected resource in a few words ("Instance i-0abc"); may be null
 * @param resourceFacts the resource's role and own addresses; {@link ResourceFacts#unknown} when
 *     the finding names neither
 * @param updatedAt when the finding says it was last updated (GuardDuty bumps it with {@code count}
 *     on every new sighting); null when it does not say or says it in no readable form
 * @param archived archived, suppressed or resolved: guardwall does nothing for it
 * @param warnings what was skipped while reading it (an address that is no IP, say)
 */
public record Finding(
    String id,
    @Nullable String arn,
    String type,
    Severity severity,
    @Nullable String title,
    @Nullable String description,
    @Nullable String accountId,
    @Nullable String region,
    @Nullable String product,
    Origin origin,
    @Nullable String resource,
    ResourceFacts resourceFacts,
    @Nullable Instant updatedAt,
    boolean archived,
    boolean sample,
    List<RemoteIp> remoteIps,
    List<String> warnings) {

  public Finding {
    requireText(id, "id");
    requireText(type, "type");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(resourceFacts, "resourceFacts");
    remoteIps = List.copyOf(remoteIps);
    warnings = List.copyOf(warnings);
  }

  /**
   * What names this sighting of the finding, the same on every route it arrives by: its id and its
   * {@code updatedAt} to the millisecond (OCSF carries milliseconds only). Null without an {@code
   * updatedAt}: such a finding is counted each time it arrives.
   */
  public @Nullable String sightingKey() {
    return updatedAt == null ? null : id + "@" + updatedAt.truncatedTo(ChronoUnit.MILLIS);
  }

  /** An empty builder: every part not set is null, false or empty (resource facts unknown). */
  public static Builder builder() {
    return new Builder();
  }

  private static String requireText(@Nullable String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("finding " + name + " missing");
    }
    return value;
  }

  /**
   * Names each part of a finding as it is set; {@link #build} validates as the constructor does.
   * One per finding, not thread-safe.
   */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String arn;
    private @Nullable String type;
    private @Nullable Severity severity;
    private @Nullable String title;
    private @Nullable String description;
    private @Nullable String accountId;
    private @Nullable String region;
    private @Nullable String product;
    private @Nullable Origin origin;
    private @Nullable String resource;
    private @Nullable ResourceFacts resourceFacts;
    private @Nullable Instant updatedAt;
    private boolean archived;
    private boolean sample;
    private List<RemoteIp> remoteIps = List.of();
    private List<String> warnings = List.of();

    private Builder() {}

    public Builder id(String value) {
      id = value;
      return this;
    }

    public Builder arn(@Nullable String value) {
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

    public Builder title(@Nullable String value) {
      title = value;
      return this;
    }

    public Builder description(@Nullable String value) {
      description = value;
      return this;
    }

    public Builder accountId(@Nullable String value) {
      accountId = value;
      return this;
    }

    public Builder region(@Nullable String value) {
      region = value;
      return this;
    }

    public Builder product(@Nullable String value) {
      product = value;
      return this;
    }

    public Builder origin(Origin value) {
      origin = value;
      return this;
    }

    public Builder resource(@Nullable String value) {
      resource = value;
      return this;
    }

    public Builder resourceFacts(@Nullable ResourceFacts value) {
      resourceFacts = value;
      return this;
    }

    public Builder updatedAt(@Nullable Instant value) {
      updatedAt = value;
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
          requireText(id, "id"),
          arn,
          requireText(type, "type"),
          Objects.requireNonNull(severity, "severity"),
          title,
          description,
          accountId,
          region,
          product,
          Objects.requireNonNull(origin, "origin"),
          resource,
          resourceFacts == null ? ResourceFacts.unknown() : resourceFacts,
          updatedAt,
          archived,
          sample,
          remoteIps,
          warnings);
    }
  }
}
