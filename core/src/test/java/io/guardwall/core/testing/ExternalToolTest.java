package io.guardwall.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalToolTest {

  @Test
  void problem_shouldNameTheCommand_whenItCannotStart() {
    assertThat(ExternalTool.problem(List.of("/nonexistent/guardwall-tool", "--version")))
        .contains("cannot run /nonexistent/guardwall-tool --version");
  }

  @Test
  void problem_shouldGiveTheExitCode_whenTheProbeFails() {
    assertThat(ExternalTool.problem(List.of("sh", "-c", "exit 3")))
        .contains("sh -c exit 3 exited with 3");
  }

  @Test
  void problem_shouldBeEmpty_whenTheProbeSucceeds() {
    assertThat(ExternalTool.problem(List.of("sh", "-c", "echo ok"))).isEmpty();
  }

  @Test
  void missing_shouldNameTheToolAndHowToInstallIt_inOneLineWithoutStackTrace() {
    ExternalTool.Missing missing = ExternalTool.CFN_LINT.missing("cannot run cfn-lint --version");

    assertThat(missing)
        .hasMessage("cfn-lint is missing (cannot run cfn-lint --version): pip install cfn-lint")
        .hasNoCause();
    assertThat(missing.getStackTrace()).isEmpty();
  }

  @Test
  void missing_shouldSayHowToPointAtAnotherPython_whenMotoIsMissing() {
    assertThat(ExternalTool.MOTO.missing("python3 exited with 1"))
        .hasMessageStartingWith("python3 with moto is missing")
        .hasMessageContaining("pip install 'moto[server]'")
        .hasMessageContaining("-Dmoto.python");
  }

  @Test
  void executable_shouldBeThePlainProgram_whenNothingIsConfigured() {
    assertThat(ExternalTool.CFN_LINT.executable()).isEqualTo("cfn-lint");
  }
}
