package io.guardwall.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.text.TextFiles;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * Reads the events of one source and hands them on one at a time. A file whose first line is a JSON
 * value of its own and that has more lines is read line by line, holding one line at a time (a
 * GuardDuty export object is one such: a bare finding per line); any other file is one JSON
 * document, read whole within the size cap. Stateless and thread-safe.
 */
final class EventReader {

  private EventReader() {}

  /**
   * Passes each event of {@code source} to {@code sink}; what cannot be read (the source, a line, a
   * gzip stream cut short) becomes one failed input, and what was read before it still counts.
   */
  static void read(EventSource source, long maxBytes, Consumer<EventInput> sink) {
    String name = source.name();
    ByteLines lines = null;
    int[] passed = {0};
    Consumer<EventInput> counted =
        e -> {
          passed[0]++;
          sink.accept(e);
        };
    try (InputStream in = source.open()) {
      lines = new ByteLines(in, maxBytes);
      if (!readLines(name, lines, counted)) {
        EventFiles.parse(name, source.text(maxBytes)).forEach(sink);
      }
    } catch (IOException e) {
      // Only a line-by-line read has passed events on; a whole document fails as one.
      int read = lines == null || passed[0] == 0 ? 0 : lines.number();
      String after = read == 0 ? "" : " after line " + read;
      sink.accept(EventInput.failed(name, read, "cannot read file" + after + ": " + describe(e)));
    }
  }

  /** Reads a line-oriented source; false, having passed nothing on, when it is one document. */
  private static boolean readLines(String name, ByteLines lines, Consumer<EventInput> sink)
      throws IOException {
    byte[] first;
    try {
      first = nextNonBlank(lines);
    } catch (ByteLines.TooLong e) {
      return false;
    }
    if (first == null || value(withoutBom(first)) == null) {
      return false;
    }
    int firstIndex = lines.number() - 1;
    try {
      byte[] second = nextNonBlank(lines);
      if (second == null) {
        return false;
      }
      sink.accept(line(name, firstIndex, withoutBom(first)));
      sink.accept(line(name, lines.number() - 1, second));
    } catch (ByteLines.TooLong e) {
      sink.accept(line(name, firstIndex, withoutBom(first)));
      sink.accept(tooLong(name, lines.number(), e));
    }
    rest(name, lines, sink);
    return true;
  }

  private static void rest(String name, ByteLines lines, Consumer<EventInput> sink)
      throws IOException {
    while (true) {
      try {
        byte[] next = nextNonBlank(lines);
        if (next == null) {
          return;
        }
        sink.accept(line(name, lines.number() - 1, next));
      } catch (ByteLines.TooLong e) {
        sink.accept(tooLong(name, lines.number(), e));
      }
    }
  }

  private static EventInput tooLong(String name, int lineNumber, ByteLines.TooLong e) {
    return EventInput.failed(name, lineNumber - 1, "line " + lineNumber + " is " + e.getMessage());
  }

  private static byte[] nextNonBlank(ByteLines lines) throws IOException {
    byte[] line;
    do {
      line = lines.next();
    } while (line != null && isBlank(line));
    return line;
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static EventInput line(String name, int index, byte[] bytes) {
    try {
      return EventFiles.line(name, index, TextFiles.decode(bytes));
    } catch (IOException e) {
      return EventInput.failed(name, index, "line " + (index + 1) + " is not UTF-8");
    }
  }

  private static JsonNode value(byte[] bytes) {
    try {
      return EventFiles.JSON.readTree(TextFiles.decode(bytes));
    } catch (JsonProcessingException e) {
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private static byte[] withoutBom(byte[] b) {
    boolean bom =
        b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    return bom ? java.util.Arrays.copyOfRange(b, 3, b.length) : b;
  }

  // The JDK words a cut-short or damaged gzip stream for its own developers.
  private static String describe(IOException e) {
    if (e instanceof EOFException) {
      return "gzip data cut short (truncated file)";
    }
    return e instanceof ZipException
        ? "corrupt gzip data (" + e.getMessage() + ")"
        : e.getMessage();
  }
}
