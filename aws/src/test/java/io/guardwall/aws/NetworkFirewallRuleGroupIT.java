package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.plan.TargetSelector;
import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallException;
import io.guardwall.core.port.FirewallRetryableException;
import io.guardwall.core.port.InMemoryBlocklistStore;
import io.guardwall.core.port.Race;
import io.guardwall.core.port.Sighting;
import io.guardwall.core.reconcile.CoalescingReconciler;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.reconcile.TargetReport;
import io.guardwall.core.reconcile.TargetsReconciler;
import io.guardwall.core.reconcile.TargetsResult;
import io.guardwall.core.testing.Resources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.networkfirewall.NetworkFirewallClient;
import software.amazon.awssdk.services.networkfirewall.model.MatchAttributes;
import software.amazon.awssdk.services.networkfirewall.model.RuleGroup;
import software.amazon.awssdk.services.networkfirewall.model.StatelessRule;
import software.amazon.awssdk.services.networkfirewall.model.TCPFlag;

/** The adapter through the real SDK client against {@link NetworkFirewallStub}. */
class NetworkFirewallRuleGroupIT {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String OTHER_ARN =
      "arn:aws:network-firewall:us-east-1:123456789012:stateless-rulegroup/someone-elses";

  private final NetworkFirewallStub stub = NetworkFirewallStub.start(1_200);
  private final StatelessRuleGroup firewall = stub.firewall();
  private final BlocklistStore store = new InMemoryBlocklistStore();

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void describe_shouldReturnGroupCapacityAndToken() {
    RuleGroupRead snapshot = firewall.describe();

    assertThat(snapshot.capacity()).isEqualTo(1_200);
    assertThat(snapshot.updateToken()).isEqualTo(stub.updateToken());
    assertThat(snapshot.ruleGroup()).isNotNull();
    assertThat(snapshot.ruleGroup().rulesSource().statelessRulesAndCustomActions().statelessRules())
        .isEmpty();
  }

  @Test
  void describe_shouldReadEveryMemberOfTheStatelessSubset_whenTheGroupUsesThemAll()
      throws Exception {
    stub.replaceRuleGroup(foreignGroup());

    RuleGroup model = firewall.describe().ruleGroup();

    assertThat(model).isNotNull();
    assertThat(model.ruleVariables().ipSets().get("HOME_NET").definition())
        .containsExactly("10.0.0.0/16", "10.1.0.0/16");
    assertThat(model.ruleVariables().portSets().get("WEB").definition())
        .containsExactly("80", "443", "8000:8080");
    StatelessRule rule =
        model.rulesSource().statelessRulesAndCustomActions().statelessRules().get(0);
    MatchAttributes match = rule.ruleDefinition().matchAttributes();
    assertThat(rule.priority()).isEqualTo(10);
    assertThat(match.sources().get(0).addressDefinition()).isEqualTo("192.0.2.0/24");
    assertThat(match.destinations()).hasSize(2);
    assertThat(match.sourcePorts().get(0).fromPort()).isEqualTo(1024);
    assertThat(match.protocols()).containsExactly(6, 17);
    assertThat(match.tcpFlags().get(0).flags()).containsExactly(TCPFlag.SYN);
    assertThat(rule.ruleDefinition().actions()).containsExactly("aws:drop", "PartnerAudit");
  }

  @Test
  void update_shouldStoreTheGroupExactlyAndRotateTheToken() throws Exception {
    RuleGroupRead before = firewall.describe();
    RuleGroup group = asRead(foreignGroup());

    firewall.update(before, group);

    assertThat(stub.ruleGroupJson()).isEqualTo(foreignGroup());
    RuleGroupRead after = firewall.describe();
    assertThat(after.updateToken()).isNotEqualTo(before.updateToken());
    assertThat(after.ruleGroup()).isEqualTo(group);
  }

