package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/** {@link GuardwallApp#synth} with the repository's own cdk.json, as {@code guardwall synth}. */
@Needs(ExternalTool.NODE)
class GuardwallAppTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path out;
  private static Map<String, Object> context;
  private static Path template;

  @BeforeAll
  static void synth() {
    context = new HashMap<>(GuardwallApp.readContext(Synthesized.CDK_JSON));
    context.put("lambdaJar", Synthesized.STAND_IN_JAR.toString());
    template = GuardwallApp.synth(out, context);
  }

  @Test
  void readContext_shouldReadTheShippedCdkJson_withEveryKeyKnown() {
    assertThat(context).containsEntry("notifyThreshold", "MEDIUM").containsKey("ruleGroupCapacity");
    assertThat(context.keySet())
        .allMatch(
            k ->
                ContextProps.KEYS.contains(k)
                    || k.equals(GuardwallApp.STACK_NAME)
                    || k.startsWith("@aws-cdk"));
  }

  @Test
  void readContext_shouldBeEmpty_whenTheFileDoesNotExist() {
    assertThat(GuardwallApp.readContext(out.resolve("missing.json"))).isEmpty();
  }

  @Test
  void synth_shouldWriteTheTemplateAndTheJarAsset_intoOutDir() throws Exception {
    assertThat(template).startsWith(out).hasFileName("Guardwall.template.json");
    JsonNode json = JSON.readTree(template.toFile());
    assertThat(json.path("Resources").size()).isGreaterThan(50);
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("asset."));
    }
  }

  @Test
  void synth_shouldNameTheKey_whenContextIsBad() {
    Map<String, Object> bad = new HashMap<>(context);
    bad.put("blockDuration", "forever");
    assertThatThrownBy(() -> GuardwallApp.synth(out.resolve("bad"), bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blockDuration");
  }

  @Test
  void errors_shouldNameEachErrorWithItsPath_andNothingElse() {
    App app = new App();
    Stack stack = new Stack(app, "S");
    Construct inner = new Construct(stack, "Inner");
    Annotations.of(inner).addError("boom");
    Annotations.of(inner).addWarning("only a warning");

    assertThat(GuardwallApp.errors(stack)).containsExactly("S/Inner: boom");
  }

  @Test
  void synth_shouldSayHowToBuildTheJar_whenTheLambdaJarIsMissing() {
    Map<String, Object> missing = new HashMap<>(context);
    missing.put("lambdaJar", out.resolve("nope.jar").toString());
    assertThatThrownBy(() -> GuardwallApp.synth(out.resolve("missing"), missing))
        .hasMessageContaining("nope.jar")
        .hasMessageContaining("mvn -B package -pl lambda -am");
  }

  @Test
  void contextArguments_shouldReadEachPair_asTheCdkCliTakesThem() {
    assertThat(
            GuardwallApp.contextArguments(
                List.of("-c", "memberStack=true", "--context", "allowList=a=b,c")))
        .containsExactly(Map.entry("memberStack", "true"), Map.entry("allowList", "a=b,c"));
  }

  @Test
  void contextArguments_shouldNameTheArgument_whenItIsNotAPair() {
    assertThatThrownBy(() -> GuardwallApp.contextArguments(List.of("-c", "memberStack")))
        .hasMessageContaining("synth takes -c key=value arguments, got: -c memberStack");
    assertThatThrownBy(() -> GuardwallApp.contextArguments(List.of("--verbose")))
        .hasMessageContaining("got: --verbose");
  }
}
