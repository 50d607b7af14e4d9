package io.guardwall.aws;

/**
 * The DynamoDB table guardwall keeps its state in; constants only, so that the CDK stack creates
 * exactly the table {@link DynamoDbState#createTableIfMissing} creates.
 *
 * <p>One table may hold both the blocklist and the notification log (the CLI's), or each has a
 * table of this shape (the CDK stack's, so that a scan of the blocklist reads no notification
 * record):
 *
 * <pre>
 * Table       partition key "pk" (S), no sort key, billing PAY_PER_REQUEST
 * TTL         attribute "expiresAt" (N, integer epoch seconds)
 * Index       "audit" (global, blocklist's table only): partition key "auditLog" (S), sort key
 *             "at" (N), projection ALL; only audit records carry "auditLog", so it holds the
 *             audit trail in time order and history reads it with a Query, never a Scan
 *
 * Blocklist entry            pk = "cidr#" + canonical CIDR, e.g. "cidr#198.51.100.7/32"
 *   cidr            S     the canonical CIDR (for people reading the table)
 *   version         N     optimistic lock, +1 on every write
 *   firstSeen       N     epoch seconds with up to 9 decimals (exact instant)
 *   lastSeen        N     epoch seconds with up to 9 decimals
 *   expiresAtExact  N     epoch seconds with up to 9 decimals; absent when pinned
 *   expiresAt       N     expiresAtExact rounded up to whole seconds (TTL); absent when pinned
 *   hits            N
 *   highestSeverity S     INFORMATIONAL | LOW | MEDIUM | HIGH | CRITICAL
 *   findingTypes    SS    absent when empty (as are the other sets)
 *   findingIds      L(S)  oldest first, at most BlocklistEntry.MAX_FINDING_IDS
 *   sightingKeys    L(S)  oldest first, at most BlocklistEntry.MAX_SIGHTING_KEYS; absent in items
 *                         written before guardwall remembered sightings (read as empty)
 *   accounts        SS
 *   regions         SS
 *   origins         SS    GUARDDUTY | SECURITYHUB | MANUAL
 *   pinned          BOOL
 *
 * Notification record        pk = "finding#" + finding id, or, for an id longer than 1,000
 *                            UTF-8 bytes, "finding-sha256#" + hex SHA-256 of the id
 *   level           N     SeverityLevel ordinal notified (INFORMATIONAL = 0 ... CRITICAL = 4);
 *                         absent until Slack accepted a first alert
 *   expiresAtExact  N     when the notification may be forgotten, exact; absent with level
 *   expiresAt       N     the same, rounded up to whole seconds (TTL); while nothing was
 *                         notified yet, the first lease's end
 *   leaseLevel      N     the level a pending claim is sending; absent when none is pending
 *   leaseUntil      N     when the pending claim lapses, exact
 *   leaseToken      S     the pending claim's token; only it may confirm or release the lease
 *
 * Honoured Slack request    pk = "slack-request#" + its X-Slack-Signature
 *   expiresAtExact  N     when a replay of it would be stale anyway, exact
 *   expiresAt       N     the same, rounded up to whole seconds (TTL)
 *
 * Dynamic allow-list         pk = "allowlist" (one item, read once per batch)
 *   allowed         M     canonical CIDR -> M {reason S, at N (exact), actorSource S
 *                         (CLI | SLACK), actorId S, actorName S}
 *
 * Audit record               pk = "audit#" + ISO-8601 instant + "#" + random UUID; no TTL
 *   auditLog        S     always "audit": the audit index's partition key; absent in items
 *                         written before the index (added once, see "audit-layout")
 *   at              N     epoch seconds with up to 9 decimals (exact instant); the audit
 *                         index's sort key, so numeric order is time order
 *   action          S     UNBLOCK | EXTEND | PIN | ALLOW | DISALLOW
 *   cidr            S     the canonical CIDR
 *   reason          S     empty when none was given
 *   done            BOOL  true when status is DONE
 *   status          S     REQUESTED (written before the action; left so when it never
 *                         completed) | DONE | REFUSED | FAILED; absent in items written before
 *                         (read from done: DONE or REFUSED)
 *   outcome         S     what happened, or why it was refused or failed
 *   actorSource, actorId, actorName   S   as in the allow-list
 *
 * Actions reported               pk = "audit-reported" (one item; not "audit#", which only
 *                                audit records start with)
 *   until           N     the instant before which the maintenance digest reported every
 *                         action, exact; only ever moves forward
 * </pre>
 *
 * <p>TTL deletion is lazy: readers never trust it and compare {@code expiresAtExact} themselves.
 */
public final class DynamoDbSchema {

  /** The table's only key attribute, a string (HASH key). */
  public static final String PARTITION_KEY = "pk";

  /** The attribute the table's time to live is enabled on: integer epoch seconds. */
  public static final String TTL_ATTRIBUTE = "expiresAt";

  /** The key prefix of blocklist entries (the stack scopes IAM to it). */
  public static final String CIDR_PREFIX = "cidr#";

  /** The key prefix of notification records (the stack scopes IAM to it). */
  public static final String FINDING_PREFIX = "finding#";

  /** The key prefix of the Slack requests already honoured (the stack scopes IAM to it). */
  public static final String SLACK_REQUEST_PREFIX = "slack-request#";

  /** The key prefix of notification records of over-long finding ids. */
  public static final String FINDING_HASH_PREFIX = "finding-sha256#";

  /** The key of the dynamic allow-list's one item (the stack scopes IAM to it). */
  public static final String ALLOW_LIST_KEY = "allowlist";

  /** The key prefix of audit records (the stack scopes IAM to it). */
  public static final String AUDIT_PREFIX = "audit#";

  /** The key of the item saying what the maintenance digest reported (IAM is scoped to it). */
  public static final String AUDIT_REPORTED_KEY = "audit-reported";

  /** The key of the item saying every audit record carries the index attributes. */
  public static final String AUDIT_LAYOUT_KEY = "audit-layout";

  /** The global secondary index holding the audit trail in time order. */
  public static final String AUDIT_INDEX = "audit";

  /** The audit index's partition key: one constant value, {@link #AUDIT_LOG_VALUE}. */
  public static final String AUDIT_LOG = "auditLog";

  /** The value of {@link #AUDIT_LOG} in every audit record. */
  public static final String AUDIT_LOG_VALUE = "audit";

  /** The audit index's sort key: the record's instant, a number (exact epoch seconds). */
  public static final String AUDIT_AT = "at";

  static final String CIDR = "cidr";
  static final String VERSION = "version";
  static final String FIRST_SEEN = "firstSeen";
  static final String LAST_SEEN = "lastSeen";
  static final String EXPIRES_AT_EXACT = "expiresAtExact";
  static final String HITS = "hits";
  static final String HIGHEST_SEVERITY = "highestSeverity";
  static final String FINDING_TYPES = "findingTypes";
  static final String FINDING_IDS = "findingIds";
  static final String SIGHTING_KEYS = "sightingKeys";
  static final String ACCOUNTS = "accounts";
  static final String REGIONS = "regions";
  static final String ORIGINS = "origins";
  static final String PINNED = "pinned";
  static final String LEVEL = "level";
  static final String LEASE_LEVEL = "leaseLevel";
  static final String LEASE_UNTIL = "leaseUntil";
  static final String LEASE_TOKEN = "leaseToken";

  private DynamoDbSchema() {}
}
