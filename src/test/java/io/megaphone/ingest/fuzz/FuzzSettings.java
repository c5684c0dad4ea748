package io.megaphone.ingest.fuzz;

import io.megaphone.ingest.SourceFormat;
import io.megaphone.job.UsageException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The input settings the fuzz gives a format: none, unless {@code fixtures/<format>/fuzz-settings.yaml} holds a
 * YAML mapping (as an input of a job file would, without {@code format} and {@code path}; a value naming a
 * file relative to the fixture folder is resolved against it). A format whose settings are rejected fails the
 * fuzz with a message saying so.
 */
final class FuzzSettings {
  static final String FILE = "fuzz-settings.yaml";

  private FuzzSettings() {}

  static Map<String, Object> of(SourceFormat format) {
    Path folder = FuzzSeeds.FIXTURES.resolve(format.name());
    Path file = folder.resolve(FILE);
    Map<String, Object> settings = new LinkedHashMap<>();
    if (Files.isRegularFile(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        if (!(root instanceof Map<?, ?> m)) throw new AssertionError(file + " must hold a YAML mapping");
        m.forEach((k, v) -> {
          Object value = v;
          if (v instanceof String s && !s.isBlank() && Files.exists(folder.resolve(s))) {
            value = folder.resolve(s).toAbsolutePath().toString();
          }
          settings.put(String.valueOf(k), value);
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try {
      format.checkSettings("fuzz " + format.name(), settings);
    } catch (UsageException e) {
      throw new AssertionError("format " + format.name() + " rejects the fuzz's input settings " + settings + " ("
          + e.getMessage() + "): put the settings it needs in " + file, e);
    }
    return settings;
  }
}
