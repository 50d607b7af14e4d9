package io.guardwall.core.policy;

import io.guardwall.core.model.Cidr;
import java.util.Objects;

/**
 * Why a CIDR may not be blocked under the safety rule; immutable.
 *
 * @param cidr the CIDR that was refused, in canonical form
 * @param kind which part of the rule it breaks
 * @param message one line naming the CIDR, the rule and the range or limit involved
 */
public record Violation(Cidr cidr, Kind kind, String message) {

  /** The parts of the safety rule. */
  public enum Kind {
    /** Wider than {@code maxBlockWidth}. */
    TOO_WIDE,
    /** Covers a whole IPv6 range that embeds IPv4, so it stands for private addresses too. */
    EMBEDS_IPV4,
    /** Inside or overlapping a range that is never an internet attacker. */
    NON_PUBLIC,
    /** Inside or overlapping the configured or dynamic allow-list. */
    ALLOW_LISTED
  }

  public Violation {
    Objects.requireNonNull(cidr, "cidr");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }
}
