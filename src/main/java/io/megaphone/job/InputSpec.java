package io.megaphone.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One input of a job: a format name, a path (file, folder or glob) and the input's own settings from the
 * job file (every key of the input other than {@code format} and {@code path}, e.g. {@code timezone},
 * {@code encoding}, or the {@code mapping} of the {@code mapped} format). Settings hold plain YAML values.
 */
public record InputSpec(String format, String path, Map<String, Object> settings) {
  public InputSpec {
    settings = settings == null || settings.isEmpty() ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  public InputSpec(String format, String path) {
    this(format, path, Map.of());
  }

  @Override
  public String toString() {
    return format + "=" + path;
  }
}
