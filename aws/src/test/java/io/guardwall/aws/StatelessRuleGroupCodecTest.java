package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.networkfirewall.model.Address;
import software.amazon.awssdk.services.networkfirewall.model.CustomAction;
import software.amazon.awssdk.services.networkfirewall.model.MatchAttributes;
import software.amazon.awssdk.services.networkfirewall.model.PortSet;
import software.amazon.awssdk.services.networkfirewall.model.RuleGroup;
import software.amazon.awssdk.services.networkfirewall.model.RulesSource;
import software.amazon.awssdk.services.networkfirewall.model.StatefulRule;
import software.amazon.awssdk.services.networkfirewall.model.StatelessRule;
import software.amazon.awssdk.services.networkfirewall.model.TCPFlag;

/** Reading and rendering guardwall's part of a stateless rule group, as SDK model objects. */
class StatelessRuleGroupCodecTest {

  private final StatelessRuleGroupCodec codec =
      new StatelessRuleGroupCodec(RuleGroupLayout.defaults());

  /** Someone else's rule (capacity 2 sources x 2 protocols x 1 port = 4). */
  private static final StatelessRule FOREIGN_RULE =
      rule(
          5,
          m ->
              m.sources(address("192.0.2.0/24"), address("192.0.2.77/32"))
                  .protocols(6, 17)
                  .destinationPorts(p -> p.fromPort(443).toPort(443)),
          "aws:pass",
          "TheirMetric");

  private static final CustomAction FOREIGN_ACTION =
      CustomAction.builder()
          .actionName("TheirMetric")
          .actionDefinition(
              d -> d.publishMetricAction(p -> p.dimensions(dim -> dim.value("theirs"))))
          .build();

  /** A group with a rule and a custom action of someone else's, and variables. */
  private static final RuleGroup FOREIGN =
      RuleGroup.builder()
          .ruleVariables(
              v -> v.portSets(Map.of("web", PortSet.builder().definition("443", "80").build())))
          .rulesSource(
              s ->
                  s.statelessRulesAndCustomActions(
                      c -> c.statelessRules(FOREIGN_RULE).customActions(FOREIGN_ACTION)))
          .build();

  @Test
  void render_shouldRenderTheDocumentedRules_whenCurrentIsNull() {
    RuleGroup group = codec.render(null, cidrs("198.51.100.7/32"));

    assertThat(rules(group))
        .containsExactly(
            rule(30000, m -> m.sources(address("198.51.100.7/32")), "aws:drop", "GuardwallBlocked"),
            rule(
                30100,
                m -> m.destinations(address("198.51.100.7/32")),
                "aws:drop",
                "GuardwallBlocked"));
    assertThat(actions(group))
        .extracting(CustomAction::actionName)
        .containsExactly("GuardwallBlocked");
    assertThat(
            actions(group)
                .get(0)
                .actionDefinition()
                .publishMetricAction()
                .dimensions()
                .get(0)
                .value())
        .isEqualTo("guardwall");
    assertThat(codec.capacityUsed(group)).isEqualTo(2);
    assertThat(codec.blocked(group)).containsExactly(Cidr.parse("198.51.100.7/32"));
  }

  @Test
  void render_shouldWriteTheCidrsInTheGivenOrder_whenFamiliesAreMixed() {
    List<Cidr> blocked = cidrs("198.51.100.6/31", "203.0.113.9/32", "2001:db8::/127");

    RuleGroup group = codec.render(null, blocked);

    assertThat(definitions(rules(group).get(0).ruleDefinition().matchAttributes().sources()))
        .containsExactly("198.51.100.6/31", "203.0.113.9/32", "2001:db8::/127");
    assertThat(definitions(rules(group).get(1).ruleDefinition().matchAttributes().destinations()))
        .containsExactly("198.51.100.6/31", "203.0.113.9/32", "2001:db8::/127");
    assertThat(codec.capacityUsed(group)).isEqualTo(6);
    assertThat(codec.blocked(group)).containsExactlyInAnyOrderElementsOf(blocked);
  }

