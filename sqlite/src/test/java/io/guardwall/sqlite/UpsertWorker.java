package io.guardwall.sqlite;

import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.port.Sighting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A second process for {@link SqliteCrossProcessTest}: opens the shared file, prints "ready", waits
 * for the go file, upserts one CIDR and claims findings {@code f-0..f-(n-1)}, then prints "created
 * granted".
 */
public final class UpsertWorker {
  static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  static final String CIDR = "203.0.113.50/32";

  private UpsertWorker() {}

  /** Arguments: state file, n, go file. */
  public static void main(String[] args) throws InterruptedException {
    try (SqliteState state = SqliteState.open(Path.of(args[0]))) {
      System.out.println("ready");
      System.out.flush();
      awaitFile(Path.of(args[2]));
      int[] counts = work(state, Integer.parseInt(args[1]));
      System.out.println(counts[0] + " " + counts[1]);
    }
  }

  /** Returns {created, granted}. */
  static int[] work(SqliteState state, int n) {
    int created = 0;
    int granted = 0;
    for (int i = 0; i < n; i++) {
      Instant at = T0.plusSeconds(i);
      if (state.blocklist().upsert(Sighting.of(CIDR, at).build()).created()) {
        created++;
      }
      if (state
          .notifications()
          .claim("f-" + i, SeverityLevel.HIGH, at, at.plus(Duration.ofDays(1)))
          .isPresent()) {
        granted++;
      }
    }
    return new int[] {created, granted};
  }

  private static void awaitFile(Path go) throws InterruptedException {
    for (int i = 0; i < 6_000 && !Files.exists(go); i++) { // gives up after about a minute
      Thread.sleep(10);
    }
  }
}
