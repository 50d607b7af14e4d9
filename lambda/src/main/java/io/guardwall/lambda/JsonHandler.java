package io.guardwall.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.text.Excerpt;
import io.guardwall.core.text.InertText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * A handler of one state-machine task or one queue batch: JSON in, JSON out, with Powertools' JSON
 * logs and EMF metrics around it. A thrown exception fails the invocation, which the state machine
 * (or the queue) retries. Thread-safe when {@link #handle} is.
 */
public abstract class JsonHandler implements RequestStreamHandler {

  private static final Logger LOG = LoggerFactory.getLogger(JsonHandler.class);

  private final MetricsSink metrics;

  JsonHandler(MetricsSink metrics) {
    this.metrics = metrics;
  }

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode result = PowertoolsLogging.withLogging(context, () -> run(input, context));
    Jackson.writer().writeValue(output, result);
  }

  private JsonNode run(InputStream input, Context context) {
    try {
      JsonNode request = Jackson.reader().readTree(input);
      if (request == null || request.isMissingNode()) {
        throw new IllegalArgumentException("empty input");
      }
      JsonNode result = handle(request, context);
      LOG.info("{} done: {}", getClass().getSimpleName(), summary(result));
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("input is not JSON: " + e.getMessage(), e);
    } finally {
      metrics.flush();
    }
  }

  /** The task's work; {@code request} is what the state sends. */
  protected abstract JsonNode handle(JsonNode request);

  /** The work with the invocation's context, for a handler that watches its remaining time. */
  protected JsonNode handle(JsonNode request, Context context) {
    return handle(request);
  }

  MetricsSink metrics() {
    return metrics;
  }

  // The result holds finding text (ids, types, titles): JSON escapes its C0 controls, InertText
  // removes the C1, bidi and invisible characters JSON leaves raw.
  static String summary(JsonNode result) {
    return excerpt(result.toString(), 2000);
  }

  /** At most {@code max} characters of outside text, made inert for one log line. */
  static String excerpt(String text, int max) {
    // Cut before InertText too, so that a huge body is not scanned whole for one log line.
    return Excerpt.of(InertText.of(Excerpt.of(text, max * 2)), max);
  }
}
