package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cfn-lint accepts the template {@link GuardwallApp#synth} writes (W3005 aside). */
@Needs({ExternalTool.NODE, ExternalTool.CFN_LINT})
class CfnLintTest {

  @TempDir static Path out;
  @TempDir static Path variantOut;
  @TempDir static Path optionsOut;
  @TempDir static Path wafOnlyOut;
  @TempDir static Path memberOut;
  @TempDir static Path slackOut;
  private static Path template;
  private static Path variantTemplate;

  @BeforeAll
  static void synth() {
    template = GuardwallApp.synth(out, Synthesized.context(Map.of()));
    variantTemplate =
        GuardwallApp.synth(variantOut, Synthesized.context(GuardwallVariantsTest.CONTEXT));
  }

  @Test
  void cfnLint_shouldAcceptTheTemplate_exceptW3005() throws Exception {
    assertLintClean(template);
  }

  @Test
  void cfnLint_shouldAcceptTheTemplate_withEveryOptionGiven() throws Exception {
    assertLintClean(variantTemplate);
  }

  @Test
  void cfnLint_shouldAcceptTheTemplate_withEveryEnforcementPoint() throws Exception {
    assertLintClean(
        GuardwallApp.synth(optionsOut, Synthesized.context(EnforcementOptionsTest.CONTEXT)));
  }

  @Test
  void cfnLint_shouldAcceptTheTemplate_withWafOnlyForCloudFront() throws Exception {
    assertLintClean(GuardwallApp.synth(wafOnlyOut, Synthesized.context(WafOnlyTest.CONTEXT)));
  }

  @Test
  void cfnLint_shouldAcceptTheTemplate_withSlackInteractivity() throws Exception {
    assertLintClean(
        GuardwallApp.synth(slackOut, Synthesized.context(SlackInteractivityTest.CONTEXT)));
  }

  @Test
  void cfnLint_shouldAcceptTheMemberStacksTemplate() throws Exception {
    assertLintClean(
        GuardwallApp.synth(memberOut, Synthesized.context(GuardwallMemberStackTest.CONTEXT)));
  }

  private static void assertLintClean(Path template) throws Exception {
    Process lint =
        new ProcessBuilder(List.of("cfn-lint", "-i", "W3005", "--", template.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(lint.waitFor(5, TimeUnit.MINUTES)).as("cfn-lint finished").isTrue();
    assertThat(lint.exitValue()).as("cfn-lint output:\n%s", output).isZero();
  }

  @Test
  void cfnLint_shouldReject_aBrokenTemplate() throws IOException, InterruptedException {
    Path broken = out.resolve("broken.json");
    java.nio.file.Files.writeString(
        broken,
        "{\"Resources\":{\"T\":{\"Type\":\"AWS::DynamoDB::Table\",\"Properties\":{\"BillingMode\":\"FREE\"}}}}");
    Process lint =
        new ProcessBuilder("cfn-lint", "--", broken.toString()).redirectErrorStream(true).start();
    lint.getInputStream().readAllBytes();
    assertThat(lint.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(lint.exitValue()).isNotZero();
  }
}
