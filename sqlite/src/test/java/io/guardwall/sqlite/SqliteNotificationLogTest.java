package io.guardwall.sqlite;

import io.guardwall.core.port.NotificationLog;
import io.guardwall.core.port.NotificationLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteNotificationLogTest extends NotificationLogContract {
  @TempDir Path dir;
  private SqliteState state;

  @Override
  protected NotificationLog newLog() {
    state = SqliteState.open(dir.resolve("state.db"));
    return state.notifications();
  }

  @AfterEach
  void closeState() {
    state.close();
  }
}
