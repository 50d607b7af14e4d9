package io.guardwall.aws;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.plan.StatelessCapacity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.networkfirewall.model.ActionDefinition;
import software.amazon.awssdk.services.networkfirewall.model.Address;
import software.amazon.awssdk.services.networkfirewall.model.CustomAction;
import software.amazon.awssdk.services.networkfirewall.model.Dimension;
import software.amazon.awssdk.services.networkfirewall.model.MatchAttributes;
import software.amazon.awssdk.services.networkfirewall.model.PublishMetricAction;
import software.amazon.awssdk.services.networkfirewall.model.RuleDefinition;
import software.amazon.awssdk.services.networkfirewall.model.RuleGroup;
import software.amazon.awssdk.services.networkfirewall.model.RulesSource;
import software.amazon.awssdk.services.networkfirewall.model.StatelessRule;
import software.amazon.awssdk.services.networkfirewall.model.StatelessRulesAndCustomActions;

/**
 * Reads guardwall's part of a Network Firewall stateless rule group (the CIDRs both its rules
 * block, and its room) and renders a list of CIDRs into the group as the SDK model, passing the
 * rules and custom actions guardwall does not own through untouched. Thread-safe.
 */
final class StatelessRuleGroupCodec {

  private static final String DROP = "aws:drop";

  /**
   * A stateless rule group needs at least one rule, and a rule with an empty address list matches
   * every address. So when nothing is to be blocked and no other rule exists, the group holds this
   * rule, which matches only packets from 0.0.0.0: "this host on this network", which a host uses
   * only before it has an address (DHCP discovery) and which never crosses a VPC firewall.
   */
  static final Cidr PLACEHOLDER = Cidr.parse("0.0.0.0/32");

  private final RuleGroupLayout layout;

  StatelessRuleGroupCodec(RuleGroupLayout layout) {
    this.layout = Objects.requireNonNull(layout, "layout");
  }

  /**
   * The CIDRs guardwall blocks in {@code group}: those in both its source and its destination rule.
   *
   * @throws IllegalArgumentException when it is not a stateless rule group of the documented shape
   */
  Set<Cidr> blocked(@Nullable RuleGroup group) {
    StatelessGroup current = StatelessGroup.parse(group, layout);
    Set<String> sources = addresses(current, layout.sourcePriority(), MatchAttributes::sources);
    return addresses(current, layout.destinationPriority(), MatchAttributes::destinations).stream()
        .filter(sources::contains)
        .filter(StatelessRuleGroupCodec::isCidr)
        .map(Cidr::parse)
        .collect(Collectors.toSet());
  }

  /**
   * The room guardwall has in {@code group} of {@code capacity}: what the other rules leave.
   *
   * @throws IllegalArgumentException when the group is not of the documented shape, capacity is not
   *     positive, or the other rules alone exceed it
   */
  CidrBudget budget(@Nullable RuleGroup group, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("rule group capacity must be positive: " + capacity);
    }
    int foreign = StatelessGroup.parse(group, layout).foreignCapacity();
    if (foreign > capacity) {
      throw new IllegalArgumentException(
          "the rules guardwall does not own need "
              + foreign
              + " capacity units, more than the rule group's capacity "
              + capacity);
    }
    return StatelessCapacity.room(capacity - foreign);
  }

  /**
   * The capacity {@code group} uses, its rules and guardwall's together.
   *
   * @throws IllegalArgumentException when it is not a stateless rule group of the documented shape
   */
  int capacityUsed(RuleGroup group) {
    return StatelessGroup.parse(group, layout).totalCapacity();
  }

  /**
   * {@code group} (null = empty) with guardwall's rules blocking exactly {@code blocked}, as
   * UpdateRuleGroup takes it; everything else in the group is kept as read.
   *
   * @throws IllegalArgumentException when it is not a stateless rule group of the documented shape
   */
  RuleGroup render(@Nullable RuleGroup group, List<Cidr> blocked) {
    StatelessGroup current = StatelessGroup.parse(group, layout);
    List<StatelessRule> rules = new ArrayList<>(current.foreignRules());
    if (!blocked.isEmpty()) {
      rules.add(rule(layout.sourcePriority(), blocked, true));
      rules.add(rule(layout.destinationPriority(), blocked, false));
    } else if (rules.isEmpty()) {
      rules.add(placeholder());
    }
    rules.sort(Comparator.comparingInt(StatelessRule::priority));
    List<CustomAction> actions = new ArrayList<>(current.foreignActions());
    if (!blocked.isEmpty() || current.foreignRuleUses(layout.customActionName())) {
      actions.add(customAction());
    }
    RulesSource source = group == null ? null : group.rulesSource();
    StatelessRulesAndCustomActions container =
        source == null ? null : source.statelessRulesAndCustomActions();
    StatelessRulesAndCustomActions.Builder lists =
        container == null ? StatelessRulesAndCustomActions.builder() : container.toBuilder();
    lists.statelessRules(rules).customActions(actions.isEmpty() ? null : actions);
    RulesSource.Builder newSource = source == null ? RulesSource.builder() : source.toBuilder();
    RuleGroup.Builder newGroup = group == null ? RuleGroup.builder() : group.toBuilder();
    return newGroup
        .rulesSource(newSource.statelessRulesAndCustomActions(lists.build()).build())
        .build();
  }

  private StatelessRule rule(int priority, List<Cidr> cidrs, boolean asSources) {
    List<Address> addresses = new ArrayList<>(cidrs.size());
    cidrs.forEach(c -> addresses.add(Address.builder().addressDefinition(c.value()).build()));
    MatchAttributes.Builder match = MatchAttributes.builder();
    if (asSources) {
      match.sources(addresses);
    } else {
      match.destinations(addresses);
    }
    return StatelessRule.builder()
        .priority(priority)
        .ruleDefinition(
            RuleDefinition.builder()
                .matchAttributes(match.build())
                .actions(DROP, layout.customActionName())
                .build())
        .build();
  }

  private StatelessRule placeholder() {
    return StatelessRule.builder()
        .priority(layout.sourcePriority())
        .ruleDefinition(
            RuleDefinition.builder()
                .matchAttributes(
                    MatchAttributes.builder()
                        .sources(Address.builder().addressDefinition(PLACEHOLDER.value()).build())
                        .build())
                .actions(DROP)
                .build())
        .build();
  }

  private CustomAction customAction() {
    return CustomAction.builder()
        .actionName(layout.customActionName())
        .actionDefinition(
            ActionDefinition.builder()
                .publishMetricAction(
                    PublishMetricAction.builder()
                        .dimensions(
                            Dimension.builder().value(layout.metricDimensionValue()).build())
                        .build())
                .build())
        .build();
  }

  /** The address definitions one of guardwall's rules matches on one side. */
  private static Set<String> addresses(
      StatelessGroup group, int priority, Function<MatchAttributes, List<Address>> side) {
    StatelessRule rule = group.ownRule(priority);
    if (rule == null) {
      return Set.of();
    }
    return side.apply(rule.ruleDefinition().matchAttributes()).stream()
        .map(Address::addressDefinition)
        .filter(Objects::nonNull)
        .collect(Collectors.toSet());
  }

  private static boolean isCidr(String text) {
    try {
      Cidr.parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
