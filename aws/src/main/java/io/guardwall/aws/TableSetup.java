package io.guardwall.aws;

import static io.guardwall.aws.DynamoDbSchema.AUDIT_AT;
import static io.guardwall.aws.DynamoDbSchema.AUDIT_INDEX;
import static io.guardwall.aws.DynamoDbSchema.AUDIT_LOG;
import static io.guardwall.aws.DynamoDbSchema.PARTITION_KEY;
import static io.guardwall.aws.DynamoDbSchema.TTL_ATTRIBUTE;

import io.guardwall.core.port.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates guardwall's table when missing and checks an existing one, adding the audit index to a
 * table created before there was one; one use per instance.
 */
final class TableSetup {
  private static final KeySchemaElement KEY =
      KeySchemaElement.builder().attributeName(PARTITION_KEY).keyType(KeyType.HASH).build();
  private static final AttributeDefinition KEY_TYPE =
      AttributeDefinition.builder()
          .attributeName(PARTITION_KEY)
          .attributeType(ScalarAttributeType.S)
          .build();
  private static final GlobalSecondaryIndex AUDIT =
      GlobalSecondaryIndex.builder()
          .indexName(AUDIT_INDEX)
          .keySchema(
              KeySchemaElement.builder().attributeName(AUDIT_LOG).keyType(KeyType.HASH).build(),
              KeySchemaElement.builder().attributeName(AUDIT_AT).keyType(KeyType.RANGE).build())
          .projection(p -> p.projectionType(ProjectionType.ALL))
          .build();
  private static final List<AttributeDefinition> AUDIT_TYPES =
      List.of(
          AttributeDefinition.builder()
              .attributeName(AUDIT_LOG)
              .attributeType(ScalarAttributeType.S)
              .build(),
          AttributeDefinition.builder()
              .attributeName(AUDIT_AT)
              .attributeType(ScalarAttributeType.N)
              .build());
  private static final Duration INDEX_POLL = Duration.ofSeconds(5);

  private final DynamoDbClient client;
  private final String table;
  private final boolean auditIndex;

  /**
   * @param auditIndex whether the table keeps the audit trail (the blocklist's table) and so needs
   *     the audit index
   */
  TableSetup(DynamoDbClient client, String table, boolean auditIndex) {
    this.client = client;
    this.table = table;
    this.auditIndex = auditIndex;
  }

  void run() {
    try {
      if (!exists()) {
        create();
      }
      TableDescription t = waitUntilActive();
      checkKeySchema(t);
      if (auditIndex) {
        if (auditIndexOf(t) == null) {
          addAuditIndex();
        }
        waitUntilAuditIndexActive();
      }
      ensureTtl();
    } catch (SdkException e) {
      throw failure("setup failed: " + e.getMessage(), e);
    }
  }

  private boolean exists() {
    try {
      client.describeTable(b -> b.tableName(table));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  private void create() {
    List<AttributeDefinition> types = new ArrayList<>(List.of(KEY_TYPE));
    if (auditIndex) {
      types.addAll(AUDIT_TYPES);
    }
    try {
      client.createTable(
          b -> {
            b.tableName(table)
                .keySchema(KEY)
                .attributeDefinitions(types)
                .billingMode(BillingMode.PAY_PER_REQUEST);
            if (auditIndex) {
              b.globalSecondaryIndexes(AUDIT);
            }
          });
    } catch (ResourceInUseException e) {
      // another process created it meanwhile: fine, it is checked below
    }
  }

  private static @Nullable GlobalSecondaryIndexDescription auditIndexOf(TableDescription t) {
    return t.globalSecondaryIndexes().stream()
        .filter(i -> i.indexName().equals(AUDIT_INDEX))
        .findFirst()
        .orElse(null);
  }

  /** Adds the audit index to a table created before it existed (DynamoDB backfills it). */
  private void addAuditIndex() {
    try {
      client.updateTable(
          b ->
              b.tableName(table)
                  .attributeDefinitions(AUDIT_TYPES)
                  .globalSecondaryIndexUpdates(
                      GlobalSecondaryIndexUpdate.builder()
                          .create(
                              c ->
                                  c.indexName(AUDIT.indexName())
                                      .keySchema(AUDIT.keySchema())
                                      .projection(AUDIT.projection()))
                          .build()));
    } catch (ResourceInUseException e) {
      // another process is adding it meanwhile: waited for below
    }
  }

  /** Waits while DynamoDB builds the index: history cannot query it before. */
  private void waitUntilAuditIndexActive() {
    while (true) {
      GlobalSecondaryIndexDescription index =
          auditIndexOf(client.describeTable(b -> b.tableName(table)).table());
      if (index == null) {
        throw failure("has no index '" + AUDIT_INDEX + "' after adding it", null);
      }
      if (index.indexStatus() == null || index.indexStatus() == IndexStatus.ACTIVE) {
        return;
      }
      try {
        Thread.sleep(INDEX_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure("setup interrupted while its index '" + AUDIT_INDEX + "' was built", e);
      }
    }
  }

  private TableDescription waitUntilActive() {
    try (DynamoDbWaiter waiter = client.waiter()) {
      return waiter
          .waitUntilTableExists(b -> b.tableName(table))
          .matched()
          .response()
          .orElseThrow(() -> failure("did not become active", null))
          .table();
    }
  }

  private void checkKeySchema(TableDescription t) {
    boolean keyMatches =
        t.keySchema().equals(List.of(KEY))
            && t.attributeDefinitions().stream()
                .filter(d -> d.attributeName().equals(PARTITION_KEY))
                .allMatch(KEY_TYPE::equals);
    if (!keyMatches) {
      throw failure(
          "exists with key schema "
              + t.keySchema()
              + "; guardwall needs a string partition key '"
              + PARTITION_KEY
              + "' and no sort key",
          null);
    }
  }

  private void ensureTtl() {
    TimeToLiveDescription ttl =
        client.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
    TimeToLiveStatus status = ttl == null ? null : ttl.timeToLiveStatus();
    if (status == null || status == TimeToLiveStatus.DISABLED) {
      client.updateTimeToLive(
          b ->
              b.tableName(table)
                  .timeToLiveSpecification(s -> s.attributeName(TTL_ATTRIBUTE).enabled(true)));
    } else if (!TTL_ATTRIBUTE.equals(ttl.attributeName()) || status == TimeToLiveStatus.DISABLING) {
      throw failure(
          "has time to live "
              + status
              + " on '"
              + ttl.attributeName()
              + "'; guardwall needs it enabled on '"
              + TTL_ATTRIBUTE
              + "'",
          null);
    }
  }

  private StoreException failure(String problem, @Nullable Throwable cause) {
    return new StoreException("DynamoDB table " + table + " " + problem, cause);
  }
}
