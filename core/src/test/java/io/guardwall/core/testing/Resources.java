package io.guardwall.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads test resources and the repository's shipped samples. */
public final class Resources {

  private Resources() {}

  /** A classpath resource next to {@code anchor}, as text. */
  public static String text(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name + " near " + anchor);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository's {@code samples/} folder, found from the module directory tests run in. */
  public static Path samples() {
    return repositoryRoot().resolve("samples");
  }

  /**
   * The repository's root (the folder with {@code samples/events}), found from the module directory
   * tests run in: for files shared by the whole repository, never another module's.
   */
  public static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("samples/events"))) {
        return dir;
      }
    }
    throw new IllegalStateException("samples/ not found above " + Path.of("").toAbsolutePath());
  }

  /** A file below {@code samples/}, as text. */
  public static String sample(String relative) {
    try {
      return Files.readString(samples().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
