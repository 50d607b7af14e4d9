package io.guardwall.aws;

import static io.guardwall.aws.DynamoDbSchema.EXPIRES_AT_EXACT;
import static io.guardwall.aws.DynamoDbSchema.PARTITION_KEY;
import static io.guardwall.aws.DynamoDbSchema.SLACK_REQUEST_PREFIX;
import static io.guardwall.aws.DynamoDbSchema.TTL_ATTRIBUTE;

import io.guardwall.core.port.ReplayGuard;
import io.guardwall.core.port.StoreException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The Slack requests already honoured, one item each in the notifications table (layout in {@link
 * DynamoDbSchema}): a first use is one conditional {@code PutItem}, so concurrent instances agree
 * on one winner; an item past its time counts as absent, since TTL deletion is lazy. Thread-safe.
 */
final class DynamoDbReplayGuard implements ReplayGuard {

  private final DynamoDbClient client;
  private final String table;

  DynamoDbReplayGuard(DynamoDbClient client, String table) {
    this.client = Objects.requireNonNull(client, "client");
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public boolean firstUse(String key, Instant now, Instant forgetAfter) {
    try {
      client.putItem(request(key, now, forgetAfter));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (SdkException e) {
      throw new StoreException(
          "DynamoDB table " + table + ": recording a Slack request failed: " + e.getMessage(), e);
    }
  }

  private PutItemRequest request(String key, Instant now, Instant forgetAfter) {
    return PutItemRequest.builder()
        .tableName(table)
        .item(
            Map.of(
                PARTITION_KEY, Attributes.string(SLACK_REQUEST_PREFIX + key),
                EXPIRES_AT_EXACT, Attributes.instant(forgetAfter),
                TTL_ATTRIBUTE, Attributes.ttlSeconds(forgetAfter)))
        .conditionExpression("attribute_not_exists(#pk) OR #until <= :now")
        .expressionAttributeNames(Map.of("#pk", PARTITION_KEY, "#until", EXPIRES_AT_EXACT))
        .expressionAttributeValues(Map.of(":now", Attributes.instant(now)))
        .build();
  }
}
