package io.guardwall.cli;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.cli.HostileCorpus.HostileFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays every file of the hostile-input corpus (src/test/resources/hostile, see its README)
 * against a seeded state: each must end in a clear error or decision, without a stack trace, with
 * one JSON document, inert text, nothing unsafe rendered or stored and nothing seeded lost.
 */
class HostileCorpusTest {

  private static final HostileCorpus CORPUS = HostileCorpus.load();

  // SQLite syncs every write: on tmpfs the corpus runs several times faster than on a disk.
  private static final Path TMPFS = Path.of("/dev/shm");

  @TempDir static Path diskDir;
  private static Path dir;
  private static Path seed;

  @BeforeAll
  static void seedState() throws IOException {
    dir =
        Files.isDirectory(TMPFS) && Files.isWritable(TMPFS)
            ? Files.createTempDirectory(TMPFS, "guardwall-corpus")
            : diskDir;
    seed = dir.resolve("seed.db");
    String state = seed.toString();
    assertThat(CliRunner.run("block", "198.51.100.200", "--pin", "--state", state).exitCode())
        .isZero();
    assertThat(
            CliRunner.run("block", "2001:db8:feed::/48", "--for", "P30D", "--state", state)
                .exitCode())
        .isZero();
  }

  @AfterAll
  static void removeState() throws IOException {
    if (!dir.equals(diskDir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }

  @Test
  void corpus_shouldHoldAtLeast300Files_whenLoaded() {
    assertThat(CORPUS.files()).hasSizeGreaterThanOrEqualTo(300);
    List<String> names = CORPUS.files().stream().map(HostileFile::name).toList();
    assertThat(names).containsAll(CORPUS.expectedBlocks().keySet());
    assertThat(names).containsAll(CORPUS.knownFailures().keySet());
  }

  @TestFactory
  Stream<DynamicTest> replay_shouldDecideSafelyAndKeepState_whenHostileFile() {
    return CORPUS.files().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> check(f)));
  }

  private static List<String> expected(HostileFile file) {
    return CORPUS.expectedBlocks().getOrDefault(file.name(), List.of());
  }

  private static void deleteState(Path state) throws IOException {
    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
      Files.deleteIfExists(Path.of(state + suffix));
    }
  }

  private static void check(HostileFile file) throws IOException {
    // A fresh name each time: SQLite keeps -wal and -shm files beside the state.
    Path state = Files.copy(seed, Files.createTempFile(dir, "state", ".db"), REPLACE_EXISTING);
    List<String> problems;
    try {
      problems = new HostileFileCheck(file, expected(file), state).problems();
    } finally {
      deleteState(state);
    }
    String known = CORPUS.knownFailures().get(file.name());
    if (known != null && !problems.isEmpty()) {
      // The file name leads: surefire's report numbers dynamic tests instead of naming them.
      Assumptions.abort("known failure of " + file.name() + ", " + known + ": " + problems);
    }
    if (known != null) {
      System.out.println("hostile corpus: known failure now passes, remove it: " + file.name());
    }
    assertThat(problems).as(file.name()).isEmpty();
  }
}
