package io.guardwall.core.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.policy.SafetyRule;
import io.guardwall.core.policy.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Renders the desired blocklist into a Network Firewall stateless {@code RuleGroup}: one rule that
 * drops the blocked addresses as sources, one as destinations, both publishing a metric through a
 * custom action; everything else in the group is kept as it was. Thread-safe.
 *
 * <p>The CIDRs are merged exactly ({@link CidrMerger}). Each merged CIDR costs one capacity unit in
 * each of the two rules; the other rules' capacity is subtracted from the budget first. When the
 * entries do not fit, whole entries are evicted in the order {@link CapacityFit} documents:
 * unpinned before pinned, lowest severity first, then oldest last sighting.
 *
 * <p>The safety rule is applied here again, whatever the entries' source: an entry that breaks it
 * (an entry written before its address was allow-listed, a row edited by hand) is left out and
 * reported, and the merged result is checked once more before it is returned.
 */
public final class RuleGroupPlanner {

  private final RuleGroupLayout layout;
  private final RuleGroupRenderer renderer;
  private final TargetSelector selector;

  public RuleGroupPlanner(RuleGroupLayout layout, SafetyRule safety) {
    this(layout, new TargetSelector(safety));
  }

  /** A planner judging entries by the rule {@code safety} supplies at each plan. */
  public RuleGroupPlanner(RuleGroupLayout layout, Supplier<SafetyRule> safety) {
    this(layout, new TargetSelector(safety));
  }

  private RuleGroupPlanner(RuleGroupLayout layout, TargetSelector selector) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.renderer = new RuleGroupRenderer(layout);
    this.selector = selector;
  }

  /**
   * Reads what {@code current} holds, for comparing it with the desired state: the rule an empty
   * blocklist renders to blocks no source, since the safety rule never lets its address in.
   *
   * @throws IllegalArgumentException when it is not a stateless rule group of the documented shape
   */
  public RuleGroupContents contents(@Nullable ObjectNode current) {
    CurrentGroup group = CurrentGroup.parse(current, layout);
    OwnedParts owned = group.owned();
    OwnedParts.OwnedRule source = owned.rules().get(layout.sourcePriority());
    OwnedParts.OwnedRule destination = owned.rules().get(layout.destinationPriority());
    return new RuleGroupContents(
        source == null ? Set.of() : withoutPlaceholder(source.sources()),
        destination == null ? Set.of() : destination.destinations(),
        group.totalCapacity());
  }

  private static Set<String> withoutPlaceholder(Set<String> sources) {
    String placeholder = RuleGroupRenderer.PLACEHOLDER.value();
    return sources.stream().filter(s -> !s.equals(placeholder)).collect(Collectors.toSet());
  }

  /**
   * Plans the group for the {@code desired} (active) entries.
   *
   * @param current the group as it is now, or null for an empty group; not modified
   * @param capacity the rule group's {@code Capacity}
   * @throws IllegalArgumentException when {@code current} is not a stateless rule group of the
   *     documented shape, capacity is not positive, or the other rules alone exceed it
   */
  public RuleGroupPlan plan(
      List<BlocklistEntry> desired, @Nullable ObjectNode current, int capacity) {
    Objects.requireNonNull(desired, "desired");
    CurrentGroup before = CurrentGroup.parse(current, layout);
    TargetSelection fit = selector.select(desired, RuleGroupCodec.budget(before, capacity));
    ObjectNode rendered = renderer.render(before, fit.blocked());
    CurrentGroup after = CurrentGroup.parse(rendered, layout);
    return new RuleGroupPlan(
        rendered,
        fit.blocked(),
        fit.evicted(),
        fit.refused(),
        added(desired, fit, before),
        after.totalCapacity(),
        capacity,
        !after.owned().equals(before.owned()));
  }

  /**
   * The kept entries the group did not block before: not covered by both of guardwall's rules as
   * read. Computed from the group itself, so that of two writers that record the same address, only
   * the one whose write first puts it in the group reports it.
   */
  private List<BlocklistEntry> added(
      List<BlocklistEntry> desired, TargetSelection fit, CurrentGroup before) {
    Set<BlocklistEntry> left = new HashSet<>(fit.evicted());
    Set<Cidr> refused = fit.refused().stream().map(Violation::cidr).collect(Collectors.toSet());
    AddressSet sources = addresses(before, layout.sourcePriority(), OwnedParts.OwnedRule::sources);
    AddressSet destinations =
        addresses(before, layout.destinationPriority(), OwnedParts.OwnedRule::destinations);
    List<BlocklistEntry> added = new ArrayList<>();
    for (BlocklistEntry entry : desired) {
      AddressRange range = AddressRange.of(entry.cidr());
      if (left.contains(entry) || refused.contains(entry.cidr())) {
        continue;
      }
      if (!(sources.covers(range) && destinations.covers(range))) {
        added.add(entry);
      }
    }
    return added;
  }

  /** The addresses one of guardwall's rules matches; anything not a CIDR matches none here. */
  private static AddressSet addresses(
      CurrentGroup group, int priority, Function<OwnedParts.OwnedRule, Set<String>> side) {
    AddressSet set = new AddressSet();
    OwnedParts.OwnedRule rule = group.owned().rules().get(priority);
    if (rule != null) {
      side.apply(rule).stream()
          .filter(RuleGroupCodec::isCidr)
          .forEach(c -> set.add(AddressRange.of(Cidr.parse(c))));
    }
    return set;
  }
}
