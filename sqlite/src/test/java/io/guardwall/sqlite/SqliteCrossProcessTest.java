package io.guardwall.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.Race;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several connections and processes on one file: no lost update, one winner per claim. */
class SqliteCrossProcessTest {
  private static final int PER_WORKER = 150;

  @TempDir Path dir;

  @Test
  void upsertAndClaim_shouldStayExact_whenTwoStatesShareOneFile() throws Exception {
    Path file = dir.resolve("state.db");
    try (SqliteState a = SqliteState.open(file);
        SqliteState b = SqliteState.open(file)) {
      List<int[]> counts =
          Race.run(4, t -> List.of(UpsertWorker.work(t % 2 == 0 ? a : b, PER_WORKER)));

      assertTotals(a, counts, 4);
    }
  }

  @Test
  void upsertAndClaim_shouldStayExact_whenOtherProcessesWriteTheSameFile() throws Exception {
    Path file = dir.resolve("state.db");
    Path go = dir.resolve("go");
    List<Worker> workers = List.of(Worker.start(file, go), Worker.start(file, go));
    try (SqliteState mine = SqliteState.open(file)) {
      for (Worker w : workers) {
        assertThat(w.readLine()).isEqualTo("ready");
      }
      Files.createFile(go);
      List<int[]> counts = new ArrayList<>();
      counts.add(UpsertWorker.work(mine, PER_WORKER));
      for (Worker w : workers) {
        counts.add(w.result());
      }

      assertTotals(mine, counts, 3);
    } finally {
      workers.forEach(w -> w.process.destroy());
    }
  }

  private static void assertTotals(SqliteState state, List<int[]> counts, int workers) {
    assertThat(counts.stream().mapToInt(c -> c[0]).sum()).as("created").isEqualTo(1);
    assertThat(counts.stream().mapToInt(c -> c[1]).sum()).as("granted").isEqualTo(PER_WORKER);
    assertThat(state.blocklist().get(Cidr.parse(UpsertWorker.CIDR)).orElseThrow().hits())
        .isEqualTo((long) workers * PER_WORKER);
  }

  /** A child JVM running {@link UpsertWorker}. */
  private record Worker(Process process, BufferedReader out) {
    static Worker start(Path file, Path go) throws Exception {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  UpsertWorker.class.getName(),
                  file.toString(),
                  String.valueOf(PER_WORKER),
                  go.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      return new Worker(
          p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
    }

    String readLine() throws Exception {
      return out.readLine();
    }

    int[] result() throws Exception {
      String line = readLine();
      assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("worker ended").isTrue(); // hang guard
      assertThat(process.exitValue()).as("worker exit status").isZero();
      assertThat(line).as("worker result").matches("\\d+ \\d+");
      String[] parts = line.split(" ");
      return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }
  }
}
