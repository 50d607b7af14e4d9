package io.guardwall.aws;

import static io.guardwall.aws.DynamoDbSchema.CIDR_PREFIX;
import static io.guardwall.aws.DynamoDbSchema.EXPIRES_AT_EXACT;
import static io.guardwall.aws.DynamoDbSchema.PARTITION_KEY;
import static io.guardwall.aws.DynamoDbSchema.VERSION;

import io.guardwall.aws.BlocklistItem.Stored;
import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.UpsertResult;
import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The blocklist in a DynamoDB table (layout in {@link DynamoDbSchema}); thread-safe, and safe
 * across processes sharing the table.
 *
 * <p>An upsert is optimistic: it computes the new entry with {@link UpsertResult#apply} (the same
 * rule as every store) from what it believes is stored, and writes it with one conditional {@code
 * UpdateItem} that only succeeds if the item is still absent or still at the version it read. A
 * failed condition returns the current item ({@code ReturnValuesOnConditionCheckFailure}), from
 * which the next attempt starts, so no attempt needs a separate read unless that item came back
 * missing or undecodable. Whether the request's sighting was already counted is decided by that
 * same rule on that same version, so the version condition makes it atomic too: of two copies
 * racing, the second finds the first's sighting key in the item it retries from and counts nothing.
 */
final class DynamoDbBlocklistStore implements BlocklistStore {

  // Each failed attempt means another writer succeeded, so this bound is only reached by a
  // pathological stream of writes to one CIDR.
  private static final int MAX_ATTEMPTS = 1_000;

  /** Consistent reads of an item that came back undecodable before it counts as corrupt. */
  static final int MAX_REREADS = 3;

  private final DynamoDbClient client;
  private final String table;
  private final @Nullable Integer pageSize;

  /**
   * @param pageSize the scan page limit, or null for DynamoDB's (1 MB pages)
   */
  DynamoDbBlocklistStore(DynamoDbClient client, String table, @Nullable Integer pageSize) {
    this.client = Objects.requireNonNull(client, "client");
    this.table = Objects.requireNonNull(table, "table");
    this.pageSize = pageSize;
  }

