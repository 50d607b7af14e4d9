package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EventFilesTest {

  @TempDir Path dir;
  private final List<String> skipped = new ArrayList<>();

  @Test
  void read_shouldNameOffsetAndLine_whenBytesAreNotUtf8() throws Exception {
    Path file = dir.resolve("binary.json");
    Files.write(file, new byte[] {'{', '\n', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
    List<EventInput> inputs = EventFiles.read(file);
    assertThat(inputs)
        .singleElement()
        .satisfies(
            i ->
                assertThat(i.error())
                    .isEqualTo("cannot read file: not UTF-8: byte 0xC3 at byte offset 3 (line 2)"));
  }

  @Test
  void read_shouldAcceptFile_whenItStartsWithByteOrderMark() throws Exception {
    Path file = dir.resolve("bom.json");
    Files.write(file, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
    assertThat(EventFiles.read(file))
        .singleElement()
        .satisfies(i -> assertThat(i.error()).isNull());
  }

  @Test
  void read_shouldReportSizeWithoutReading_whenFileOverCap() throws Exception {
    Path file = dir.resolve("big.json");
    Files.writeString(file, "[" + "1,".repeat(20) + "1]");
    assertThat(EventFiles.read(file, 16).get(0).error())
        .isEqualTo("cannot read file: larger than 16 bytes, not read");
  }

  @Test
  @Timeout(10)
  void read_shouldRefuseWithoutReading_whenDevice() {
    assertThat(EventFiles.read(Path.of("/dev/zero")).get(0).error())
        .isEqualTo("cannot read file: not a regular file (a character device)");
  }

  @Test
  @Timeout(10)
  void expand_shouldFailNamingTheKind_whenDeviceOrFifoNamed() throws Exception {
    Path fifo = fifo(dir.resolve("pipe.json"));
    assertThatThrownBy(() -> EventFiles.expand(List.of(Path.of("/dev/zero")), skipped::add))
        .isInstanceOf(UsageException.class)
        .hasMessage("not a regular file (a character device): /dev/zero");
    assertThatThrownBy(() -> EventFiles.expand(List.of(fifo), skipped::add))
        .isInstanceOf(UsageException.class)
        .hasMessage("not a regular file (a FIFO): " + fifo);
    assertThat(EventFiles.read(fifo).get(0).error()).contains("not a regular file (a FIFO)");
  }

  static Path fifo(Path path) throws Exception {
    Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).as("mkfifo exit status").isZero();
    return path;
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
  @Timeout(10)
  void expand_shouldReadEventFilesInAnyCaseAndReportEveryOtherFile() throws Exception {
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(dir.resolve("b/2.json"), "{}");
    Files.writeString(dir.resolve("a.jsonl"), "{}");
    Files.writeString(dir.resolve("C.JSON"), "{}");
    Files.writeString(dir.resolve("d.NDJson"), "{}");
    Files.writeString(dir.resolve("events.log"), "{}");
    Files.writeString(dir.resolve("notes.txt"), "not an event");
    Files.writeString(dir.resolve("README.md"), "# documentation, passed over in silence");
    Files.writeString(dir.resolve("b/ATTRIBUTION.Markdown"), "# also documentation");
    fifo(dir.resolve("pipe.json"));
    assertThat(EventFiles.expand(List.of(dir), skipped::add))
        .extracting(p -> dir.relativize(p).toString())
        .containsExactly("C.JSON", "a.jsonl", "b/2.json", "d.NDJson");
    assertThat(skipped)
        .containsExactly(
            "skipped "
                + dir.resolve("events.log")
                + ": not .json, .jsonl or .ndjson, gzipped or not (name it to"
                + " read it)",
            "skipped "
                + dir.resolve("notes.txt")
                + ": not .json, .jsonl or .ndjson, gzipped or not (name it to"
                + " read it)",
            "skipped " + dir.resolve("pipe.json") + ": not a regular file (a FIFO)");
  }

  @Test
  void expand_shouldFail_whenPathMissing() {
    assertThatThrownBy(() -> EventFiles.expand(List.of(dir.resolve("nope")), skipped::add))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("no such file or folder");
  }

  @Test
  void parse_shouldNameTrailingTextPlainly_whenValueIsFollowedByMore() {
    List<EventInput> inputs = EventFiles.parse("f", "{\"a\":1} 42");
    assertThat(inputs.get(0).error())
        .startsWith("not JSON: more text after the JSON value")
        .doesNotContain("jackson")
        .doesNotContain("FAIL_ON_TRAILING_TOKENS");
  }
}