  @Test
  void render_shouldPassForeignRulesActionsAndOtherFieldsThroughUntouched_whenRendering() {
    RuleGroup group = codec.render(FOREIGN, cidrs("198.51.100.7/32"));

    assertThat(rules(group).get(0)).isSameAs(FOREIGN_RULE);
    assertThat(actions(group).get(0)).isSameAs(FOREIGN_ACTION);
    assertThat(group.ruleVariables()).isSameAs(FOREIGN.ruleVariables());
    assertThat(actions(group))
        .extracting(CustomAction::actionName)
        .containsExactly("TheirMetric", "GuardwallBlocked");
    assertThat(rules(group)).extracting(StatelessRule::priority).containsExactly(5, 30000, 30100);
    assertThat(codec.capacityUsed(group)).isEqualTo(4 + 2);
  }

  @Test
  void render_shouldSortAllRulesByPriority_whenForeignRulesSurroundOwnOnes() {
    RuleGroup current =
        group(
            rule(40000, m -> {}, "aws:pass"),
            rule(30000, m -> m.sources(address("203.0.113.1/32")), "aws:drop"),
            rule(7, m -> {}, "aws:forward_to_sfe"));

    RuleGroup group = codec.render(current, cidrs("198.51.100.7/32"));

    assertThat(rules(group))
        .extracting(StatelessRule::priority)
        .containsExactly(7, 30000, 30100, 40000);
    assertThat(codec.blocked(group)).containsExactly(Cidr.parse("198.51.100.7/32"));
  }

  @Test
  void render_shouldOmitOwnRulesAndAction_whenNothingIsBlockedAndOtherRulesExist() {
    RuleGroup current = codec.render(FOREIGN, cidrs("198.51.100.7/32"));

    RuleGroup group = codec.render(current, List.of());

    assertThat(group).isEqualTo(FOREIGN);
    assertThat(codec.blocked(group)).isEmpty();
    assertThat(codec.capacityUsed(group)).isEqualTo(4);
  }

  @Test
  void render_shouldRenderAnUnmatchablePlaceholder_whenNothingIsBlockedAndNoOtherRuleExists() {
    RuleGroup current = codec.render(null, cidrs("198.51.100.7/32"));

    RuleGroup group = codec.render(current, List.of());

    assertThat(rules(group))
        .containsExactly(rule(30000, m -> m.sources(address("0.0.0.0/32")), "aws:drop"));
    assertThat(actions(group)).isEmpty();
    assertThat(codec.blocked(group)).isEmpty();
    assertThat(codec.capacityUsed(group)).isEqualTo(1);
  }

  @Test
  void render_shouldRenderThePlaceholder_whenCurrentIsEmptyOrHasEmptyLists() {
    for (RuleGroup empty :
        List.of(
            RuleGroup.builder().build(),
            RuleGroup.builder().rulesSource(RulesSource.builder().build()).build(),
            group())) {
      assertThat(
              definitions(
                  rules(codec.render(empty, List.of()))
                      .get(0)
                      .ruleDefinition()
                      .matchAttributes()
                      .sources()))
          .as(empty.toString())
          .containsExactly("0.0.0.0/32");
    }
  }

  @Test
  void render_shouldKeepOwnCustomAction_whenAForeignRuleUsesItAndNothingIsBlocked() {
    RuleGroup current = group(rule(1, m -> {}, "aws:pass", "GuardwallBlocked"));

    RuleGroup group = codec.render(current, List.of());

    assertThat(actions(group))
        .extracting(CustomAction::actionName)
        .containsExactly("GuardwallBlocked");
  }

  @Test
  void render_shouldUseTheConfiguredLayout_whenNotTheDefaults() {
    StatelessRuleGroupCodec custom =
        new StatelessRuleGroupCodec(new RuleGroupLayout(200, 100, "Blk", "gw-1"));
    StatelessRule theirs = rule(30000, m -> m.sources(address("192.0.2.1/32")), "aws:drop");

    RuleGroup group = custom.render(group(theirs), cidrs("198.51.100.7/32"));

    assertThat(rules(group))
        .containsExactly(
            rule(100, m -> m.destinations(address("198.51.100.7/32")), "aws:drop", "Blk"),
            rule(200, m -> m.sources(address("198.51.100.7/32")), "aws:drop", "Blk"),
            theirs);
    assertThat(
            actions(group)
                .get(0)
                .actionDefinition()
                .publishMetricAction()
                .dimensions()
                .get(0)
                .value())
        .isEqualTo("gw-1");
    assertThat(custom.capacityUsed(group)).isEqualTo(3);
  }

