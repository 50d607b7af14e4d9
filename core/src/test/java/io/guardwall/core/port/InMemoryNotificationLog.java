package io.guardwall.core.port;

import io.guardwall.core.model.SeverityLevel;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A {@link NotificationLog} held in memory, for tests of the flows; thread-safe (synchronized). */
public final class InMemoryNotificationLog implements NotificationLog {

  /** What was notified (null if nothing is remembered) and the pending claim (null if none). */
  private record Entry(Notified notified, Lease lease) {}

  private record Notified(SeverityLevel level, Instant forgetAfter) {
    boolean covers(SeverityLevel wanted, Instant now) {
      return forgetAfter.isAfter(now) && level.compareTo(wanted) >= 0;
    }
  }

  private record Lease(NotificationClaim claim, Instant until) {
    boolean covers(SeverityLevel wanted, Instant now) {
      return until.isAfter(now) && claim.level().compareTo(wanted) >= 0;
    }
  }

  private final Map<String, Entry> entries = new HashMap<>();

  @Override
  public synchronized Optional<NotificationClaim> claim(
      String findingId, SeverityLevel level, Instant now, Instant leaseUntil) {
    Objects.requireNonNull(findingId, "findingId");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
    Entry entry = entries.getOrDefault(findingId, new Entry(null, null));
    if (entry.notified() != null && entry.notified().covers(level, now)
        || entry.lease() != null && entry.lease().covers(level, now)) {
      return Optional.empty();
    }
    NotificationClaim claim = NotificationClaim.granted(findingId, level);
    entries.put(findingId, new Entry(entry.notified(), new Lease(claim, leaseUntil)));
    return Optional.of(claim);
  }

  @Override
  public synchronized void confirm(NotificationClaim claim, Instant now, Instant forgetAfter) {
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(forgetAfter, "forgetAfter");
    Entry entry = entries.getOrDefault(claim.findingId(), new Entry(null, null));
    Notified notified = entry.notified();
    boolean higherKept =
        notified != null
            && notified.forgetAfter().isAfter(now)
            && notified.level().compareTo(claim.level()) > 0;
    Notified remembered = higherKept ? notified : new Notified(claim.level(), forgetAfter);
    entries.put(claim.findingId(), new Entry(remembered, without(entry.lease(), claim)));
  }

  @Override
  public synchronized void release(NotificationClaim claim) {
    Objects.requireNonNull(claim, "claim");
    Entry entry = entries.get(claim.findingId());
    if (entry != null) {
      entries.put(claim.findingId(), new Entry(entry.notified(), without(entry.lease(), claim)));
    }
  }

  /** {@code lease} unless it is {@code claim}'s own, which ends. */
  private static Lease without(Lease lease, NotificationClaim claim) {
    return lease != null && lease.claim().token().equals(claim.token()) ? null : lease;
  }
}
