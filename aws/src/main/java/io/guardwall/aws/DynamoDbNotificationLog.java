package io.guardwall.aws;

import static io.guardwall.aws.DynamoDbSchema.EXPIRES_AT_EXACT;
import static io.guardwall.aws.DynamoDbSchema.FINDING_HASH_PREFIX;
import static io.guardwall.aws.DynamoDbSchema.FINDING_PREFIX;
import static io.guardwall.aws.DynamoDbSchema.LEASE_LEVEL;
import static io.guardwall.aws.DynamoDbSchema.LEASE_TOKEN;
import static io.guardwall.aws.DynamoDbSchema.LEASE_UNTIL;
import static io.guardwall.aws.DynamoDbSchema.LEVEL;
import static io.guardwall.aws.DynamoDbSchema.PARTITION_KEY;
import static io.guardwall.aws.DynamoDbSchema.TTL_ATTRIBUTE;

import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.port.NotificationClaim;
import io.guardwall.core.port.NotificationLog;
import io.guardwall.core.port.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The notification log in the guardwall DynamoDB table (layout in {@link DynamoDbSchema}): a claim
 * is one conditional {@code UpdateItem} that takes the lease, so concurrent workers in any process
 * agree on one winner; a confirm records the level, then ends the lease (two conditional writes, in
 * that order, so a crash between them risks a second alert, never a lost one). Thread-safe.
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
  public Optional<NotificationClaim> claim(
      String findingId, SeverityLevel level, Instant now, Instant leaseUntil) {
    Objects.requireNonNull(findingId, "findingId");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
    NotificationClaim claim = NotificationClaim.granted(findingId, level);
    boolean granted = update(claimRequest(claim, now, leaseUntil), "claim");
    return granted ? Optional.of(claim) : Optional.empty();
  }

  @Override
  public void confirm(NotificationClaim claim, Instant now, Instant forgetAfter) {
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(forgetAfter, "forgetAfter");
    update(rememberRequest(claim, now, forgetAfter), "confirm");
    release(claim);
  }

  @Override
  public void release(NotificationClaim claim) {
    Objects.requireNonNull(claim, "claim");
    update(endLeaseRequest(claim), "release");
  }

  /** The partition key of a finding's record; long ids are hashed to fit DynamoDB's key limit. */
  static String key(String findingId) {
    byte[] bytes = findingId.getBytes(StandardCharsets.UTF_8);
    return bytes.length <= MAX_PLAIN_ID_BYTES
        ? FINDING_PREFIX + findingId
        : FINDING_HASH_PREFIX + HexFormat.of().formatHex(sha256(bytes));
  }

  /** True when the write happened, false when its condition refused it. */
  private boolean update(UpdateItemRequest request, String what) {
    try {
      client.updateItem(request);
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (SdkException e) {
      throw new StoreException(
          "DynamoDB table " + table + ": notification " + what + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Takes the lease unless a notification or a live lease covers the level. The TTL of a new record
   * is the lease's end; an existing record keeps its own.
   */
  private UpdateItemRequest claimRequest(NotificationClaim claim, Instant now, Instant leaseUntil) {
    Expressions x = new Expressions();
    String level = x.value("level", Attributes.number(claim.level().rank()));
    String at = x.value("now", Attributes.instant(now));
    String update =
        String.format(
            "SET %s = %s, %s = %s, %s = %s, %s = if_not_exists(%s, %s)",
            x.name(LEASE_LEVEL),
            level,
            x.name(LEASE_UNTIL),
            x.value("leaseUntil", Attributes.instant(leaseUntil)),
            x.name(LEASE_TOKEN),
            x.value("token", Attributes.string(claim.token())),
            x.name(TTL_ATTRIBUTE),
            x.name(TTL_ATTRIBUTE),
            x.value("leaseTtl", Attributes.ttlSeconds(leaseUntil)));
    String condition =
        String.format(
            "(attribute_not_exists(%1$s) OR %1$s < %2$s OR %3$s <= %4$s)"
                + " AND (attribute_not_exists(%5$s) OR %5$s < %2$s OR %6$s <= %4$s)",
            x.name(LEVEL),
            level,
            x.name(EXPIRES_AT_EXACT),
            at,
            x.name(LEASE_LEVEL),
            x.name(LEASE_UNTIL));
    return request(claim, x, update, condition);
  }

  /** Records the claim's level, unless a higher one is remembered and not yet forgotten. */
  private UpdateItemRequest rememberRequest(
      NotificationClaim claim, Instant now, Instant forgetAfter) {
    Expressions x = new Expressions();
    String level = x.value("level", Attributes.number(claim.level().rank()));
    String update =
        String.format(
            "SET %s = %s, %s = %s, %s = %s",
            x.name(LEVEL),
            level,
            x.name(EXPIRES_AT_EXACT),
            x.value("forgetAfter", Attributes.instant(forgetAfter)),
            x.name(TTL_ATTRIBUTE),
            x.value("ttl", Attributes.ttlSeconds(forgetAfter)));
    String condition =
        String.format(
            "attribute_not_exists(%1$s) OR %1$s <= %2$s OR %3$s <= %4$s",
            x.name(LEVEL),
            level,
            x.name(EXPIRES_AT_EXACT),
            x.value("now", Attributes.instant(now)));
    return request(claim, x, update, condition);
  }

  /** Ends the claim's lease, if it still holds it. */
  private UpdateItemRequest endLeaseRequest(NotificationClaim claim) {
    Expressions x = new Expressions();
    String update =
        String.format(
            "REMOVE %s, %s, %s", x.name(LEASE_LEVEL), x.name(LEASE_UNTIL), x.name(LEASE_TOKEN));
    String condition =
        x.name(LEASE_TOKEN) + " = " + x.value("token", Attributes.string(claim.token()));
    return request(claim, x, update, condition);
  }

  private UpdateItemRequest request(
      NotificationClaim claim, Expressions x, String update, String condition) {
    return UpdateItemRequest.builder()
        .tableName(table)
        .key(Map.of(PARTITION_KEY, Attributes.string(key(claim.findingId()))))
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
