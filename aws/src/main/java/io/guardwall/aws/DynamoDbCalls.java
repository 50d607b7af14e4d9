package io.guardwall.aws;

import io.guardwall.core.port.StoreException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Runs DynamoDB calls for the action stores, naming the table on failure. Stateless. */
final class DynamoDbCalls {

  private DynamoDbCalls() {}

  /**
   * Runs one call; a failed condition passes through for the caller to handle, any other failure
   * becomes a {@link StoreException} naming the table and the operation.
   */
  static <T> T call(String table, String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (ConditionalCheckFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw failure(table, operation, e);
    }
  }

  /** The failure of {@code operation} on {@code table}, naming both. */
  static StoreException failure(String table, String operation, SdkException e) {
    return new StoreException(
        "DynamoDB table " + table + ": " + operation + " failed: " + e.getMessage(), e);
  }
}
