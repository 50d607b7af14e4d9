package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** A WAF-only deployment for CloudFront: no Network Firewall rule group at all. */
@Needs(ExternalTool.NODE)
class WafOnlyTest {

  static final Map<String, Object> CONTEXT =
      Map.of("statelessRuleGroup", false, "wafScope", "CLOUDFRONT");

  private static Synthesized app;
  private static Template template;

  @BeforeAll
  static void synth() {
    app = Synthesized.app(CONTEXT);
    template = app.template();
  }

  @Test
  void ruleGroups_shouldNotBeCreated_whenStatelessIsOff() {
    template.resourceCountIs("AWS::NetworkFirewall::RuleGroup", 0);
    assertThat(app.json().at("/Outputs/RuleGroupArn").isMissingNode()).isTrue();
    assertThat(IamStatements.of(app).all())
        .flatExtracting(IamStatements.Statement::actions)
        .noneMatch(a -> a.startsWith("network-firewall:"));
  }

  @Test
  void functions_shouldGetOnlyTheWafTarget_whenStatelessIsOff() {
    JsonNode env =
        app.resources("AWS::Lambda::Function")
            .values()
            .iterator()
            .next()
            .at("/Properties/Environment/Variables");
    assertThat(env.has("GUARDWALL_RULE_GROUP_ARN")).isFalse();
    assertThat(env.path(FunctionEnvironment.TARGETS).toString())
        .contains("GuardwallWafIpSetIpv4")
        .doesNotContain(" ");
  }

  @Test
  void wafResources_shouldHaveCloudFrontScope() {
    template.allResourcesProperties("AWS::WAFv2::IPSet", Map.of("Scope", "CLOUDFRONT"));
    template.allResourcesProperties("AWS::WAFv2::RuleGroup", Map.of("Scope", "CLOUDFRONT"));
  }

  @Test
  void template_shouldAssertUsEast1_whenTheRegionIsOnlyKnownAtDeploy() {
    JsonNode assertion = app.json().at("/Rules/GuardwallCloudFrontRegion/Assertions/0");
    assertThat(assertion.path("Assert").toString())
        .contains("Fn::Equals")
        .contains("AWS::Region")
        .contains("us-east-1");
  }

  @Test
  void synth_shouldFailNamingWafScope_whenCloudFrontIsDeployedElsewhere() {
    App other = App.Builder.create().context(Synthesized.context(CONTEXT)).build();
    GuardwallProps props = ContextProps.read(key -> other.getNode().tryGetContext(key));
    StackProps euWest1 =
        StackProps.builder()
            .env(Environment.builder().account("111122223333").region("eu-west-1").build())
            .build();
    assertThatThrownBy(() -> new GuardwallStack(other, "Guardwall", euWest1, props))
        .hasMessageContaining("wafScope=CLOUDFRONT")
        .hasMessageContaining("us-east-1")
        .hasMessageContaining("eu-west-1");
  }

  @Test
  void synth_shouldNotAssert_whenCloudFrontIsDeployedInUsEast1() {
    App usEast1 = App.Builder.create().context(Synthesized.context(CONTEXT)).build();
    GuardwallProps props = ContextProps.read(key -> usEast1.getNode().tryGetContext(key));
    GuardwallStack stack =
        new GuardwallStack(
            usEast1,
            "Guardwall",
            StackProps.builder()
                .env(Environment.builder().account("111122223333").region("us-east-1").build())
                .build(),
            props);
    assertThat(Template.fromStack(stack).toJSON()).doesNotContainKey("Rules");
  }
}
