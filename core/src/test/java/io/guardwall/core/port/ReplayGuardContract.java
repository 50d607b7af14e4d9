package io.guardwall.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ReplayGuard} shares: a key is honoured once while remembered, and
 * again once forgotten; concurrent first uses have one winner. An adapter's test extends this class
 * and returns a fresh guard from {@link #newGuard()}.
 */
public abstract class ReplayGuardContract {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Duration LIFE = Duration.ofMinutes(5);

  protected ReplayGuard guard;

  protected abstract ReplayGuard newGuard();

  @BeforeEach
  public void openGuard() {
    guard = newGuard();
  }

  @Test
  public void firstUse_shouldBeTrueOnceThenFalse_whileRemembered() {
    String key = "v0=" + "a".repeat(64) + System.nanoTime();

    assertThat(guard.firstUse(key, T0, T0.plus(LIFE))).isTrue();
    assertThat(guard.firstUse(key, T0.plusSeconds(1), T0.plus(LIFE))).isFalse();
    assertThat(guard.firstUse(key, T0.plus(LIFE).minusMillis(1), T0.plus(LIFE))).isFalse();
  }

  @Test
  public void firstUse_shouldBeTrueAgain_onceForgotten() {
    String key = "v0=" + "b".repeat(64) + System.nanoTime();
    guard.firstUse(key, T0, T0.plus(LIFE));

    assertThat(guard.firstUse(key, T0.plus(LIFE), T0.plus(LIFE).plus(LIFE))).isTrue();
  }

  @Test
  public void firstUse_shouldKeepKeysApart() {
    String a = "v0=" + "c".repeat(64) + System.nanoTime();
    guard.firstUse(a, T0, T0.plus(LIFE));

    assertThat(guard.firstUse(a + "0", T0, T0.plus(LIFE))).isTrue();
  }

  @Test
  public void firstUse_shouldHaveOneWinner_whenSeveralUseTheSameKeyAtOnce() throws Exception {
    String key = "v0=" + "d".repeat(64) + System.nanoTime();

    List<Boolean> winners =
        Race.run(4, t -> guard.firstUse(key, T0, T0.plus(LIFE)) ? List.of(true) : List.of());

    assertThat(winners).hasSize(1);
  }
}
