package io.guardwall.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a finding says about its own resource besides its name: the role the resource played and the
 * addresses it owns (its network interfaces, the local side of its connections); immutable.
 * guardwall never blocks an owned address: that would cut off the workload itself.
 *
 * @param role whether the resource was the target or the actor of the activity
 * @param addresses the resource's own single addresses, canonical, without duplicates
 */
public record ResourceFacts(ResourceRole role, List<Cidr> addresses) {

  private static final ResourceFacts UNKNOWN = new ResourceFacts(ResourceRole.UNKNOWN, List.of());

  public ResourceFacts {
    Objects.requireNonNull(role, "role");
    addresses = List.copyOf(addresses == null ? List.of() : addresses);
  }

  /** A finding that names neither a role nor an address. */
  public static ResourceFacts unknown() {
    return UNKNOWN;
  }

  /** The owned address equal to or containing {@code address}, if any. */
  public Optional<Cidr> owning(Cidr address) {
    return addresses.stream().filter(own -> own.contains(address)).findFirst();
  }
}
