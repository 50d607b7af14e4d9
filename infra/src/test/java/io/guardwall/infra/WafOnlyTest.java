package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
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

  @BeforeAll
  static void synth() {
    app = Synthesized.app(CONTEXT);
  }

  @Test
  void ruleGroups_shouldNotBeCreated_whenStatelessIsOff() {
    app.template().resourceCountIs("AWS::NetworkFirewall::RuleGroup", 0);
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
    app.template().allResourcesProperties("AWS::WAFv2::IPSet", Map.of("Scope", "CLOUDFRONT"));
    app.template().allResourcesProperties("AWS::WAFv2::RuleGroup", Map.of("Scope", "CLOUDFRONT"));
  }

  @Test
  void template_shouldAssertUsEast1_whenTheRegionIsOnlyKnownAtDeploy() {
    JsonNode assertion = regionRule(app.json()).at("/Assertions/0");
    assertThat(assertion.path("Assert").toString())
        .contains("Fn::Equals")
        .contains("AWS::Region")
        .contains("us-east-1");
  }

  @Test
  void synth_shouldFailNamingWafScope_whenCloudFrontIsDeployedElsewhere() {
    assertThatThrownBy(() -> stackIn("eu-west-1"))
        .hasMessageContaining("wafScope=CLOUDFRONT")
        .hasMessageContaining("us-east-1")
        .hasMessageContaining("eu-west-1");
  }

  @Test
  void synth_shouldNotAssert_whenCloudFrontIsDeployedInUsEast1() {
    GuardwallStack stack = stackIn("us-east-1");
    JsonNode json = new ObjectMapper().valueToTree(Template.fromStack(stack).toJSON());
    assertThat(regionRule(json).isMissingNode()).isTrue();
  }

  /** The stack of {@link #CONTEXT} in {@code region} of a known account. */
  private static GuardwallStack stackIn(String region) {
    App app = App.Builder.create().context(Synthesized.context(CONTEXT)).build();
    GuardwallProps props = ContextProps.read(key -> app.getNode().tryGetContext(key));
    StackProps env =
        StackProps.builder()
            .env(Environment.builder().account("111122223333").region(region).build())
            .build();
    return new GuardwallStack(app, "Guardwall", env, props);
  }

  /** The template rule that checks the region; missing when there is none. */
  private static JsonNode regionRule(JsonNode template) {
    return template.path("Rules").properties().stream()
        .filter(e -> e.getKey().startsWith("GuardwallCloudFrontRegion"))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(MissingNode.getInstance());
  }
}
