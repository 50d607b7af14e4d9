package io.guardwall.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.port.Firewall;
import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallException;
import io.guardwall.core.port.FirewallSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A rule group kept as one row of the {@code rule_groups} table, with the update-token semantics of
 * Network Firewall: the firewall of dry runs, remembered between runs. Thread-safe, and safe with
 * other processes on the same file: a write checks the token and replaces the row in one
 * transaction. Its capacity is the configured one, as the real group's is when it is created.
 */
final class SqliteRuleGroup implements Firewall {

  /** The token of a group never written: every process sees the same one. */
  static final String NEVER_WRITTEN = "never-written";

  private static final String SELECT =
      "SELECT rule_group, update_token FROM rule_groups WHERE name = ?";
  private static final String TOKEN = "SELECT update_token FROM rule_groups WHERE name = ?";
  private static final String REPLACE =
      "INSERT OR REPLACE INTO rule_groups (name, rule_group, update_token) VALUES (?, ?, ?)";

  private final Database db;
  private final String name;
  private final int capacity;

  SqliteRuleGroup(Database db, String name, int capacity) {
    this.db = db;
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.name = Objects.requireNonNull(name, "name");
    this.capacity = capacity;
  }

  @Override
  public FirewallSnapshot describe() {
    Optional<FirewallSnapshot> stored = db.statement(this::read);
    return stored.orElseGet(() -> new FirewallSnapshot(null, capacity, NEVER_WRITTEN));
  }

  @Override
  public void update(FirewallSnapshot base, ObjectNode ruleGroup) {
    String json = json(Objects.requireNonNull(ruleGroup, "ruleGroup"));
    String expected = base.updateToken();
    db.transaction(
        c -> {
          if (!expected.equals(token(c))) {
            throw new FirewallConflictException(
                db.about("rule group " + name + " changed since it was read (stale token)"), null);
          }
          return write(c, json);
        });
  }

  private Optional<FirewallSnapshot> read(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(snapshot(rs)) : Optional.empty();
      }
    }
  }

  private FirewallSnapshot snapshot(ResultSet rs) throws SQLException {
    String group = rs.getString("rule_group");
    String token = rs.getString("update_token");
    try {
      return new FirewallSnapshot(object(group), capacity, Objects.requireNonNull(token, "token"));
    } catch (RuntimeException e) {
      CorruptRowException corrupt = new CorruptRowException("rule_groups", name, e);
      throw new FirewallException(
          db.about(corrupt.getMessage() + "; delete that row to start from an empty group"),
          corrupt);
    }
  }

  private static ObjectNode object(String text) {
    JsonNode node;
    try {
      node = Jackson.reader().readTree(Objects.requireNonNull(text, "rule_group"));
    } catch (JsonProcessingException e) {
      node = null; // Jackson's message quotes the text and spans lines: ours names the column
    }
    if (node instanceof ObjectNode group) {
      return group;
    }
    throw new IllegalArgumentException("rule_group is not a JSON object");
  }

  private String token(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(TOKEN)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : NEVER_WRITTEN;
      }
    }
  }

  private Void write(Connection c, String json) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(REPLACE)) {
      ps.setString(1, name);
      ps.setString(2, json);
      ps.setString(3, UUID.randomUUID().toString());
      ps.executeUpdate();
    }
    return null;
  }

  private static String json(ObjectNode ruleGroup) {
    try {
      return Jackson.writer().writeValueAsString(ruleGroup);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a rule group as JSON", e);
    }
  }
}
