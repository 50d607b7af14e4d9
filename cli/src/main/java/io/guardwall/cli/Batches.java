package io.guardwall.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Gathers items into lists of up to {@code size} and hands each full list on, so that a run records
 * many events in one store transaction; {@link #flush} hands on the rest. Not thread-safe: one
 * reader feeds it.
 */
final class Batches<T> implements Consumer<T> {

  /** Events per batch: large enough to amortise a transaction, small enough to bound memory. */
  static final int EVENTS = 500;

  private final int size;
  private final Consumer<List<T>> sink;
  private List<T> batch = new ArrayList<>();

  Batches(int size, Consumer<List<T>> sink) {
    if (size < 1) {
      throw new IllegalArgumentException("batch size must be at least 1: " + size);
    }
    this.size = size;
    this.sink = sink;
  }

  @Override
  public void accept(T item) {
    batch.add(item);
    if (batch.size() >= size) {
      flush();
    }
  }

  /** Hands on what was gathered, if anything. */
  void flush() {
    if (!batch.isEmpty()) {
      List<T> full = batch;
      batch = new ArrayList<>();
      sink.accept(full);
    }
  }
}
