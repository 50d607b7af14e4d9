package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.Action;
import io.guardwall.core.model.Actor;
import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.Sighting;
import io.guardwall.core.port.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The DynamoDB audit trail reads its index, never scans the blocklist, and brings records of the
 * layout before the index into it once; on moto.
 */
@ExtendWith(MotoServer.class)
class DynamoDbAuditTrailIT {
  private static final String TABLE = "guardwall-state";
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Actor ALICE = Actor.osUser("alice");

  private final DynamoDbClient client = MotoServer.dynamoDb();

  @Test
  void createTableIfMissing_shouldCreateTheAuditIndex_onTheRecordsTimeline() {
    DynamoDbState.createTableIfMissing(client, TABLE);

    assertThat(client.describeTable(b -> b.tableName(TABLE)).table().globalSecondaryIndexes())
        .singleElement()
        .satisfies(DynamoDbAuditTrailIT::isTheAuditIndex);
  }

  @Test
  void createIfMissing_shouldGiveNoIndex_toASeparateNotificationsTable() {
    DynamoDbState.create(client, TABLE, "guardwall-notifications").createIfMissing();

    assertThat(
            client
                .describeTable(b -> b.tableName("guardwall-notifications"))
                .table()
                .globalSecondaryIndexes())
        .isEmpty();
  }

  @Test
  void createTableIfMissing_shouldAddTheIndexAndKeepTheData_whenAnOlderInitCreatedTheTable() {
    createOldTable();
    putOldRecord("audit#old-1", T0, "198.51.100.7");

    DynamoDbState.createTableIfMissing(client, TABLE);

    assertThat(client.describeTable(b -> b.tableName(TABLE)).table().globalSecondaryIndexes())
        .singleElement()
        .satisfies(DynamoDbAuditTrailIT::isTheAuditIndex);
    assertThat(trail(null).since(Instant.EPOCH))
        .extracting(r -> r.cidr().value())
        .containsExactly("198.51.100.7/32");
  }

  @Test
  void since_shouldNameTheIndexAndInit_whenTheTableHasNoAuditIndex() {
    createOldTable();

    assertThatThrownBy(() -> trail(null).since(Instant.EPOCH))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(TABLE)
        .hasMessageContaining("no index 'audit'")
        .hasMessageContaining("guardwall init");
  }

  @Test
  void since_shouldQueryTheIndexNeverScan_whenTheLayoutIsCurrent() {
    DynamoDbState.createTableIfMissing(client, TABLE);
    trail(null).record(record(T0, "198.51.100.7"));
    trail(null).since(T0); // the first read migrates (nothing) and writes the marker
    CallCounter calls = new CallCounter();
    DynamoDbAuditTrail trail =
        new DynamoDbAuditTrail(calls.wrap(DynamoDbClient.class, client), TABLE, null);

    assertThat(trail.since(T0)).hasSize(1);
    assertThat(trail.since(T0)).hasSize(1);
    assertThat(calls.count("query")).isEqualTo(2);
    assertThat(calls.count("scan")).isZero();
    assertThat(calls.count("getItem")).isEqualTo(1); // the marker, read once per instance
  }

  @Test
  void since_shouldReadEveryPage_inTimeOrder_whenTheTrailSpansManyPages() {
    DynamoDbState.createTableIfMissing(client, TABLE);
    DynamoDbAuditTrail trail = trail(3);
    List<AuditRecord> written = new ArrayList<>();
    IntStream.range(0, 10)
        .map(i -> 9 - i)
        .forEach(
            i -> {
              AuditRecord r = record(T0.plusSeconds(i), "198.51.100." + i);
              trail.record(r);
              written.add(0, r);
            });
    new DynamoDbBlocklistStore(client, TABLE, null).upsert(Sighting.of("192.0.2.1", T0).build());

    assertThat(trail.since(Instant.EPOCH)).containsExactlyElementsOf(written);
    assertThat(trail.since(T0.plusSeconds(4))).containsExactlyElementsOf(written.subList(4, 10));
  }

