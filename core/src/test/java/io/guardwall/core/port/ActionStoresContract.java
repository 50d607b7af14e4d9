package io.guardwall.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.Action;
import io.guardwall.core.model.Actor;
import io.guardwall.core.model.AllowedCidr;
import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.model.Cidr;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every backend's dynamic allow-list and audit trail share. An adapter's test extends
 * this class and returns a fresh, empty backend from {@link #newBackend()} for each test.
 */
public abstract class ActionStoresContract {

  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  // Attacker-chosen text must come back exactly as given: the printers make it inert.
  private static final Actor MALLORY = Actor.slackUser("U0MAL", "m\u0000al\u202elory <!here>");
  private static final Actor ALICE = Actor.osUser("alice");

  protected StateBackend backend;

  /** A new, empty backend, ready for use. */
  protected abstract StateBackend newBackend();

  @BeforeEach
  public void openBackend() {
    backend = newBackend();
  }

  @AfterEach
  public void closeBackend() {
    backend.close();
  }

  @Test
  public void allowListAndAudit_shouldBeTheSameObjects_onEveryCall() {
    assertThat(backend.allowList()).isSameAs(backend.allowList());
    assertThat(backend.audit()).isSameAs(backend.audit());
  }

  @Test
  public void list_shouldReturnEveryAllowedCidrInCidrOrder_withItsFields() {
    AllowedCidr partner = allowed("2001:db8::/48", MALLORY, "partner NAT \u00e9\n<@U1>");
    AllowedCidr scanner = allowed("198.51.100.7", ALICE, "our scanner");
    backend.allowList().add(partner);
    backend.allowList().add(scanner);

    assertThat(backend.allowList().list()).containsExactly(scanner, partner);
  }

  @Test
  public void add_shouldKeepTheFirst_whenTheCidrIsAlreadyAllowed() {
    AllowedCidr first = allowed("198.51.100.7", ALICE, "first");

    assertThat(backend.allowList().add(first)).isTrue();
    assertThat(backend.allowList().add(allowed("198.51.100.7", MALLORY, "second"))).isFalse();
    assertThat(backend.allowList().list()).containsExactly(first);
  }

  @Test
  public void remove_shouldSayFalse_whenTheCidrIsNotAllowed() {
    backend.allowList().add(allowed("198.51.100.7", ALICE, "scanner"));

    assertThat(backend.allowList().remove(Cidr.parse("198.51.100.8"))).isFalse();
    assertThat(backend.allowList().remove(Cidr.parse("198.51.100.7"))).isTrue();
    assertThat(backend.allowList().list()).isEmpty();
    assertThat(backend.allowList().remove(Cidr.parse("198.51.100.7"))).isFalse();
  }

  @Test
  public void allowList_shouldStayApartFromTheBlocklist_inTheSameBackend() {
    backend.allowList().add(allowed("198.51.100.7", ALICE, "scanner"));
    backend.audit().record(record(T0, ALICE, "198.51.100.7", ""));
    backend.blocklist().upsert(Sighting.of("192.0.2.1", T0).build());

    assertThat(backend.blocklist().listActive(T0))
        .extracting(e -> e.cidr().value())
        .containsExactly("192.0.2.1/32");
    assertThat(backend.blocklist().get(Cidr.parse("198.51.100.7"))).isEmpty();
    assertThat(backend.allowList().list()).hasSize(1);
  }

  @Test
  public void since_shouldReturnRecordsOldestFirst_fromTheInstantOn() {
    AuditRecord early = record(T0, ALICE, "198.51.100.7", "");
    AuditRecord late = record(T0.plusSeconds(60), MALLORY, "2001:db8::1", "why \u0007 not");
    backend.audit().record(late);
    backend.audit().record(early);

    assertThat(backend.audit().since(T0)).containsExactly(early, late);
    assertThat(backend.audit().since(T0.plusSeconds(60))).containsExactly(late);
    assertThat(backend.audit().since(T0.plusSeconds(61))).isEmpty();
  }

  @Test
  public void since_shouldOrderAndFilterByTheExactInstant_whenRecordsAreNanosecondsApart() {
    AuditRecord first = record(T0.plusNanos(1), ALICE, "198.51.100.7", "");
    AuditRecord second = record(T0.plusNanos(2), ALICE, "198.51.100.8", "");
    AuditRecord third = record(T0.plusSeconds(1), ALICE, "198.51.100.9", "");
    backend.audit().record(third);
    backend.audit().record(second);
    backend.audit().record(first);

    assertThat(backend.audit().since(T0)).containsExactly(first, second, third);
    assertThat(backend.audit().since(T0.plusNanos(2))).containsExactly(second, third);
  }

  @Test
  public void since_shouldReturnOnlyRecords_whenTheDigestMarkIsSet() {
    AuditRecord r = record(T0, ALICE, "198.51.100.7", "");
    backend.audit().record(r);
    backend.audit().markReported(T0.plusSeconds(60));

    assertThat(backend.audit().since(Instant.EPOCH)).containsExactly(r);
    assertThat(backend.audit().since(Instant.EPOCH)).containsExactly(r);
  }

  @Test
  public void record_shouldKeepBoth_whenTwoActionsShareAnInstant() {
    AuditRecord a = record(T0, ALICE, "198.51.100.7", "one");
    AuditRecord b = record(T0, ALICE, "198.51.100.7", "two");
    backend.audit().record(a);
    backend.audit().record(b);

    assertThat(backend.audit().since(T0)).containsExactlyInAnyOrder(a, b);
  }

  @Test
  public void record_shouldKeepARefusal_withItsOutcome() {
    AuditRecord refused =
        new AuditRecord(
            T0.plusNanos(123_456_789),
            MALLORY,
            Action.ALLOW,
            Cidr.parse("203.0.113.0/24"),
            "",
            AuditRecord.Status.REFUSED,
            "allow needs a reason");
    backend.audit().record(refused);

    assertThat(backend.audit().since(T0)).containsExactly(refused);
  }

  private static AllowedCidr allowed(String cidr, Actor actor, String reason) {
    return new AllowedCidr(Cidr.parse(cidr), reason, actor, T0);
  }

  private static AuditRecord record(Instant at, Actor actor, String cidr, String reason) {
    return new AuditRecord(
        at, actor, Action.UNBLOCK, Cidr.parse(cidr), reason, AuditRecord.Status.DONE, "removed");
  }

  @Test
  public void reportedUntil_shouldBeTheEpoch_whenNothingWasReported() {
    assertThat(backend.audit().reportedUntil()).isEqualTo(Instant.EPOCH);
  }

  @Test
  public void markReported_shouldMoveTheMarkForward_andNeverBack() {
    backend.audit().markReported(T0.plusSeconds(60));
    assertThat(backend.audit().reportedUntil()).isEqualTo(T0.plusSeconds(60));

    backend.audit().markReported(T0);
    assertThat(backend.audit().reportedUntil()).isEqualTo(T0.plusSeconds(60));

    backend.audit().markReported(T0.plusSeconds(120).plusNanos(7));
    assertThat(backend.audit().reportedUntil()).isEqualTo(T0.plusSeconds(120).plusNanos(7));
  }

  @Test
  public void markReported_shouldLeaveTheRecordsAlone() {
    AuditRecord r =
        new AuditRecord(
            T0,
            ALICE,
            Action.UNBLOCK,
            Cidr.parse("203.0.113.7/32"),
            "",
            AuditRecord.Status.DONE,
            "done");
    backend.audit().record(r);

    backend.audit().markReported(T0.plusSeconds(1));

    assertThat(backend.audit().since(Instant.EPOCH)).containsExactly(r);
  }

  @Test
  public void complete_shouldReplaceTheStatusAndOutcome_ofTheRequestedRecord() {
    AuditRecord requested =
        AuditRecord.requested(T0, MALLORY, Action.UNBLOCK, Cidr.parse("203.0.113.7/32"), "why");
    AuditRecord other =
        AuditRecord.requested(T0, ALICE, Action.PIN, Cidr.parse("203.0.113.8/32"), "");
    String id = backend.audit().record(requested);
    backend.audit().record(other);
    assertThat(backend.audit().since(T0)).contains(requested);

    AuditRecord failed =
        requested.completed(AuditRecord.Status.FAILED, "failed: table down \u0000 <!here>");
    backend.audit().complete(id, failed);

    assertThat(backend.audit().since(T0)).containsExactlyInAnyOrder(failed, other);
  }

  @Test
  public void record_shouldKeepEveryStatus() {
    for (AuditRecord.Status status : AuditRecord.Status.values()) {
      backend
          .audit()
          .record(
              new AuditRecord(
                  T0,
                  ALICE,
                  Action.EXTEND,
                  Cidr.parse("203.0.113.7/32"),
                  "",
                  status,
                  status.name()));
    }

    assertThat(backend.audit().since(T0))
        .extracting(AuditRecord::status)
        .containsExactlyInAnyOrder(AuditRecord.Status.values());
  }

  @Test
  public void complete_shouldThrow_whenThereIsNoSuchRecord() {
    AuditRecord r = AuditRecord.requested(T0, ALICE, Action.PIN, Cidr.parse("203.0.113.8/32"), "");
    String id = backend.audit().record(r);

    assertThatThrownBy(
            () -> backend.audit().complete(id + "9", r.completed(AuditRecord.Status.DONE, "x")))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(
            () -> backend.audit().complete("nope", r.completed(AuditRecord.Status.DONE, "x")))
        .isInstanceOf(StoreException.class);
  }
}
