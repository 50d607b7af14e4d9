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
  public void claim_shouldSucceed_whenFindingNeverNotified() {
    assertThat(claim("f1", MEDIUM, T0)).isTrue();
  }

  @Test
  public void claim_shouldFail_whenSameLevelClaimedAgain() {
    claim("f1", MEDIUM, T0);

    assertThat(claim("f1", MEDIUM, T0.plusSeconds(1))).isFalse();
    assertThat(claim("f1", MEDIUM, T0.plus(Duration.ofHours(6)))).isFalse();
  }

  @Test
  public void claim_shouldSucceed_whenLevelRises() {
    claim("f1", MEDIUM, T0);

    assertThat(claim("f1", HIGH, T0.plusSeconds(1))).isTrue();
    assertThat(claim("f1", HIGH, T0.plusSeconds(2))).isFalse();
    assertThat(claim("f1", CRITICAL, T0.plusSeconds(3))).isTrue();
  }

  @Test
  public void claim_shouldFailAndKeepHigherLevel_whenLevelFalls() {
    claim("f1", HIGH, T0);

    assertThat(claim("f1", MEDIUM, T0.plusSeconds(1))).isFalse();
    assertThat(claim("f1", LOW, T0.plusSeconds(2))).isFalse();
    assertThat(claim("f1", HIGH, T0.plusSeconds(3))).as("record still holds HIGH").isFalse();
  }

  @Test
  public void claim_shouldTreatFindingsApart_whenIdsDiffer() {
    claim("f1", HIGH, T0);

    assertThat(claim("f2", HIGH, T0)).isTrue();
    assertThat(claim("F1", HIGH, T0)).as("ids are case-sensitive").isTrue();
    assertThat(claim("f1 ", HIGH, T0)).as("ids are not trimmed").isTrue();
  }

  @Test
  public void claim_shouldSucceedAgain_whenRecordForgotten() {
    log.claim("f1", HIGH, T0, T0.plus(DAY));

    assertThat(log.claim("f1", HIGH, T0.plus(DAY).minusNanos(1), T0.plus(DAY.multipliedBy(2))))
        .as("just before forgetAfter")
        .isFalse();
    assertThat(log.claim("f1", HIGH, T0.plus(DAY), T0.plus(DAY.multipliedBy(2))))
        .as("at forgetAfter")
        .isTrue();
  }

  @Test
  public void claim_shouldSucceedAtLowerLevel_whenHigherRecordForgotten() {
    log.claim("f1", CRITICAL, T0, T0.plus(DAY));

    assertThat(log.claim("f1", LOW, T0.plus(DAY.multipliedBy(3)), T0.plus(DAY.multipliedBy(4))))
        .isTrue();
    assertThat(log.claim("f1", MEDIUM, T0.plus(DAY.multipliedBy(3)), T0.plus(DAY.multipliedBy(4))))
        .as("the record now holds LOW")
        .isTrue();
  }

  @Test
  public void claim_shouldMoveForgetAfter_whenLevelRises() {
    log.claim("f1", MEDIUM, T0, T0.plus(DAY));
    log.claim("f1", HIGH, T0.plus(Duration.ofHours(12)), T0.plus(Duration.ofHours(36)));

    assertThat(log.claim("f1", HIGH, T0.plus(Duration.ofHours(30)), T0.plus(DAY.multipliedBy(5))))
        .isFalse();
    assertThat(log.claim("f1", HIGH, T0.plus(Duration.ofHours(36)), T0.plus(DAY.multipliedBy(5))))
        .isTrue();
  }

  @Test
  public void claim_shouldNotMoveForgetAfter_whenRefused() {
    log.claim("f1", HIGH, T0, T0.plus(DAY));
    log.claim("f1", HIGH, T0.plusSeconds(60), T0.plus(DAY.multipliedBy(100)));

    assertThat(log.claim("f1", HIGH, T0.plus(DAY), T0.plus(DAY.multipliedBy(2)))).isTrue();
  }

  @Test
  public void claim_shouldKeepIdsOpaque_whenTheyHoldQuotesUnicodeOrAreHuge() {
    String sqlish = "f'); DELETE FROM notifications; --";
    String huge = "x".repeat(100_000);

    assertThat(claim(sqlish, HIGH, T0)).isTrue();
    assertThat(claim("ünïcödé 🚫\n\t\"", HIGH, T0)).isTrue();
    assertThat(claim(huge, HIGH, T0)).isTrue();
    assertThat(claim(huge.substring(1), HIGH, T0)).isTrue();

    assertThat(claim(sqlish, HIGH, T0)).isFalse();
    assertThat(claim("ünïcödé 🚫\n\t\"", HIGH, T0)).isFalse();
    assertThat(claim(huge, HIGH, T0)).isFalse();
  }

  @Test
  public void claim_shouldRejectNull_whenArgumentMissing() {
    Instant later = T0.plus(DAY);
    assertThatThrownBy(() -> log.claim(null, HIGH, T0, later))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> log.claim("f1", null, T0, later))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> log.claim("f1", HIGH, null, later))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> log.claim("f1", HIGH, T0, null))
        .isInstanceOf(NullPointerException.class);
    assertThat(claim("f1", HIGH, T0)).as("nothing was recorded by the rejected calls").isTrue();
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
                mine.add(Map.entry(id, claim(id, HIGH, T0)));
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
                if (claim("f1", level, T0)) {
                  mine.add(level);
                }
              }
              return mine;
            });

    assertThat(granted).containsOnlyOnce(CRITICAL).doesNotHaveDuplicates();
  }

  private boolean claim(String id, SeverityLevel level, Instant now) {
    return log.claim(id, level, now, now.plus(DAY.multipliedBy(30)));
  }
}
