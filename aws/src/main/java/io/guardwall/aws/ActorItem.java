package io.guardwall.aws;

import io.guardwall.core.model.Actor;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The attributes an {@link Actor} takes in allow-list and audit items. Stateless. */
final class ActorItem {

  private ActorItem() {}

  static void put(Map<String, AttributeValue> item, Actor actor) {
    item.put("actorSource", Attributes.string(actor.source().name()));
    item.put("actorId", Attributes.string(actor.id()));
    item.put("actorName", Attributes.string(actor.name()));
  }

  static Actor read(Map<String, AttributeValue> item) {
    return new Actor(
        Actor.Source.valueOf(Attributes.string(item, "actorSource")),
        Attributes.string(item, "actorId"),
        Attributes.string(item, "actorName"));
  }
}
