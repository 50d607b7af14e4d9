package io.guardwall.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a stream into lines of bytes (without the line end), holding one line at a time; a line
 * longer than the cap is passed over and reported. Not thread-safe.
 */
final class ByteLines {

  /** Thrown for a line longer than the cap; the stream is left after that line. */
  static final class TooLong extends IOException {
    private static final long serialVersionUID = 1L;

    TooLong(long maxBytes) {
      super("longer than " + maxBytes + " bytes, not read");
    }
  }

  private final InputStream in;
  private final long maxBytes;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private int number;

  ByteLines(InputStream in, long maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** Lines returned or passed over so far; the last one's number, counting from 1. */
  int number() {
    return number;
  }

  /**
   * The next line, or null at the end of the stream.
   *
   * @throws TooLong when the line is longer than the cap
   */
  byte[] next() throws IOException {
    line.reset();
    boolean tooLong = false;
    int b = in.read();
    if (b < 0) {
      return null;
    }
    for (; b >= 0 && b != '\n'; b = in.read()) {
      tooLong = tooLong || line.size() >= maxBytes;
      if (!tooLong) {
        line.write(b);
      }
    }
    number++;
    if (tooLong) {
      throw new TooLong(maxBytes);
    }
    return withoutCarriageReturn(line.toByteArray());
  }

  private static byte[] withoutCarriageReturn(byte[] bytes) {
    int n = bytes.length;
    return n > 0 && bytes[n - 1] == '\r' ? java.util.Arrays.copyOf(bytes, n - 1) : bytes;
  }
}
