package io.guardwall.core.port;

import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.SeverityLevel;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds {@link BlockRequest}s for store tests, with defaults for what a test does not care about.
 */
public final class Sighting {
  private final Cidr cidr;
  private Instant seenAt;
  private Duration ttl = Duration.ofHours(12);
  private SeverityLevel severity = SeverityLevel.MEDIUM;
  private String type = "Recon:EC2/PortProbeUnprotectedPort";
  private String findingId = "finding-1";
  private String sightingKey;
  private String account = "111122223333";
  private String region = "eu-west-1";
  private Origin origin = Origin.GUARDDUTY;
  private boolean pinned;

  private Sighting(String cidr, Instant seenAt) {
    this.cidr = Cidr.parse(cidr);
    this.seenAt = seenAt;
  }

  public static Sighting of(String cidr, Instant seenAt) {
    return new Sighting(cidr, seenAt);
  }

  public Sighting ttl(Duration value) {
    ttl = value;
    return this;
  }

  public Sighting severity(SeverityLevel value) {
    severity = value;
    return this;
  }

  public Sighting type(String value) {
    type = value;
    return this;
  }

  public Sighting findingId(String value) {
    findingId = value;
    return this;
  }

  /** The sighting's key; without one (the default) every request counts. */
  public Sighting sightingKey(String value) {
    sightingKey = value;
    return this;
  }

  public Sighting account(String value) {
    account = value;
    return this;
  }

  public Sighting region(String value) {
    region = value;
    return this;
  }

  public Sighting origin(Origin value) {
    origin = value;
    return this;
  }

  public Sighting pinned() {
    pinned = true;
    return this;
  }

  public BlockRequest build() {
    return new BlockRequest(
        cidr,
        seenAt,
        pinned ? null : seenAt.plus(ttl),
        severity,
        type,
        findingId,
        sightingKey,
        account,
        region,
        origin,
        pinned);
  }
}
