package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GzipEventFilesTest {

  @TempDir Path dir;
  private final List<String> skipped = new ArrayList<>();

  static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void expand_shouldSelectGzippedEventFiles_whenInAFolder() throws Exception {
    Files.write(dir.resolve("a.json.gz"), gzip("{}"));
    Files.write(dir.resolve("b.jsonl.GZ"), gzip("{}"));
    Files.write(dir.resolve("c.gz"), gzip("{}"));
    assertThat(EventFiles.expand(List.of(dir), skipped::add))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("a.json.gz", "b.jsonl.GZ");
    assertThat(skipped).singleElement().asString().contains("c.gz");
  }

  @Test
  void read_shouldReadOneFindingPerLine_whenGuardDutyExportObject() throws Exception {
    Path file = dir.resolve("export.jsonl.gz");
    Files.write(file, gzip("{\"id\":\"a\"}\n{\"id\":\"b\"}\n\n{\"id\":\"c\"}\n"));
    assertThat(EventFiles.read(file))
        .extracting(i -> i.event().get("id").asText(), EventInput::index)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", 0),
            org.assertj.core.groups.Tuple.tuple("b", 1),
            org.assertj.core.groups.Tuple.tuple("c", 3));
  }

  @Test
  void read_shouldReadOneDocument_whenGzippedPrettyJson() throws Exception {
    Path file = dir.resolve("page.json.gz");
    Files.write(file, gzip("{\n \"Findings\": [{\"Id\":\"a\"},\n {\"Id\":\"b\"}]\n}\n"));
    assertThat(EventFiles.read(file)).hasSize(2).allSatisfy(i -> assertThat(i.error()).isNull());
  }

  @Test
  void read_shouldSayNotGzip_whenEmpty() throws Exception {
    Path file = Files.write(dir.resolve("empty.jsonl.gz"), new byte[0]);
    assertThat(EventFiles.read(file))
        .singleElement()
        .extracting(EventInput::error)
        .isEqualTo("cannot read file: empty file, not gzip");
  }

  @Test
  void read_shouldSayNotGzip_whenGarbage() throws Exception {
    Path file = Files.writeString(dir.resolve("garbage.json.gz"), "{\"plain\": true}");
    assertThat(EventFiles.read(file))
        .singleElement()
        .extracting(EventInput::error)
        .isEqualTo("cannot read file: not gzip (Not in GZIP format)");
  }

  @Test
  void read_shouldKeepEarlierLinesAndNameTheLine_whenGzipIsTruncated() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      lines
          .append("{\"id\":\"")
          .append(i)
          .append("\",\"pad\":\"")
          .append(i * 7919L)
          .append("\"}\n");
    }
    byte[] whole = gzip(lines.toString());
    Path file = Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(whole, whole.length / 2));
    List<EventInput> inputs = EventFiles.read(file);
    EventInput last = inputs.get(inputs.size() - 1);
    assertThat(inputs.size()).isBetween(3, 1999);
    assertThat(inputs.subList(0, inputs.size() - 1))
        .allSatisfy(i -> assertThat(i.error()).isNull());
    assertThat(last.error())
        .startsWith("cannot read file after line " + (inputs.size() - 1) + ": ")
        .endsWith("gzip data cut short (truncated file)");
  }

  @Test
  void read_shouldReportTheLongLineAndReadOn_whenLineOverCap() throws Exception {
    Path file = dir.resolve("long.jsonl");
    Files.writeString(file, "{}\n{\"x\":\"" + "y".repeat(40) + "\"}\n{\"z\":1}\n");
    List<EventInput> inputs = EventFiles.read(file, 32);
    assertThat(inputs).extracting(EventInput::index).containsExactly(0, 1, 2);
    assertThat(inputs.get(1).error()).isEqualTo("line 2 is longer than 32 bytes, not read");
    assertThat(inputs.get(2).event().get("z").asInt()).isEqualTo(1);
  }

  @Test
  void replay_shouldBlockFromAGzippedExport_whenFolderHoldsJsonlGz() throws Exception {
    String lines =
        ReplayCommandTest.event("f1", 8.0, "198.51.100.7")
            + "\n"
            + ReplayCommandTest.event("f2", 8.0, "198.51.100.8")
            + "\n";
    Files.write(dir.resolve("export.jsonl.gz"), gzip(lines));
    CliRunner r = CliRunner.run("replay", "--format", "json", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("198.51.100.7").contains("198.51.100.8");
  }
}
