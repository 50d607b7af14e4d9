package io.guardwall.aws;

import static io.guardwall.aws.DynamoDbSchema.ACCOUNTS;
import static io.guardwall.aws.DynamoDbSchema.CIDR;
import static io.guardwall.aws.DynamoDbSchema.CIDR_PREFIX;
import static io.guardwall.aws.DynamoDbSchema.EXPIRES_AT_EXACT;
import static io.guardwall.aws.DynamoDbSchema.FINDING_IDS;
import static io.guardwall.aws.DynamoDbSchema.FINDING_TYPES;
import static io.guardwall.aws.DynamoDbSchema.FIRST_SEEN;
import static io.guardwall.aws.DynamoDbSchema.HIGHEST_SEVERITY;
import static io.guardwall.aws.DynamoDbSchema.HITS;
import static io.guardwall.aws.DynamoDbSchema.LAST_SEEN;
import static io.guardwall.aws.DynamoDbSchema.ORIGINS;
import static io.guardwall.aws.DynamoDbSchema.PARTITION_KEY;
import static io.guardwall.aws.DynamoDbSchema.PINNED;
import static io.guardwall.aws.DynamoDbSchema.REGIONS;
import static io.guardwall.aws.DynamoDbSchema.SIGHTING_KEYS;
import static io.guardwall.aws.DynamoDbSchema.TTL_ATTRIBUTE;
import static io.guardwall.aws.DynamoDbSchema.VERSION;

import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.SeverityLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps a {@link BlocklistEntry} to its DynamoDB item and back (see {@link DynamoDbSchema}). */
final class BlocklistItem {

  /** Every non-key attribute of a blocklist item; a write removes those the entry lacks. */
  static final List<String> ATTRIBUTES =
      List.of(
          CIDR,
          VERSION,
          FIRST_SEEN,
          LAST_SEEN,
          EXPIRES_AT_EXACT,
          TTL_ATTRIBUTE,
          HITS,
          HIGHEST_SEVERITY,
          FINDING_TYPES,
          FINDING_IDS,
          SIGHTING_KEYS,
          ACCOUNTS,
          REGIONS,
          ORIGINS,
          PINNED);

  /** An entry as stored, with the version a conditional write must find. */
  record Stored(BlocklistEntry entry, long version) {}

  private BlocklistItem() {}

  static Map<String, AttributeValue> key(Cidr cidr) {
    return Map.of(PARTITION_KEY, Attributes.string(CIDR_PREFIX + cidr.value()));
  }

  /** The non-key attributes of {@code e} at {@code version}; absent ones are not in the map. */
  static Map<String, AttributeValue> attributes(BlocklistEntry e, long version) {
    Map<String, AttributeValue> a = new LinkedHashMap<>();
    a.put(CIDR, Attributes.string(e.cidr().value()));
    a.put(VERSION, Attributes.number(version));
    a.put(FIRST_SEEN, Attributes.instant(e.firstSeen()));
    a.put(LAST_SEEN, Attributes.instant(e.lastSeen()));
    if (e.expiresAt() != null) {
      a.put(EXPIRES_AT_EXACT, Attributes.instant(e.expiresAt()));
      a.put(TTL_ATTRIBUTE, Attributes.ttlSeconds(e.expiresAt()));
    }
    a.put(HITS, Attributes.number(e.hits()));
    a.put(HIGHEST_SEVERITY, Attributes.string(e.highestSeverity().name()));
    putSet(a, FINDING_TYPES, e.findingTypes());
    a.put(FINDING_IDS, Attributes.stringList(e.findingIds()));
    a.put(SIGHTING_KEYS, Attributes.stringList(e.sightingKeys()));
    putSet(a, ACCOUNTS, e.accounts());
    putSet(a, REGIONS, e.regions());
    putSet(a, ORIGINS, e.origins().stream().map(Origin::name).toList());
    a.put(PINNED, Attributes.bool(e.pinned()));
    return a;
  }

  /**
   * The entry {@code item} holds.
   *
   * @throws IllegalArgumentException naming the attribute when the item is not a valid entry
   */
  static Stored decode(Map<String, AttributeValue> item) {
    boolean pinned = Attributes.bool(item, PINNED);
    BlocklistEntry entry =
        new BlocklistEntry(
            Cidr.parse(Attributes.string(item, CIDR)),
            Attributes.instant(item, FIRST_SEEN),
            Attributes.instant(item, LAST_SEEN),
            pinned ? null : Attributes.instant(item, EXPIRES_AT_EXACT),
            Attributes.number(item, HITS),
            SeverityLevel.parse(Attributes.string(item, HIGHEST_SEVERITY)),
            new TreeSet<>(Attributes.stringSet(item, FINDING_TYPES)),
            Attributes.stringList(item, FINDING_IDS),
            item.containsKey(SIGHTING_KEYS)
                ? Attributes.stringList(item, SIGHTING_KEYS)
                : List.of(),
            new TreeSet<>(Attributes.stringSet(item, ACCOUNTS)),
            new TreeSet<>(Attributes.stringSet(item, REGIONS)),
            new TreeSet<>(
                Attributes.stringSet(item, ORIGINS).stream().map(BlocklistItem::origin).toList()),
            Attributes.bool(item, PINNED));
    return new Stored(entry, Attributes.number(item, VERSION));
  }

  /** The partition key of {@code item}, for error messages. */
  static String describe(Map<String, AttributeValue> item) {
    AttributeValue pk = item.get(PARTITION_KEY);
    return pk == null || pk.s() == null ? "(no key)" : "'" + pk.s() + "'";
  }

  private static Origin origin(String name) {
    try {
      return Origin.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "attribute '" + ORIGINS + "' holds unknown origin '" + name + "'");
    }
  }

  private static void putSet(
      Map<String, AttributeValue> a, String name, java.util.Collection<String> values) {
    AttributeValue set = Attributes.stringSet(values);
    if (set != null) {
      a.put(name, set);
    }
  }
}
