package io.guardwall.aws;

import static io.guardwall.aws.DynamoDbSchema.AUDIT_PREFIX;
import static io.guardwall.aws.DynamoDbSchema.PARTITION_KEY;

import io.guardwall.core.model.Action;
import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The audit trail as items of the blocklist's table ({@link DynamoDbSchema}), one per action, never
 * expiring, and the one item saying what the maintenance digest reported; thread-safe. Reading it
 * scans the table: it serves {@code history} and the maintenance digest, never a finding's path.
 */
final class DynamoDbAuditTrail implements io.guardwall.core.port.AuditTrail {

  private static final String UNTIL = "until";
  private static final String DONE = "done";
  private static final String STATUS = "status";
  private static final String OUTCOME = "outcome";

  private final DynamoDbClient client;
  private final String table;

  DynamoDbAuditTrail(DynamoDbClient client, String table) {
    this.client = Objects.requireNonNull(client, "client");
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public String record(AuditRecord r) {
    Objects.requireNonNull(r, "record");
    // The instant first keeps keys readable in the console; the UUID keeps same-instant actions.
    String key = AUDIT_PREFIX + r.at() + "#" + UUID.randomUUID();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PARTITION_KEY, Attributes.string(key));
    item.put("at", Attributes.instant(r.at()));
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
    List<AuditRecord> all = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> resume = start;
      ScanResponse page =
          DynamoDbCalls.call(table, "read the audit trail", () -> client.scan(scan(resume)));
      page.items().stream().map(this::decode).filter(r -> !r.at().isBefore(from)).forEach(all::add);
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
    all.sort(Comparator.comparing(AuditRecord::at));
    return List.copyOf(all);
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

  private ScanRequest scan(@Nullable Map<String, AttributeValue> start) {
    return ScanRequest.builder()
        .tableName(table)
        .consistentRead(true)
        .filterExpression("begins_with(#pk, :prefix)")
        .expressionAttributeNames(Map.of("#pk", PARTITION_KEY))
        .expressionAttributeValues(Map.of(":prefix", Attributes.string(AUDIT_PREFIX)))
        .exclusiveStartKey(start)
        .build();
  }

  private AuditRecord decode(Map<String, AttributeValue> item) {
    try {
      return new AuditRecord(
          Attributes.instant(item, "at"),
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
