package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code replay}'s whole output on fixed inputs, held to golden files written by the code before
 * the pipeline's speed work (issue 7 part 3), so that a faster router, normaliser or store cannot
 * change a decision, a reason, a route, a Slack message or the rule group. Times that depend on the
 * clock (when a block was recorded, when it expires) are masked; everything else must match to the
 * byte. Rewrite the files only for an intended change of output: run with {@code
 * -Dgolden.update=true} and review the diff.
 */
class ReplayGoldenTest {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final Path SAMPLES = Path.of("..", "samples", "events");
  private static final Path HOSTILE = Path.of("src", "test", "resources", "hostile");
  private static final Path EXPORT = GOLDEN.resolve("export-300.jsonl.gz");
  private static final Pattern INSTANT =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\d(T\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z| \\d\\d:\\d\\d UTC)");

  @Test
  void replayJson_shouldMatchGolden_whenShippedSamples() throws IOException {
    assertGolden("replay-samples.json", "replay", "--format", "json", SAMPLES.toString());
  }

  @Test
  void replayJson_shouldMatchGolden_whenHostileCorpus() throws IOException {
    // The corpus's output is tens of megabytes: its digest is held instead.
    assertGolden("replay-hostile.sha256", "replay", "--format", "json", HOSTILE.toString());
  }

  @Test
  void replayJson_shouldMatchGolden_whenGeneratedExport() throws IOException {
    assertGolden("replay-export.json", "replay", "--format", "json", EXPORT.toString());
  }

  @Test
  void replaySummary_shouldMatchGolden_whenGeneratedExport() throws IOException {
    assertGolden("replay-export-summary.txt", "replay", "--summary", EXPORT.toString());
  }

  private static void assertGolden(String name, String... args) throws IOException {
    CliRunner r = CliRunner.run(args);
    String actual = masked(r.out()) + "\n--- exit " + r.exitCode() + "\n" + masked(r.err());
    if (name.endsWith(".sha256")) {
      actual = sha256(actual);
    }
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest) + "\n";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String masked(String text) {
    return INSTANT.matcher(text).replaceAll("<instant>");
  }
}
