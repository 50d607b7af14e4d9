package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.flow.EventReport;
import io.guardwall.slack.FakeTime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ETA of the progress line: stored bytes read against the sources' total, on a fake clock. */
class ReadMeterTest {

  private final FakeTime time = FakeTime.frozen();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  /** A source of {@code bytes} bytes whose size is known, or not. */
  private record Bytes(String name, byte[] bytes, boolean sized) implements EventSource {
    @Override
    public InputStream openRaw() {
      return new ByteArrayInputStream(bytes);
    }

    @Override
    public OptionalLong storedSize() {
      return sized ? OptionalLong.of(bytes.length) : OptionalLong.empty();
    }
  }

  private static EventSource sized(int length) {
    return new Bytes("a.json", new byte[length], true);
  }

  private static void readSome(EventSource source, int bytes) throws IOException {
    try (InputStream in = source.openRaw()) {
      in.readNBytes(bytes);
      // not closed at its end: a source read halfway
    }
  }

  @Test
  void eta_shouldScaleTimeSoFarByBytesLeft_whenAQuarterWasReadInOneMinute() {
    ReadMeter meter = ReadMeter.of(List.of(sized(300), sized(100)));

    meter.add(100);

    assertThat(meter.eta(Duration.ofMinutes(1))).contains(Duration.ofMinutes(3));
  }

  @Test
  void eta_shouldBeEmpty_whenAnySourceSizeIsUnknown() {
    ReadMeter meter = ReadMeter.of(List.of(sized(100), new Bytes("fifo", new byte[100], false)));

    meter.add(50);

    assertThat(meter.eta(Duration.ofMinutes(1))).isEmpty();
  }

  @Test
  void eta_shouldBeEmpty_whenNothingWasReadYet() {
    assertThat(ReadMeter.of(List.of(sized(100))).eta(Duration.ofMinutes(1))).isEmpty();
  }

  @Test
  void meter_shouldCountEachByteOnce_whenASourceIsOpenedTwice() throws IOException {
    ReadMeter meter = ReadMeter.of(List.of(sized(1000)));
    EventSource source = meter.meter(List.of(sized(1000))).get(0);
    InputStream first = source.openRaw();
    first.readNBytes(400);
    InputStream second = source.openRaw();
    second.readNBytes(600);

    assertThat(meter.eta(Duration.ofSeconds(60))).contains(Duration.ofSeconds(40));
  }

  @Test
  void meter_shouldCountTheWholeSource_whenItIsClosedBeforeItsEnd() throws IOException {
    ReadMeter meter = ReadMeter.of(List.of(sized(1000), sized(1000)));
    List<EventSource> sources = meter.meter(List.of(sized(1000), sized(1000)));

    readSome(sources.get(0), 10);

    assertThat(meter.eta(Duration.ofSeconds(60))).contains(Duration.ofSeconds(60));
  }

  @Test
  void meter_shouldCountCompressedBytes_whenSourceIsGzipped() throws IOException {
    byte[] gz = gzip("{\"a\":1}\n".repeat(10_000));
    EventSource plain = new Bytes("a.json.gz", gz, true);
    ReadMeter meter = ReadMeter.of(List.of(plain, sized(gz.length)));
    EventSource source = meter.meter(List.of(plain)).get(0);

    try (InputStream in = source.open()) {
      assertThat(in.readAllBytes()).hasSize(80_000);
    }

    assertThat(meter.eta(Duration.ofSeconds(30))).contains(Duration.ofSeconds(30));
  }

  @Test
  void meter_shouldCountALocalFileReadWhole_whenItsTextSkipsTheStream() throws IOException {
    Path file = dir.resolve("a.json");
    Files.writeString(file, "[" + ReplayCommandTest.event("f1", 8.0, "198.51.100.7") + "]");
    EventSource local = new LocalEventFile(file);
    ReadMeter meter = ReadMeter.of(List.of(local, local));
    List<EventInput> events = new ArrayList<>();

    EventFiles.forEach(meter.meter(List.of(local)), events::add);

    assertThat(events).hasSize(1);
    assertThat(meter.eta(Duration.ofSeconds(10))).contains(Duration.ofSeconds(10));
  }

  @Test
  void show_shouldAppendEta_whenTheTotalIsKnown() throws IOException {
    ReadMeter meter = ReadMeter.of(List.of(sized(1000)));
    Progress progress = Progress.on(new PrintWriter(err), time, true, meter);
    List<EventSource> sources = progress.read(List.of(sized(1000)));

    try (InputStream in = sources.get(0).openRaw()) {
      in.readNBytes(250);
      time.pass(Duration.ofSeconds(90));
      progress.done(EventReport.failed("f", 0, "bad"));
    }

    assertThat(err.toString()).isEqualTo("\rread 1 events (0 findings), 0 events/s, ETA 04:30");
  }

  @Test
  void end_shouldDropEtaAndWipeIt_whenTheRunIsOver() {
    ReadMeter meter = ReadMeter.of(List.of(sized(1000)));
    Progress progress = Progress.on(new PrintWriter(err), time, true, meter);
    meter.add(500);
    time.pass(Duration.ofSeconds(1));
    progress.done(EventReport.failed("f", 0, "bad"));

    progress.end();

    String shown = "read 1 events (0 findings), 1 events/s";
    assertThat(err.toString())
        .isEqualTo(
            "\r"
                + shown
                + ", ETA 00:01\r"
                + shown
                + " ".repeat(", ETA 00:01".length())
                + System.lineSeparator());
  }

  @Test
  void show_shouldHaveNoEta_whenASizeIsUnknown() {
    ReadMeter meter = ReadMeter.of(List.of(new Bytes("fifo", new byte[10], false)));
    Progress progress = Progress.on(new PrintWriter(err), time, true, meter);
    meter.add(5);
    time.pass(Duration.ofSeconds(1));

    progress.done(EventReport.failed("f", 0, "bad"));

    assertThat(err.toString()).isEqualTo("\rread 1 events (0 findings), 1 events/s");
  }

  @Test
  void read_shouldLeaveSourcesAlone_whenTheLineIsNotShown() {
    List<EventSource> sources = List.of(sized(10));

    assertThat(Progress.on(new PrintWriter(err), time, false, ReadMeter.of(sources)).read(sources))
        .isSameAs(sources);
  }

  @Test
  void eta_shouldCountMinutesPastAnHour_whenTheRunIsLong() {
    assertThat(Progress.eta(Duration.ofMinutes(125).plusSeconds(7))).isEqualTo(", ETA 125:07");
    assertThat(Progress.eta(Duration.ofMillis(1))).isEqualTo(", ETA 00:01");
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
