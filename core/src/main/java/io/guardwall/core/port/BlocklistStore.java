package io.guardwall.core.port;

import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.UpsertResult;
import java.time.Instant;
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
