package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.aws.MotoServer;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The block state machine, as synthesized, executed by moto's ASL interpreter with canned results
 * for its Lambda tasks: the new-address, known-address and failure paths.
 */
@Needs({ExternalTool.NODE, ExternalTool.MOTO})
@ExtendWith(MotoServer.class)
class BlockFlowIT {

  private static final String MACHINE = "guardwall-block";
  private static final String EVENT =
      """
      {"source":"aws.guardduty","detail-type":"GuardDuty Finding","detail":{"id":"f-1"}}""";
  private static final String BLOCKED =
      """
      {"cidr":"203.0.113.7/32","expiresAt":"2030-01-01T00:00:00Z","findingId":"f-1",\
      "findingType":"UnauthorizedAccess:EC2/SSHBruteForce","severity":"HIGH"}""";
  private static final String NEW_IP = "{\"changed\":true,\"newlyBlocked\":[" + BLOCKED + "]}";
  private static final String RECONCILED = "{\"updated\":true,\"evicted\":[]}";
  private static final String NOTIFIED = "{\"posted\":true}";

  private static String definition;
  private static SfnClient sfn;
  private String machineArn;

  @BeforeAll
  static void synth() throws Exception {
    definition =
        MotoStepFunctions.withQuickRetries(
            Synthesized.defaults().stateMachines().get("Block").definition());
    sfn = MotoServer.client(SfnClient.builder());
  }

  @AfterAll
  static void close() {
    sfn.close();
  }

  @BeforeEach
  void createStateMachine() throws Exception {
    MotoStepFunctions.enable();
    machineArn =
        sfn.createStateMachine(
                b -> b.name(MACHINE).definition(definition).roleArn(MotoStepFunctions.ROLE))
            .stateMachineArn();
  }

  @Test
  void newIp_shouldReconcileThenNotifyBlocked_whenRecordReportsAChange() throws Exception {
    MotoStepFunctions.cannedResults(List.of(NEW_IP, RECONCILED, NOTIFIED));

    Execution run = run("new-ip");

    assertThat(run.description().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(run.statesEntered())
        .containsExactly(
            "Record findings",
            "New or changed?",
            "Reconcile firewall",
            "Anything newly blocked?",
            "Notify blocked",
            "Done");
    List<JsonNode> inputs = run.lambdaInputs();
    assertThat(inputs.get(0)).isEqualTo(Execution.parse(EVENT));
    assertThat(inputs.get(1).path("trigger").asText()).isEqualTo("block");
    assertThat(inputs.get(1).path("execution").asText())
        .isEqualTo(run.description().executionArn());
    assertThat(inputs.get(2))
        .isEqualTo(Execution.parse("{\"newlyBlocked\":[" + BLOCKED + "],\"evicted\":[]}"));
    assertThat(Execution.parse(run.description().output()).path("notify"))
        .isEqualTo(Execution.parse(NOTIFIED));
  }

  @Test
  void knownIp_shouldSucceedWithoutReconcile_whenRecordReportsNoChange() throws Exception {
    MotoStepFunctions.cannedResults(List.of("{\"changed\":false,\"newlyBlocked\":[]}"));

    Execution run = run("known-ip");

    assertThat(run.description().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(run.statesEntered())
        .containsExactly("Record findings", "New or changed?", "Nothing new");
    assertThat(run.lambdaInputs()).hasSize(1);
  }

  @Test
  void changedIp_shouldReconcileButNotNotify_whenNothingIsNewlyBlocked() throws Exception {
    MotoStepFunctions.cannedResults(List.of("{\"changed\":true,\"newlyBlocked\":[]}", RECONCILED));

    Execution run = run("extended-ip");

    assertThat(run.description().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(run.statesEntered())
        .containsExactly(
            "Record findings",
            "New or changed?",
            "Reconcile firewall",
            "Anything newly blocked?",
            "Done");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"changed\":\"true\"}",
        "{\"changed\":null}",
        "{\"changed\":1}",
        "\"changed\"",
        "[true]"
      })
  void recordResult_shouldCountAsNoChange_whenChangedIsMissingOrNotTrue(String result)
      throws Exception {
    MotoStepFunctions.cannedResults(List.of(result));

    Execution run = run("odd-record-result");

    assertThat(run.description().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(run.statesEntered())
        .containsExactly("Record findings", "New or changed?", "Nothing new");
  }

  static Stream<Arguments> failingTasks() {
    return Stream.of(
        Arguments.of("Record findings", List.of()),
        Arguments.of("Notify blocked", List.of(NEW_IP, RECONCILED)));
  }

  @ParameterizedTest
  @MethodSource("failingTasks")
  void failingTask_shouldAlertInSlackThenFailWithItsError_afterItsRetries(
      String task, List<String> before) throws Exception {
    List<String> results = new ArrayList<>(before);
    // One attempt and the two retries of States.ALL; Lambda's own errors are not involved.
    results.addAll(List.of(failingResult(), failingResult(), failingResult()));
    MotoStepFunctions.cannedResults(results);

    Execution run = run("failing-task");

    assertThat(run.description().status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(run.description().error()).isEqualTo(MotoStepFunctions.OVERSIZED_ERROR);
    assertThat(run.description().cause()).contains("payload size exceeded");
    assertThat(run.lambdaErrors()).containsExactly(oversized(), oversized(), oversized());
    List<String> states = run.statesEntered();
    assertThat(states.subList(states.size() - 3, states.size()))
        .containsExactly(task, Flow.ALERT_STATE, Flow.FAILED_STATE);
    JsonNode alert = run.lambdaInputs().get(run.lambdaInputs().size() - 1);
    assertThat(alert.path("stateMachine").asText()).isEqualTo(MACHINE);
    assertThat(alert.path("execution").asText()).isEqualTo(run.description().executionArn());
    assertThat(alert.at("/error/Error").asText()).isEqualTo(MotoStepFunctions.OVERSIZED_ERROR);
  }

  private Execution run(String name) {
    return MotoStepFunctions.run(sfn, machineArn, name, EVENT);
  }

  private static String failingResult() {
    return MotoStepFunctions.failingResult();
  }

  private static String oversized() {
    return MotoStepFunctions.OVERSIZED_ERROR;
  }
}
