package io.guardwall.core.port;

class InMemoryBlocklistStoreTest extends BlocklistStoreContract {
  @Override
  protected BlocklistStore newStore() {
    return new InMemoryBlocklistStore();
  }
}