  @Override
  public UpsertResult upsert(BlockRequest request) {
    Objects.requireNonNull(request, "request");
    Stored stored = null; // new CIDRs are the common case: try to create first
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      UpsertResult result = UpsertResult.apply(stored == null ? null : stored.entry(), request);
      UpdateItemRequest write = write(result.entry(), stored);
      try {
        call("upsert " + request.cidr(), () -> client.updateItem(write));
        return result;
      } catch (ConditionalCheckFailedException e) {
        stored = current(e, request.cidr());
      }
    }
    throw new StoreException(
        "upsert " + request.cidr() + " in table " + table + ": too many concurrent writers", null);
  }

  /**
   * The item that failed the condition, from which the next attempt starts: as the failure returned
   * it, or read again consistently when it came back missing or undecodable (moto returned torn
   * items to 16 concurrent writers); null when there is none.
   *
   * @throws StoreException when the stored item stays undecodable through {@link #MAX_REREADS}
   *     reads: it is corrupt, not torn
   */
  private @Nullable Stored current(ConditionalCheckFailedException e, Cidr cidr) {
    if (e.hasItem() && !e.item().isEmpty()) {
      try {
        return BlocklistItem.decode(e.item());
      } catch (RuntimeException torn) {
        // Read it again below.
      }
    }
    for (int read = 1; ; read++) {
      Map<String, AttributeValue> item = consistentRead(cidr);
      if (item == null || item.isEmpty()) {
        return null;
      }
      try {
        return BlocklistItem.decode(item);
      } catch (RuntimeException undecodable) {
        if (read >= MAX_REREADS) {
          return decode(item);
        }
      }
    }
  }

  @Override
  public List<BlocklistEntry> listActive(Instant now) {
    Objects.requireNonNull(now, "now");
    return entries().stream().filter(e -> e.isActive(now)).toList();
  }

  @Override
  public Optional<BlocklistEntry> get(Cidr cidr) {
    Objects.requireNonNull(cidr, "cidr");
    Map<String, AttributeValue> item = consistentRead(cidr);
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(decode(item).entry());
  }

  private Map<String, AttributeValue> consistentRead(Cidr cidr) {
    return call(
            "get " + cidr,
            () ->
                client.getItem(
                    b -> b.tableName(table).key(BlocklistItem.key(cidr)).consistentRead(true)))
        .item();
  }

  @Override
  public List<BlocklistEntry> deleteExpired(Instant now) {
    Objects.requireNonNull(now, "now");
    List<BlocklistEntry> deleted = new ArrayList<>();
    for (BlocklistEntry e : entries()) {
      if (!e.isActive(now)) {
        deleteIfExpired(e.cidr(), now).ifPresent(deleted::add);
      }
    }
    return deleted;
  }

  @Override
  public boolean delete(Cidr cidr) {
    Objects.requireNonNull(cidr, "cidr");
    DeleteItemRequest request =
        DeleteItemRequest.builder()
            .tableName(table)
            .key(BlocklistItem.key(cidr))
            .returnValues(ReturnValue.ALL_OLD)
            .build();
    return !call("delete " + cidr, () -> client.deleteItem(request)).attributes().isEmpty();
  }

  private UpdateItemRequest write(BlocklistEntry entry, @Nullable Stored expected) {
    Expressions x = new Expressions();
    long version = expected == null ? 1 : expected.version() + 1;
    String update = x.assign(BlocklistItem.attributes(entry, version), BlocklistItem.ATTRIBUTES);
    String condition =
        expected == null
            ? "attribute_not_exists(" + x.name(PARTITION_KEY) + ")"
            : x.name(VERSION) + " = " + x.value("expected", Attributes.number(expected.version()));
    return UpdateItemRequest.builder()
        .tableName(table)
        .key(BlocklistItem.key(entry.cidr()))
        .updateExpression(update)
        .conditionExpression(condition)
        .expressionAttributeNames(x.names())
        .expressionAttributeValues(x.values())
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build();
  }

  /** Deletes the entry only if it is still expired at {@code now}: it may have been renewed. */
  private Optional<BlocklistEntry> deleteIfExpired(Cidr cidr, Instant now) {
    Expressions x = new Expressions();
    String condition = x.name(EXPIRES_AT_EXACT) + " <= " + x.value("now", Attributes.instant(now));
    DeleteItemRequest request =
        DeleteItemRequest.builder()
            .tableName(table)
            .key(BlocklistItem.key(cidr))
            .conditionExpression(condition)
            .expressionAttributeNames(x.names())
            .expressionAttributeValues(x.values())
            .returnValues(ReturnValue.ALL_OLD)
            .build();
    try {
      return Optional.of(
          decode(call("delete expired " + cidr, () -> client.deleteItem(request)).attributes())
              .entry());
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  /** Every blocklist entry in the table, expired or not, in CIDR order; all scan pages. */
  private List<BlocklistEntry> entries() {
    List<BlocklistEntry> all = new ArrayList<>();
    ScanRequest request = scan();
    call(
        "scan",
        () -> {
          client.scanPaginator(request).items().forEach(item -> all.add(decode(item).entry()));
          return null;
        });
    all.sort(Comparator.comparing(BlocklistEntry::cidr));
    return all;
  }

  private ScanRequest scan() {
    Expressions x = new Expressions();
    return ScanRequest.builder()
        .tableName(table)
        .consistentRead(true)
        .filterExpression(
            "begins_with("
                + x.name(PARTITION_KEY)
                + ", "
                + x.value("prefix", Attributes.string(CIDR_PREFIX))
                + ")")
        .expressionAttributeNames(x.names())
        .expressionAttributeValues(x.values())
        .limit(pageSize)
        .build();
  }

  private Stored decode(Map<String, AttributeValue> item) {
    try {
      return BlocklistItem.decode(item);
    } catch (RuntimeException e) {
      throw new StoreException(
          "table "
              + table
              + ": item "
              + BlocklistItem.describe(item)
              + " is not a valid blocklist entry: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Runs one DynamoDB call; a failed condition passes through for the caller to handle, any other
   * failure becomes a {@link StoreException} naming the table and the operation.
   */
  private <T> T call(String operation, Supplier<T> call) {
    return DynamoDbCalls.call(table, operation, call);
  }
}
