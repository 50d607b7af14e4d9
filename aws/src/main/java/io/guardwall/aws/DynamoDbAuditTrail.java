package io.guardwall.aws;

import static io.guardwall.aws.DynamoDbSchema.AUDIT_AT;
import static io.guardwall.aws.DynamoDbSchema.AUDIT_INDEX;
import static io.guardwall.aws.DynamoDbSchema.AUDIT_LOG;
import static io.guardwall.aws.DynamoDbSchema.AUDIT_PREFIX;
import static io.guardwall.aws.DynamoDbSchema.PARTITION_KEY;

import io.guardwall.core.model.Action;
import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.StoreException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The audit trail as items of the blocklist's table ({@link DynamoDbSchema}), one per action, never
 * expiring, and the one item saying what the maintenance digest reported; thread-safe. Reading it
 * queries the table's audit index (records in time order), never scans the blocklist; records
 * written before the index existed are given its attributes once, by the first reader.
 */
final class DynamoDbAuditTrail implements io.guardwall.core.port.AuditTrail {

  private static final String UNTIL = "until";
  private static final String DONE = "done";
  private static final String STATUS = "status";
  private static final String OUTCOME = "outcome";

  private static final AttributeValue AUDIT_LOG_VALUE =
      Attributes.string(DynamoDbSchema.AUDIT_LOG_VALUE);

  private final DynamoDbClient client;
  private final String table;
  private final @Nullable Integer pageSize;
  // Once seen, the layout marker never goes away: later reads skip the check.
  private volatile boolean layoutCurrent;

  DynamoDbAuditTrail(DynamoDbClient client, String table) {
    this(client, table, null);
  }

  /**
   * @param pageSize the query and migration scan page limit, or null for DynamoDB's (1 MB pages)
   */
  DynamoDbAuditTrail(DynamoDbClient client, String table, @Nullable Integer pageSize) {
    this.client = Objects.requireNonNull(client, "client");
    this.table = Objects.requireNonNull(table, "table");
    if (pageSize != null && pageSize < 1) {
      throw new IllegalArgumentException("page size must be positive: " + pageSize);
    }
    this.pageSize = pageSize;
  }

