package io.guardwall.core.port;

class InMemoryNotificationLogTest extends NotificationLogContract {
  @Override
  protected NotificationLog newLog() {
    return new InMemoryNotificationLog();
  }
}
