package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.EnforcementPointContract;
import io.guardwall.core.port.FirewallException;
import io.guardwall.core.port.TargetKind;
import io.guardwall.core.port.TargetSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link NetworkFirewallTarget} through the real SDK client against {@link NetworkFirewallStub}.
 */
class NetworkFirewallTargetIT extends EnforcementPointContract {

  private static final ObjectMapper JSON = new ObjectMapper();
  private NetworkFirewallStub stub;
  private ObjectNode foreign;

  @Override
  protected EnforcementPoint newTarget(int room) {
    // One unit left over for a foreign rule; each CIDR costs two (source and destination rule).
    stub = NetworkFirewallStub.start(2 * room + 1);
    return EnforcementPoints.open(
        NetworkFirewallStub.RULE_GROUP_ARN, RuleGroupLayout.defaults(), region -> stub.client());
  }

  @Override
  protected boolean throttleNextCall() {
    stub.throttleNextCall();
    return true;
  }

  @Override
  protected boolean addForeignEntry() {
    foreign = JSON.createObjectNode();
    ObjectNode rule =
        foreign
            .putObject("RulesSource")
            .putObject("StatelessRulesAndCustomActions")
            .putArray("StatelessRules")
            .addObject()
            .put("Priority", 5);
    ObjectNode definition = rule.putObject("RuleDefinition");
    definition.putArray("Actions").add("aws:pass");
    definition
        .putObject("MatchAttributes")
        .putArray("Sources")
        .addObject()
        .put("AddressDefinition", "10.0.0.0/8");
    stub.replaceRuleGroup(foreign);
    return true;
  }

  @Override
  protected boolean foreignEntryIntact() {
    return stub.ruleGroupJson().toString().contains("10.0.0.0/8")
        && stub.ruleGroupJson()
            .path("RulesSource")
            .path("StatelessRulesAndCustomActions")
            .path("StatelessRules")
            .get(0)
            .equals(foreign.at("/RulesSource/StatelessRulesAndCustomActions/StatelessRules/0"));
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void read_shouldReportHalfTheRoomTheOtherRulesLeave() {
    addForeignEntry();

    TargetSnapshot snapshot = target.read();

    assertThat(snapshot.budget().total()).isEqualTo(ROOM);
    assertThat(target.kind()).isEqualTo(TargetKind.NETWORK_FIREWALL);
    assertThat(target.name()).isEqualTo(NetworkFirewallStub.RULE_GROUP_ARN);
  }

  @Test
  void apply_shouldWriteBothRulesAsUpdateRuleGroupTakesThem() {
    target.apply(target.read(), cidrs("192.0.2.1/32", "2001:db8::/64"));

    assertThat(stub.addresses()).containsExactly("192.0.2.1/32", "2001:db8::/64");
    assertThat(stub.ruleGroupJson().toString()).contains("\"Destinations\"");
  }

  @Test
  void read_shouldOnlyCountCidrsBlockedBothWays_whenSomeoneEditedOneRule() {
    target.apply(target.read(), cidrs("192.0.2.1/32", "192.0.2.9/32"));
    ObjectNode edited = stub.ruleGroupJson();
    ((com.fasterxml.jackson.databind.node.ArrayNode)
            edited.at(
                "/RulesSource/StatelessRulesAndCustomActions/StatelessRules/1/RuleDefinition/MatchAttributes/Destinations"))
        .remove(1);
    stub.replaceRuleGroup(edited);

    assertThat(target.read().blocked()).containsExactly(Cidr.parse("192.0.2.1/32"));
  }

  @Test
  void read_shouldFailNamingTheGroup_whenItIsNotStateless() {
    ObjectNode stateful = JSON.createObjectNode();
    stateful.putObject("RulesSource").put("RulesString", "pass tcp any any -> any any (sid:1;)");
    stub.replaceRuleGroup(stateful);

    assertThatThrownBy(() -> target.read())
        .isInstanceOf(FirewallException.class)
        .hasMessageContaining(NetworkFirewallStub.RULE_GROUP_ARN);
  }

  @Test
  void open_shouldNameTheSpec_whenItIsNoKnownTarget() {
    assertThatThrownBy(
            () -> EnforcementPoints.open("sg-123", RuleGroupLayout.defaults(), r -> stub.client()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown target 'sg-123'");
  }
}
