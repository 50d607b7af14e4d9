package io.guardwall.core.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads the UTF-8 text files guardwall is given (events, configuration) with the checks a hostile
 * path needs: only regular files, a size cap, strict UTF-8 with the offending byte named, a
 * byte-order mark accepted. Stateless and thread-safe.
 */
public final class TextFiles {

  /** What {@link #kind} says of a regular file. */
  public static final String REGULAR_FILE = "a regular file";

  /** What {@link #kind} says of a folder. */
  public static final String FOLDER = "a folder";

  /** The message of the exception {@link #kind} throws for a path that does not exist. */
  public static final String NO_SUCH_FILE = "no such file";

  private static final int MEBIBYTE = 1024 * 1024;

  private TextFiles() {}

  /**
   * The text of {@code file}, without a leading byte-order mark.
   *
   * @throws IOException whose message says what is wrong without the file name (missing, not a
   *     regular file, larger than {@code maxBytes}, not UTF-8 at byte offset N)
   */
  public static String readUtf8(Path file, long maxBytes) throws IOException {
    String kind = kind(file);
    if (!kind.equals(REGULAR_FILE)) {
      throw new IOException("not a regular file (" + kind + ")");
    }
    return decode(bytes(file, maxBytes));
  }

  /**
   * What {@code file} is, for messages: "a regular file", "a folder", "a FIFO", "a character
   * device", "a block device", "a socket" or "a special file"; links are followed.
   *
   * @throws IOException when it does not exist or cannot be inspected
   */
  public static String kind(Path file) throws IOException {
    BasicFileAttributes a = attributes(file);
    if (a.isRegularFile()) {
      return REGULAR_FILE;
    }
    return a.isDirectory() ? FOLDER : special(file);
  }

  private static BasicFileAttributes attributes(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new IOException(NO_SUCH_FILE, e);
    } catch (AccessDeniedException e) {
      throw new IOException("permission denied", e);
    }
  }

  // The file type bits of st_mode; "unix:mode" is there on Linux and macOS.
  private static String special(Path file) {
    try {
      int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
      return switch (type) {
        case 0010000 -> "a FIFO";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0140000 -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }

  // Bounded even when the size is unknown or wrong (files under /proc report 0).
  private static byte[] bytes(Path file, long maxBytes) throws IOException {
    String tooLarge = "larger than " + size(maxBytes) + ", not read";
    if (Files.size(file) > maxBytes) {
      throw new IOException(tooLarge);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
      if (bytes.length > maxBytes) {
        throw new IOException(tooLarge);
      }
      return bytes;
    } catch (AccessDeniedException e) {
      throw new IOException("permission denied", e);
    }
  }

  private static String size(long bytes) {
    return bytes % MEBIBYTE == 0 ? bytes / MEBIBYTE + " MiB" : bytes + " bytes";
  }

  /**
   * {@code bytes} as strict UTF-8 without a leading byte-order mark.
   *
   * @throws IOException naming the first invalid byte, its offset and line
   */
  public static String decode(byte[] bytes) throws IOException {
    int start = hasBom(bytes) ? 3 : 0;
    int invalid =
        isAscii(bytes, start)
            ? -1
            : firstInvalid(ByteBuffer.wrap(bytes, start, bytes.length - start));
    if (invalid >= 0) {
      throw new IOException(notUtf8(bytes, invalid));
    }
    return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
  }

  // Most input is ASCII: checking that is much cheaper than running a decoder.
  private static boolean isAscii(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  // Decodes into a small reused buffer: only validity matters here, not the characters.
  private static int firstInvalid(ByteBuffer in) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate(8192);
    CoderResult result;
    do {
      out.clear();
      result = decoder.decode(in, out, true);
    } while (result.isOverflow());
    return result.isError() ? in.position() : -1;
  }

  private static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  private static String notUtf8(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      line += bytes[i] == '\n' ? 1 : 0;
    }
    String at = offset < bytes.length ? "byte 0x%02X".formatted(bytes[offset]) : "truncated";
    return String.format(
        Locale.ROOT, "not UTF-8: %s at byte offset %d (line %d)", at, offset, line);
  }
}
