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
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The maintenance state machine, as synthesized, executed by moto's ASL interpreter with canned
 * results for its Lambda tasks: the digest gets what the prune and the reconcile reported, and a
 * task that keeps failing alerts in Slack and fails the execution.
 */
@Needs({ExternalTool.NODE, ExternalTool.MOTO})
@ExtendWith(MotoServer.class)
class MaintenanceFlowIT {

  private static final String MACHINE = "guardwall-maintenance";
  private static final String SCHEDULED = "{\"source\":\"aws.events\",\"detail\":{}}";
  private static final String PRUNED = "{\"deleted\":3,\"cidrs\":[\"198.51.100.7/32\"]}";
  private static final String ADDED =
      "{\"cidr\":\"203.0.113.7/32\",\"expiresAt\":\"2030-01-01T00:00:00Z\",\"severity\":\"HIGH\"}";
  private static final String RECONCILED =
      "{\"updated\":true,\"evicted\":[\"192.0.2.9/32\"],\"evictedCount\":1,"
          + "\"added\":["
          + ADDED
          + "],\"addedCount\":1}";
  private static final String POSTED = "{\"messages\":2}";

  private static String definition;
  private static SfnClient sfn;
  private String machineArn;

  @BeforeAll
  static void synth() throws Exception {
    definition =
        MotoStepFunctions.withQuickRetries(
            Synthesized.defaults().stateMachines().get("Maintenance").definition());
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
  void run_shouldPruneReconcileThenDigestWhatBothReported() throws Exception {
    MotoStepFunctions.cannedResults(List.of(PRUNED, RECONCILED, POSTED));

    Execution run = run("scheduled");

    assertThat(run.description().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(run.statesEntered())
        .containsExactly("Prune expired", "Reconcile firewall", "Post digest");
    List<JsonNode> inputs = run.lambdaInputs();
    assertThat(inputs.get(0).path("trigger").asText()).isEqualTo("schedule");
    assertThat(inputs.get(1).path("execution").asText())
        .isEqualTo(run.description().executionArn());
    assertThat(inputs.get(2))
        .isEqualTo(
            Execution.parse(
                "{\"added\":["
                    + ADDED
                    + "],\"addedCount\":1,\"evicted\":[\"192.0.2.9/32\"],\"evictedCount\":1,"
                    + "\"expired\":[\"198.51.100.7/32\"],\"expiredCount\":3}"));
  }

  static Stream<Arguments> failingTasks() {
    return Stream.of(
        Arguments.of("Prune expired", List.of()),
        Arguments.of("Post digest", List.of(PRUNED, RECONCILED)));
  }

  @ParameterizedTest
  @MethodSource("failingTasks")
  void failingTask_shouldAlertInSlackThenFailWithItsError_afterItsRetries(
      String task, List<String> before) throws Exception {
    List<String> results = new ArrayList<>(before);
    // One attempt and the two retries of States.ALL; Lambda's own errors are not involved.
    for (int i = 0; i < 3; i++) {
      results.add(MotoStepFunctions.failingResult());
    }
    MotoStepFunctions.cannedResults(results);

    Execution run = run("failing-task");

    assertThat(run.description().status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(run.description().error()).isEqualTo(MotoStepFunctions.OVERSIZED_ERROR);
    List<String> states = run.statesEntered();
    assertThat(states.subList(states.size() - 3, states.size()))
        .containsExactly(task, Flow.ALERT_STATE, Flow.FAILED_STATE);
    JsonNode alert = run.lambdaInputs().get(run.lambdaInputs().size() - 1);
    assertThat(alert.path("stateMachine").asText()).isEqualTo(MACHINE);
    assertThat(alert.at("/error/Error").asText()).isEqualTo(MotoStepFunctions.OVERSIZED_ERROR);
  }

  private Execution run(String name) {
    return MotoStepFunctions.run(sfn, machineArn, name, SCHEDULED);
  }
}
