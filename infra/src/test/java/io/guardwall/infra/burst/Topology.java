package io.guardwall.infra.burst;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The per-event path as the synthesized template declares it: the EventBridge rules that deliver to
 * the event queue, the queue and its redrive policy, the event source mapping and the function it
 * invokes. Read once from the template so that the harness runs what a deploy would. Immutable.
 */
record Topology(
    Cfn cfn, List<QueueRule> rules, QueueSpec queue, Mapping mapping, FunctionSpec function) {

  /** A rule whose target is the event queue, delivering the whole event (no input transformer). */
  record QueueRule(String id, String pattern, String queueId) {}

  /** The event queue: its visibility timeout and where messages go after too many receives. */
  record QueueSpec(
      String id, int visibilityTimeoutSeconds, int maxReceiveCount, String deadLetterQueueId) {}

  /** The event source mapping's settings, validated against Lambda's documented ranges. */
  record Mapping(
      int batchSize, int windowSeconds, int maxConcurrency, boolean reportsItemFailures) {
    Mapping {
      require(batchSize >= 1 && batchSize <= 10_000, "BatchSize 1-10000", batchSize);
      require(windowSeconds >= 0 && windowSeconds <= 300, "batching window 0-300 s", windowSeconds);
      require(
          maxConcurrency >= 2 && maxConcurrency <= 1000,
          "MaximumConcurrency 2-1000",
          maxConcurrency);
      require(batchSize <= 10 || windowSeconds >= 1, "a window of 1 s or more above 10", batchSize);
    }
  }

  /** The function the mapping invokes: handler, timeout and environment as declared. */
  record FunctionSpec(String id, String handler, int timeoutSeconds, JsonNode variables) {}

  private static final String MAPPING = "AWS::Lambda::EventSourceMapping";

  static Topology of(JsonNode template) {
    Cfn cfn = new Cfn(template);
    JsonNode mapping = eventSourceMapping(cfn);
    String queueId = Cfn.requiredId(mapping.path("EventSourceArn"), "EventSourceArn");
    return new Topology(
        cfn,
        rules(cfn, queueId),
        queue(cfn, queueId),
        mapping(mapping),
        function(cfn, mapping.path("FunctionName")));
  }

  /** The rule group's capacity as declared. */
  int ruleGroupCapacity() {
    JsonNode group = single(cfn.ofType("AWS::NetworkFirewall::RuleGroup"), "rule group");
    return group.at("/Properties/Capacity").asInt();
  }

  private static JsonNode eventSourceMapping(Cfn cfn) {
    Map<String, JsonNode> mappings = cfn.ofType(MAPPING);
    if (mappings.isEmpty()) {
      throw new IllegalStateException(
          "the template has no " + MAPPING + ": the queue topology is not deployed");
    }
    return single(mappings, "event source mapping").path("Properties");
  }

  private static List<QueueRule> rules(Cfn cfn, String queueId) {
    List<QueueRule> rules = new ArrayList<>();
    cfn.ofType("AWS::Events::Rule")
        .forEach(
            (id, rule) -> {
              JsonNode props = rule.path("Properties");
              for (JsonNode target : props.path("Targets")) {
                if (queueId.equals(Cfn.referencedId(target.path("Arn")).orElse(null))) {
                  requireWholeEvent(id, target);
                  rules.add(new QueueRule(id, props.path("EventPattern").toString(), queueId));
                }
              }
            });
    if (rules.isEmpty()) {
      throw new IllegalStateException("no EventBridge rule targets the event queue " + queueId);
    }
    return List.copyOf(rules);
  }

  // EventBridge sends the whole event only when the target transforms nothing.
  private static void requireWholeEvent(String ruleId, JsonNode target) {
    for (String field : List.of("Input", "InputPath", "InputTransformer")) {
      if (target.has(field)) {
        throw new IllegalStateException(ruleId + "'s queue target sets " + field);
      }
    }
  }

  private static QueueSpec queue(Cfn cfn, String queueId) {
    JsonNode props = cfn.resource(queueId).path("Properties");
    JsonNode redrive = props.path("RedrivePolicy");
    if (redrive.isMissingNode()) {
      throw new IllegalStateException("the event queue " + queueId + " has no RedrivePolicy");
    }
    return new QueueSpec(
        queueId,
        props.path("VisibilityTimeout").asInt(30),
        redrive.path("maxReceiveCount").asInt(),
        Cfn.requiredId(redrive.path("deadLetterTargetArn"), "deadLetterTargetArn"));
  }

  private static Mapping mapping(JsonNode props) {
    boolean partial = false;
    for (JsonNode type : props.path("FunctionResponseTypes")) {
      partial |= "ReportBatchItemFailures".equals(type.asText());
    }
    return new Mapping(
        props.path("BatchSize").asInt(10),
        props.path("MaximumBatchingWindowInSeconds").asInt(0),
        props.at("/ScalingConfig/MaximumConcurrency").asInt(0),
        partial);
  }

  /** Follows an alias to its function: Lambda runs the function's code either way. */
  private static FunctionSpec function(Cfn cfn, JsonNode functionName) {
    String id = Cfn.requiredId(functionName, "FunctionName");
    if ("AWS::Lambda::Alias".equals(cfn.typeOf(id))) {
      id = Cfn.requiredId(cfn.resource(id).at("/Properties/FunctionName"), "alias FunctionName");
    }
    JsonNode props = cfn.resource(id).path("Properties");
    return new FunctionSpec(
        id,
        props.path("Handler").asText(),
        props.path("Timeout").asInt(3),
        props.at("/Environment/Variables"));
  }

  private static JsonNode single(Map<String, JsonNode> resources, String what) {
    if (resources.size() != 1) {
      throw new IllegalStateException(
          "expected one " + what + " in the template, found " + resources.keySet());
    }
    return resources.values().iterator().next();
  }

  private static void require(boolean ok, String rule, int value) {
    if (!ok) {
      throw new IllegalArgumentException("event source mapping outside " + rule + ": " + value);
    }
  }
}
