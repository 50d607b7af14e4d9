package io.guardwall.core.parse;

import io.guardwall.core.model.Finding;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One finding read from an event: either a {@link Finding} or an error, with whatever id and type
 * could be read; immutable.
 *
 * @param finding the finding, null when it could not be read
 * @param id the finding id, may be null for an invalid finding
 * @param type the finding type, may be null for an invalid finding
 * @param error what made the finding unusable, null for a valid one
 */
public record FindingResult(
    @Nullable Finding finding, @Nullable String id, @Nullable String type, @Nullable String error) {

  public FindingResult {
    if ((finding == null) == (error == null)) {
      throw new IllegalArgumentException("exactly one of finding and error must be given");
    }
    if (finding != null && (!finding.id().equals(id) || !finding.type().equals(type))) {
      throw new IllegalArgumentException("id and type must be the finding's");
    }
    if (error != null && error.isBlank()) {
      throw new IllegalArgumentException("error is blank");
    }
  }

  /** A finding read in full; id and type are the finding's. */
  public static FindingResult ok(Finding f) {
    Objects.requireNonNull(f, "finding");
    return new FindingResult(f, f.id(), f.type(), null);
  }

  /** A finding that could not be read; id and type may be null. */
  public static FindingResult invalid(@Nullable String id, @Nullable String type, String error) {
    Objects.requireNonNull(error, "error");
    return new FindingResult(null, id, type, error);
  }

  public boolean isValid() {
    return finding != null;
  }
}
