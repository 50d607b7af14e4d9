package io.guardwall.aws;

import io.guardwall.core.model.Cidr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one apply changes in one prefix list: the entries it removes, those it adds, and the size
 * the list ends at; immutable.
 *
 * @param list the list as read
 * @param removals guardwall's entries to remove, as EC2 holds them
 * @param additions the CIDRs to add
 */
record PrefixListChange(PrefixList list, List<String> removals, List<Cidr> additions) {

  PrefixListChange {
    Objects.requireNonNull(list, "list");
    removals = List.copyOf(removals);
    additions = List.copyOf(additions);
  }

  /**
   * The changes that make {@code lists} hold exactly {@code blocked}: an entry stays in the list
   * that holds it, a new one goes to the first list of its family with room under {@code ceiling}.
   *
   * @throws IllegalArgumentException when {@code blocked} does not fit (core never asks for that)
   */
  static List<PrefixListChange> plan(List<PrefixList> lists, List<Cidr> blocked, int ceiling) {
    Set<Cidr> wanted = Set.copyOf(blocked);
    Set<Cidr> homeless = new LinkedHashSet<>(blocked);
    lists.forEach(l -> homeless.removeAll(l.ours().keySet()));
    List<PrefixListChange> changes = new ArrayList<>();
    for (PrefixList list : lists) {
      changes.add(fill(list, wanted, homeless, ceiling));
    }
    if (!homeless.isEmpty()) {
      throw new IllegalArgumentException(
          homeless.size()
              + " CIDRs do not fit the prefix lists, first "
              + homeless.iterator().next());
    }
    return changes;
  }

  /** Whether this change touches the list's entries. */
  boolean isEmpty() {
    return removals.isEmpty() && additions.isEmpty();
  }

  /** How many entries the list holds once changed. */
  int finalSize() {
    return list.foreign() + list.ours().size() - removals.size() + additions.size();
  }

  private static PrefixListChange fill(
      PrefixList list, Set<Cidr> wanted, Set<Cidr> homeless, int ceiling) {
    List<String> removals = new ArrayList<>();
    for (Map.Entry<Cidr, String> entry : list.ours().entrySet()) {
      if (!wanted.contains(entry.getKey())) {
        removals.add(entry.getValue());
      }
    }
    int kept = list.ours().size() - removals.size();
    List<Cidr> additions = take(homeless, list.ipv4(), list.room(ceiling) - kept);
    return new PrefixListChange(list, sorted(removals), additions);
  }

  private static List<Cidr> take(Set<Cidr> homeless, boolean ipv4, int room) {
    List<Cidr> taken =
        homeless.stream().filter(c -> c.isIpv4() == ipv4).limit(Math.max(0, room)).toList();
    homeless.removeAll(taken);
    return taken;
  }

  private static List<String> sorted(Collection<String> values) {
    return values.stream().sorted().toList();
  }
}
