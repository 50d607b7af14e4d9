package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteLinesTest {

  @Test
  void next_shouldSplitLines_whenTheyCrossTheReadBuffer() throws IOException {
    String longLine = "x".repeat(100_000);
    ByteLines lines = lines("a\r\n" + longLine + "\n\nlast", 1_000_000);

    assertThat(all(lines)).containsExactly("a", longLine, "", "last");
    assertThat(lines.number()).isEqualTo(4);
  }

  @Test
  void next_shouldReturnNull_whenTheStreamIsEmpty() throws IOException {
    assertThat(lines("", 10).next()).isNull();
  }

  @Test
  void next_shouldPassOverALongLineAndGoOn_whenItExceedsTheCap() throws IOException {
    ByteLines lines = lines("short\n" + "y".repeat(70_000) + "\nafter\n", 65_000);

    assertThat(new String(lines.next(), StandardCharsets.UTF_8)).isEqualTo("short");
    assertThatThrownBy(lines::next)
        .isInstanceOf(ByteLines.TooLong.class)
        .hasMessageContaining("longer than 65000 bytes");
    assertThat(new String(lines.next(), StandardCharsets.UTF_8)).isEqualTo("after");
    assertThat(lines.number()).isEqualTo(3);
  }

  @Test
  void next_shouldKeepALine_whenItIsExactlyTheCap() throws IOException {
    assertThat(all(lines("abcde\nf", 5))).containsExactly("abcde", "f");
  }

  private static ByteLines lines(String text, long cap) {
    return new ByteLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), cap);
  }

  private static List<String> all(ByteLines lines) throws IOException {
    List<String> out = new ArrayList<>();
    for (byte[] b; (b = lines.next()) != null; ) {
      out.add(new String(b, StandardCharsets.UTF_8));
    }
    return out;
  }
}
