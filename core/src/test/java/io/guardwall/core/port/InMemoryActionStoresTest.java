package io.guardwall.core.port;

class InMemoryActionStoresTest extends ActionStoresContract {

  @Override
  protected StateBackend newBackend() {
    return new AbstractStateBackend(
        new InMemoryBlocklistStore(),
        new InMemoryNotificationLog(),
        AllowListStore.inMemory(),
        AuditTrail.inMemory()) {
      @Override
      public void close() {}
    };
  }
}
