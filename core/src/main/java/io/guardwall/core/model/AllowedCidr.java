package io.guardwall.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One CIDR of the dynamic allow-list: never blocked until a person disallows it; immutable.
 *
 * @param reason why it is allowed, never blank
 */
public record AllowedCidr(Cidr cidr, String reason, Actor actor, Instant at) {

  public AllowedCidr {
    Objects.requireNonNull(cidr, "cidr");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    reason = Reason.checked(reason);
    if (reason.isEmpty()) {
      throw new IllegalArgumentException("an allowed CIDR needs a reason");
    }
  }
}
