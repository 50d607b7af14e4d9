package io.guardwall.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Checks that the webhook's secret path shows nowhere in an error, its causes or its trace. */
final class Secrets {

  private Secrets() {}

  static void assertNoSecret(Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(StubSlack.SECRET).doesNotContain("xoxSecret");
  }
}
