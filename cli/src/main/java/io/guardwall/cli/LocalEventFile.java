package io.guardwall.cli;

import io.guardwall.core.text.TextFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** An event file on the local disk; only a regular file is opened. Thread-safe. */
record LocalEventFile(Path file) implements EventSource {

  @Override
  public String name() {
    return file.toString();
  }

  @Override
  public InputStream openRaw() throws IOException {
    String kind = TextFiles.kind(file);
    if (!kind.equals(TextFiles.REGULAR_FILE)) {
      throw new IOException("not a regular file (" + kind + ")");
    }
    try {
      return Files.newInputStream(file);
    } catch (AccessDeniedException e) {
      throw new IOException("permission denied", e);
    }
  }

  /** A regular file's size; empty for anything else (a FIFO's bytes are not known ahead). */
  @Override
  public OptionalLong storedSize() {
    try {
      return Files.isRegularFile(file) ? OptionalLong.of(Files.size(file)) : OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  // A plain file's size is known before reading: TextFiles refuses a large one unread.
  @Override
  public String text(long maxBytes) throws IOException {
    return isGzip() ? EventSource.super.text(maxBytes) : TextFiles.readUtf8(file, maxBytes);
  }
}
