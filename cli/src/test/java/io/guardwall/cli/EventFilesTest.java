package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFilesTest {

  @TempDir Path dir;

  @Test
  void read_shouldReportFile_whenBytesAreNotUtf8() throws Exception {
    Path file = dir.resolve("binary.json");
    Files.write(file, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
    List<EventInput> inputs = EventFiles.read(file);
    assertThat(inputs)
        .singleElement()
        .satisfies(i -> assertThat(i.error()).startsWith("cannot read file"));
  }

  @Test
  void read_shouldSplitFindings_whenGetFindingsOutput() {
    List<EventInput> inputs =
        EventFiles.parse("f", "{\"Findings\":[{\"Id\":\"a\"},{\"Id\":\"b\"}]}");
    assertThat(inputs).hasSize(2).allSatisfy(i -> assertThat(i.error()).isNull());
  }

  @Test
  void read_shouldSplitFindings_whenApiPageIsCamelCase() {
    List<EventInput> inputs =
        EventFiles.parse("f", "{\"findings\":[{\"id\":\"a\"},{\"id\":\"b\"}]}");
    assertThat(inputs).extracting(i -> i.event().get("id").asText()).containsExactly("a", "b");
  }

  @Test
  void read_shouldKeepThePageWhole_whenItsFindingsAreNoArrayOrItHasBothCasings() {
    assertThat(EventFiles.parse("f", "{\"findings\":{\"id\":\"a\"}}")).hasSize(1);
    assertThat(EventFiles.parse("f", "{\"findings\":[{}],\"Findings\":[{}]}")).hasSize(1);
  }

  @Test
  void read_shouldReportEmptyFile() {
    assertThat(EventFiles.parse("f", "  ").get(0).error()).isEqualTo("empty file");
  }

  @Test
  void read_shouldNumberLines_whenSomeLinesAreBroken() {
    List<EventInput> inputs = EventFiles.parse("f", "{\"a\":1}\n\n{broken\n[1]");
    assertThat(inputs).extracting(EventInput::index).containsExactly(0, 2, 3);
    assertThat(inputs.get(1).error()).startsWith("line 3 is not JSON");
  }

  @Test
  void expand_shouldReadFoldersInNameOrderAndSkipOtherFiles() throws Exception {
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(dir.resolve("b/2.json"), "{}");
    Files.writeString(dir.resolve("a.jsonl"), "{}");
    Files.writeString(dir.resolve("notes.txt"), "not an event");
    assertThat(EventFiles.expand(List.of(dir)))
        .extracting(p -> dir.relativize(p).toString())
        .containsExactly("a.jsonl", "b/2.json");
  }

  @Test
  void expand_shouldFail_whenPathMissing() {
    assertThatThrownBy(() -> EventFiles.expand(List.of(dir.resolve("nope"))))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("no such file or folder");
  }
}
