package io.guardwall.sqlite;

import io.guardwall.core.port.StateBackend;
import io.guardwall.core.port.StateBackendContract;

/** The in-memory mode (dry runs without {@code --state}) keeps the same contract. */
class InMemoryStateBackendTest extends StateBackendContract {

  @Override
  protected StateBackend newBackend() {
    return SqliteState.inMemory();
  }
}
