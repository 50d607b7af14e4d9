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
  // Scanned in blocks: a read() call per byte costs more than the rest of reading a line.
  private final byte[] buffer = new byte[65536];
  private int position;
  private int limit;
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
    if (!fill()) {
      return null;
    }
    boolean tooLong = false;
    boolean ended = false;
    while (!ended && fill()) {
      int end = position;
      while (end < limit && buffer[end] != '\n') {
        end++;
      }
      ended = end < limit;
      tooLong = keep(end - position, tooLong);
      position = ended ? end + 1 : end;
    }
    number++;
    if (tooLong) {
      throw new TooLong(maxBytes);
    }
    return withoutCarriageReturn(line.toByteArray());
  }

  /** Keeps up to the cap of the next {@code length} bytes; whether the line is now too long. */
  private boolean keep(int length, boolean tooLong) {
    if (tooLong || line.size() + (long) length > maxBytes) {
      return true;
    }
    line.write(buffer, position, length);
    return false;
  }

  /** Whether unread bytes are buffered, reading more when none are. */
  private boolean fill() throws IOException {
    if (position < limit) {
      return true;
    }
    int n = in.read(buffer, 0, buffer.length);
    position = 0;
    limit = Math.max(n, 0);
    return n > 0;
  }

  private static byte[] withoutCarriageReturn(byte[] bytes) {
    int n = bytes.length;
    return n > 0 && bytes[n - 1] == '\r' ? java.util.Arrays.copyOf(bytes, n - 1) : bytes;
  }
}
