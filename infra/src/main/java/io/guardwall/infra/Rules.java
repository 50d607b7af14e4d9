package io.guardwall.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.json.Jackson;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.IRuleTarget;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.SfnStateMachine;
import software.amazon.awscdk.services.events.targets.SfnStateMachineProps;
import software.amazon.awscdk.services.events.targets.SqsQueue;
import software.amazon.awscdk.services.events.targets.SqsQueueProps;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

/**
 * Builds EventBridge rules that deliver to a queue or start a state machine, with a dead-letter
 * queue and a retry policy on the target; not thread-safe.
 */
final class Rules {

  static final Duration MAX_EVENT_AGE = Duration.hours(2);
  static final int RETRY_ATTEMPTS = 10;

  private final Construct scope;
  private final IQueue deadLetterQueue;

  Rules(Construct scope, IQueue deadLetterQueue) {
    this.scope = scope;
    this.deadLetterQueue = deadLetterQueue;
  }

  /**
   * A rule with {@code pattern} exactly as given, delivering the whole event to {@code queue}: the
   * L2 pattern type cannot express {@code $or}, so the resource's pattern is replaced (the L2 one
   * only passes the rule's validation).
   */
  Rule onPattern(String id, String description, ObjectNode pattern, IQueue queue) {
    Rule rule =
        Rule.Builder.create(scope, id)
            .description(description)
            .eventPattern(EventPattern.builder().source(List.of("replaced")).build())
            .targets(List.of(target(queue)))
            .build();
    ((CfnRule) rule.getNode().getDefaultChild()).setEventPattern(Jackson.toMap(pattern));
    return rule;
  }

  Rule onSchedule(String id, String description, String expression, IStateMachine target) {
    return Rule.Builder.create(scope, id)
        .description(description)
        .schedule(Schedule.expression(expression))
        .targets(List.of(target(target)))
        .build();
  }

  private IRuleTarget target(IQueue queue) {
    return new SqsQueue(
        queue,
        SqsQueueProps.builder()
            .deadLetterQueue(deadLetterQueue)
            .maxEventAge(MAX_EVENT_AGE)
            .retryAttempts(RETRY_ATTEMPTS)
            .build());
  }

  private IRuleTarget target(IStateMachine machine) {
    return new SfnStateMachine(
        machine,
        SfnStateMachineProps.builder()
            .deadLetterQueue(deadLetterQueue)
            .maxEventAge(MAX_EVENT_AGE)
            .retryAttempts(RETRY_ATTEMPTS)
            .build());
  }
}
