package io.guardwall.sqlite;

import io.guardwall.core.model.Actor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The three columns an {@link Actor} takes in the allow-list and audit tables. Stateless. */
final class ActorColumns {

  static final String COLUMNS = "actor_source, actor_id, actor_name";

  private ActorColumns() {}

  /** Binds {@code actor} to the three parameters from {@code first} on. */
  static void bind(PreparedStatement ps, int first, Actor actor) throws SQLException {
    ps.setString(first, actor.source().name());
    ps.setString(first + 1, actor.id());
    ps.setString(first + 2, actor.name());
  }

  static Actor read(ResultSet rs) throws SQLException {
    return new Actor(
        Actor.Source.valueOf(rs.getString("actor_source")),
        rs.getString("actor_id"),
        rs.getString("actor_name"));
  }
}
