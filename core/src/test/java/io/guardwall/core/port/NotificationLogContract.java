package io.guardwall.core.port;

import static io.guardwall.core.model.SeverityLevel.CRITICAL;
import static io.guardwall.core.model.SeverityLevel.HIGH;
import static io.guardwall.core.model.SeverityLevel.LOW;
import static io.guardwall.core.model.SeverityLevel.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.SeverityLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link NotificationLog} shares. An adapter's test extends this class and
 * returns a fresh, empty log from {@link #newLog()} for each test.
 */
public abstract class NotificationLogContract {

  /** Deliberately carries nanoseconds: logs must compare instants exactly. */
  protected static final Instant T0 = Instant.parse("2030-01-01T00:00:00.123456789Z");

  protected static final Duration DAY = Duration.ofDays(1);
  protected static final Duration LEASE = Duration.ofMinutes(5);

  protected NotificationLog log;

  /** A new, empty log; closed after each test. */
  protected abstract NotificationLog newLog();

  @BeforeEach
  public void openLog() {
    log = newLog();
  }

  @AfterEach
  public void closeLog() {
    log.close();
  }

  @Test
  public void claim_shouldGrantPendingClaim_whenFindingNeverNotified() {
    Optional<NotificationClaim> claim = claim("f1", MEDIUM, T0);

    assertThat(claim).get().satisfies(c -> assertThat(c.findingId()).isEqualTo("f1"));
    assertThat(claim.get().level()).isEqualTo(MEDIUM);
  }

  @Test
  public void claim_shouldRefuse_whenSameLevelConfirmed() {
    notified("f1", MEDIUM, T0);

    assertThat(claim("f1", MEDIUM, T0.plusSeconds(1))).isEmpty();
    assertThat(claim("f1", MEDIUM, T0.plus(Duration.ofHours(6)))).isEmpty();
  }

  @Test
  public void claim_shouldRefuse_whenAnotherClaimHoldsTheLease() {
    claim("f1", HIGH, T0);

    assertThat(claim("f1", HIGH, T0.plusSeconds(1))).as("same level").isEmpty();
    assertThat(claim("f1", MEDIUM, T0.plus(LEASE).minusNanos(1))).as("lower level").isEmpty();
  }

  @Test
  public void claim_shouldGrantAgain_whenTheLeaseLapsedWithoutConfirm() {
    claim("f1", HIGH, T0); // the sender crashed before Slack answered

    assertThat(claim("f1", HIGH, T0.plus(LEASE))).isPresent();
  }

  @Test
  public void release_shouldLetTheFindingBeClaimedAgainAtOnce_whenTheSendFailed() {
    log.release(claim("f1", HIGH, T0).orElseThrow());

    assertThat(claim("f1", HIGH, T0.plusSeconds(1))).isPresent();
  }

  @Test
  public void release_shouldRestoreThePreviousLevel_whenARiseFailedToSend() {
    notified("f1", MEDIUM, T0);
    log.release(claim("f1", HIGH, T0.plusSeconds(1)).orElseThrow());

    assertThat(claim("f1", MEDIUM, T0.plusSeconds(2))).as("MEDIUM is still notified").isEmpty();
    assertThat(claim("f1", HIGH, T0.plusSeconds(3))).as("HIGH never was").isPresent();
  }

  @Test
  public void release_shouldKeepTheNewerLease_whenItsOwnLeaseWasTakenOver() {
    NotificationClaim slow = claim("f1", HIGH, T0).orElseThrow();
    claim("f1", HIGH, T0.plus(LEASE)).orElseThrow();

    log.release(slow);

    assertThat(claim("f1", HIGH, T0.plus(LEASE).plusSeconds(1))).isEmpty();
  }

  @Test
  public void claim_shouldGrant_whenLevelRisesAboveConfirmedOrPendingLevel() {
    notified("f1", MEDIUM, T0);

    assertThat(claim("f1", HIGH, T0.plusSeconds(1))).isPresent();
    assertThat(claim("f1", HIGH, T0.plusSeconds(2))).as("HIGH is pending").isEmpty();
    assertThat(claim("f1", CRITICAL, T0.plusSeconds(3))).isPresent();
  }

  @Test
  public void claim_shouldRefuseAndKeepHigherLevel_whenLevelFalls() {
    notified("f1", HIGH, T0);

    assertThat(claim("f1", MEDIUM, T0.plusSeconds(1))).isEmpty();
    assertThat(claim("f1", LOW, T0.plusSeconds(2))).isEmpty();
    assertThat(claim("f1", HIGH, T0.plusSeconds(3))).as("record still holds HIGH").isEmpty();
  }

  @Test
  public void confirm_shouldKeepTheHigherLevel_whenALowerClaimIsConfirmedLast() {
    NotificationClaim medium = claim("f1", MEDIUM, T0).orElseThrow();
    NotificationClaim high = claim("f1", HIGH, T0.plusSeconds(1)).orElseThrow();
    log.confirm(high, T0.plusSeconds(2), T0.plus(DAY));

    log.confirm(medium, T0.plusSeconds(3), T0.plus(DAY));

    assertThat(claim("f1", HIGH, T0.plusSeconds(4))).isEmpty();
  }

  @Test
  public void confirm_shouldRemember_whenItsLeaseLapsedBeforeSlackAnswered() {
    NotificationClaim slow = claim("f1", HIGH, T0).orElseThrow();

    log.confirm(slow, T0.plus(LEASE).plusSeconds(30), T0.plus(DAY));

    assertThat(claim("f1", HIGH, T0.plus(LEASE).plusSeconds(31))).isEmpty();
  }

  @Test
  public void confirm_shouldRemember_whenAnotherClaimTookTheLeaseOverAndIsReleased() {
    NotificationClaim slow = claim("f1", HIGH, T0).orElseThrow();
    NotificationClaim retry = claim("f1", HIGH, T0.plus(LEASE)).orElseThrow();
    log.confirm(slow, T0.plus(LEASE).plusSeconds(1), T0.plus(DAY));

    log.release(retry);

    assertThat(claim("f1", HIGH, T0.plus(LEASE).plusSeconds(2))).isEmpty();
  }

  @Test
  public void claim_shouldTreatFindingsApart_whenIdsDiffer() {
    notified("f1", HIGH, T0);

    assertThat(claim("f2", HIGH, T0)).isPresent();
    assertThat(claim("F1", HIGH, T0)).as("ids are case-sensitive").isPresent();
    assertThat(claim("f1 ", HIGH, T0)).as("ids are not trimmed").isPresent();
  }

  @Test
  public void claim_shouldGrantAgain_whenRecordForgotten() {
    confirmed("f1", HIGH, T0, T0.plus(DAY));

    assertThat(claim("f1", HIGH, T0.plus(DAY).minusNanos(1))).as("just before").isEmpty();
    assertThat(claim("f1", HIGH, T0.plus(DAY))).as("at forgetAfter").isPresent();
  }

  @Test
  public void claim_shouldGrantLowerLevel_whenHigherRecordForgotten() {
    confirmed("f1", CRITICAL, T0, T0.plus(DAY));
    Instant later = T0.plus(DAY.multipliedBy(3));

    confirmed("f1", LOW, later, later.plus(DAY));

    assertThat(claim("f1", MEDIUM, later.plusSeconds(1)))
        .as("the record now holds LOW")
        .isPresent();
  }

  @Test
  public void confirm_shouldMoveForgetAfter_whenLevelRises() {
    confirmed("f1", MEDIUM, T0, T0.plus(DAY));
    confirmed("f1", HIGH, T0.plus(Duration.ofHours(12)), T0.plus(Duration.ofHours(36)));

    assertThat(claim("f1", HIGH, T0.plus(Duration.ofHours(30)))).isEmpty();
    assertThat(claim("f1", HIGH, T0.plus(Duration.ofHours(36)))).isPresent();
  }

  @Test
  public void claim_shouldNotMoveForgetAfter_whenRefused() {
    confirmed("f1", HIGH, T0, T0.plus(DAY));
    claim("f1", HIGH, T0.plusSeconds(60));

    assertThat(claim("f1", HIGH, T0.plus(DAY))).isPresent();
  }

  @Test
  public void claim_shouldKeepIdsOpaque_whenTheyHoldQuotesUnicodeOrAreHuge() {
    String sqlish = "f'); DELETE FROM notifications; --";
    String odd = "ünïcödé 🚫\n\t\"";
    String huge = "x".repeat(100_000);

    notified(sqlish, HIGH, T0);
    notified(odd, HIGH, T0);
    notified(huge, HIGH, T0);
    assertThat(claim(huge.substring(1), HIGH, T0)).isPresent();

    assertThat(claim(sqlish, HIGH, T0)).isEmpty();
    assertThat(claim(odd, HIGH, T0)).isEmpty();
    assertThat(claim(huge, HIGH, T0)).isEmpty();
  }

  @Test
  public void claim_shouldRejectNull_whenArgumentMissing() {
    Instant later = T0.plus(LEASE);
    assertThatThrownBy(() -> log.claim(null, HIGH, T0, later))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> log.claim("f1", null, T0, later))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> log.claim("f1", HIGH, null, later))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> log.claim("f1", HIGH, T0, null))
        .isInstanceOf(NullPointerException.class);
    assertThat(claim("f1", HIGH, T0)).as("nothing was recorded by the rejected calls").isPresent();
  }

  @Test
  public void confirmAndRelease_shouldRejectNull_whenArgumentMissing() {
    NotificationClaim claim = claim("f1", HIGH, T0).orElseThrow();
    Instant later = T0.plus(DAY);
    assertThatThrownBy(() -> log.confirm(null, T0, later)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> log.confirm(claim, null, later))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> log.confirm(claim, T0, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> log.release(null)).isInstanceOf(NullPointerException.class);
    assertThat(claim("f1", HIGH, T0.plus(LEASE))).as("nothing was confirmed").isPresent();
  }

  @Test
  public void claim_shouldGrantExactlyOneWinner_whenWorkersRace() throws Exception {
    int threads = 8;
    int findings = 25;

    List<Map.Entry<String, Boolean>> results =
        Race.run(
            threads,
            t -> {
              List<Map.Entry<String, Boolean>> mine = new ArrayList<>();
              for (int i = 0; i < findings; i++) {
                String id = "finding-" + i;
                mine.add(Map.entry(id, claim(id, HIGH, T0).isPresent()));
              }
              return mine;
            });

    Map<String, Long> winners =
        results.stream()
            .filter(Map.Entry::getValue)
            .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.counting()));
    assertThat(results).hasSize(threads * findings);
    assertThat(winners).hasSize(findings).allSatisfy((id, count) -> assertThat(count).isOne());
  }

  @Test
  public void claim_shouldGrantOneWinnerPerLevel_whenWorkersRaceOnRisingLevels() throws Exception {
    SeverityLevel[] levels = {MEDIUM, HIGH, CRITICAL};

    List<SeverityLevel> granted =
        Race.run(
            6,
            t -> {
              List<SeverityLevel> mine = new ArrayList<>();
              for (SeverityLevel level : levels) {
                claim("f1", level, T0).ifPresent(c -> mine.add(level));
              }
              return mine;
            });

    assertThat(granted).containsOnlyOnce(CRITICAL).doesNotHaveDuplicates();
  }

  @Test
  public void claim_shouldGrantOneWinner_whenWorkersRaceForAReleasedFinding() throws Exception {
    notified("f1", MEDIUM, T0);
    log.release(claim("f1", HIGH, T0).orElseThrow());

    List<Boolean> granted =
        Race.run(8, t -> List.of(claim("f1", HIGH, T0.plusSeconds(1)).isPresent()));

    assertThat(granted).containsOnlyOnce(true);
  }

  /** A claim with the usual five-minute lease. */
  protected Optional<NotificationClaim> claim(String id, SeverityLevel level, Instant now) {
    return log.claim(id, level, now, now.plus(LEASE));
  }

  /** Claims and confirms, as a successful send does; remembered for 30 days. */
  protected void notified(String id, SeverityLevel level, Instant now) {
    confirmed(id, level, now, now.plus(DAY.multipliedBy(30)));
  }

  private void confirmed(String id, SeverityLevel level, Instant now, Instant forgetAfter) {
    log.confirm(claim(id, level, now).orElseThrow(), now, forgetAfter);
  }
}
