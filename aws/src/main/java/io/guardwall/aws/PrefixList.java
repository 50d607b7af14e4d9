package io.guardwall.aws;

import io.guardwall.core.model.Cidr;
import java.util.Map;
import java.util.Objects;

/**
 * One managed prefix list as read; immutable.
 *
 * @param id the list's id
 * @param ipv4 whether its AddressFamily is IPv4 (else IPv6)
 * @param version the list's version, what a modify's CurrentVersion must name
 * @param maxEntries the entries it may hold now
 * @param ours guardwall's entries: each CIDR and the text EC2 holds it as (what a removal names)
 * @param foreign how many entries someone else owns
 */
record PrefixList(
    String id, boolean ipv4, long version, int maxEntries, Map<Cidr, String> ours, int foreign) {

  PrefixList {
    Objects.requireNonNull(id, "id");
    ours = Map.copyOf(ours);
    if (foreign < 0 || maxEntries < 0) {
      throw new IllegalArgumentException(
          "negative counts in prefix list " + id + ": " + foreign + ", " + maxEntries);
    }
  }

  /** How many entries guardwall may keep here: up to the ceiling, or the list's size if larger. */
  int room(int ceiling) {
    return Math.max(0, Math.max(ceiling, maxEntries) - foreign);
  }

  /** {@code id:version}, this list's part of a target's version. */
  String versionTag() {
    return id + ":" + version;
  }
}
