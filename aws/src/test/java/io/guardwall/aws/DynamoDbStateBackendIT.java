package io.guardwall.aws;

import io.guardwall.core.port.StateBackend;
import io.guardwall.core.port.StateBackendContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB state keeps the contract every state backend shares, on moto. */
@ExtendWith(MotoServer.class)
class DynamoDbStateBackendIT extends StateBackendContract {

  @Override
  protected StateBackend newBackend() {
    DynamoDbState state = DynamoDbState.create(MotoServer.dynamoDb(), "guardwall-state");
    state.createIfMissing();
    return state;
  }
}
