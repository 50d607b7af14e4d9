package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.port.ReplayGuard;
import io.guardwall.core.port.ReplayGuardContract;
import io.guardwall.core.port.StoreException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(MotoServer.class)
class DynamoDbReplayGuardIT extends ReplayGuardContract {
  private static final String TABLE = "guardwall-replay-test";

  @Override
  protected ReplayGuard newGuard() {
    DynamoDbState.createTableIfMissing(MotoServer.dynamoDb(), TABLE);
    return DynamoDbState.create(MotoServer.dynamoDb(), TABLE).replayGuard();
  }

  @Test
  void firstUse_shouldWriteTheDocumentedItem() {
    Instant until = Instant.parse("2030-01-01T00:05:00.5Z");
    guard.firstUse("v0=feed", Instant.parse("2030-01-01T00:00:00Z"), until);

    Map<String, AttributeValue> item =
        MotoServer.dynamoDb()
            .getItem(
                b ->
                    b.tableName(TABLE)
                        .key(Map.of("pk", Attributes.string("slack-request#v0=feed"))))
            .item();
    assertThat(item.get("expiresAtExact").n()).isEqualTo("1893456300.5");
    assertThat(item.get("expiresAt").n()).isEqualTo("1893456301");
  }

  @Test
  void firstUse_shouldThrowNamingTheTable_whenTheTableIsMissing() {
    ReplayGuard missing =
        DynamoDbState.create(MotoServer.dynamoDb(), "no-such-table").replayGuard();

    assertThatThrownBy(() -> missing.firstUse("v0=x", Instant.EPOCH, Instant.EPOCH.plusSeconds(1)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("no-such-table");
  }
}
