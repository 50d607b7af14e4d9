package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.testing.Resources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./guardwall} launcher, copied into a scratch repository whose {@code mvn} and {@code
 * java} are stand-ins that log their arguments: it builds when the jar is missing or a source or
 * POM is newer than the last build, and only then.
 */
class LauncherTest {

  // The stand-in mvn "builds" what -pl names: the CLI jar, or the CDK app's classpath and the
  // Lambda jar.
  private static final String FAKE_MVN =
      """
      #!/usr/bin/env bash
      echo "mvn $*" >> "$LOG"
      case "$*" in
        *"-pl cli"*) mkdir -p cli/target && touch cli/target/guardwall.jar ;;
        *"-pl infra"*) mkdir -p infra/target lambda/target \\
            && touch infra/target/classpath.txt lambda/target/guardwall-lambda.jar ;;
      esac
      """;
  private static final String FAKE_JAVA =
      """
      #!/usr/bin/env bash
      echo "java $*" >> "$LOG"
      echo "tty ${GUARDWALL_STDERR_TTY:-unset}" >> "$LOG"
      """;

  @TempDir Path repo;
  private Path log;

  @BeforeEach
  void scratchRepository() throws IOException {
    log = repo.resolve("calls.log");
    Files.copy(Resources.repositoryRoot().resolve("guardwall"), repo.resolve("guardwall"));
    Files.writeString(repo.resolve("pom.xml"), "<project/>");
    Files.createDirectories(repo.resolve("core/src/main/java"));
    Files.writeString(repo.resolve("core/pom.xml"), "<project/>");
    Files.writeString(repo.resolve("core/src/main/java/A.java"), "class A {}");
    Path bin = Files.createDirectories(repo.resolve("bin"));
    executable(bin.resolve("mvn"), FAKE_MVN);
    executable(bin.resolve("java"), FAKE_JAVA);
  }

  @Test
  void launcher_shouldBuildOnce_whenTheJarIsMissing() throws Exception {
    run("--version");
    run("--version");

    assertThat(calls("mvn")).singleElement().asString().contains("-pl cli");
    assertThat(calls("java")).hasSize(2).allMatch(c -> c.endsWith("guardwall.jar --version"));
  }

  @Test
  void launcher_shouldRebuild_whenASourceIsNewerThanTheLastBuild() throws Exception {
    run("--version");
    touchLater(repo.resolve("core/src/main/java/A.java"));
    run("--version");

    assertThat(calls("mvn")).hasSize(2);
  }

  @Test
  void launcher_shouldRebuild_whenAPomIsNewerThanTheLastBuild() throws Exception {
    run("--version");
    touchLater(repo.resolve("core/pom.xml"));
    run("--version");

    assertThat(calls("mvn")).hasSize(2);
  }

  @Test
  void launcher_shouldNotRebuild_whenOnlyTestsChanged() throws Exception {
    run("--version");
    Path test = Files.createDirectories(repo.resolve("core/src/test/java")).resolve("ATest.java");
    Files.writeString(test, "class ATest {}");
    touchLater(test);
    run("--version");

    assertThat(calls("mvn")).hasSize(1);
  }

  @Test
  void synth_shouldBuildTheCdkApp_whenMissingAndAgain_whenASourceChanged() throws Exception {
    run("synth");
    run("synth");
    touchLater(repo.resolve("core/src/main/java/A.java"));
    run("synth");

    assertThat(calls("mvn")).hasSize(2).allMatch(c -> c.contains("-pl infra"));
    assertThat(calls("java")).hasSize(3).allMatch(c -> c.endsWith("GuardwallApp"));
  }

  @Test
  void launcher_shouldNotClaimATerminal_whenStderrIsAPipeAndTheVariableWasInherited()
      throws Exception {
    run("--version");

    assertThat(calls("tty")).containsExactly("tty unset");
  }

  private void run(String... args) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                concat(List.of("bash", repo.resolve("guardwall").toString()), List.of(args)))
            .directory(repo.toFile())
            .redirectErrorStream(true);
    pb.environment().put("PATH", repo.resolve("bin") + ":/usr/bin:/bin");
    pb.environment().put("LOG", log.toString());
    // Inherited from a terminal session; stderr here is a pipe, so the launcher must drop it.
    pb.environment().put(ProgressOptions.TTY_VARIABLE, "1");
    Process process = pb.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  private List<String> calls(String program) throws IOException {
    return Files.readAllLines(log).stream().filter(l -> l.startsWith(program + " ")).toList();
  }

  /** Dates {@code file} a minute ahead, as a git pull would after the last build. */
  private static void touchLater(Path file) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
  }

  private static void executable(Path file, String script) throws IOException {
    Files.writeString(file, script);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
