package io.guardwall.sqlite;

import io.guardwall.core.port.StateBackend;
import io.guardwall.core.port.StateBackendContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite state file keeps the contract every state backend shares. */
class SqliteStateBackendTest extends StateBackendContract {
  @TempDir Path dir;

  @Override
  protected StateBackend newBackend() {
    return SqliteState.open(dir.resolve("state.db"));
  }
}
