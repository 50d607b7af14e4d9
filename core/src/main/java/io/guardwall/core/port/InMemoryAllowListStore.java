package io.guardwall.core.port;

import io.guardwall.core.model.AllowedCidr;
import io.guardwall.core.model.Cidr;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;

/** The dynamic allow-list in memory; thread-safe. */
final class InMemoryAllowListStore implements AllowListStore {
  private final ConcurrentSkipListMap<Cidr, AllowedCidr> allowed = new ConcurrentSkipListMap<>();

  @Override
  public boolean add(AllowedCidr entry) {
    Objects.requireNonNull(entry, "allowed");
    return allowed.putIfAbsent(entry.cidr(), entry) == null;
  }

  @Override
  public boolean remove(Cidr cidr) {
    return allowed.remove(Objects.requireNonNull(cidr, "cidr")) != null;
  }

  @Override
  public List<AllowedCidr> list() {
    return List.copyOf(allowed.values());
  }
}
