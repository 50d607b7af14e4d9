package io.guardwall.infra.burst;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.aws.MotoServer;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The template's stateful resources created locally, each named by its logical id: its DynamoDB
 * tables and secrets on the shared moto server, its SQS queues on {@link SqsOnMoto} (the event
 * queue with the template's redrive policy and a scaled visibility timeout), its rule group
 * standing for the Network Firewall stub's; and the queue function's environment with every
 * reference resolved to them. Thread-safe once created.
 */
final class Deployment implements AutoCloseable {

  private final Topology topology;
  private final SqsOnMoto sqs = new SqsOnMoto();
  // What a Ref ("id") or an Fn::GetAtt ("id.Attribute") resolves to.
  private final Map<String, String> physical = new HashMap<>();

  private Deployment(Topology topology) {
    this.topology = topology;
  }

  /**
   * Creates everything the queue function touches; the secret holds {@code slackWebhook}, the event
   * queue's visibility timeout is scaled and then cut to {@code maxVisibility} (real).
   */
  static Deployment create(
      Topology t, Scale scale, Duration maxVisibility, URI slackWebhook, String ruleGroupArn) {
    Deployment d = new Deployment(t);
    d.createTables();
    d.createSecrets(slackWebhook);
    d.nameRuleGroups(ruleGroupArn);
    d.createQueues(
        Math.min(scale.realSeconds(t.queue().visibilityTimeoutSeconds()), seconds(maxVisibility)));
    return d;
  }

  private static int seconds(Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toSeconds()));
  }

  SqsOnMoto sqs() {
    return sqs;
  }

  String queueUrl() {
    return physical.get(topology.queue().id());
  }

  String queueArn() {
    return physical.get(topology.queue().id() + ".Arn");
  }

  String deadLetterQueueUrl() {
    return physical.get(topology.queue().deadLetterQueueId());
  }

  /** The function's environment variables with every Ref and Fn::GetAtt resolved. */
  Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    topology.function().variables().properties().forEach(e -> env.put(e.getKey(), resolve(e)));
    return env;
  }

  private String resolve(Map.Entry<String, JsonNode> variable) {
    JsonNode value = variable.getValue();
    if (value.isTextual()) {
      return value.asText();
    }
    String id = Cfn.requiredId(value, variable.getKey());
    String attribute = Cfn.attribute(value);
    String resolved = physical.get(attribute.isEmpty() ? id : id + "." + attribute);
    if (resolved == null) {
      throw new IllegalStateException(
          "no local stand-in for " + variable.getKey() + " = " + value + " (" + id + ")");
    }
    return resolved;
  }

  private void createTables() {
    DynamoDbClient dynamoDb = MotoServer.dynamoDb();
    topology
        .cfn()
        .ofType("AWS::DynamoDB::Table")
        .forEach(
            (id, table) -> {
              JsonNode props = table.path("Properties");
              dynamoDb.createTable(
                  b -> {
                    b.tableName(id)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(keySchema(props.path("KeySchema")))
                        .attributeDefinitions(attributes(props.path("AttributeDefinitions")));
                    List<GlobalSecondaryIndex> indexes =
                        indexes(props.path("GlobalSecondaryIndexes"));
                    if (!indexes.isEmpty()) {
                      b.globalSecondaryIndexes(indexes);
                    }
                  });
              enableTtl(dynamoDb, id, props.path("TimeToLiveSpecification"));
              physical.put(id, id);
            });
  }

  private static void enableTtl(DynamoDbClient dynamoDb, String table, JsonNode ttl) {
    if (ttl.path("Enabled").asBoolean()) {
      dynamoDb.updateTimeToLive(
          b ->
              b.tableName(table)
                  .timeToLiveSpecification(
                      s -> s.enabled(true).attributeName(ttl.path("AttributeName").asText())));
    }
  }

  private static List<KeySchemaElement> keySchema(JsonNode keys) {
    return StreamSupport.stream(keys.spliterator(), false)
        .map(
            k ->
                KeySchemaElement.builder()
                    .attributeName(k.path("AttributeName").asText())
                    .keyType(k.path("KeyType").asText())
                    .build())
        .toList();
  }

  /** The template's global secondary indexes (the blocklist's audit index). */
  private static List<GlobalSecondaryIndex> indexes(JsonNode indexes) {
    return StreamSupport.stream(indexes.spliterator(), false)
        .map(
            i ->
                GlobalSecondaryIndex.builder()
                    .indexName(i.path("IndexName").asText())
                    .keySchema(keySchema(i.path("KeySchema")))
                    .projection(
                        p -> p.projectionType(i.path("Projection").path("ProjectionType").asText()))
                    .build())
        .toList();
  }

  private static List<AttributeDefinition> attributes(JsonNode definitions) {
    return StreamSupport.stream(definitions.spliterator(), false)
        .map(
            a ->
                AttributeDefinition.builder()
                    .attributeName(a.path("AttributeName").asText())
                    .attributeType(a.path("AttributeType").asText())
                    .build())
        .toList();
  }

  private void createSecrets(URI slackWebhook) {
    topology
        .cfn()
        .ofType("AWS::SecretsManager::Secret")
        .keySet()
        .forEach(
            id ->
                physical.put(
                    id,
                    MotoServer.secretsManager()
                        .createSecret(b -> b.name(id).secretString(slackWebhook.toString()))
                        .arn()));
  }

  private void nameRuleGroups(String ruleGroupArn) {
    topology
        .cfn()
        .ofType("AWS::NetworkFirewall::RuleGroup")
        .keySet()
        .forEach(
            id -> {
              physical.put(id, ruleGroupArn);
              physical.put(id + ".RuleGroupArn", ruleGroupArn);
            });
  }

  private void createQueues(int visibilitySeconds) {
    Topology.QueueSpec q = topology.queue();
    String dlqArn = createQueue(q.deadLetterQueueId(), Map.of());
    String redrive = SqsOnMoto.redrive(dlqArn, q.maxReceiveCount());
    createQueue(
        q.id(),
        Map.of(
            QueueAttributeName.VISIBILITY_TIMEOUT,
            Integer.toString(visibilitySeconds),
            QueueAttributeName.REDRIVE_POLICY,
            redrive));
  }

  private String createQueue(String id, Map<QueueAttributeName, String> attributes) {
    String url = sqs.create(id, attributes);
    String arn = sqs.arn(url);
    physical.put(id, url);
    physical.put(id + ".Arn", arn);
    return arn;
  }

  @Override
  public void close() {
    sqs.close();
  }
}