  @Override
  public String record(AuditRecord r) {
    Objects.requireNonNull(r, "record");
    // The instant first keeps keys readable in the console; the UUID keeps same-instant actions.
    String key = AUDIT_PREFIX + r.at() + "#" + UUID.randomUUID();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PARTITION_KEY, Attributes.string(key));
    item.put(AUDIT_LOG, AUDIT_LOG_VALUE);
    item.put(AUDIT_AT, Attributes.instant(r.at()));
    item.put("action", Attributes.string(r.action().name()));
    item.put(DynamoDbSchema.CIDR, Attributes.string(r.cidr().value()));
    item.put("reason", Attributes.string(r.reason()));
    item.put(DONE, Attributes.bool(r.done()));
    item.put(STATUS, Attributes.string(r.status().name()));
    item.put(OUTCOME, Attributes.string(r.outcome()));
    ActorItem.put(item, r.actor());
    DynamoDbCalls.call(
        table,
        "record " + r.action().verb() + " " + r.cidr(),
        () -> client.putItem(b -> b.tableName(table).item(item)));
    return key;
  }

  @Override
  public void complete(String id, AuditRecord completed) {
    Objects.requireNonNull(completed, "completed");
    if (!id.startsWith(AUDIT_PREFIX)) {
      throw new StoreException("table " + table + ": no audit record " + id, null);
    }
    try {
      DynamoDbCalls.call(
          table,
          "complete the audit record " + id,
          () ->
              client.updateItem(
                  b ->
                      b.tableName(table)
                          .key(Map.of(PARTITION_KEY, Attributes.string(id)))
                          .conditionExpression("attribute_exists(#pk)")
                          .updateExpression(
                              "SET #status = :status, #done = :done, #outcome = :outcome")
                          .expressionAttributeNames(
                              Map.of(
                                  "#pk", PARTITION_KEY,
                                  "#status", STATUS,
                                  "#done", DONE,
                                  "#outcome", OUTCOME))
                          .expressionAttributeValues(
                              Map.of(
                                  ":status", Attributes.string(completed.status().name()),
                                  ":done", Attributes.bool(completed.done()),
                                  ":outcome", Attributes.string(completed.outcome())))));
    } catch (ConditionalCheckFailedException e) {
      throw new StoreException("table " + table + ": no audit record " + id, e);
    }
  }

  @Override
  public List<AuditRecord> since(Instant from) {
    Objects.requireNonNull(from, "from");
    ensureLayout();
    try {
      return client.queryPaginator(query(from)).items().stream().map(this::decode).toList();
    } catch (SdkException e) {
      if (e instanceof DynamoDbException d && missingIndex(d)) {
        throw new StoreException(
            "DynamoDB table "
                + table
                + " has no index '"
                + AUDIT_INDEX
                + "' ready to read the audit trail from (a table created by an older guardwall"
                + " lacks it): run `guardwall init` to add it and wait until it is built",
            e);
      }
      throw DynamoDbCalls.failure(table, "read the audit trail", e);
    }
  }

  /**
   * Whether DynamoDB refused the query for want of the audit index: missing (DynamoDB: a validation
   * error "does not have the specified index"; moto: resource not found "Invalid index") or still
   * being built ("backfilling").
   */
  private static boolean missingIndex(DynamoDbException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    return ("ValidationException".equals(code) || "ResourceNotFoundException".equals(code))
        && message.contains("index");
  }

  @Override
  public Instant reportedUntil() {
    Map<String, AttributeValue> item =
        DynamoDbCalls.call(
                table,
                "read what the maintenance digest reported",
                () ->
                    client.getItem(b -> b.tableName(table).consistentRead(true).key(reportedKey())))
            .item();
    return item == null || !item.containsKey(UNTIL)
        ? Instant.EPOCH
        : Attributes.instant(item, UNTIL);
  }

  @Override
  public void markReported(Instant until) {
    Objects.requireNonNull(until, "until");
    Map<String, AttributeValue> item = new HashMap<>(reportedKey());
    item.put(UNTIL, Attributes.instant(until));
    try {
      DynamoDbCalls.call(
          table,
          "remember what the maintenance digest reported",
          () ->
              client.putItem(
                  b ->
                      b.tableName(table)
                          .item(item)
                          .conditionExpression("attribute_not_exists(#until) OR #until < :until")
                          .expressionAttributeNames(Map.of("#until", UNTIL))
                          .expressionAttributeValues(Map.of(":until", item.get(UNTIL)))));
    } catch (ConditionalCheckFailedException e) {
      // A later mark is there already: it never moves back.
    }
  }

  /** The item's status; items written before there was one were either done or refused. */
  private static AuditRecord.Status status(Map<String, AttributeValue> item) {
    if (item.containsKey(STATUS)) {
      return AuditRecord.Status.valueOf(Attributes.string(item, STATUS));
    }
    return Attributes.bool(item, DONE) ? AuditRecord.Status.DONE : AuditRecord.Status.REFUSED;
  }

  private static Map<String, AttributeValue> reportedKey() {
    return Map.of(PARTITION_KEY, Attributes.string(DynamoDbSchema.AUDIT_REPORTED_KEY));
  }

  /** The records at or after {@code from} in the audit index, oldest first, in pages. */
  private QueryRequest query(Instant from) {
    return QueryRequest.builder()
        .tableName(table)
        .indexName(AUDIT_INDEX)
        .keyConditionExpression("#log = :log AND #at >= :from")
        .expressionAttributeNames(Map.of("#log", AUDIT_LOG, "#at", AUDIT_AT))
        .expressionAttributeValues(
            Map.of(":log", AUDIT_LOG_VALUE, ":from", Attributes.instant(from)))
        .scanIndexForward(true)
        .limit(pageSize)
        .build();
  }

  /**
   * Gives every audit record written before the audit index existed the index's partition key, once
   * per table: the marker item says it was done. Two readers racing both set the same value, which
   * is harmless, and both put the same marker.
   */
  private void ensureLayout() {
    if (layoutCurrent) {
      return;
    }
    Map<String, AttributeValue> marker =
        DynamoDbCalls.call(
                table,
                "read the audit layout marker",
                () -> client.getItem(b -> b.tableName(table).consistentRead(true).key(layoutKey())))
            .item();
    if (marker == null || marker.isEmpty()) {
      migrate();
      DynamoDbCalls.call(
          table,
          "put the audit layout marker",
          () -> client.putItem(b -> b.tableName(table).item(layoutKey())));
    }
    layoutCurrent = true;
  }

  private void migrate() {
    DynamoDbCalls.call(
        table,
        "find audit records without the index",
        () -> {
          client
              .scanPaginator(oldLayout())
              .items()
              .forEach(item -> addIndexKey(Attributes.string(item, PARTITION_KEY)));
          return null;
        });
  }

  /** The keys of audit records that lack the index's partition key, in scan pages. */
  private ScanRequest oldLayout() {
    return ScanRequest.builder()
        .tableName(table)
        .consistentRead(true)
        .filterExpression("begins_with(#pk, :prefix) AND attribute_not_exists(#log)")
        .projectionExpression("#pk")
        .expressionAttributeNames(Map.of("#pk", PARTITION_KEY, "#log", AUDIT_LOG))
        .expressionAttributeValues(Map.of(":prefix", Attributes.string(AUDIT_PREFIX)))
        .limit(pageSize)
        .build();
  }

  private void addIndexKey(String pk) {
    AttributeValue key = Attributes.string(pk);
    try {
      DynamoDbCalls.call(
          table,
          "add the index key to the audit record " + pk,
          () ->
              client.updateItem(
                  b ->
                      b.tableName(table)
                          .key(Map.of(PARTITION_KEY, key))
                          // Never create an item: only records that exist get the key.
                          .conditionExpression("attribute_exists(#pk)")
                          .updateExpression("SET #log = :log")
                          .expressionAttributeNames(Map.of("#pk", PARTITION_KEY, "#log", AUDIT_LOG))
                          .expressionAttributeValues(Map.of(":log", AUDIT_LOG_VALUE))));
    } catch (ConditionalCheckFailedException e) {
      // Gone meanwhile: nothing to index.
    }
  }

  private static Map<String, AttributeValue> layoutKey() {
    return Map.of(PARTITION_KEY, Attributes.string(DynamoDbSchema.AUDIT_LAYOUT_KEY));
  }

  private AuditRecord decode(Map<String, AttributeValue> item) {
    try {
      return new AuditRecord(
          Attributes.instant(item, AUDIT_AT),
          ActorItem.read(item),
          Action.valueOf(Attributes.string(item, "action")),
          Cidr.parse(Attributes.string(item, DynamoDbSchema.CIDR)),
          Attributes.string(item, "reason"),
          status(item),
          Attributes.string(item, OUTCOME));
    } catch (RuntimeException e) {
      throw new StoreException(
          "table "
              + table
              + ": item "
              + BlocklistItem.describe(item)
              + " is not a valid audit record: "
              + e.getMessage(),
          e);
    }
  }
}
