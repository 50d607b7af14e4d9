package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerminalHygieneTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\u001b[2Jb",
        "a\u0000b",
        "a\rb",
        "a\tb",
        "a\u007fb",
        "a\u009bb",
        "a\u202eb",
        "a\u2066b",
        "a\u2028b",
        "ok\nFORGED line"
      })
  void textProblems_shouldFlag_whenRawControlBidiOrForgedLine(String text) {
    assertThat(TerminalHygiene.textProblems("t", text)).isNotEmpty();
  }

  @Test
  void textProblems_shouldBeEmpty_whenPlainLinesAndUnicode() {
    assertThat(
            TerminalHygiene.textProblems("t", "block 198.51.100.7\n  Zürich \u00e9 \ud83d\udd25"))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "java.lang.NullPointerException",
        "guardwall: StreamConstraintsException: too deep",
        "\tat io.guardwall.cli.Foo.bar(Foo.java:12)",
        "java.lang.StackOverflowError",
        "bound as `com.fasterxml.jackson.databind.JsonNode`"
      })
  void crashProblems_shouldFlag_whenStackTraceOrClassName(String text) {
    assertThat(TerminalHygiene.crashProblems("t", text)).isNotEmpty();
  }

  @Test
  void crashProblems_shouldBeEmpty_whenPlainError() {
    assertThat(TerminalHygiene.crashProblems("t", "x.json #0: ERROR not JSON at line 1 column 3"))
        .isEmpty();
  }
}
