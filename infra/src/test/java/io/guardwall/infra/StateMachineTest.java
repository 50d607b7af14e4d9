package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.testing.ExternalTool;
import io.guardwall.core.testing.Needs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The state machines' definitions are valid ASL with retries and a visible failure path. */
@Needs(ExternalTool.NODE)
class StateMachineTest {

  private static final Set<String> TYPES =
      Set.of("Task", "Choice", "Succeed", "Fail", "Pass", "Wait", "Parallel", "Map");

  private static Map<String, Asl> machines;

  @BeforeAll
  static void synth() throws Exception {
    machines = Synthesized.defaults().stateMachines();
  }

  @Test
  void flows_shouldBeOnlyTheMaintenance_sinceTheQueueFunctionDoesThePerEventWork() {
    assertThat(machines).containsOnlyKeys("Maintenance");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Maintenance"})
  void definition_shouldBeWellFormedAsl(String flow) {
    Asl asl = machines.get(flow);
    assertThat(asl.state(asl.definition().path("StartAt").asText()).isObject()).isTrue();
    assertThat(asl.definition().path("TimeoutSeconds").asInt()).isPositive();
    for (String name : asl.names()) {
      JsonNode state = asl.state(name);
      assertThat(name.length()).isBetween(1, 80);
      assertThat(TYPES).contains(state.path("Type").asText());
      assertThat(Asl.successors(state)).allSatisfy(next -> assertThat(asl.names()).contains(next));
      if (Set.of("Task", "Pass", "Wait", "Parallel", "Map").contains(state.path("Type").asText())) {
        assertThat(state.has("Next") ^ state.path("End").asBoolean(false))
            .as("%s has exactly one of Next and End", name)
            .isTrue();
      }
      if (state.has("Parameters")) {
        assertThat(state.get("Parameters").isObject()).as("%s Parameters", name).isTrue();
      }
    }
    assertThat(asl.reachable()).containsExactlyInAnyOrderElementsOf(asl.names());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Maintenance"})
  void parameters_shouldListTheirFieldsInNameOrder_soEverySynthWritesTheSameDefinition(
      String flow) {
    Asl asl = machines.get(flow);
    for (String name : asl.names()) {
      List<String> fields = new ArrayList<>();
      asl.state(name).path("Parameters").fieldNames().forEachRemaining(fields::add);
      assertThat(fields).as("%s Parameters", name).isSorted();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Maintenance"})
  void everyTask_shouldRetryWithBackoffAndJitterAndCatchEverything(String flow) {
    Asl asl = machines.get(flow);
    assertThat(asl.tasks()).isNotEmpty();
    for (String task : asl.tasks()) {
      JsonNode state = asl.state(task);
      assertThat(state.path("Retry")).as(task).isNotEmpty();
      for (JsonNode retry : state.path("Retry")) {
        assertThat(retry.path("BackoffRate").asDouble()).as(task).isGreaterThan(1);
        assertThat(retry.path("JitterStrategy").asText()).as(task).isEqualTo("FULL");
        assertThat(retry.path("MaxAttempts").asInt()).as(task).isPositive();
      }
      JsonNode catchers = state.path("Catch");
      assertThat(catchers).as(task).hasSize(1);
      assertThat(IamStatements.strings(catchers.get(0).path("ErrorEquals")))
          .containsExactly("States.ALL");
      String expected = task.equals(Flow.ALERT_STATE) ? Flow.FAILED_STATE : Flow.ALERT_STATE;
      assertThat(catchers.get(0).path("Next").asText()).as(task).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Maintenance"})
  void failurePath_shouldAlertInSlackThenFailWithTheTasksError(String flow) {
    Asl asl = machines.get(flow);
    JsonNode alert = asl.state(Flow.ALERT_STATE);
    assertThat(alert.path("Resource").asText()).contains("AlertFailureAlias");
    assertThat(alert.path("Next").asText()).isEqualTo(Flow.FAILED_STATE);
    assertThat(alert.at("/Parameters/error.$").asText()).isEqualTo("$.error");
    JsonNode failed = asl.state(Flow.FAILED_STATE);
    assertThat(failed.path("Type").asText()).isEqualTo("Fail");
    assertThat(failed.path("ErrorPath").asText()).isEqualTo("$.error.Error");
    assertThat(failed.path("CausePath").asText()).isEqualTo("$.error.Cause");
    assertThat(asl.names().stream().filter(n -> "Fail".equals(asl.state(n).path("Type").asText())))
        .containsExactly(Flow.FAILED_STATE);
  }

  @Test
  void maintenanceFlow_shouldPruneThenReconcileThenPostTheDigestOfWhatChanged() {
    Asl asl = machines.get("Maintenance");
    JsonNode prune = asl.state(asl.definition().path("StartAt").asText());
    assertThat(prune.path("Resource").asText()).contains("MaintainAlias");
    assertThat(prune.path("ResultPath").asText()).isEqualTo("$.maintain");
    JsonNode reconcile = asl.state(prune.path("Next").asText());
    assertThat(reconcile.path("Resource").asText()).contains("ReconcileAlias");
    assertThat(reconcile.path("ResultPath").asText()).isEqualTo("$.reconcile");
    assertThat(List.of(reconcile.at("/Parameters/trigger").asText())).containsExactly("schedule");
    JsonNode digest = asl.state(reconcile.path("Next").asText());
    assertThat(digest.path("Resource").asText()).contains("MaintenanceDigestAlias");
    assertThat(digest.path("End").asBoolean()).isTrue();
    JsonNode p = digest.path("Parameters");
    assertThat(p.path("expired.$").asText()).isEqualTo("$.maintain.cidrs");
    assertThat(p.path("expiredCount.$").asText()).isEqualTo("$.maintain.deleted");
    assertThat(p.path("evicted.$").asText()).isEqualTo("$.reconcile.evicted");
    assertThat(p.path("evictedCount.$").asText()).isEqualTo("$.reconcile.evictedCount");
    assertThat(p.path("added.$").asText()).isEqualTo("$.reconcile.added");
    assertThat(p.path("addedCount.$").asText()).isEqualTo("$.reconcile.addedCount");
  }
}