  @Test
  void update_shouldKeepForeignRulesAndCustomActionsExactly_whenGuardwallAddsItsRules()
      throws Exception {
    ObjectNode foreign = foreignGroup();
    stub.replaceRuleGroup(foreign);
    RuleGroupRead snapshot = firewall.describe();
    RuleGroup withOurs =
        new StatelessRuleGroupCodec(RuleGroupLayout.defaults())
            .render(snapshot.ruleGroup(), List.of(Cidr.parse("198.51.100.7/32")));

    firewall.update(snapshot, withOurs);

    ObjectNode stored = stub.ruleGroupJson();
    assertThat(rules(stored)).hasSize(rules(foreign).size() + 2);
    assertThat(stub.addresses()).containsExactly("198.51.100.7/32");
    assertThat(withoutGuardwall(stored)).isEqualTo(foreign);
  }

  @Test
  void update_shouldThrowConflictWithoutSdkRetry_whenAnotherWriterChangedTheGroup() {
    RuleGroupRead snapshot = firewall.describe();
    stub.replaceRuleGroup(stub.ruleGroupJson());

    assertThatThrownBy(() -> firewall.update(snapshot, snapshot.ruleGroup()))
        .isInstanceOf(FirewallConflictException.class)
        .hasMessageContaining(NetworkFirewallStub.RULE_GROUP_ARN);
    assertThat(stub.counts().updates()).isEqualTo(1);
    assertThat(stub.counts().conflicts()).isEqualTo(1);
  }

  @Test
  void describe_shouldThrowRetryableWithoutSdkRetry_whenThrottled() {
    stub.faults(1.0, 0, 0, 1);

    assertThatThrownBy(firewall::describe)
        .isInstanceOf(FirewallRetryableException.class)
        .isNotInstanceOf(FirewallConflictException.class)
        .hasMessageContaining("ThrottlingException");
    assertThat(stub.counts().describes()).isEqualTo(1);
  }

  @Test
  void update_shouldThrowRetryableWithoutSdkRetry_whenServiceFails() {
    RuleGroupRead snapshot = firewall.describe();
    stub.faults(0, 0, 1.0, 1);

    assertThatThrownBy(() -> firewall.update(snapshot, snapshot.ruleGroup()))
        .isInstanceOf(FirewallRetryableException.class)
        .isNotInstanceOf(FirewallConflictException.class)
        .hasMessageContaining("HTTP 500");
    assertThat(stub.counts().updates()).isEqualTo(1);
  }

  @Test
  void describe_shouldThrowRetryable_whenEndpointIsUnreachable() {
    NetworkFirewallStub gone = NetworkFirewallStub.start(10);
    gone.close();
    try (NetworkFirewallClient client = NetworkFirewallStub.clientFor(gone.endpoint())) {
      StatelessRuleGroup unreachable =
          new NetworkFirewallRuleGroup(
              client, RuleGroupArn.parse(NetworkFirewallStub.RULE_GROUP_ARN));

      assertThatThrownBy(unreachable::describe)
          .isInstanceOf(FirewallRetryableException.class)
          .hasMessageContaining("could not reach Network Firewall");
    }
  }

  @Test
  void open_shouldUseTheStandardEndpointSetting_whenItBuildsItsOwnClient() {
    // The system-property forms of AWS_ENDPOINT_URL_NETWORK_FIREWALL and the credentials, which
    // the SDK reads the same way as the environment variables.
    Map<String, String> properties =
        Map.of(
            "aws.endpointUrlNetworkFirewall", stub.endpoint().toString(),
            "aws.accessKeyId", "test",
            "aws.secretAccessKey", "test");
    properties.forEach(System::setProperty);
    try {
      EnforcementPoint own =
          EnforcementPoints.open(NetworkFirewallStub.RULE_GROUP_ARN, RuleGroupLayout.defaults());

      assertThat(own.read().version()).isEqualTo(stub.updateToken());
    } finally {
      properties.keySet().forEach(System::clearProperty);
    }
  }

