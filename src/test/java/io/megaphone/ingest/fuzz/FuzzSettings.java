package io.megaphone.ingest.fuzz;

import io.megaphone.ingest.SourceFormat;
import io.megaphone.job.InputSpec;
import io.megaphone.job.JobFile;
import io.megaphone.job.UsageException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The input settings the fuzz reads a seed file with. A fixture file named by an input of a job file in its
 * fixture folder ({@code *.yaml}, e.g. the mapped format's, one mapping per file) is read with that input's
 * settings; any other file with the format's defaults: none, or the YAML mapping of
 * {@code fixtures/<format>/fuzz-settings.yaml} (what an input of a job file would hold besides format and path).
 */
final class FuzzSettings {
  static final String FILE = "fuzz-settings.yaml";

  private FuzzSettings() {}

  /** The defaults, or null when the format rejects them (it needs settings: e.g. a mapping). */
  static Map<String, Object> defaults(SourceFormat format) {
    Map<String, Object> settings = new LinkedHashMap<>();
    for (Path folder : FuzzSeeds.fixtureFolders(format.name())) {
      Path file = folder.resolve(FILE);
      if (!Files.isRegularFile(file)) continue;
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        if (!(root instanceof Map<?, ?> m)) throw new AssertionError(file + " must hold a YAML mapping");
        m.forEach((k, v) -> settings.put(String.valueOf(k), v));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return accepted(format, settings) ? settings : null;
  }

  /** The settings of the one input of a generated archive's job file. */
  static Map<String, Object> ofGeneratedJob(SourceFormat format, Path jobYaml) {
    try {
      List<InputSpec> inputs = JobFile.load(jobYaml).inputs();
      if (inputs.size() != 1 || !inputs.get(0).format().equals(format.name())) {
        throw new AssertionError(jobYaml + " should have one " + format.name() + " input: " + inputs);
      }
      Map<String, Object> settings = inputs.get(0).settings();
      if (!accepted(format, settings)) throw new AssertionError(format.name() + " rejects " + jobYaml + "'s settings");
      return settings;
    } catch (UsageException e) {
      throw new AssertionError(jobYaml + ": " + e.getMessage(), e);
    }
  }

  /** Settings of the fixture files named by the inputs of job files in the format's fixture folders. */
  static Map<Path, Map<String, Object>> perFile(SourceFormat format) {
    Map<Path, Map<String, Object>> out = new HashMap<>();
    for (Path folder : FuzzSeeds.fixtureFolders(format.name())) {
      List<Path> yamls;
      try (Stream<Path> l = Files.list(folder)) {
        yamls = l.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
            .filter(p -> !p.getFileName().toString().equals(FILE)).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (Path y : yamls) {
        JobFile job;
        try {
          job = JobFile.load(y);
        } catch (UsageException e) {
          continue; // not a job file
        }
        for (InputSpec in : job.inputs()) {
          if (!in.format().equals(format.name())) continue;
          Path p = Path.of(in.path()).toAbsolutePath().normalize();
          if (Files.isRegularFile(p)) {
            out.put(p, in.settings());
          } else if (Files.isDirectory(p)) {
            try (Stream<Path> w = Files.walk(p)) {
              w.filter(Files::isRegularFile).forEach(f -> out.putIfAbsent(f.toAbsolutePath().normalize(),
                  in.settings()));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        }
      }
    }
    return out;
  }

  static boolean accepted(SourceFormat format, Map<String, Object> settings) {
    try {
      format.checkSettings("fuzz " + format.name(), settings);
      return true;
    } catch (UsageException e) {
      return false;
    }
  }
}
