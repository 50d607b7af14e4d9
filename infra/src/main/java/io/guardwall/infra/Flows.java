package io.guardwall.infra;

import java.util.Map;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.Condition;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.constructs.Construct;

/** The three state machines: block, notify and the scheduled maintenance; stateless. */
final class Flows {

  private Flows() {}

  /** Record → new or changed? → reconcile → anything newly blocked? → notify blocked. */
  static StateMachine block(Construct parent, Map<Task, ? extends IFunction> functions) {
    Flow flow = new Flow(parent, "BlockFlow", functions);
    Succeed done = Succeed.Builder.create(flow.scope(), "Done").build();
    LambdaInvoke record = flow.task(Task.RECORD, "Record findings", "$", "$.record");
    LambdaInvoke reconcile =
        flow.task(Task.RECONCILE, "Reconcile firewall", trigger("block"), "$.reconcile");
    // The digest leaves out what the reconcile evicted: those addresses are not blocked.
    LambdaInvoke notify =
        flow.task(
            Task.NOTIFY_BLOCKED,
            "Notify blocked",
            Flow.payload(
                Map.of(
                    "newlyBlocked", JsonPath.listAt("$.record.newlyBlocked"),
                    "evicted", JsonPath.listAt("$.reconcile.evicted"))),
            "$.notify");
    Choice anyNew =
        Choice.Builder.create(flow.scope(), "Anything newly blocked?")
            .build()
            .when(Condition.isPresent("$.record.newlyBlocked[0]"), notify.next(done))
            .otherwise(done);
    Choice changed =
        Choice.Builder.create(flow.scope(), "New or changed?")
            .build()
            .when(
                Condition.and(
                    Condition.isPresent("$.record.changed"),
                    Condition.booleanEquals("$.record.changed", true)),
                reconcile.next(anyNew))
            .otherwise(Succeed.Builder.create(flow.scope(), "Nothing new").build());
    return flow.stateMachine(
        record.next(changed), "guardwall: records a finding's addresses, blocks them, notifies");
  }

  /** Notify finding: one task, de-duplicated by the function. */
  static StateMachine notify(Construct parent, Map<Task, ? extends IFunction> functions) {
    Flow flow = new Flow(parent, "NotifyFlow", functions);
    LambdaInvoke notify = flow.task(Task.NOTIFY_FINDING, "Notify finding", "$", "$.notify");
    return flow.stateMachine(notify, "guardwall: posts findings at the notify threshold to Slack");
  }

  /** Prune expired entries, then reconcile (which also repairs drift and failed runs). */
  static StateMachine maintenance(Construct parent, Map<Task, ? extends IFunction> functions) {
    Flow flow = new Flow(parent, "MaintenanceFlow", functions);
    LambdaInvoke prune =
        flow.task(Task.MAINTAIN, "Prune expired", trigger("schedule"), "$.maintain");
    LambdaInvoke reconcile =
        flow.task(Task.RECONCILE, "Reconcile firewall", trigger("schedule"), "$.reconcile");
    return flow.stateMachine(
        prune.next(reconcile), "guardwall: prunes expired blocks and reconciles the firewall");
  }

  private static TaskInput trigger(String trigger) {
    return Flow.payload(
        Map.of("trigger", trigger, "execution", JsonPath.stringAt("$$.Execution.Id")));
  }
}
