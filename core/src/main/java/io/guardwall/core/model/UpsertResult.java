package io.guardwall.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an upsert did: {@code created} when the CIDR was absent or had expired (so it is newly
 * blocked), else refreshed; with the entry as stored afterwards. Immutable.
 */
public record UpsertResult(BlocklistEntry entry, boolean created) {
  public UpsertResult {
    Objects.requireNonNull(entry, "entry");
  }

  /**
   * The upsert rule every store applies: {@code request} creates a new entry when {@code stored} is
   * null or no longer active at the request's {@code seenAt} (an expired entry is replaced as if
   * absent), else it refreshes {@code stored}.
   */
  public static UpsertResult apply(@Nullable BlocklistEntry stored, BlockRequest request) {
    Objects.requireNonNull(request, "request");
    if (stored == null || !stored.isActive(request.seenAt())) {
      return new UpsertResult(BlocklistEntry.create(request), true);
    }
    return new UpsertResult(stored.refresh(request), false);
  }
}
