package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.port.StoreException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** How the audit trail reads DynamoDB's refusals of its query (as AWS words them, not moto). */
class DynamoDbAuditTrailTest {

  @Test
  void since_shouldNameTheIndexAndInit_whenDynamoDbSaysTheIndexIsMissing() {
    DynamoDbAuditTrail trail =
        trail(
            refusing("ValidationException", "The table does not have the specified index: audit"));

    assertThatThrownBy(() -> trail.since(Instant.EPOCH))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("table t has no index 'audit'")
        .hasMessageContaining("guardwall init");
  }

  @Test
  void since_shouldNameTheIndexAndInit_whenTheIndexIsStillBeingBuilt() {
    DynamoDbAuditTrail trail =
        trail(
            refusing(
                "ValidationException",
                "Cannot read from backfilling global secondary index: audit"));

    assertThatThrownBy(() -> trail.since(Instant.EPOCH))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("no index 'audit' ready");
  }

  @Test
  void since_shouldReportTheFailureAsIs_whenDynamoDbRefusesForAnotherReason() {
    DynamoDbAuditTrail trail =
        trail(refusing("ProvisionedThroughputExceededException", "Rate of requests exceeds"));

    assertThatThrownBy(() -> trail.since(Instant.EPOCH))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("read the audit trail failed: Rate of requests exceeds")
        .hasMessageNotContaining("init");
  }

  private static DynamoDbAuditTrail trail(DynamoDbClient client) {
    return new DynamoDbAuditTrail(client, "t");
  }

  /** A table whose layout marker is present and whose every query fails with {@code code}. */
  private static DynamoDbClient refusing(String code, String message) {
    return new DynamoDbClient() {
      @Override
      public GetItemResponse getItem(GetItemRequest request) {
        return GetItemResponse.builder()
            .item(Map.of("pk", AttributeValue.fromS(DynamoDbSchema.AUDIT_LAYOUT_KEY)))
            .build();
      }

      @Override
      public QueryResponse query(QueryRequest request) {
        throw (DynamoDbException)
            DynamoDbException.builder()
                .message(message)
                .awsErrorDetails(
                    AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .build();
      }

      @Override
      public String serviceName() {
        return "dynamodb";
      }

      @Override
      public void close() {}
    };
  }
}
