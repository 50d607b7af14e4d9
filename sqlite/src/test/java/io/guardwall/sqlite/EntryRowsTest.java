package io.guardwall.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.guardwall.core.json.Jackson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryRowsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain",
        "",
        "quote \" inside",
        "back\\slash",
        "new\nline",
        "tab\tand\u0000nul",
        "ünïcödé ✓",
        "Backdoor:EC2/C&CActivity.B"
      })
  void json_shouldReadBackAsTheSameStrings_whenTextNeedsEscaping(String text) throws Exception {
    List<String> values = List.of(text, "second");

    String json = EntryRows.json(values);

    List<String> read =
        Jackson.reader().forType(new TypeReference<List<String>>() {}).readValue(json);
    assertThat(read).isEqualTo(values);
  }

  @Test
  void json_shouldWriteAnEmptyArray_whenThereAreNoValues() {
    assertThat(EntryRows.json(List.of())).isEqualTo("[]");
  }
}
