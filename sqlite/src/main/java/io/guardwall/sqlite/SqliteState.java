package io.guardwall.sqlite;

import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.port.AbstractStateBackend;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Opens the embedded SQLite state file (the blocklist, the notification log, the dry-run target,
 * the dynamic allow-list and the audit trail); thread-safe, and several processes may share one
 * file. Problems that do not stop an operation, such as a row that cannot be read back, go to the
 * warnings sink (by default the {@code io.guardwall.sqlite} logger).
 */
public final class SqliteState extends AbstractStateBackend {
  private static final System.Logger LOG = System.getLogger("io.guardwall.sqlite");

  /** The name of the dry-run target's rows. */
  static final String DRY_RUN = "dry-run";

  private final Database db;

  private SqliteState(Database db) {
    super(
        new SqliteBlocklistStore(db),
        new SqliteNotificationLog(db),
        new SqliteAllowListStore(db),
        new SqliteAuditTrail(db));
    this.db = db;
  }

  /**
   * Opens {@code file}, creating it, its parent folders and its tables when missing.
   *
   * @throws StoreException naming the file when it is not a SQLite database, cannot be created or
   *     written, or was written by a newer guardwall
   */
  public static SqliteState open(Path file) {
    return open(file, SqliteState::log);
  }

  /** Like {@link #open(Path)}, reporting warnings to {@code warnings}. */
  public static SqliteState open(Path file, Consumer<String> warnings) {
    Objects.requireNonNull(warnings, "warnings");
    Path absolute = file.toAbsolutePath().normalize();
    createParent(absolute);
    // A file: URI keeps characters such as '?' and '#' in the path from being read as options.
    String url = "jdbc:sqlite:file:" + absolute.toUri().getRawPath();
    return new SqliteState(Database.open(url, absolute.toString(), warnings));
  }

  /** A private state in memory, gone when closed: for dry runs without a state file. */
  public static SqliteState inMemory() {
    return inMemory(SqliteState::log);
  }

  /** Like {@link #inMemory()}, reporting warnings to {@code warnings}. */
  public static SqliteState inMemory(Consumer<String> warnings) {
    Objects.requireNonNull(warnings, "warnings");
    return new SqliteState(Database.open("jdbc:sqlite::memory:", Database.MEMORY, warnings));
  }

  /**
   * The dry-run enforcement point kept in the state file, with room {@code budget}; empty for a
   * state in memory. Writes from other processes on the same file make a version conflict, as with
   * the real targets.
   */
  @Override
  public Optional<EnforcementPoint> dryRunTarget(CidrBudget budget) {
    return db.inMemory()
        ? Optional.empty()
        : Optional.of(new SqliteDryRunTarget(db, DRY_RUN, budget));
  }

  /** Closes the file; the stores then refuse every call. Closing twice does nothing. */
  @Override
  public void close() {
    db.close();
  }

  private static void createParent(Path file) {
    if (Files.isDirectory(file)) {
      throw new StoreException("state file " + file + " is a folder, not a file", null);
    }
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException | SecurityException e) {
      throw new StoreException("cannot create the folder of state file " + file + ": " + e, e);
    }
  }

  private static void log(String warning) {
    LOG.log(System.Logger.Level.WARNING, warning);
  }
}
