package io.guardwall.aws;

import static io.guardwall.aws.DynamoDbSchema.PARTITION_KEY;
import static io.guardwall.aws.DynamoDbSchema.TTL_ATTRIBUTE;

import io.guardwall.core.port.StoreException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/** Creates guardwall's table when missing and checks an existing one; one use per instance. */
final class TableSetup {
  private static final KeySchemaElement KEY =
      KeySchemaElement.builder().attributeName(PARTITION_KEY).keyType(KeyType.HASH).build();
  private static final AttributeDefinition KEY_TYPE =
      AttributeDefinition.builder()
          .attributeName(PARTITION_KEY)
          .attributeType(ScalarAttributeType.S)
          .build();

  private final DynamoDbClient client;
  private final String table;

  TableSetup(DynamoDbClient client, String table) {
    this.client = client;
    this.table = table;
  }

  void run() {
    try {
      if (!exists()) {
        create();
      }
      checkKeySchema(waitUntilActive());
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
    try {
      client.createTable(
          b ->
              b.tableName(table)
                  .keySchema(KEY)
                  .attributeDefinitions(KEY_TYPE)
                  .billingMode(BillingMode.PAY_PER_REQUEST));
    } catch (ResourceInUseException e) {
      // another process created it meanwhile: fine, it is checked below
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
