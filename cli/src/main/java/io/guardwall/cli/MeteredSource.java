package io.guardwall.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * An event source whose stored bytes count into a {@link ReadMeter} as they are read: each byte
 * once, however often the source is opened (a whole-document file is opened twice), and all of it
 * once the source is done with, read to its end or not. Thread-safe.
 */
final class MeteredSource implements EventSource {

  private final EventSource source;
  private final ReadMeter meter;
  private final AtomicLong furthest = new AtomicLong();

  MeteredSource(EventSource source, ReadMeter meter) {
    this.source = source;
    this.meter = meter;
  }

  @Override
  public String name() {
    return source.name();
  }

  @Override
  public OptionalLong storedSize() {
    return source.storedSize();
  }

  @Override
  public InputStream openRaw() throws IOException {
    return new Counting(source.openRaw(), this::reached, this::done);
  }

  // The source's own text() may skip openRaw (a local file is read whole): count it on return.
  @Override
  public String text(long maxBytes) throws IOException {
    try {
      return source.text(maxBytes);
    } finally {
      done();
    }
  }

  private void reached(long position) {
    long before = furthest.getAndAccumulate(position, Math::max);
    if (position > before) {
      meter.add(position - before);
    }
  }

  private void done() {
    source.storedSize().ifPresent(this::reached);
  }

  /** Reports the position reached after every read, and its close. Not thread-safe. */
  private static final class Counting extends FilterInputStream {
    private final LongConsumer reached;
    private final Runnable closed;
    private long position;

    Counting(InputStream in, LongConsumer reached, Runnable closed) {
      super(in);
      this.reached = reached;
      this.closed = closed;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      advance(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      advance(Math.max(n, 0));
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      advance(skipped);
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        closed.run();
      }
    }

    private void advance(long bytes) {
      position += bytes;
      reached.accept(position);
    }
  }
}
