package io.guardwall.aws;

import io.guardwall.core.port.AbstractStateBackend;
import io.guardwall.core.port.ReplayGuard;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * guardwall's state in DynamoDB ({@link DynamoDbSchema}): the blocklist and the notification log,
 * in one table or in a table each (as the CDK stack deploys them, so that a reconcile's scan of the
 * blocklist never reads notification records). Thread-safe; {@link #close} closes the client only
 * when this object built it.
 */
public final class DynamoDbState extends AbstractStateBackend {
  private final DynamoDbClient client;
  private final String blocklistTable;
  private final String notificationsTable;
  private final boolean ownsClient;

  private DynamoDbState(
      DynamoDbClient client, String blocklistTable, String notificationsTable, boolean ownsClient) {
    super(
        new DynamoDbBlocklistStore(client, blocklistTable, null),
        new DynamoDbNotificationLog(client, notificationsTable),
        new DynamoDbAllowListStore(client, blocklistTable),
        new DynamoDbAuditTrail(client, blocklistTable));
    this.client = client;
    this.blocklistTable = blocklistTable;
    this.notificationsTable = notificationsTable;
    this.ownsClient = ownsClient;
  }

  /** The state in {@code table}, through {@code client} (which the caller keeps and closes). */
  public static DynamoDbState create(DynamoDbClient client, String table) {
    return create(client, table, table);
  }

  /**
   * The blocklist in {@code blocklistTable} and the notification log in {@code notificationsTable}
   * (which may be the same table), through {@code client} (which the caller keeps and closes).
   */
  public static DynamoDbState create(
      DynamoDbClient client, String blocklistTable, String notificationsTable) {
    return new DynamoDbState(
        Objects.requireNonNull(client, "client"),
        checked(blocklistTable),
        checked(notificationsTable),
        false);
  }

  /**
   * The state in {@code table}, through one default client (region, credentials and endpoint from
   * the environment, including {@code AWS_ENDPOINT_URL_DYNAMODB}), closed by {@link #close}.
   */
  public static DynamoDbState create(String table) {
    return create(table, table);
  }

  /**
   * The blocklist in {@code blocklistTable} and the notification log in {@code notificationsTable},
   * through one default client, closed by {@link #close}.
   */
  public static DynamoDbState create(String blocklistTable, String notificationsTable) {
    return new DynamoDbState(
        AwsClients.build(DynamoDbClient.builder()),
        checked(blocklistTable),
        checked(notificationsTable),
        true);
  }

  /**
   * The record of Slack requests already honoured, in the notifications table, shared by every
   * instance of the endpoint; valid until this state is closed.
   */
  public ReplayGuard replayGuard() {
    return new DynamoDbReplayGuard(client, notificationsTable);
  }

  /**
   * Creates {@code table} with guardwall's key schema, on-demand billing, TTL and the audit index
   * when it does not exist, and waits until it is active; enables the TTL on an existing table that
   * lacks it, and adds the audit index to one created before it existed (waiting while it builds).
   *
   * @throws io.guardwall.core.port.StoreException when the table exists with another key schema or
   *     TTL attribute, or cannot be created
   */
  public static void createTableIfMissing(DynamoDbClient client, String table) {
    new TableSetup(Objects.requireNonNull(client, "client"), checked(table), true).run();
  }

  /**
   * {@link #createTableIfMissing(DynamoDbClient, String)} for this state's table or tables; a
   * separate notifications table gets no audit index (it keeps no audit record).
   */
  @Override
  public void createIfMissing() {
    createTableIfMissing(client, blocklistTable);
    if (!notificationsTable.equals(blocklistTable)) {
      new TableSetup(client, notificationsTable, false).run();
    }
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }

  private static String checked(String table) {
    if (Objects.requireNonNull(table, "table").isBlank()) {
      throw new IllegalArgumentException("DynamoDB table name is blank");
    }
    return table;
  }
}
