package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

/** cdk-nag AwsSolutions (applied by the app) finds nothing unsuppressed; suppressions say why. */
@Needs(ExternalTool.NODE)
class NagTest {

  private static Synthesized app;
  private static Annotations annotations;

  @BeforeAll
  static void synth() {
    app = Synthesized.defaults();
    annotations = Annotations.fromStack(app.stack());
  }

  @Test
  void awsSolutions_shouldReportNoErrors() {
    assertThat(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
        .extracting(m -> m.getId() + " " + m.getEntry().getData())
        .isEmpty();
  }

  @Test
  void awsSolutions_shouldReportNoWarnings() {
    assertThat(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))
        .extracting(m -> m.getId() + " " + m.getEntry().getData())
        .isEmpty();
  }

  @Test
  void synthesis_shouldReportNoOtherErrorsOrWarnings() {
    assertThat(annotations.findError("*", Match.anyValue())).isEmpty();
    assertThat(annotations.findWarning("*", Match.anyValue())).isEmpty();
  }

  @Test
  void everySuppression_shouldGiveAReason() {
    List<JsonNode> suppressions = new ArrayList<>();
    app.json()
        .path("Resources")
        .forEach(r -> r.at("/Metadata/cdk_nag/rules_to_suppress").forEach(suppressions::add));
    assertThat(suppressions).isNotEmpty();
    assertThat(suppressions)
        .allSatisfy(
            s -> {
              assertThat(s.path("id").asText()).startsWith("AwsSolutions-");
              assertThat(s.path("reason").asText()).hasSizeGreaterThan(40);
            });
  }

  @Test
  void suppressions_shouldBeOnlyTheAcceptedFindings() {
    List<String> ids = new ArrayList<>();
    app.json()
        .path("Resources")
        .forEach(
            r ->
                r.at("/Metadata/cdk_nag/rules_to_suppress")
                    .forEach(s -> ids.add(s.path("id").asText())));
    assertThat(ids.stream().distinct())
        .containsExactlyInAnyOrder(
            "AwsSolutions-SMG4", "AwsSolutions-SQS3", "AwsSolutions-L1", "AwsSolutions-IAM5");
  }
}
