package io.guardwall.infra;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Errors;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.IChainable;
import software.amazon.awscdk.services.stepfunctions.JitterType;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.constructs.Construct;

/**
 * Builds one state machine in its own construct scope, where every Lambda task retries with backoff
 * and jitter and catches into a Slack alert followed by a visible {@code Fail}; not thread-safe.
 */
final class Flow {

  static final String ERROR_PATH = "$.error";
  static final String FAILED_STATE = "Failed";
  static final String ALERT_STATE = "Alert failure in Slack";

  /** Lambda's own transient failures, including throttling. */
  static final List<String> TRANSIENT_ERRORS =
      List.of(
          "Lambda.ServiceException",
          "Lambda.AWSLambdaException",
          "Lambda.SdkClientException",
          "Lambda.TooManyRequestsException");

  private final Construct scope;
  private final Map<Task, ? extends IFunction> functions;
  private final Fail failed;
  private final LambdaInvoke alert;

  Flow(Construct parent, String id, Map<Task, ? extends IFunction> functions) {
    this.scope = new Construct(parent, id);
    this.functions = functions;
    this.failed =
        Fail.Builder.create(scope, "Failed")
            .stateName(FAILED_STATE)
            .comment("A task failed after its retries; Slack was alerted")
            .errorPath(ERROR_PATH + ".Error")
            .causePath(ERROR_PATH + ".Cause")
            .build();
    this.alert = alertTask();
  }

  /** A task sending {@code payload} to {@code task}'s function; the result lands at resultPath. */
  LambdaInvoke task(Task task, String stateName, TaskInput payload, String resultPath) {
    return catching(invoke(task, stateName, b -> b.payload(payload), resultPath));
  }

  /**
   * A payload with its fields in name order: {@code Map.of} iterates in an order that changes from
   * one JVM to the next, and would make every synth a different state machine definition.
   */
  static TaskInput payload(Map<String, Object> fields) {
    return TaskInput.fromObject(new TreeMap<>(fields));
  }

  /** A task sending the state at {@code inputPath} as it is ({@code $}: the whole state). */
  LambdaInvoke task(Task task, String stateName, String inputPath, String resultPath) {
    return catching(invoke(task, stateName, b -> b.inputPath(inputPath), resultPath));
  }

  /** The state machine running {@code definition}, traced and logged. */
  StateMachine stateMachine(IChainable definition, String comment) {
    LogGroup logs =
        LogGroup.Builder.create(scope, "Logs").retention(RetentionDays.THREE_MONTHS).build();
    StateMachine machine =
        StateMachine.Builder.create(scope, "StateMachine")
            .comment(comment)
            .definitionBody(DefinitionBody.fromChainable(definition))
            .stateMachineType(StateMachineType.STANDARD)
            .timeout(Duration.minutes(30))
            .tracingEnabled(true)
            .logs(
                LogOptions.builder()
                    .destination(logs)
                    .level(LogLevel.ALL)
                    .includeExecutionData(true)
                    .build())
            .build();
    NagFindings.stateMachineServiceWildcards(machine);
    return machine;
  }

  Construct scope() {
    return scope;
  }

  private LambdaInvoke alertTask() {
    TaskInput payload =
        payload(
            Map.of(
                "stateMachine", JsonPath.stringAt("$$.StateMachine.Name"),
                "execution", JsonPath.stringAt("$$.Execution.Id"),
                "error", JsonPath.objectAt(ERROR_PATH)));
    LambdaInvoke invoke =
        invoke(Task.ALERT_FAILURE, ALERT_STATE, b -> b.payload(payload), "$.alert");
    // Alerting failed too: fail with the original error; the alert function's errors alarm fires,
    // and so does the maintenance alarm if no run succeeds.
    invoke.addCatch(
        failed,
        CatchProps.builder().errors(List.of(Errors.ALL)).resultPath("$.alertError").build());
    invoke.next(failed);
    return invoke;
  }

  private LambdaInvoke catching(LambdaInvoke invoke) {
    invoke.addCatch(
        alert, CatchProps.builder().errors(List.of(Errors.ALL)).resultPath(ERROR_PATH).build());
    return invoke;
  }

  // The direct function ARN integration: the task's output is the handler's response as is.
  private LambdaInvoke invoke(
      Task task, String stateName, Consumer<LambdaInvoke.Builder> input, String resultPath) {
    LambdaInvoke.Builder builder =
        LambdaInvoke.Builder.create(scope, stateName.replace(" ", ""))
            .stateName(stateName)
            .lambdaFunction(functions.get(task))
            .payloadResponseOnly(true)
            .retryOnServiceExceptions(false)
            .resultPath(resultPath);
    input.accept(builder);
    LambdaInvoke invoke = builder.build();
    invoke.addRetry(
        RetryProps.builder()
            .errors(TRANSIENT_ERRORS)
            .interval(Duration.seconds(2))
            .backoffRate(2)
            .maxAttempts(6)
            .maxDelay(Duration.seconds(60))
            .jitterStrategy(JitterType.FULL)
            .build());
    invoke.addRetry(
        RetryProps.builder()
            .errors(List.of(Errors.ALL))
            .interval(Duration.seconds(5))
            .backoffRate(3)
            .maxAttempts(2)
            .jitterStrategy(JitterType.FULL)
            .build());
    return invoke;
  }
}
