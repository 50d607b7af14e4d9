package io.guardwall.core.port;

import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.UpsertResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The desired state: one entry per blocked CIDR. Implementations are thread-safe and every method
 * is atomic; a failure throws {@link StoreException} and leaves the stored state as it was.
 */
public interface BlocklistStore extends AutoCloseable {

  /**
   * Creates the entry, or merges the sighting into it with {@link BlocklistEntry#refresh}, in one
   * atomic step. An entry that had expired but was not yet deleted is replaced as if absent. A
   * sighting the active entry already counted (the same {@link BlockRequest#sightingKey}) leaves it
   * as it is, however many copies race: no hit, no later expiry.
   */
  UpsertResult upsert(BlockRequest request);

  /**
   * Upserts {@code requests} in order, each seeing the ones before it, with the results {@link
   * #upsert} would give one after another. A store that can records the whole batch in one atomic
   * step, so that a failure leaves none of it recorded; this default upserts one at a time, so a
   * failure leaves the requests before the failing one recorded (recording one again only refreshes
   * it, which is how a re-run after a failure converges).
   *
   * @throws StoreException when the store fails
   */
  default List<UpsertResult> upsertAll(List<BlockRequest> requests) {
    List<UpsertResult> results = new ArrayList<>(requests.size());
    for (BlockRequest r : requests) {
      results.add(upsert(r));
    }
    return results;
  }

  /** The entries active at {@code now} (pinned or not yet expired), in CIDR order; all pages. */
  List<BlocklistEntry> listActive(Instant now);

  Optional<BlocklistEntry> get(Cidr cidr);

  /** Deletes the entries expired at {@code now} (never pinned ones); returns them. */
  List<BlocklistEntry> deleteExpired(Instant now);

  /** Deletes one entry; false when there was none. */
  boolean delete(Cidr cidr);

  @Override
  default void close() {}
}
