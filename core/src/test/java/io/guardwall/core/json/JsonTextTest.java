package io.guardwall.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "\"",
        "ends with a backslash \\",
        "a \"quoted\" word then \u0007 a bell",
        "𝄞 beyond the BMP",
        "\u001f\u007f\u2028"
      })
  void appendString_shouldReadBackAsTheSameString_whenJacksonParsesIt(String value)
      throws Exception {
    StringBuilder b = new StringBuilder("x");

    JsonText.appendString(b, value);

    assertThat(b.charAt(0)).isEqualTo('x');
    assertThat(Jackson.reader().readTree(b.substring(1)).textValue()).isEqualTo(value);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"a\"b|\"a\\\"b\"", "a\\b|\"a\\\\b\"", "plain|\"plain\""})
  void appendString_shouldEscapeOnlyWhatJsonRequires_whenTextHasQuotesOrBackslashes(
      String value, String expected) {
    StringBuilder b = new StringBuilder();

    JsonText.appendString(b, value);

    assertThat(b.toString()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0001", "ok\u001b[31m"})
  void appendString_shouldWriteUnicodeEscapes_whenTextHasControlCharacters(String value) {
    StringBuilder b = new StringBuilder();

    JsonText.appendString(b, value);

    assertThat(b.toString()).doesNotContainPattern("[\\x00-\\x1f]").contains("\\u00");
  }
}
