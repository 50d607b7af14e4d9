package io.guardwall.core.port;

import io.guardwall.core.model.SeverityLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Remembers which findings were notified, so each is notified once, and again only when its
 * severity rises; shared by concurrent workers. A finding counts as notified only once its claim is
 * {@linkplain #confirm confirmed}, after Slack accepted the message: a claim is a short lease, so
 * neither a failed send nor a crashed sender loses the alert. Implementations are thread-safe and
 * each call is atomic.
 */
public interface NotificationLog extends AutoCloseable {

  /**
   * Claims the right to notify {@code findingId} at {@code level} until {@code leaseUntil}: granted
   * when no notification of it at this level or higher is remembered and no other claim at this
   * level or higher holds a lease at {@code now}; empty otherwise. The caller then sends and calls
   * {@link #confirm} or {@link #release}; a claim that is neither lapses at {@code leaseUntil}.
   */
  Optional<NotificationClaim> claim(
      String findingId, SeverityLevel level, Instant now, Instant leaseUntil);

  /**
   * {@link #claim} for many findings in order, each seeing the claims before it (a finding asked
   * twice at one level is granted once): one result per request. A log that can claims the whole
   * batch in one atomic step; this default claims one at a time.
   */
  default List<Optional<NotificationClaim>> claimAll(
      List<ClaimRequest> requests, Instant now, Instant leaseUntil) {
    List<Optional<NotificationClaim>> claims = new ArrayList<>(requests.size());
    for (ClaimRequest r : requests) {
      claims.add(claim(r.findingId(), r.level(), now, leaseUntil));
    }
    return claims;
  }

  /**
   * {@link #confirm} for many claims; a log that can records them in one atomic step, this default
   * one at a time.
   */
  default void confirmAll(List<NotificationClaim> claims, Instant now, Instant forgetAfter) {
    for (NotificationClaim c : claims) {
      confirm(c, now, forgetAfter);
    }
  }

  /**
   * Records that {@code claim}'s notification was delivered, to be remembered until {@code
   * forgetAfter} (a higher level remembered meanwhile is kept), and ends its lease.
   */
  void confirm(NotificationClaim claim, Instant now, Instant forgetAfter);

  /**
   * Ends {@code claim}'s lease without recording a notification, so the finding can be claimed
   * again at once; what was notified before stays remembered. Does nothing when the lease already
   * passed to another claim.
   */
  void release(NotificationClaim claim);

  @Override
  default void close() {}
}
