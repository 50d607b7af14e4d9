package io.guardwall.core.port;

import io.guardwall.core.model.AllowedCidr;
import io.guardwall.core.model.Cidr;
import java.util.List;

/**
 * The dynamic allow-list: CIDRs people allowed, never blocked until disallowed. Implementations are
 * thread-safe and every method is atomic; a failure throws {@link StoreException} and leaves the
 * stored state as it was.
 */
public interface AllowListStore {

  /** Adds {@code allowed}; false, changing nothing, when its CIDR is already on the list. */
  boolean add(AllowedCidr allowed);

  /** Removes the CIDR; false when it was not on the list. */
  boolean remove(Cidr cidr);

  /** The whole list, in CIDR order: one read, meant to be made once per batch. */
  List<AllowedCidr> list();

  /** A list kept in memory only, for processes that keep nothing between runs (tests). */
  static AllowListStore inMemory() {
    return new InMemoryAllowListStore();
  }
}
