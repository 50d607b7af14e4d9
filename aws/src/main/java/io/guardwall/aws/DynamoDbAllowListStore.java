package io.guardwall.aws;

import static io.guardwall.aws.DynamoDbSchema.ALLOW_LIST_KEY;
import static io.guardwall.aws.DynamoDbSchema.PARTITION_KEY;

import io.guardwall.core.model.AllowedCidr;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.AllowListStore;
import io.guardwall.core.port.StoreException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The dynamic allow-list in one item of the blocklist's table ({@link DynamoDbSchema}): a map from
 * CIDR to who allowed it, when and why, so that a batch reads the whole list with one {@code
 * GetItem}. Each add and remove is one conditional update of its map key; thread-safe, and safe
 * across processes.
 */
final class DynamoDbAllowListStore implements AllowListStore {
  static final String ALLOWED = "allowed";

  private final DynamoDbClient client;
  private final String table;

  DynamoDbAllowListStore(DynamoDbClient client, String table) {
    this.client = Objects.requireNonNull(client, "client");
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public boolean add(AllowedCidr allowed) {
    Objects.requireNonNull(allowed, "allowed");
    // A map attribute must exist before one of its keys can be set.
    update(
        "create the allow-list",
        "SET #a = if_not_exists(#a, :empty)",
        null,
        Map.of(":empty", AttributeValue.fromM(Map.of())),
        allowed.cidr());
    return conditional(
        "allow " + allowed.cidr(),
        "SET #a.#c = :v",
        "attribute_not_exists(#a.#c)",
        Map.of(":v", AttributeValue.fromM(encode(allowed))),
        allowed.cidr());
  }

  @Override
  public boolean remove(Cidr cidr) {
    Objects.requireNonNull(cidr, "cidr");
    return conditional("disallow " + cidr, "REMOVE #a.#c", "attribute_exists(#a.#c)", null, cidr);
  }

  @Override
  public List<AllowedCidr> list() {
    Map<String, AttributeValue> item =
        DynamoDbCalls.call(
                table,
                "read the allow-list",
                () -> client.getItem(b -> b.tableName(table).key(key()).consistentRead(true)))
            .item();
    AttributeValue map = item == null ? null : item.get(ALLOWED);
    if (map == null || !map.hasM()) {
      return List.of();
    }
    List<AllowedCidr> all = new ArrayList<>();
    map.m().forEach((cidr, value) -> all.add(decode(cidr, value)));
    all.sort(Comparator.comparing(AllowedCidr::cidr));
    return List.copyOf(all);
  }

  private boolean conditional(
      String operation,
      String update,
      String condition,
      @Nullable Map<String, AttributeValue> values,
      Cidr cidr) {
    try {
      update(operation, update, condition, values, cidr);
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private void update(
      String operation,
      String update,
      @Nullable String condition,
      @Nullable Map<String, AttributeValue> values,
      Cidr cidr) {
    Map<String, String> names = new HashMap<>(Map.of("#a", ALLOWED));
    if (update.contains("#c")) {
      names.put("#c", cidr.value());
    }
    DynamoDbCalls.call(
        table,
        operation,
        () ->
            client.updateItem(
                b ->
                    b.tableName(table)
                        .key(key())
                        .updateExpression(update)
                        .conditionExpression(condition)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)));
  }

  private static Map<String, AttributeValue> key() {
    return Map.of(PARTITION_KEY, Attributes.string(ALLOW_LIST_KEY));
  }

  private static Map<String, AttributeValue> encode(AllowedCidr a) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put("reason", Attributes.string(a.reason()));
    m.put("at", Attributes.instant(a.at()));
    ActorItem.put(m, a.actor());
    return m;
  }

  private AllowedCidr decode(String cidr, AttributeValue value) {
    try {
      Map<String, AttributeValue> m = value.m();
      return new AllowedCidr(
          Cidr.parse(cidr),
          Attributes.string(m, "reason"),
          ActorItem.read(m),
          Attributes.instant(m, "at"));
    } catch (RuntimeException e) {
      throw new StoreException(
          "table " + table + ": allow-list entry " + cidr + " is unreadable: " + e.getMessage(), e);
    }
  }
}