  @Test
  void update_shouldFailClearlyAndFinally_whenGroupExceedsCapacity() {
    NetworkFirewallStub small = NetworkFirewallStub.start(2);
    try (small) {
      StatelessRuleGroup tiny = small.firewall();
      RuleGroupRead snapshot = tiny.describe();
      RuleGroup group =
          RuleGroup.builder()
              .rulesSource(
                  s ->
                      s.statelessRulesAndCustomActions(
                          c ->
                              c.statelessRules(
                                  r ->
                                      r.priority(1)
                                          .ruleDefinition(
                                              d ->
                                                  d.actions("aws:drop")
                                                      .matchAttributes(
                                                          m ->
                                                              m.sources(
                                                                  a ->
                                                                      a.addressDefinition(
                                                                          "192.0.2.1/32"),
                                                                  a ->
                                                                      a.addressDefinition(
                                                                          "192.0.2.3/32"),
                                                                  a ->
                                                                      a.addressDefinition(
                                                                          "192.0.2.5/32")))))))
              .build();

      assertThatThrownBy(() -> tiny.update(snapshot, group))
          .isInstanceOf(FirewallException.class)
          .isNotInstanceOf(FirewallRetryableException.class)
          .hasMessageContaining(
              "UpdateRuleGroup on rule group " + NetworkFirewallStub.RULE_GROUP_ARN)
          .hasMessageContaining("InvalidRequestException")
          .hasMessageContaining("exceeds its capacity of 2");
      assertThat(small.counts().rejected()).isEqualTo(1);
    }
  }

  @Test
  void describe_shouldFailClearlyAndFinally_whenRuleGroupDoesNotExist() {
    StatelessRuleGroup missing =
        new NetworkFirewallRuleGroup(stub.client(), RuleGroupArn.parse(OTHER_ARN));

    assertThatThrownBy(missing::describe)
        .isInstanceOf(FirewallException.class)
        .isNotInstanceOf(FirewallRetryableException.class)
        .hasMessageContaining("DescribeRuleGroup on rule group " + OTHER_ARN)
        .hasMessageContaining("ResourceNotFoundException");
  }

  @Test
  void reconcile_shouldConvergeAndKeepForeignRules_whenThirtyPercentOfCallsFail() throws Exception {
    stub.replaceRuleGroup(foreignGroup());
    stub.faults(0.1, 0.1, 0.1, 42);
    TargetsReconciler reconciler =
        reconciler(new RetryPolicy(40, Duration.ofMillis(1), Duration.ofMillis(5)));
    int conflicts = 0;

    for (int round = 0; round < 20; round++) {
      List<String> expected = cidrs(0, 10 * round + 10);
      upsert(10 * round, 10 * round + 10);
      TargetReport result = reconciler.reconcile().targets().get(0);
      conflicts += result.conflicts();

      assertThat(result.updated()).isTrue();
      assertThat(stub.addresses()).containsExactlyElementsOf(expected);
    }

    NetworkFirewallStub.Counts counts = stub.counts();
    assertThat(counts.successfulUpdates()).isEqualTo(20);
    assertThat(counts.throttles()).isPositive();
    assertThat(counts.serverErrors()).isPositive();
    assertThat(counts.races()).isPositive();
    assertThat(conflicts).isEqualTo(counts.conflicts());
    assertThat(withoutGuardwall(stub.ruleGroupJson())).isEqualTo(foreignGroup());
    assertThat(reconciler.reconcile().updated()).isFalse();
  }

  @Test
  void reconcile_shouldReportAClearError_whenRetriesAreExhausted() {
    upsert(0, 3);
    stub.faults(1.0, 0, 0, 3);
    TargetsReconciler reconciler = reconciler(RetryPolicy.immediate(3));

    TargetReport report = reconciler.reconcile().targets().get(0);

    assertThat(report.failed()).isTrue();
    assertThat(report.error())
        .contains(NetworkFirewallStub.RULE_GROUP_ARN, "after 3 attempts", "ThrottlingException");
    assertThat(stub.counts().describes()).isEqualTo(3);
    assertThat(stub.addresses()).isEmpty();
  }

