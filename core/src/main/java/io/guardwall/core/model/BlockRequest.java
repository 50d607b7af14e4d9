package io.guardwall.core.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request to block one CIDR until {@code expiresAt} (ignored when pinned), with the sighting that
 * caused it; immutable. Finding fields are null for manual blocks.
 *
 * @param sightingKey names the finding's sighting ({@link Finding#sightingKey}), so that a store
 *     counts its copies once; null when it is not known, and then every request counts
 */
public record BlockRequest(
    Cidr cidr,
    Instant seenAt,
    @Nullable Instant expiresAt,
    SeverityLevel severity,
    @Nullable String findingType,
    @Nullable String findingId,
    @Nullable String sightingKey,
    @Nullable String accountId,
    @Nullable String region,
    Origin origin,
    boolean pinned) {

  public BlockRequest {
    Objects.requireNonNull(cidr, "cidr");
    Objects.requireNonNull(seenAt, "seenAt");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(origin, "origin");
    if (!pinned) {
      Objects.requireNonNull(expiresAt, "expiresAt");
      if (!expiresAt.isAfter(seenAt)) {
        throw new IllegalArgumentException("expiry " + expiresAt + " is not after " + seenAt);
      }
    }
  }

  /** A manual block: pinned blocks never expire, others expire at {@code expiresAt}. */
  public static BlockRequest manual(
      Cidr cidr, Instant now, Instant expiresAt, SeverityLevel severity, boolean pinned) {
    return new BlockRequest(
        cidr,
        now,
        pinned ? null : expiresAt,
        severity,
        null,
        null,
        null,
        null,
        null,
        Origin.MANUAL,
        pinned);
  }
}
