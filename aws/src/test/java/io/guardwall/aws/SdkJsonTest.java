package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.testing.Resources;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.networkfirewall.model.MatchAttributes;
import software.amazon.awssdk.services.networkfirewall.model.RuleGroup;
import software.amazon.awssdk.services.networkfirewall.model.StatelessRule;
import software.amazon.awssdk.services.networkfirewall.model.TCPFlag;

class SdkJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void roundTrip_shouldBeLossless_whenGroupUsesTheWholeStatelessSubset() throws Exception {
    ObjectNode json = foreignGroup();

    RuleGroup model = toModel(json);

    assertThat(SdkJson.toJson(model)).isEqualTo(json);
  }

  @Test
  void fromJson_shouldFillTheSdkModel_whenGroupUsesTheWholeStatelessSubset() throws Exception {
    RuleGroup model = toModel(foreignGroup());

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
    assertThat(match.sourcePorts().get(0).toPort()).isEqualTo(65535);
    assertThat(match.destinationPorts()).hasSize(2);
    assertThat(match.protocols()).containsExactly(6, 17);
    assertThat(match.tcpFlags().get(0).flags()).containsExactly(TCPFlag.SYN);
    assertThat(match.tcpFlags().get(0).masks()).containsExactly(TCPFlag.SYN, TCPFlag.ACK);
    assertThat(rule.ruleDefinition().actions()).containsExactly("aws:drop", "PartnerAudit");
    assertThat(
            model
                .rulesSource()
                .statelessRulesAndCustomActions()
                .customActions()
                .get(0)
                .actionDefinition()
                .publishMetricAction()
                .dimensions())
        .extracting(d -> d.value())
        .containsExactly("partner-audit", "ssh and rdp");
  }

  @Test
  void toJson_shouldUseTheApiMemberNames_whenModelIsBuiltInJava() throws Exception {
    RuleGroup model =
        RuleGroup.builder()
            .rulesSource(
                s ->
                    s.statelessRulesAndCustomActions(
                        c ->
                            c.statelessRules(
                                r ->
                                    r.priority(5)
                                        .ruleDefinition(
                                            d ->
                                                d.actions("aws:drop")
                                                    .matchAttributes(
                                                        m ->
                                                            m.sources(
                                                                    a ->
                                                                        a.addressDefinition(
                                                                            "198.51.100.7/32"))
                                                                .tcpFlags(
                                                                    f -> f.flags(TCPFlag.SYN)))))))
            .build();

    assertThat(SdkJson.toJson(model))
        .isEqualTo(
            JSON.readTree(
                "{\"RulesSource\":{\"StatelessRulesAndCustomActions\":{\"StatelessRules\":[{"
                    + "\"RuleDefinition\":{\"MatchAttributes\":{"
                    + "\"Sources\":[{\"AddressDefinition\":\"198.51.100.7/32\"}],"
                    + "\"TCPFlags\":[{\"Flags\":[\"SYN\"]}]},"
                    + "\"Actions\":[\"aws:drop\"]},\"Priority\":5}]}}}"));
  }

  @Test
  void roundTrip_shouldKeepUnknownEnumValuesAndStatefulMembers_whenServiceSendsThem()
      throws Exception {
    ObjectNode json =
        (ObjectNode)
            JSON.readTree(
                "{\"RulesSource\":{\"RulesString\":\"pass ip any any -> any any (sid:1;)\"},"
                    + "\"StatefulRuleOptions\":{\"RuleOrder\":\"SOME_FUTURE_ORDER\"}}");

    assertThat(SdkJson.toJson(toModel(json))).isEqualTo(json);
  }

  @Test
  void roundTrip_shouldKeepHugeStrings_whenTheServiceIsLeftToJudgeThem() throws Exception {
    String huge = "x".repeat(1_000_000);
    ObjectNode json = JSON.createObjectNode();
    json.putObject("RulesSource").put("RulesString", huge);

    assertThat(SdkJson.toJson(toModel(json))).isEqualTo(json);
  }

  @Test
  void fromJson_shouldTreatJsonNullAsAbsent() throws Exception {
    RuleGroup model = toModel(JSON.readTree("{\"RuleVariables\":null}"));

    assertThat(model.ruleVariables()).isNull();
    assertThat(SdkJson.toJson(model)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[]|RuleGroup must be an object, not array []",
        "\"text\"|RuleGroup must be an object, not string \"text\"",
        "{\"Bogus\":1}|RuleGroup.Bogus is not a member the API documents",
        "{\"RulesSource\":{\"StatelessRulesAndCustomActions\":{\"StatelessRules\":{}}}}"
            + "|RuleGroup.RulesSource.StatelessRulesAndCustomActions.StatelessRules must be an"
            + " array, not object {}",
        "{\"RulesSource\":{\"StatelessRulesAndCustomActions\":{\"StatelessRules\":"
            + "[{\"Priority\":\"10\"}]}}}"
            + "|StatelessRules[0].Priority must be a 32-bit integer, not string \"10\"",
        "{\"RulesSource\":{\"StatelessRulesAndCustomActions\":{\"StatelessRules\":"
            + "[{\"Priority\":10.5}]}}}|StatelessRules[0].Priority must be a 32-bit integer",
        "{\"RulesSource\":{\"StatelessRulesAndCustomActions\":{\"StatelessRules\":"
            + "[{\"Priority\":4294967296}]}}}|StatelessRules[0].Priority must be a 32-bit integer",
        "{\"RulesSource\":{\"StatelessRulesAndCustomActions\":{\"StatelessRules\":"
            + "[{\"RuleDefinition\":{\"Actions\":[null]}}]}}}"
            + "|StatelessRules[0].RuleDefinition.Actions[0] must be a string, not null",
        "{\"RulesSource\":{\"StatelessRulesAndCustomActions\":{\"StatelessRules\":"
            + "[{\"RuleDefinition\":{\"MatchAttributes\":{\"Protocols\":[\"tcp\"]}}}]}}}"
            + "|MatchAttributes.Protocols[0] must be a 32-bit integer, not string \"tcp\"",
        "{\"RulesSource\":{\"StatelessRulesAndCustomActions\":{\"StatelessRules\":"
            + "[{\"RuleDefinition\":{\"MatchAttributes\":{\"TCPFlags\":[{\"Flags\":[1]}]}}}]}}}"
            + "|MatchAttributes.TCPFlags[0].Flags[0] must be a string, not number 1",
        "{\"RuleVariables\":{\"IPSets\":[]}}|RuleGroup.RuleVariables.IPSets must be an object",
        "{\"RuleVariables\":{\"IPSets\":{\"HOME\":{\"Definition\":\"10.0.0.0/8\"}}}}"
            + "|RuleGroup.RuleVariables.IPSets.HOME.Definition must be an array",
        "{\"RulesSource\":{\"RulesString\":true}}|RuleGroup.RulesSource.RulesString must be a"
            + " string, not boolean true",
      })
  void fromJson_shouldNameTheMember_whenJsonIsNotTheDocumentedShape(String json, String message)
      throws Exception {
    JsonNode node = JSON.readTree(json);

    assertThatThrownBy(() -> toModel(node))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void fromJson_shouldAbbreviateTheValue_whenAHugeValueHasTheWrongType() {
    ObjectNode json = JSON.createObjectNode();
    json.putObject("RulesSource").putArray("RulesString").add("y".repeat(100_000));

    assertThatThrownBy(() -> toModel(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("RuleGroup.RulesSource.RulesString must be a string, not array")
        .hasMessageEndingWith("...")
        .message()
        .hasSizeLessThan(200);
  }

  @Test
  void fromJson_shouldRejectMissingJson() {
    assertThatThrownBy(() -> toModel(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RuleGroup must be an object, not nothing");
  }

  @Test
  void toJson_shouldOmitAbsentListsButKeepEmptyOnes() {
    RuleGroup model =
        RuleGroup.builder()
            .rulesSource(s -> s.statelessRulesAndCustomActions(c -> c.statelessRules(List.of())))
            .build();

    assertThat(SdkJson.toJson(model).toString())
        .isEqualTo(
            "{\"RulesSource\":{\"StatelessRulesAndCustomActions\":{\"StatelessRules\":[]}}}");
  }

  static ObjectNode foreignGroup() throws Exception {
    return (ObjectNode) JSON.readTree(Resources.text(SdkJsonTest.class, "foreign-rule-group.json"));
  }

  private static RuleGroup toModel(JsonNode json) {
    return (RuleGroup) SdkJson.fromJson(json, RuleGroup::builder, "RuleGroup");
  }
}
