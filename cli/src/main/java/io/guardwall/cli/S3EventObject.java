package io.guardwall.cli;

import io.guardwall.aws.S3Objects;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * An event file stored as an S3 object, read through {@link S3Objects}, with the size its listing
 * gave. Thread-safe.
 */
record S3EventObject(S3Objects objects, String bucket, String key, long size)
    implements EventSource {

  @Override
  public String name() {
    return S3Path.SCHEME + bucket + "/" + key;
  }

  @Override
  public InputStream openRaw() throws IOException {
    return objects.open(bucket, key);
  }

  @Override
  public OptionalLong storedSize() {
    return OptionalLong.of(size);
  }
}
