package io.guardwall.core.port;

import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.UpsertResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/** A {@link BlocklistStore} held in memory, for tests of the flows; thread-safe (synchronized). */
public final class InMemoryBlocklistStore implements BlocklistStore {
  private final Map<Cidr, BlocklistEntry> entries = new TreeMap<>();

  @Override
  public synchronized UpsertResult upsert(BlockRequest request) {
    UpsertResult result = UpsertResult.apply(entries.get(request.cidr()), request);
    entries.put(request.cidr(), result.entry());
    return result;
  }

  @Override
  public synchronized List<BlocklistEntry> listActive(Instant now) {
    Objects.requireNonNull(now, "now");
    return matching(e -> e.isActive(now));
  }

  @Override
  public synchronized Optional<BlocklistEntry> get(Cidr cidr) {
    return Optional.ofNullable(entries.get(Objects.requireNonNull(cidr, "cidr")));
  }

  @Override
  public synchronized List<BlocklistEntry> deleteExpired(Instant now) {
    Objects.requireNonNull(now, "now");
    List<BlocklistEntry> expired = matching(e -> !e.isActive(now));
    expired.forEach(e -> entries.remove(e.cidr()));
    return expired;
  }

  @Override
  public synchronized boolean delete(Cidr cidr) {
    return entries.remove(Objects.requireNonNull(cidr, "cidr")) != null;
  }

  private List<BlocklistEntry> matching(Predicate<BlocklistEntry> filter) {
    return new ArrayList<>(entries.values().stream().filter(filter).toList());
  }
}
