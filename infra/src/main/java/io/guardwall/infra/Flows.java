package io.guardwall.infra;

import java.util.Map;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.constructs.Construct;

/**
 * The one state machine: the scheduled maintenance, a real workflow of three steps that each retry
 * on their own (the per-event work is the queue function's); stateless.
 */
final class Flows {

  private Flows() {}

  /**
   * Prune expired entries, reconcile (which also repairs drift and batches whose reconcile failed),
   * then post the digest of what expired, what does not fit and what the reconcile added.
   */
  static StateMachine maintenance(Construct parent, Map<Task, ? extends IFunction> functions) {
    Flow flow = new Flow(parent, "MaintenanceFlow", functions);
    LambdaInvoke prune =
        flow.task(Task.MAINTAIN, "Prune expired", trigger("schedule"), "$.maintain");
    LambdaInvoke reconcile =
        flow.task(Task.RECONCILE, "Reconcile firewall", trigger("schedule"), "$.reconcile");
    LambdaInvoke digest =
        flow.task(
            Task.MAINTENANCE_DIGEST,
            "Post digest",
            Flow.payload(
                Map.of(
                    "expired", JsonPath.listAt("$.maintain.cidrs"),
                    "expiredCount", JsonPath.numberAt("$.maintain.deleted"),
                    "evicted", JsonPath.listAt("$.reconcile.evicted"),
                    "evictedCount", JsonPath.numberAt("$.reconcile.evictedCount"),
                    "added", JsonPath.listAt("$.reconcile.added"),
                    "addedCount", JsonPath.numberAt("$.reconcile.addedCount"))),
            "$.digest");
    return flow.stateMachine(
        prune.next(reconcile).next(digest),
        "guardwall: prunes expired blocks, reconciles the firewall, posts the digest");
  }

  private static TaskInput trigger(String trigger) {
    return Flow.payload(
        Map.of("trigger", trigger, "execution", JsonPath.stringAt("$$.Execution.Id")));
  }
}
