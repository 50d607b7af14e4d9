package io.guardwall.sqlite;

import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.BlocklistStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The in-memory mode (dry runs without {@code --state}) keeps the same contract. */
class InMemoryStateBlocklistTest extends BlocklistStoreContract {
  private SqliteState state;

  @Override
  protected BlocklistStore newStore() {
    state = SqliteState.inMemory();
    return state.blocklist();
  }

  @AfterEach
  void closeState() {
    state.close();
  }
}
