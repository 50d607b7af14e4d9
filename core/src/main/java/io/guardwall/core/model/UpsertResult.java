package io.guardwall.core.model;

import java.util.Objects;

/**
 * What an upsert did: {@code created} when the CIDR was absent or had expired (so it is newly
 * blocked), else refreshed; with the entry as stored afterwards. Immutable.
 */
public record UpsertResult(BlocklistEntry entry, boolean created) {
  public UpsertResult {
    Objects.requireNonNull(entry, "entry");
  }
}