  @Test
  void since_shouldMigrateOldRecordsOnce_andWriteTheMarker_whenTheMarkerIsAbsent() {
    DynamoDbState.createTableIfMissing(client, TABLE);
    putOldRecord("audit#old-2", T0.plusSeconds(2), "198.51.100.2");
    putOldRecord("audit#old-1", T0.plusSeconds(1), "198.51.100.1");
    DynamoDbAuditTrail trail = trail(1);
    AuditRecord fresh = record(T0.plusSeconds(3), "198.51.100.3");
    trail.record(fresh);

    assertThat(trail.since(Instant.EPOCH))
        .extracting(r -> r.cidr().value())
        .containsExactly("198.51.100.1/32", "198.51.100.2/32", "198.51.100.3/32");
    assertThat(item("audit#old-1")).containsEntry("auditLog", AttributeValue.fromS("audit"));
    assertThat(item("audit-layout")).isNotEmpty();
    assertThat(new DynamoDbBlocklistStore(client, TABLE, null).listActive(T0)).isEmpty();

    // With the marker there, a record of the old layout written later is not looked for again.
    putOldRecord("audit#old-late", T0.plusSeconds(4), "198.51.100.4");
    assertThat(trail(null).since(Instant.EPOCH)).hasSize(3);
  }

  @Test
  void since_shouldMigrateEveryRecordOnce_whenTwoReadersRace() throws Exception {
    DynamoDbState.createTableIfMissing(client, TABLE);
    for (int i = 0; i < 12; i++) {
      putOldRecord("audit#old-" + i, T0.plusSeconds(i), "198.51.100." + i);
    }

    CompletableFuture<List<AuditRecord>> a =
        CompletableFuture.supplyAsync(() -> trail(2).since(Instant.EPOCH));
    CompletableFuture<List<AuditRecord>> b =
        CompletableFuture.supplyAsync(() -> trail(5).since(Instant.EPOCH));

    assertThat(a.get()).hasSize(12).isEqualTo(b.get());
    assertThat(client.scan(s -> s.tableName(TABLE)).items())
        .hasSize(13)
        .filteredOn(i -> i.get("pk").s().startsWith("audit#"))
        .allSatisfy(i -> assertThat(i).containsEntry("auditLog", AttributeValue.fromS("audit")));
  }

  @Test
  void constructor_shouldRefuseAPageSizeBelowOne() {
    assertThatThrownBy(() -> new DynamoDbAuditTrail(client, TABLE, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private DynamoDbAuditTrail trail(Integer pageSize) {
    return new DynamoDbAuditTrail(client, TABLE, pageSize);
  }

  private static AuditRecord record(Instant at, String cidr) {
    return new AuditRecord(
        at, ALICE, Action.PIN, Cidr.parse(cidr), "", AuditRecord.Status.DONE, "pinned");
  }

  private static void isTheAuditIndex(GlobalSecondaryIndexDescription i) {
    assertThat(i.indexName()).isEqualTo(DynamoDbSchema.AUDIT_INDEX);
    assertThat(i.keySchema())
        .extracting(k -> k.attributeName() + " " + k.keyType())
        .containsExactly("auditLog " + KeyType.HASH, "at " + KeyType.RANGE);
    assertThat(i.projection().projectionType()).isEqualTo(ProjectionType.ALL);
  }

  /** The table as guardwall's init created it before the audit index. */
  private void createOldTable() {
    client.createTable(
        b ->
            b.tableName(TABLE)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(
                    d -> d.attributeName("pk").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  /** An audit record as guardwall wrote it before the audit index: no auditLog. */
  private void putOldRecord(String pk, Instant at, String cidr) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", AttributeValue.fromS(pk));
    item.put("at", Attributes.instant(at));
    item.put("action", AttributeValue.fromS("UNBLOCK"));
    item.put("cidr", AttributeValue.fromS(Cidr.parse(cidr).value()));
    item.put("reason", AttributeValue.fromS(""));
    item.put("done", AttributeValue.fromBool(true));
    item.put("outcome", AttributeValue.fromS("removed"));
    item.put("actorSource", AttributeValue.fromS("CLI"));
    item.put("actorId", AttributeValue.fromS("alice"));
    item.put("actorName", AttributeValue.fromS("alice"));
    client.putItem(b -> b.tableName(TABLE).item(item));
  }

  private Map<String, AttributeValue> item(String pk) {
    return client
        .getItem(b -> b.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS(pk))))
        .item();
  }
}
