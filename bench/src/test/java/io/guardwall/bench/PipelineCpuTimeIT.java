package io.guardwall.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link PipelineCpuTime} runs the pipeline and reports one line per repeat; no figure is held. */
class PipelineCpuTimeIT {

  @Test
  void main_shouldReportCpuAndAllocationPerFinding_whenRunBriefly() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      PipelineCpuTime.main(new String[] {"1", "1", "2"});
    } finally {
      System.setOut(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8).lines())
        .hasSize(2)
        .allMatch(
            line ->
                line.matches(
                    "CPU [\\d.,]+ µs/finding, [\\d.,]+ bytes allocated/finding, wall [\\d.,]+"
                        + " µs/finding"));
  }
}
