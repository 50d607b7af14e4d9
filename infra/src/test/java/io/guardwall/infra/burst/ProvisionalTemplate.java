package io.guardwall.infra.burst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Until the queue topology lands: today's template with the contract's topology added by hand (an
 * event queue with a dead-letter queue after 5 receives, a queue function with the record
 * function's environment, an event source mapping with the contract's defaults, the block and
 * notify rules retargeted to the queue). Used only while the synthesized template has no event
 * source mapping.
 */
final class ProvisionalTemplate {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUEUE = "GuardwallEventQueueProvisional";
  private static final String DLQ = "GuardwallEventDeadLetterQueueProvisional";
  private static final String FUNCTION = "GuardwallQueueFunctionProvisional";

  private ProvisionalTemplate() {}

  /** {@code template} itself when it has the queue topology, else with it added. */
  static JsonNode of(JsonNode template) {
    Cfn cfn = new Cfn(template);
    if (!cfn.ofType("AWS::Lambda::EventSourceMapping").isEmpty()) {
      return template;
    }
    ObjectNode copy = template.deepCopy();
    ObjectNode resources = (ObjectNode) copy.get("Resources");
    resources.set(DLQ, resource("AWS::SQS::Queue"));
    ObjectNode queue = resource("AWS::SQS::Queue");
    props(queue).put("VisibilityTimeout", 360);
    props(queue)
        .putObject("RedrivePolicy")
        .put("maxReceiveCount", 5)
        .set("deadLetterTargetArn", arn(DLQ));
    resources.set(QUEUE, queue);
    resources.set(FUNCTION, function(cfn));
    resources.set("GuardwallQueueMappingProvisional", mapping());
    cfn.ofType("AWS::Events::Rule").keySet().stream()
        .filter(id -> id.startsWith("GuardwallBlockRule") || id.startsWith("GuardwallNotifyRule"))
        .forEach(id -> retarget((ObjectNode) resources.get(id)));
    return copy;
  }

  private static ObjectNode function(Cfn cfn) {
    ObjectNode function = resource("AWS::Lambda::Function");
    props(function).put("Handler", "io.guardwall.lambda.QueueHandler::handleRequest");
    props(function).put("Timeout", 60);
    JsonNode record =
        cfn.ofType("AWS::Lambda::Function").entrySet().stream()
            .filter(e -> e.getKey().startsWith("GuardwallRecordFunction"))
            .findFirst()
            .orElseThrow()
            .getValue();
    props(function).set("Environment", record.at("/Properties/Environment").deepCopy());
    return function;
  }

  private static ObjectNode mapping() {
    ObjectNode mapping = resource("AWS::Lambda::EventSourceMapping");
    ObjectNode p = props(mapping);
    p.put("BatchSize", 1000).put("MaximumBatchingWindowInSeconds", 10);
    p.putObject("ScalingConfig").put("MaximumConcurrency", 2);
    p.putArray("FunctionResponseTypes").add("ReportBatchItemFailures");
    p.set("EventSourceArn", arn(QUEUE));
    p.putObject("FunctionName").put("Ref", FUNCTION);
    return mapping;
  }

  private static void retarget(ObjectNode rule) {
    ArrayNode targets = props(rule).putArray("Targets");
    targets.addObject().put("Id", "Target0").set("Arn", arn(QUEUE));
  }

  private static ObjectNode resource(String type) {
    ObjectNode r = JSON.createObjectNode().put("Type", type);
    r.putObject("Properties");
    return r;
  }

  private static ObjectNode props(ObjectNode resource) {
    return (ObjectNode) resource.get("Properties");
  }

  private static ObjectNode arn(String id) {
    ObjectNode ref = JSON.createObjectNode();
    ref.putArray("Fn::GetAtt").add(id).add("Arn");
    return ref;
  }
}
