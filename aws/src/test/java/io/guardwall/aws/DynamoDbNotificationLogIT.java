package io.guardwall.aws;

import static io.guardwall.core.model.SeverityLevel.CRITICAL;
import static io.guardwall.core.model.SeverityLevel.HIGH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.port.NotificationClaim;
import io.guardwall.core.port.NotificationLog;
import io.guardwall.core.port.NotificationLogContract;
import io.guardwall.core.port.Sighting;
import io.guardwall.core.port.StoreException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(MotoServer.class)
class DynamoDbNotificationLogIT extends NotificationLogContract {
  private static final String TABLE = "guardwall-test";

  @Override
  protected NotificationLog newLog() {
    DynamoDbState.createTableIfMissing(MotoServer.dynamoDb(), TABLE);
    return DynamoDbState.create(MotoServer.dynamoDb(), TABLE).notifications();
  }

  @Test
  void claimAndConfirm_shouldWriteDocumentedAttributes() {
    NotificationClaim claim = log.claim("f1", HIGH, T0, T0.plus(LEASE)).orElseThrow();

    Map<String, AttributeValue> pending = rawItem("finding#f1");
    assertThat(pending.get("leaseLevel").n()).isEqualTo("3");
    assertThat(pending.get("leaseUntil").n()).isEqualTo("1893456300.123456789");
    assertThat(pending.get("leaseToken").s()).isEqualTo(claim.token());
    assertThat(pending.get("expiresAt").n()).as("TTL: the lease's end").isEqualTo("1893456301");
    assertThat(pending).doesNotContainKeys("level", "expiresAtExact");

    log.confirm(claim, T0, T0.plus(DAY));

    Map<String, AttributeValue> item = rawItem("finding#f1");
    assertThat(item.get("level").n()).isEqualTo("3");
    assertThat(item.get("expiresAtExact").n()).isEqualTo("1893542400.123456789");
    assertThat(item.get("expiresAt").n()).as("TTL, rounded up").isEqualTo("1893542401");
    assertThat(item).doesNotContainKeys("leaseLevel", "leaseUntil", "leaseToken");
  }

  @Test
  void claim_shouldRefuse_whenARecordWrittenBeforeLeasesHoldsTheLevel() {
    MotoServer.dynamoDb()
        .putItem(
            b ->
                b.tableName(TABLE)
                    .item(
                        Map.of(
                            "pk", AttributeValue.fromS("finding#old"),
                            "level", AttributeValue.fromN("3"),
                            "expiresAtExact", AttributeValue.fromN("1893542400.123456789"),
                            "expiresAt", AttributeValue.fromN("1893542401"))));

    assertThat(log.claim("old", HIGH, T0, T0.plus(LEASE))).isEmpty();
    assertThat(log.claim("old", CRITICAL, T0, T0.plus(LEASE))).isPresent();
  }

  @Test
  void claim_shouldKeyHugeIdByItsHash_whenIdExceedsKeyLimit() {
    String huge = "é".repeat(5_000);

    assertThat(log.claim(huge, HIGH, T0, T0.plus(DAY))).isPresent();

    assertThat(rawItem(DynamoDbNotificationLog.key(huge))).containsKey("leaseLevel");
    assertThat(DynamoDbNotificationLog.key(huge)).startsWith("finding-sha256#");
  }

  @Test
  void claim_shouldLeaveBlocklistAlone_whenBothShareTheTable() {
    DynamoDbState state = DynamoDbState.create(MotoServer.dynamoDb(), TABLE);
    state.blocklist().upsert(Sighting.of("198.51.100.7", T0).build());

    assertThat(log.claim("198.51.100.7/32", HIGH, T0, T0.plus(DAY))).isPresent();

    assertThat(state.blocklist().listActive(T0)).hasSize(1);
    assertThat(state.blocklist().get(io.guardwall.core.model.Cidr.parse("198.51.100.7")))
        .isPresent();
  }

  @Test
  void claim_shouldFailNamingTable_whenTableMissing() {
    NotificationLog missing =
        DynamoDbState.create(MotoServer.dynamoDb(), "no-such-table").notifications();

    assertThatThrownBy(() -> missing.claim("f1", HIGH, T0, T0.plus(DAY)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("no-such-table");
  }

  private static Map<String, AttributeValue> rawItem(String key) {
    return MotoServer.dynamoDb()
        .getItem(b -> b.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS(key))))
        .item();
  }
}
