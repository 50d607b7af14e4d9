package io.guardwall.core.port;

/**
 * Where guardwall keeps its state: the blocklist and the notification log, side by side in one
 * place (a SQLite file, a DynamoDB table). Implementations are thread-safe; the stores they hand
 * out are valid until the backend is closed.
 */
public interface StateBackend extends AutoCloseable {

  /** The blocklist; the same store on every call. */
  BlocklistStore blocklist();

  /** The notification log; the same log on every call. */
  NotificationLog notifications();

  /**
   * Creates the storage when it does not exist yet (a DynamoDB table); keeps what is stored. A
   * no-op where opening the backend already creates it.
   *
   * @throws StoreException when the storage exists in a shape guardwall cannot use, or cannot be
   *     created
   */
  default void createIfMissing() {}

  /** Releases the connection or file; closing twice does nothing. */
  @Override
  void close();
}
