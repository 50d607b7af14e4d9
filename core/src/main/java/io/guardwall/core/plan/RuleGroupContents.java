package io.guardwall.core.plan;

import java.util.Set;

/**
 * What a rule group holds now: the address definitions of guardwall's source and destination rules,
 * and the capacity all its rules consume; immutable.
 */
public record RuleGroupContents(Set<String> sources, Set<String> destinations, int capacityUsed) {
  public RuleGroupContents {
    sources = Set.copyOf(sources);
    destinations = Set.copyOf(destinations);
  }
}
