package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.Sighting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What a reconcile's scan of the blocklist reads, against the size of the notification log (issue
 * 10): with the log in the blocklist's table the scan reads every notification record too (a filter
 * expression does not lower what a scan reads); in its own table, none. Prints the figures: the
 * items scanned, as moto counts them, and the read units DynamoDB would charge for a consistent
 * scan, from the sizes of the items read (moto's ConsumedCapacity is one unit per page, whatever
 * the page holds).
 */
@ExtendWith(MotoServer.class)
class ReconcileReadCostIT {

  private static final Instant T0 = Instant.parse("2026-11-28T06:00:00Z");
  private static final int ENTRIES = 100;

  /** Read units and items a blocklist scan consumed, summed over its pages. */
  private record Cost(long readUnits, int scanned) {}

  @Test
  void listActive_shouldReadNoNotificationRecord_whenTheLogHasItsOwnTable() {
    List<String> lines = new ArrayList<>();
    for (int records : new int[] {0, 5_000}) {
      Cost shared = cost("shared-" + records, "shared-" + records, records);
      Cost separate = cost("blocklist-" + records, "notifications-" + records, records);
      lines.add(
          String.format(
              Locale.ROOT,
              "notification records %6d: one table %4d RCU (%6d items scanned), own table %4d"
                  + " RCU (%4d items)",
              records,
              shared.readUnits(),
              shared.scanned(),
              separate.readUnits(),
              separate.scanned()));
      assertThat(separate.scanned()).isEqualTo(ENTRIES);
      assertThat(shared.scanned()).isEqualTo(ENTRIES + records);
    }
    lines.forEach(System.out::println);
  }

  private static Cost cost(String blocklistTable, String notificationsTable, int records) {
    DynamoDbClient raw = MotoServer.dynamoDb();
    DynamoDbState.create(raw, blocklistTable, notificationsTable).createIfMissing();
    BlocklistStore store =
        DynamoDbState.create(raw, blocklistTable, notificationsTable).blocklist();
    for (int i = 0; i < ENTRIES; i++) {
      store.upsert(Sighting.of("198.51." + (i / 250) + "." + (i % 250 + 1), T0).build());
    }
    writeNotificationRecords(raw, notificationsTable, records);
    int[] scanned = new int[1];
    new DynamoDbBlocklistStore(counting(raw, scanned), blocklistTable, null).listActive(T0);
    return new Cost(readUnits(raw, blocklistTable), scanned[0]);
  }

  /**
   * What a consistent scan of the whole table is charged: one unit per 4 KB of the items read, the
   * sizes by DynamoDB's rules (names and values in UTF-8; a number about one byte per two digits).
   */
  private static long readUnits(DynamoDbClient client, String table) {
    long bytes = 0;
    for (Map<String, AttributeValue> item : client.scanPaginator(b -> b.tableName(table)).items()) {
      for (Map.Entry<String, AttributeValue> a : item.entrySet()) {
        bytes += utf8(a.getKey()) + size(a.getValue());
      }
    }
    return (bytes + 4095) / 4096;
  }

  private static long size(AttributeValue v) {
    if (v.s() != null) {
      return utf8(v.s());
    }
    if (v.n() != null) {
      return v.n().replaceAll("[^0-9]", "").length() / 2 + 2;
    }
    if (v.hasSs()) {
      return v.ss().stream().mapToLong(ReconcileReadCostIT::utf8).sum();
    }
    if (v.hasL()) {
      return 3 + v.l().stream().mapToLong(e -> 1 + size(e)).sum();
    }
    return 1;
  }

  private static long utf8(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  /** Confirmed notification records as the log writes them, 25 to a batch. */
  private static void writeNotificationRecords(DynamoDbClient client, String table, int count) {
    List<WriteRequest> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String key = DynamoDbNotificationLog.key(String.format(Locale.ROOT, "%032x", i));
      Map<String, AttributeValue> item =
          Map.of(
              "pk", AttributeValue.fromS(key),
              "level", AttributeValue.fromN("3"),
              "expiresAtExact", AttributeValue.fromN("1798000000.123456789"),
              "expiresAt", AttributeValue.fromN("1798000001"));
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      if (batch.size() == 25 || i == count - 1) {
        List<WriteRequest> requests = List.copyOf(batch);
        client.batchWriteItem(b -> b.requestItems(Map.of(table, requests)));
        batch.clear();
      }
    }
  }

  /** {@code client}, counting the items its scans read (before the filter). */
  private static DynamoDbClient counting(DynamoDbClient client, int[] scanned) {
    return CallCounter.observe(
        DynamoDbClient.class,
        client,
        (method, result) -> {
          if (result instanceof ScanResponse page) {
            scanned[0] += page.scannedCount();
          }
        });
  }
}
