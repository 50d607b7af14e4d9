package io.guardwall.aws;

import static io.guardwall.aws.DynamoDbSchema.EXPIRES_AT_EXACT;
import static io.guardwall.aws.DynamoDbSchema.FINDING_HASH_PREFIX;
import static io.guardwall.aws.DynamoDbSchema.FINDING_PREFIX;
import static io.guardwall.aws.DynamoDbSchema.LEVEL;
import static io.guardwall.aws.DynamoDbSchema.PARTITION_KEY;
import static io.guardwall.aws.DynamoDbSchema.TTL_ATTRIBUTE;

import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.port.NotificationLog;
import io.guardwall.core.port.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The notification log in the guardwall DynamoDB table (layout in {@link DynamoDbSchema}): each
 * claim is one conditional {@code UpdateItem}, so concurrent workers in any process agree on one
 * winner. Thread-safe.
 */
final class DynamoDbNotificationLog implements NotificationLog {

  // DynamoDB partition keys are at most 2,048 bytes; finding ids are not bounded.
  private static final int MAX_PLAIN_ID_BYTES = 1_000;

  private final DynamoDbClient client;
  private final String table;

  DynamoDbNotificationLog(DynamoDbClient client, String table) {
    this.client = Objects.requireNonNull(client, "client");
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public boolean claim(String findingId, SeverityLevel level, Instant now, Instant forgetAfter) {
    Objects.requireNonNull(findingId, "findingId");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(forgetAfter, "forgetAfter");
    try {
      client.updateItem(claimRequest(findingId, level, now, forgetAfter));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (SdkException e) {
      throw new StoreException(
          "DynamoDB table " + table + ": notification claim failed: " + e.getMessage(), e);
    }
  }

  /** The partition key of a finding's record; long ids are hashed to fit DynamoDB's key limit. */
  static String key(String findingId) {
    byte[] bytes = findingId.getBytes(StandardCharsets.UTF_8);
    return bytes.length <= MAX_PLAIN_ID_BYTES
        ? FINDING_PREFIX + findingId
        : FINDING_HASH_PREFIX + HexFormat.of().formatHex(sha256(bytes));
  }

  private UpdateItemRequest claimRequest(
      String findingId, SeverityLevel level, Instant now, Instant forgetAfter) {
    Map<String, AttributeValue> record = new LinkedHashMap<>();
    record.put(LEVEL, Attributes.number(level.ordinal()));
    record.put(EXPIRES_AT_EXACT, Attributes.instant(forgetAfter));
    record.put(TTL_ATTRIBUTE, Attributes.ttlSeconds(forgetAfter));
    Expressions x = new Expressions();
    String update = x.assign(record, List.of());
    String condition =
        String.format(
            "attribute_not_exists(%s) OR %s < %s OR %s <= %s",
            x.name(PARTITION_KEY),
            x.name(LEVEL),
            x.value(LEVEL, record.get(LEVEL)),
            x.name(EXPIRES_AT_EXACT),
            x.value("now", Attributes.instant(now)));
    return UpdateItemRequest.builder()
        .tableName(table)
        .key(Map.of(PARTITION_KEY, Attributes.string(key(findingId))))
        .updateExpression(update)
        .conditionExpression(condition)
        .expressionAttributeNames(x.names())
        .expressionAttributeValues(x.values())
        .build();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
