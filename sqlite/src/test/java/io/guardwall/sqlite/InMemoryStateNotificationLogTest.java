package io.guardwall.sqlite;

import io.guardwall.core.port.NotificationLog;
import io.guardwall.core.port.NotificationLogContract;
import org.junit.jupiter.api.AfterEach;

/** The in-memory mode (dry runs without {@code --state}) keeps the same contract. */
class InMemoryStateNotificationLogTest extends NotificationLogContract {
  private SqliteState state;

  @Override
  protected NotificationLog newLog() {
    state = SqliteState.inMemory();
    return state.notifications();
  }

  @AfterEach
  void closeState() {
    state.close();
  }
}
