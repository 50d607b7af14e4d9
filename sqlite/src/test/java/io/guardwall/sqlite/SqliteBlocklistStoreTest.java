package io.guardwall.sqlite;

import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.BlocklistStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteBlocklistStoreTest extends BlocklistStoreContract {
  @TempDir Path dir;
  private SqliteState state;

  @Override
  protected BlocklistStore newStore() {
    state = SqliteState.open(dir.resolve("state.db"));
    return state.blocklist();
  }

  @AfterEach
  void closeState() {
    state.close();
  }
}
