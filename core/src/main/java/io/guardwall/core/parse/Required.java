package io.guardwall.core.parse;

import io.guardwall.core.text.Excerpt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields a finding cannot do without, collecting every problem so that one error names
 * them all; one instance per finding, not thread-safe.
 */
final class Required {

  private final List<String> problems = new ArrayList<>();

  /** The value read, or null after recording why it could not be read. */
  <T> @Nullable T read(Supplier<T> reader) {
    try {
      return reader.get();
    } catch (InvalidEventException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  /** The invalid result, naming the finding by id or, without one, by its position (1-based). */
  FindingResult invalid(@Nullable String id, @Nullable String type, int position) {
    return FindingResult.invalid(id, type, error(id, position, String.join("; ", problems)));
  }

  static String error(@Nullable String id, int position, String problem) {
    String name = id == null ? "#" + position : Excerpt.of(id);
    return "finding " + name + ": " + problem;
  }
}
