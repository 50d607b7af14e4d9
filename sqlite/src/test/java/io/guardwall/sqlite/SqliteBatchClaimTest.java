package io.guardwall.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.port.ClaimRequest;
import io.guardwall.core.port.InMemoryNotificationLog;
import io.guardwall.core.port.NotificationClaim;
import io.guardwall.core.port.NotificationLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link SqliteNotificationLog#claimAll} and {@code confirmAll}: one transaction per batch. */
class SqliteBatchClaimTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Instant LEASE = T0.plus(Duration.ofMinutes(5));
  private static final Instant FORGET = T0.plus(Duration.ofDays(7));

  /** Property: the batch grants what claiming one at a time (the port's default) grants. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void claimAll_shouldGrantWhatOneAtATimeGrants_forRandomBatches(long seed) {
    Random random = new Random(seed);
    NotificationLog reference = new InMemoryNotificationLog();
    try (SqliteState state = SqliteState.inMemory()) {
      for (int round = 0; round < 5; round++) {
        List<ClaimRequest> batch = randomBatch(random);
        List<Optional<NotificationClaim>> expected = reference.claimAll(batch, T0, LEASE);

        List<Optional<NotificationClaim>> actual = state.notifications().claimAll(batch, T0, LEASE);

        assertThat(actual)
            .extracting(Optional::isPresent)
            .isEqualTo(expected.stream().map(Optional::isPresent).toList());
        confirmSome(reference, expected, round);
        confirmSome(state.notifications(), actual, round);
      }
    }
  }

  @Test
  void claimAll_shouldGrantOnce_whenOneFindingIsTwiceInTheBatch() {
    try (SqliteState state = SqliteState.inMemory()) {
      List<Optional<NotificationClaim>> claims =
          state
              .notifications()
              .claimAll(
                  List.of(want("f-1", SeverityLevel.HIGH), want("f-1", SeverityLevel.HIGH)),
                  T0,
                  LEASE);

      assertThat(claims.get(0)).isPresent();
      assertThat(claims.get(1)).isEmpty();
    }
  }

  @Test
  void confirmAll_shouldRememberEveryClaim_whenConfirmedTogether() {
    try (SqliteState state = SqliteState.inMemory()) {
      NotificationLog log = state.notifications();
      List<Optional<NotificationClaim>> claims =
          log.claimAll(
              List.of(want("f-1", SeverityLevel.HIGH), want("f-2", SeverityLevel.LOW)), T0, LEASE);

      log.confirmAll(claims.stream().map(Optional::orElseThrow).toList(), T0, FORGET);

      Instant later = LEASE.plusSeconds(1);
      assertThat(
              log.claimAll(
                  List.of(want("f-1", SeverityLevel.HIGH), want("f-2", SeverityLevel.LOW)),
                  later,
                  later.plus(Duration.ofMinutes(5))))
          .allSatisfy(c -> assertThat(c).isEmpty());
    }
  }

  @Test
  void claimAll_shouldRejectTheBatch_whenARequestIsNull() {
    try (SqliteState state = SqliteState.inMemory()) {
      List<ClaimRequest> withNull = Arrays.asList(want("f-1", SeverityLevel.HIGH), null);

      assertThatThrownBy(() -> state.notifications().claimAll(withNull, T0, LEASE))
          .isInstanceOf(NullPointerException.class);
      assertThat(state.notifications().claim("f-1", SeverityLevel.HIGH, T0, LEASE)).isPresent();
    }
  }

  @Test
  void claimAll_shouldSayTheStateIsClosed_whenCalledAfterClose() {
    SqliteState state = SqliteState.inMemory();
    state.close();

    assertThatThrownBy(
            () ->
                state.notifications().claimAll(List.of(want("f-1", SeverityLevel.HIGH)), T0, LEASE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  private static ClaimRequest want(String id, SeverityLevel level) {
    return new ClaimRequest(id, level);
  }

  private static List<ClaimRequest> randomBatch(Random random) {
    SeverityLevel[] levels = SeverityLevel.values();
    return random
        .ints(1 + random.nextInt(10), 0, 4)
        .mapToObj(i -> want("f-" + i, levels[random.nextInt(levels.length)]))
        .toList();
  }

  /** Confirms every other granted claim, so later rounds meet remembered and leased findings. */
  private static void confirmSome(
      NotificationLog log, List<Optional<NotificationClaim>> claims, int round) {
    List<NotificationClaim> granted = claims.stream().flatMap(Optional::stream).toList();
    for (int i = round % 2; i < granted.size(); i += 2) {
      log.confirmAll(List.of(granted.get(i)), T0, FORGET);
    }
  }
}
