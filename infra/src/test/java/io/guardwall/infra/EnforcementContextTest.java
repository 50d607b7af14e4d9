package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import io.guardwall.infra.EnforcementSettings.WafScope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The enforcement-point context keys: defaults, typed and string values, and bad values. */
@Needs(ExternalTool.NODE)
class EnforcementContextTest {

  @Test
  void read_shouldFeedOnlyTheStatelessGroup_whenNoKeyIsGiven() {
    EnforcementSettings e = ContextProps.read(key -> null).enforcement();
    assertThat(e).isEqualTo(EnforcementSettings.statelessOnly());
    assertThat(e.isStatelessOnly()).isTrue();
    assertThat(e.prefixListMaxEntries()).isEqualTo(1000);
  }

  @Test
  void read_shouldTakeTypedValues_asCdkJsonHoldsThem() {
    EnforcementSettings e =
        read(
            Map.of(
                "statelessRuleGroup",
                false,
                "prefixLists",
                true,
                "prefixListMaxEntries",
                5000,
                "ramPrincipals",
                List.of("111122223333", " 444455556666 "),
                "statefulRuleOrder",
                "STRICT_ORDER",
                "wafScope",
                "CLOUDFRONT"));
    assertThat(e)
        .isEqualTo(
            new EnforcementSettings(
                false,
                true,
                5000,
                List.of("111122223333", "444455556666"),
                StatefulRuleOrder.STRICT_ORDER,
                WafScope.CLOUDFRONT));
  }

  @Test
  void read_shouldAcceptAnOrganizationalUnit_asARamPrincipal() {
    String ou = "arn:aws:organizations::111122223333:ou/o-abcdef1234/ou-ab12-cdef3456";
    assertThat(read(Map.of("prefixLists", "true", "ramPrincipals", ou)).ramPrincipals())
        .containsExactly(ou);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "statelessRuleGroup|no|context 'statelessRuleGroup': must be true or false, got no",
        "prefixLists|1|context 'prefixLists': must be true or false, got 1",
        "prefixListMaxEntries|many|context 'prefixListMaxEntries': must be a whole number",
        "prefixListMaxEntries|0|prefixListMaxEntries must be 1-100000: 0",
        "wafScope|GLOBAL|context 'wafScope': must be one of [REGIONAL, CLOUDFRONT], got GLOBAL",
        "wafScope|regional|context 'wafScope': must be one of [REGIONAL, CLOUDFRONT], got regional",
        "statefulRuleOrder|STRICT|context 'statefulRuleOrder': must be one of"
            + " [DEFAULT_ACTION_ORDER, STRICT_ORDER], got STRICT",
      })
  void read_shouldFailNamingTheKey_whenAValueIsBad(String key, String value, String message) {
    Map<String, Object> context = new HashMap<>(Map.of("prefixLists", "true"));
    context.put(key, value);
    assertThatThrownBy(() -> read(context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void read_shouldFailNamingTheKey_whenAPrincipalIsNotAnAccountOuOrOrganization() {
    assertThatThrownBy(
            () -> read(Map.of("prefixLists", "true", "ramPrincipals", "111122223333,everyone")))
        .hasMessageContaining("ramPrincipals: not an account id, OU ARN or organization ARN")
        .hasMessageContaining("everyone");
  }

  @Test
  void read_shouldFail_whenPrincipalsAreGivenWithoutPrefixLists() {
    assertThatThrownBy(() -> read(Map.of("ramPrincipals", "111122223333")))
        .hasMessageContaining("ramPrincipals")
        .hasMessageContaining("prefixLists=true");
  }

  @Test
  void read_shouldFail_whenNoEnforcementPointRemains() {
    assertThatThrownBy(() -> read(Map.of("statelessRuleGroup", "false")))
        .hasMessageContaining("statelessRuleGroup=false leaves no enforcement point");
  }

  @Test
  void read_shouldFail_whenARuleGroupArnIsGivenButTheStatelessGroupIsOff() {
    Map<String, Object> context =
        Map.of(
            "statelessRuleGroup", "false",
            "wafScope", "REGIONAL",
            "ruleGroupArn", GuardwallVariantsTest.RULE_GROUP_ARN);
    assertThatThrownBy(() -> read(context))
        .hasMessageContaining("ruleGroupArn")
        .hasMessageContaining("statelessRuleGroup is false");
  }

  private static EnforcementSettings read(Map<String, Object> context) {
    return ContextProps.read(context::get).enforcement();
  }
}
