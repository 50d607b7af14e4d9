package io.guardwall.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link StateBackend} shares. An adapter's test extends this class and returns
 * a fresh, empty backend from {@link #newBackend()} for each test.
 */
public abstract class StateBackendContract {

  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  protected StateBackend backend;

  /** A new, empty backend, ready for use ({@link StateBackend#createIfMissing} already called). */
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
  public void blocklistAndNotifications_shouldBeTheSameObjects_onEveryCall() {
    assertThat(backend.blocklist()).isSameAs(backend.blocklist());
    assertThat(backend.notifications()).isSameAs(backend.notifications());
  }

  @Test
  public void createIfMissing_shouldKeepWhatIsStored_whenCalledAgain() {
    backend.blocklist().upsert(Sighting.of("192.0.2.1", T0).build());
    notify("f1");

    backend.createIfMissing();

    assertThat(backend.blocklist().get(Cidr.parse("192.0.2.1"))).isPresent();
    assertThat(claim("f1")).as("the notification is still remembered").isFalse();
  }

  @Test
  public void blocklist_shouldListOnlyEntries_whenNotificationsShareTheBackend() {
    notify("f1");
    backend.blocklist().upsert(Sighting.of("192.0.2.1", T0).build());

    assertThat(backend.blocklist().listActive(T0))
        .extracting(e -> e.cidr().value())
        .containsExactly("192.0.2.1/32");
    assertThat(backend.blocklist().deleteExpired(T0.plus(Duration.ofDays(400))))
        .extracting(e -> e.cidr().value())
        .containsExactly("192.0.2.1/32");
    assertThat(claim("f1")).as("pruning the blocklist keeps the notification log").isFalse();
  }

  @Test
  public void close_shouldDoNothing_whenCalledTwice() {
    backend.close();
    backend.close();
  }

  private void notify(String findingId) {
    NotificationClaim c =
        backend
            .notifications()
            .claim(findingId, SeverityLevel.HIGH, T0, T0.plusSeconds(60))
            .orElseThrow();
    backend.notifications().confirm(c, T0, T0.plus(Duration.ofDays(7)));
  }

  private boolean claim(String findingId) {
    return backend
        .notifications()
        .claim(findingId, SeverityLevel.HIGH, T0.plusSeconds(1), T0.plusSeconds(61))
        .isPresent();
  }
}
