package io.guardwall.aws;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts between Java values and DynamoDB attribute values; decoding fails with an {@link
 * IllegalArgumentException} naming the attribute. Stateless.
 */
final class Attributes {
  private static final int NANO_DIGITS = 9;
  private static final int MAX_SECONDS_DIGITS = 19;

  private Attributes() {}

  static AttributeValue string(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static AttributeValue bool(boolean value) {
    return AttributeValue.fromBool(value);
  }

  /** Epoch seconds with up to nine decimals: exact, and ordered like the instants. */
  static AttributeValue instant(Instant value) {
    BigDecimal seconds =
        BigDecimal.valueOf(value.getEpochSecond())
            .add(BigDecimal.valueOf(value.getNano(), NANO_DIGITS));
    return AttributeValue.fromN(seconds.stripTrailingZeros().toPlainString());
  }

  /** Whole epoch seconds, rounded up so that a TTL never deletes before {@code value}. */
  static AttributeValue ttlSeconds(Instant value) {
    long seconds = value.getEpochSecond() + (value.getNano() > 0 ? 1 : 0);
    return number(seconds);
  }

  /** A string set, or null for an empty one (DynamoDB has no empty sets). */
  static @Nullable AttributeValue stringSet(Collection<String> values) {
    return values.isEmpty() ? null : AttributeValue.fromSs(List.copyOf(values));
  }

  static AttributeValue stringList(List<String> values) {
    return AttributeValue.fromL(values.stream().map(Attributes::string).toList());
  }

  static String string(Map<String, AttributeValue> item, String name) {
    return typed(item, name, AttributeValue::s, "a string");
  }

  static long number(Map<String, AttributeValue> item, String name) {
    try {
      return new BigDecimal(numberText(item, name)).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw wrongType(name, "an integer");
    }
  }

  static boolean bool(Map<String, AttributeValue> item, String name) {
    return typed(item, name, AttributeValue::bool, "a boolean");
  }

  static Instant instant(Map<String, AttributeValue> item, String name) {
    try {
      BigDecimal value = new BigDecimal(numberText(item, name));
      if (value.precision() - value.scale() > MAX_SECONDS_DIGITS) {
        throw new ArithmeticException("out of range"); // before setScale scales a huge exponent
      }
      BigDecimal seconds = value.setScale(0, RoundingMode.FLOOR);
      int nanos = value.subtract(seconds).movePointRight(NANO_DIGITS).intValueExact();
      return Instant.ofEpochSecond(seconds.longValueExact(), nanos);
    } catch (ArithmeticException | NumberFormatException | java.time.DateTimeException e) {
      throw wrongType(name, "an instant in epoch seconds");
    }
  }

  /** The string set; empty when the attribute is absent. */
  static List<String> stringSet(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    if (value == null) {
      return List.of();
    }
    if (!value.hasSs()) {
      throw wrongType(name, "a string set");
    }
    return value.ss();
  }

  static List<String> stringList(Map<String, AttributeValue> item, String name) {
    AttributeValue value = required(item, name);
    if (!value.hasL() || value.l().stream().anyMatch(v -> v.s() == null)) {
      throw wrongType(name, "a list of strings");
    }
    return value.l().stream().map(AttributeValue::s).toList();
  }

  private static String numberText(Map<String, AttributeValue> item, String name) {
    return typed(item, name, AttributeValue::n, "a number");
  }

  /** The attribute's value of one DynamoDB type, read with {@code read} (null for another type). */
  private static <T> T typed(
      Map<String, AttributeValue> item,
      String name,
      Function<AttributeValue, T> read,
      String expected) {
    T value = read.apply(required(item, name));
    if (value == null) {
      throw wrongType(name, expected);
    }
    return value;
  }

  private static AttributeValue required(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    if (value == null) {
      throw new IllegalArgumentException("attribute '" + name + "' is missing");
    }
    return value;
  }

  private static IllegalArgumentException wrongType(String name, String expected) {
    return new IllegalArgumentException("attribute '" + name + "' is not " + expected);
  }
}
