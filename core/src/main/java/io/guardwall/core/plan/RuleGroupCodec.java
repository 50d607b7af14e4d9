package io.guardwall.core.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads guardwall's part of a Network Firewall stateless {@code RuleGroup} (the CIDRs both its
 * rules block, and its room) and renders a list of CIDRs into the group, keeping everything else as
 * it was: what the Network Firewall enforcement point writes. Thread-safe.
 */
public final class RuleGroupCodec {

  /** Every blocked CIDR appears in the source rule and in the destination rule. */
  private static final int RULES_PER_CIDR = 2;

  private final RuleGroupLayout layout;
  private final RuleGroupRenderer renderer;

  public RuleGroupCodec(RuleGroupLayout layout) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.renderer = new RuleGroupRenderer(layout);
  }

  /**
   * The CIDRs guardwall blocks in {@code group}: those in both its source and its destination rule.
   *
   * @throws IllegalArgumentException when it is not a stateless rule group of the documented shape
   */
  public Set<Cidr> blocked(@Nullable ObjectNode group) {
    OwnedParts owned = CurrentGroup.parse(group, layout).owned();
    OwnedParts.OwnedRule source = owned.rules().get(layout.sourcePriority());
    OwnedParts.OwnedRule destination = owned.rules().get(layout.destinationPriority());
    if (source == null || destination == null) {
      return Set.of();
    }
    return source.sources().stream()
        .filter(destination.destinations()::contains)
        .filter(RuleGroupCodec::isCidr)
        .map(Cidr::parse)
        .collect(Collectors.toSet());
  }

  /**
   * The room guardwall has in a group of {@code capacity}: what the other rules leave, halved since
   * every CIDR costs one unit in each of its two rules; both families share it.
   *
   * @throws IllegalArgumentException when the group is not of the documented shape, capacity is not
   *     positive, or the other rules alone exceed it
   */
  public CidrBudget budget(@Nullable ObjectNode group, int capacity) {
    return budget(CurrentGroup.parse(group, layout), capacity);
  }

  /**
   * The room guardwall has in an empty group of {@code capacity}: what the dry run's target offers.
   *
   * @throws IllegalArgumentException when capacity is not positive
   */
  public static CidrBudget room(int capacity) {
    return budget(CurrentGroup.parse(null, RuleGroupLayout.defaults()), capacity);
  }

  static CidrBudget budget(CurrentGroup group, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("rule group capacity must be positive: " + capacity);
    }
    int room = capacity - group.foreignCapacity();
    if (room < 0) {
      throw new IllegalArgumentException(
          "the rules guardwall does not own need "
              + group.foreignCapacity()
              + " capacity units, more than the rule group's capacity "
              + capacity);
    }
    return CidrBudget.shared(room / RULES_PER_CIDR);
  }

  /**
   * {@code group} with guardwall's rules blocking exactly {@code blocked}, as UpdateRuleGroup takes
   * it.
   */
  public ObjectNode render(@Nullable ObjectNode group, List<Cidr> blocked) {
    return renderer.render(CurrentGroup.parse(group, layout), blocked);
  }

  /**
   * The capacity {@code group} uses, its rules and guardwall's together.
   *
   * @throws IllegalArgumentException when it is not a stateless rule group of the documented shape
   */
  public int capacityUsed(ObjectNode group) {
    return CurrentGroup.parse(group, layout).totalCapacity();
  }

  static boolean isCidr(String text) {
    try {
      Cidr.parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
