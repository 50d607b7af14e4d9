package io.guardwall.aws;

import io.guardwall.core.port.ActionStoresContract;
import io.guardwall.core.port.StateBackend;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB allow-list and audit trail keep the contract every backend shares, on moto. */
@ExtendWith(MotoServer.class)
class DynamoDbActionStoresIT extends ActionStoresContract {

  @Override
  protected StateBackend newBackend() {
    DynamoDbState state = DynamoDbState.create(MotoServer.dynamoDb(), "guardwall-state");
    state.createIfMissing();
    return state;
  }
}
