package io.guardwall.core.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The configuration's values written as JSON strings: ISO-8601 durations, severity labels and
 * CIDRs, each read back by its own parser (so its message says what is wrong). Stateless and
 * thread-safe.
 */
final class TextValues {

  private TextValues() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("guardwall-config");
    add(module, Duration.class, TextValues::duration, Duration::toString);
    add(module, SeverityLevel.class, SeverityLevel::parse, SeverityLevel::name);
    add(module, Cidr.class, Cidr::parse, Cidr::value);
    return module;
  }

  private static <T> void add(
      SimpleModule module, Class<T> type, Function<String, T> parse, Function<T, String> format) {
    module.addDeserializer(type, new Reader<>(type, parse));
    module.addSerializer(type, new Writer<>(type, format));
  }

  private static Duration duration(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "not an ISO-8601 duration such as PT12H: "
              + ConfigErrors.describe(TextNode.valueOf(text)),
          e);
    }
  }

  /** Reads a JSON string only; the parser's exception carries the reason. */
  private static final class Reader<T> extends StdScalarDeserializer<T> {
    private final transient Function<String, T> parse;

    Reader(Class<T> type, Function<String, T> parse) {
      super(type);
      this.parse = parse;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (T) ctxt.handleUnexpectedToken(handledType(), p);
      }
      return parse.apply(p.getText());
    }
  }

  private static final class Writer<T> extends StdScalarSerializer<T> {
    private final transient Function<T, String> format;

    Writer(Class<T> type, Function<T, String> format) {
      super(type);
      this.format = format;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(format.apply(value));
    }
  }
}
