package io.guardwall.cli;

import io.guardwall.core.text.TextFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;

/**
 * Where one event file's bytes come from (a local file or an object store), opened as often as a
 * reader needs; names ending in {@code .gz} are gunzipped on the fly. Implementations are stateless
 * and thread-safe.
 */
interface EventSource {

  /** The name reports give this source. */
  String name();

  /**
   * How many raw bytes {@link #openRaw} yields, known before reading (a plain file's size, an
   * object's listed size); empty when not known, as for a stream.
   */
  default OptionalLong storedSize() {
    return OptionalLong.empty();
  }

  /** The raw bytes, as stored (still gzipped for a {@code .gz} name). */
  InputStream openRaw() throws IOException;

  /** The bytes to parse: the stored ones, or their gunzipped form for a {@code .gz} name. */
  default InputStream open() throws IOException {
    InputStream raw = new BufferedInputStream(openRaw(), 65536);
    return isGzip() ? gunzip(raw) : raw;
  }

  /**
   * The whole text, strict UTF-8 without a byte-order mark, read only when it fits in {@code
   * maxBytes}.
   *
   * @throws IOException whose message says what is wrong without the name
   */
  default String text(long maxBytes) throws IOException {
    try (InputStream in = open()) {
      byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
      if (bytes.length > maxBytes) {
        throw new IOException("larger than " + maxBytes + " bytes uncompressed, not read");
      }
      return TextFiles.decode(bytes);
    }
  }

  default boolean isGzip() {
    return name().toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  // GZIPInputStream reports an empty stream as a bare EOFException, which says nothing to a user.
  private static InputStream gunzip(InputStream raw) throws IOException {
    raw.mark(1);
    if (raw.read() < 0) {
      raw.close();
      throw new IOException("empty file, not gzip");
    }
    raw.reset();
    try {
      return new GZIPInputStream(raw, 65536);
    } catch (IOException e) {
      raw.close();
      throw new IOException("not gzip (" + e.getMessage() + ")", e);
    }
  }
}
