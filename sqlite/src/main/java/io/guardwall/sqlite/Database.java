package io.guardwall.sqlite;

import io.guardwall.core.port.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * One SQLite connection shared by the adapters, used by one thread at a time; thread-safe. Writes
 * run in {@code BEGIN IMMEDIATE} transactions, so a second process on the same file waits (up to
 * the busy timeout) instead of failing half-way or losing an update.
 */
final class Database implements AutoCloseable {

  /** Work on the connection, run with the lock held. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  static final int BUSY_TIMEOUT_MILLIS = 10_000;

  /** The name of a private database in memory. */
  static final String MEMORY = ":memory:";

  private final String name;
  private final Connection connection;
  private final Consumer<String> warnings;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean closed;

  private Database(String name, Connection connection, Consumer<String> warnings) {
    this.name = name;
    this.connection = connection;
    this.warnings = warnings;
  }

  /** Connects to {@code url} (named {@code name} in messages) and brings its schema up to date. */
  static Database open(String url, String name, Consumer<String> warnings) {
    Connection connection;
    try {
      connection = config().createConnection(url);
    } catch (SQLException e) {
      throw new StoreException(describe(name, e), e);
    }
    Database db = new Database(name, connection, warnings);
    try {
      db.transaction(c -> Schema.migrate(c, name));
    } catch (StoreException e) {
      db.close();
      throw e;
    }
    return db;
  }

  private static SQLiteConfig config() {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    // WAL lets readers proceed during a write. Durability: synchronous=NORMAL in WAL mode syncs
    // at checkpoints, not at every commit. A committed batch survives a killed process (the WAL is
    // in the OS's page cache) and the file is never corrupted; a power loss or OS crash may roll
    // back the last commits before a checkpoint, which is safe here: a block or alert not
    // recorded is redone when its findings are replayed, and one transaction per batch already
    // bounds the fsyncs that FULL would add, but a backfill would still pay one per batch.
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    // No adapter reads generated keys; left on, the driver runs a regular expression and a
    // "SELECT last_insert_rowid()" after every INSERT, a fifth of a batch's upsert time.
    config.setGetGeneratedKeys(false);
    return config;
  }

  /** Runs {@code work} without a transaction: for work that is a single statement. */
  <T> T statement(Work<T> work) {
    return locked(work);
  }

  /** Runs {@code work} in one immediate transaction: all of it is stored, or none. */
  <T> T transaction(Work<T> work) {
    return transaction(work, result -> {});
  }

  /**
   * Like {@link #transaction(Work)}, then hands the result to {@code committed} once the commit
   * succeeded, still under the lock (so no other work sees the state between the two).
   */
  <T> T transaction(Work<T> work, Consumer<T> committed) {
    return locked(
        c -> {
          execute(c, "BEGIN IMMEDIATE");
          T result;
          try {
            result = work.run(c);
            execute(c, "COMMIT");
          } catch (SQLException | RuntimeException e) {
            rollback(c, e);
            throw e;
          }
          committed.accept(result);
          return result;
        });
  }

  /**
   * SQLite's {@code data_version}: it changes when another connection (another process, say)
   * commits to the file, and not for this connection's own commits.
   */
  static long dataVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA data_version")) {
      return rs.next() ? rs.getLong(1) : -1;
    }
  }

  /** Reports a problem that did not stop the operation. */
  void warn(String message) {
    warnings.accept(about(message));
  }

  /** {@code message} prefixed with the state it is about. */
  String about(String message) {
    return "state " + name + ": " + message;
  }

  /** Whether this is a private database in memory rather than a file. */
  boolean inMemory() {
    return name.equals(MEMORY);
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        connection.close();
      }
    } catch (SQLException e) {
      throw new StoreException("state " + name + ": close failed: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private <T> T locked(Work<T> work) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("state " + name + " is closed");
      }
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException(failure(e), e);
    } finally {
      lock.unlock();
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void rollback(Connection c, Exception cause) {
    try {
      execute(c, "ROLLBACK");
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private String failure(SQLException e) {
    if (code(e) == SQLiteErrorCode.SQLITE_BUSY) {
      return "state "
          + name
          + " is locked by another process (waited up to "
          + BUSY_TIMEOUT_MILLIS / 1000
          + " s); nothing was changed";
    }
    return describe(name, e);
  }

  private static String describe(String name, SQLException e) {
    return switch (code(e)) {
      case SQLITE_NOTADB -> "state file " + name + " is not a SQLite database";
      case SQLITE_CANTOPEN ->
          folderProblem(name)
              .orElse("cannot open state file " + name + " (missing folder or no access)");
      case SQLITE_READONLY, SQLITE_PERM, SQLITE_AUTH ->
          folderProblem(name).orElse("state file " + name + " is not writable");
      default -> "state " + name + ": " + e.getMessage();
    };
  }

  // SQLite creates its -wal and -shm files next to the state file, so a writable file in a
  // read-only folder fails as well; the message must point at the folder, not the file.
  private static Optional<String> folderProblem(String name) {
    Path folder = name.equals(MEMORY) ? null : Path.of(name).getParent();
    if (folder == null || !Files.isDirectory(folder) || Files.isWritable(folder)) {
      return Optional.empty();
    }
    return Optional.of(
        "folder "
            + folder
            + " of state file "
            + name
            + " is not writable (SQLite keeps its journal files next to the state file)");
  }

  /** The primary result code: extended codes (such as SQLITE_BUSY_SNAPSHOT) fold into theirs. */
  private static SQLiteErrorCode code(SQLException e) {
    return e instanceof SQLiteException
        ? SQLiteErrorCode.getErrorCode(e.getErrorCode() & 0xFF)
        : SQLiteErrorCode.UNKNOWN_ERROR;
  }
}