  @Test
  void render_shouldReplaceWhateverIsAtOwnedPriorities_whenCurrentHoldsSomethingElseThere() {
    RuleGroup current = group(rule(30100, m -> m.protocols(17), "aws:pass"));

    RuleGroup group = codec.render(current, cidrs("198.51.100.7/32"));

    assertThat(rules(group).get(1))
        .isEqualTo(
            rule(
                30100,
                m -> m.destinations(address("198.51.100.7/32")),
                "aws:drop",
                "GuardwallBlocked"));
    assertThat(codec.capacityUsed(group)).isEqualTo(2);
  }

  @Test
  void blocked_shouldReadOnlyCidrsInBothOwnRules_whenTheRulesDiffer() {
    RuleGroup current =
        group(
            rule(
                30000,
                m ->
                    m.sources(
                        address("198.51.100.7/32"), address("203.0.113.0/24"), address("HOME")),
                "aws:drop"),
            rule(
                30100,
                m -> m.destinations(address("198.51.100.7/32"), address("HOME")),
                "aws:drop"),
            rule(
                5,
                m -> m.sources(address("192.0.2.1/32")).destinations(address("192.0.2.1/32")),
                "aws:drop"));

    assertThat(codec.blocked(current)).containsExactly(Cidr.parse("198.51.100.7/32"));
    assertThat(codec.blocked(null)).isEmpty();
  }

  @Test
  void capacityUsed_shouldCountARuleAsTheProductOfItsValueCounts_whenItHasMatchSettings() {
    StatelessRule wide =
        rule(
            1,
            m ->
                m.sources(address("192.0.2.1/32"), address("192.0.2.2/32"))
                    .destinations(address("a"), address("b"), address("c"))
                    .sourcePorts(p -> p.fromPort(1).toPort(2), p -> p.fromPort(5).toPort(9))
                    .destinationPorts(p -> p.fromPort(1).toPort(2))
                    .protocols(6, 17)
                    .tcpFlags(f -> f.flags(TCPFlag.SYN), f -> f.flags(TCPFlag.ACK)),
            "aws:drop");

    assertThat(codec.capacityUsed(group(wide))).isEqualTo(48);
    assertThat(codec.capacityUsed(group(rule(1, m -> {}, "aws:drop")))).isEqualTo(1);
  }

  @Test
  void budget_shouldBeHalfOfWhatForeignRulesLeave_whenForeignRulesExist() {
    RuleGroup current =
        group(
            rule(
                1,
                m -> m.sources(address("192.0.2.0/24"), address("192.0.2.1/32")).protocols(6, 17),
                "aws:drop"));

    assertThat(codec.budget(current, 4 + 5)).isEqualTo(CidrBudget.shared(2));
    assertThat(codec.budget(current, 4)).isEqualTo(CidrBudget.shared(0));
    assertThat(codec.budget(null, 30_000)).isEqualTo(CidrBudget.shared(15_000));
  }

