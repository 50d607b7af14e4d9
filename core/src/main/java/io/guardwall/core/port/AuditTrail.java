package io.guardwall.core.port;

import io.guardwall.core.model.AuditRecord;
import java.time.Instant;
import java.util.List;

/**
 * The audit trail: every action people took, kept for good. Implementations are thread-safe; a
 * failure throws {@link StoreException}.
 */
public interface AuditTrail {

  /**
   * Appends {@code record}, normally {@linkplain AuditRecord#requested requested}; records of the
   * same instant are all kept.
   *
   * @return the record's id, for {@link #complete}
   */
  String record(AuditRecord record);

  /**
   * Replaces the record {@code id} with {@code completed}: its status and outcome (the rest stays
   * as recorded).
   *
   * @throws StoreException also when there is no record {@code id}
   */
  void complete(String id, AuditRecord completed);

  /** The records at or after {@code from}, oldest first. */
  List<AuditRecord> since(Instant from);

  /**
   * The instant before which the maintenance digest has reported every action; {@link
   * Instant#EPOCH} when it never has.
   */
  Instant reportedUntil();

  /**
   * Remembers that the maintenance digest reported the actions before {@code until}; an instant
   * earlier than the one remembered changes nothing, so two digests racing never report again.
   */
  void markReported(Instant until);

  /** A trail kept in memory only, for processes that keep nothing between runs (tests). */
  static AuditTrail inMemory() {
    return new InMemoryAuditTrail();
  }
}
