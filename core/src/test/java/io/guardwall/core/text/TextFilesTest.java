package io.guardwall.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFilesTest {

  @TempDir Path dir;

  private static byte[] hex(String hex) {
    byte[] b = new byte[hex.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return b;
  }

  @ParameterizedTest
  @CsvSource({
    "7B22C328227D, not UTF-8: byte 0xC3 at byte offset 2 (line 1)",
    "0A0AFF, not UTF-8: byte 0xFF at byte offset 2 (line 3)",
    "EFBBBF0AC0AF, not UTF-8: byte 0xC0 at byte offset 4 (line 2)",
    "EDA080, not UTF-8: byte 0xED at byte offset 0 (line 1)",
    "61E282, not UTF-8: byte 0xE2 at byte offset 1 (line 1)"
  })
  void decode_shouldNameByteOffsetAndLine_whenNotUtf8(String bytes, String message) {
    assertThatThrownBy(() -> TextFiles.decode(hex(bytes)))
        .isInstanceOf(IOException.class)
        .hasMessage(message);
  }

  @Test
  void decode_shouldDropByteOrderMarkOnly() throws Exception {
    assertThat(TextFiles.decode(hex("EFBBBF7B7D"))).isEqualTo("{}");
    assertThat(TextFiles.decode("\uFEFF\uFEFFé".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("\uFEFFé");
    assertThat(TextFiles.decode(new byte[0])).isEmpty();
  }

  @Test
  void readUtf8_shouldRefuse_whenOverCapOrMissingOrFolder() throws Exception {
    Path file = dir.resolve("f.json");
    Files.writeString(file, "x".repeat(2 * 1024 * 1024 + 1));
    assertThatThrownBy(() -> TextFiles.readUtf8(file, 2 * 1024 * 1024))
        .hasMessage("larger than 2 MiB, not read");
    assertThat(TextFiles.readUtf8(file, 3 * 1024 * 1024)).hasSize(2 * 1024 * 1024 + 1);
    assertThatThrownBy(() -> TextFiles.readUtf8(dir.resolve("nope"), 10))
        .hasMessage("no such file");
    assertThatThrownBy(() -> TextFiles.readUtf8(dir, 10))
        .hasMessage("not a regular file (a folder)");
  }

  @Test
  @Timeout(10)
  void readUtf8_shouldStopAtCap_whenFileReportsNoSize() {
    // Files under /proc report size 0 but have content: the read itself must be bounded.
    assertThatThrownBy(() -> TextFiles.readUtf8(Path.of("/proc/self/status"), 16))
        .hasMessage("larger than 16 bytes, not read");
  }

  @Test
  @Timeout(10)
  void kind_shouldNameSpecialFiles() throws Exception {
    assertThat(TextFiles.kind(Path.of("/dev/zero"))).isEqualTo("a character device");
    assertThat(TextFiles.kind(dir)).isEqualTo("a folder");
    Path fifo = dir.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    assertThat(TextFiles.kind(fifo)).isEqualTo("a FIFO");
    assertThatThrownBy(() -> TextFiles.readUtf8(fifo, 10))
        .hasMessage("not a regular file (a FIFO)");
  }
}