  @Test
  void budget_shouldRejectTheGroup_whenForeignRulesAloneExceedCapacity() {
    RuleGroup current = group(rule(1, m -> m.protocols(6, 17, 1), "aws:drop"));

    assertThatThrownBy(() -> codec.budget(current, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("need 3 capacity units")
        .hasMessageContaining("capacity 2");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void budget_shouldRejectCapacity_whenNotPositive(int capacity) {
    assertThatThrownBy(() -> codec.budget(null, capacity))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity must be positive");
  }

  @Test
  void constructor_shouldRejectNullLayout() {
    assertThatThrownBy(() -> new StatelessRuleGroupCodec(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void parse_shouldRejectTheGroup_whenItIsStateful() {
    for (RulesSource stateful :
        List.of(
            RulesSource.builder().rulesString("drop tcp any any -> any any (sid:1;)").build(),
            RulesSource.builder().rulesSourceList(l -> l.targets("a.example")).build(),
            RulesSource.builder().statefulRules(List.<StatefulRule>of()).build())) {
      RuleGroup group = RuleGroup.builder().rulesSource(stateful).build();

      assertRejected(group, "guardwall needs a STATELESS rule group");
    }
  }

  @Test
  void parse_shouldRejectTheGroup_whenARuleIsMalformed() {
    assertRejected(
        group(StatelessRule.builder().ruleDefinition(d -> d.matchAttributes(m -> {})).build()),
        "StatelessRules[0].Priority must be in 1..65535: null");
    assertRejected(group(rule(0, m -> {}, "aws:drop")), "Priority must be in 1..65535: 0");
    assertRejected(group(rule(65536, m -> {}, "aws:drop")), "Priority must be in 1..65535: 65536");
    assertRejected(
        group(StatelessRule.builder().priority(5).build()),
        "StatelessRules[0].RuleDefinition is missing");
    assertRejected(
        group(
            StatelessRule.builder().priority(5).ruleDefinition(d -> d.actions("aws:drop")).build()),
        "StatelessRules[0].RuleDefinition.MatchAttributes is missing");
    assertRejected(
        group(
            rule(30000, m -> {}, "aws:drop"),
            rule(2, m -> {}, "aws:drop"),
            rule(30000, m -> {}, "aws:pass")),
        "two stateless rules with priority 30000");
  }

  @Test
  void parse_shouldRejectTheGroup_whenACustomActionIsMalformed() {
    CustomAction a = CustomAction.builder().actionName("A").build();

    assertRejected(withActions(a, a), "two custom actions named 'A'");
    assertRejected(
        withActions(CustomAction.builder().build()),
        "CustomActions[0].ActionName must be a string");
  }

  @Test
  void render_shouldAlwaysBeSafe_whenBlockedListsAndCurrentGroupsVary() {
    List<List<Cidr>> blockedLists =
        List.of(
            List.of(),
            cidrs("198.51.100.7/32"),
            cidrs("198.51.100.6/31", "203.0.113.9/32", "2001:db8::/127"));
    List<RuleGroup> currents =
        List.of(
            RuleGroup.builder().build(),
            FOREIGN,
            group(rule(30100, m -> m.protocols(17), "aws:pass")),
            group(rule(1, m -> {}, "aws:pass", "GuardwallBlocked")));
    for (List<Cidr> blocked : blockedLists) {
      for (RuleGroup current : currents) {
        assertSafe(codec.render(current, blocked));
        assertSafe(codec.render(codec.render(current, cidrs("192.0.2.9/32")), blocked));
      }
    }
  }

  /**
   * What every rendered group must satisfy: at least one rule, rules sorted by priority, and no
   * rule with an empty address list (which would match every address).
   */
  private static void assertSafe(RuleGroup group) {
    List<StatelessRule> rules = rules(group);
    assertThat(rules).isNotEmpty();
    assertThat(rules.stream().map(StatelessRule::priority).toList())
        .isSorted()
        .doesNotHaveDuplicates();
    for (StatelessRule rule : rules) {
      MatchAttributes match = rule.ruleDefinition().matchAttributes();
      if (match.hasSources()) {
        assertThat(match.sources()).as("sources of %s", rule).isNotEmpty();
      }
      if (match.hasDestinations()) {
        assertThat(match.destinations()).as("destinations of %s", rule).isNotEmpty();
      }
    }
  }

  private void assertRejected(RuleGroup group, String message) {
    for (Consumer<RuleGroup> use :
        List.<Consumer<RuleGroup>>of(
            codec::blocked,
            g -> codec.budget(g, 100),
            g -> codec.render(g, cidrs("198.51.100.7/32")))) {
      assertThatThrownBy(() -> use.accept(group))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(message);
    }
  }

  static StatelessRule rule(
      int priority, Consumer<MatchAttributes.Builder> match, String... actions) {
    return StatelessRule.builder()
        .priority(priority)
        .ruleDefinition(d -> d.matchAttributes(match).actions(actions))
        .build();
  }

  static Address address(String definition) {
    return Address.builder().addressDefinition(definition).build();
  }

  private static RuleGroup group(StatelessRule... rules) {
    return RuleGroup.builder()
        .rulesSource(s -> s.statelessRulesAndCustomActions(c -> c.statelessRules(rules)))
        .build();
  }

  private static RuleGroup withActions(CustomAction... actions) {
    return RuleGroup.builder()
        .rulesSource(
            s ->
                s.statelessRulesAndCustomActions(
                    c -> c.statelessRules(List.of()).customActions(actions)))
        .build();
  }

  private static List<StatelessRule> rules(RuleGroup group) {
    return group.rulesSource().statelessRulesAndCustomActions().statelessRules();
  }

  private static List<CustomAction> actions(RuleGroup group) {
    return group.rulesSource().statelessRulesAndCustomActions().customActions();
  }

  private static List<String> definitions(List<Address> addresses) {
    return addresses.stream().map(Address::addressDefinition).toList();
  }

  private static List<Cidr> cidrs(String... cidrs) {
    return new ArrayList<>(Arrays.stream(cidrs).map(Cidr::parse).toList());
  }
}