  @Test
  void request_shouldConvergeWithFewUpdates_when16ThreadsUpsertAndRequestConcurrently()
      throws Exception {
    stub.faults(0.1, 0.1, 0.02, 11);
    CoalescingReconciler<TargetsResult> coalescing =
        CoalescingReconciler.of(
            reconciler(new RetryPolicy(40, Duration.ofMillis(1), Duration.ofMillis(20))));
    int threads = 16;
    int perThread = 500 / threads + 1;

    List<Boolean> ownIncluded =
        Race.run(
            threads,
            thread -> {
              List<Boolean> seen = new ArrayList<>();
              for (int chunk = 0; chunk < 2; chunk++) {
                int from = thread * perThread + chunk * perThread / 2;
                int to = Math.min(500, thread * perThread + (chunk + 1) * perThread / 2);
                List<String> own = upsert(from, to);
                TargetReport result = coalescing.request().targets().get(0);
                seen.add(result.blocked().stream().map(Cidr::value).toList().containsAll(own));
              }
              return seen;
            });

    assertThat(ownIncluded).hasSize(2 * threads).containsOnly(true);
    assertThat(stub.addresses()).containsExactlyInAnyOrderElementsOf(cidrs(0, 500));
    assertThat(stub.updates()).isLessThanOrEqualTo(20);
  }

  private TargetsReconciler reconciler(RetryPolicy retry) {
    return new TargetsReconciler(
        List.of(
            EnforcementPoints.open(
                NetworkFirewallStub.RULE_GROUP_ARN,
                RuleGroupLayout.defaults(),
                region -> stub.client())),
        store,
        new TargetSelector(
            io.guardwall.core.policy.SafetyRule.of(
                io.guardwall.core.config.GuardwallConfig.defaults())),
        Clock.fixed(NOW, ZoneOffset.UTC),
        retry);
  }

  /** Upserts addresses {@code from} until {@code to}; their CIDRs. */
  private List<String> upsert(int from, int to) {
    List<String> cidrs = cidrs(from, to);
    cidrs.forEach(cidr -> store.upsert(Sighting.of(cidr, NOW).build()));
    return cidrs;
  }

  /**
   * Public addresses {@code from} until {@code to}, ascending, no two of which merge into a wider
   * CIDR (odd last octets).
   */
  private static List<String> cidrs(int from, int to) {
    List<String> cidrs = new ArrayList<>();
    for (int i = from; i < to; i++) {
      cidrs.add("11.0." + (i / 100) + "." + (2 * (i % 100) + 1) + "/32");
    }
    return cidrs;
  }

  static ObjectNode foreignGroup() throws Exception {
    return (ObjectNode)
        new ObjectMapper()
            .readTree(Resources.text(NetworkFirewallRuleGroupIT.class, "foreign-rule-group.json"));
  }

  /** {@code json} as the SDK reads it from the wire. */
  private static RuleGroup asRead(ObjectNode json) {
    try (NetworkFirewallStub other = NetworkFirewallStub.start(1_200)) {
      other.replaceRuleGroup(json);
      RuleGroup group = other.firewall().describe().ruleGroup();
      assertThat(group).isNotNull();
      return group;
    }
  }

  private static ArrayNode rules(ObjectNode group) {
    return (ArrayNode)
        group.path("RulesSource").path("StatelessRulesAndCustomActions").path("StatelessRules");
  }

  /** {@code group} without the rules and the custom action of the default layout. */
  private static ObjectNode withoutGuardwall(ObjectNode group) {
    RuleGroupLayout layout = RuleGroupLayout.defaults();
    Set<Integer> ours = Set.of(layout.sourcePriority(), layout.destinationPriority());
    rules(group).removeIf(rule -> ours.contains(rule.path("Priority").asInt()));
    ArrayNode actions =
        (ArrayNode)
            group.path("RulesSource").path("StatelessRulesAndCustomActions").path("CustomActions");
    actions.removeIf(a -> a.path("ActionName").asText().equals(layout.customActionName()));
    return group;
  }
}
