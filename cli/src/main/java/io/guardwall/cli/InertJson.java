package io.guardwall.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.text.InertText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Pretty-prints JSON for a terminal: every character {@link InertText} would remove (C1 controls,
 * DEL, bidi and invisible formatting characters, line and paragraph separators) is written as a
 * {@code \\uXXXX} escape, on top of the C0 controls JSON escapes anyway. The value a JSON reader
 * gets is unchanged; only the raw bytes become inert. Thread-safe.
 */
final class InertJson {

  private static final ObjectWriter WRITER = Jackson.prettyWriter().with(new Escapes());

  private InertJson() {}

  /** {@code value} as indented JSON with hostile characters escaped. */
  static String pretty(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A generator writing indented JSON with hostile characters escaped to {@code out}, which it
   * leaves open.
   */
  static JsonGenerator generator(Writer out) {
    try {
      return WRITER.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code value} at the generator's position, indented as a part of its document. */
  static void write(JsonGenerator generator, Object value) {
    try {
      WRITER.writeValue(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Escapes extends CharacterEscapes {

    private static final int[] ASCII = standardAsciiEscapesForJSON();

    static {
      ASCII[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    // Jackson asks for every non-ASCII UTF-16 unit; surrogate halves are left as they are, since a
    // pair is only judged whole.
    @Override
    public SerializableString getEscapeSequence(int ch) {
      return Character.isSurrogate((char) ch) || InertText.isClean(String.valueOf((char) ch))
          ? null
          : new SerializedString(String.format("\\u%04X", ch));
    }
  }
}
