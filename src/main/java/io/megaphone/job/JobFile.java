package io.megaphone.job;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A YAML job definition (see jobs/demo.yaml). Relative paths inside it are resolved against the
 * folder of the job file, so a job runs the same from any working directory.
 */
public record JobFile(
    Path file,
    Optional<String> name,
    Optional<String> description,
    List<InputSpec> inputs,
    Optional<String> brands,
    Optional<String> out,
    Map<String, String> params) {

  private static final Set<String> KEYS = Set.of("name", "description", "inputs", "brands", "out", "params");

  public static JobFile load(Path file) {
    if (!Files.isRegularFile(file)) throw new UsageException("job file not found: " + file);
    Object root;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
    } catch (IOException | RuntimeException e) {
      throw new UsageException("job file " + file + ": not valid YAML (" + oneLine(e.getMessage()) + ")");
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new UsageException("job file " + file + ": expected a mapping with keys " + KEYS);
    }
    for (Object k : map.keySet()) {
      if (!KEYS.contains(String.valueOf(k))) {
        throw new UsageException("job file " + file + ": unknown key '" + k + "' (known: name, description,"
            + " inputs, brands, out, params)");
      }
    }
    Path base = file.toAbsolutePath().getParent();
    List<InputSpec> inputs = new ArrayList<>();
    Object in = map.get("inputs");
    if (in != null) {
      if (!(in instanceof List<?> list)) throw new UsageException("job file " + file + ": 'inputs' must be a list");
      for (Object o : list) {
        if (!(o instanceof Map<?, ?> m) || m.get("format") == null || m.get("path") == null) {
          throw new UsageException("job file " + file + ": every input needs 'format' and 'path', got " + o);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        Set<String> pathKeys = io.megaphone.ingest.SourceFormats.byName(String.valueOf(m.get("format")))
            .map(io.megaphone.ingest.SourceFormat::pathSettingKeys).orElse(Set.of());
        m.forEach((k, v) -> {
          if (k.equals("format") || k.equals("path")) return;
          // settings that name files are relative to the job file too
          boolean isPath = pathKeys.contains(String.valueOf(k)) && v instanceof String;
          settings.put(String.valueOf(k), isPath ? resolve(base, (String) v) : v);
        });
        inputs.add(new InputSpec(String.valueOf(m.get("format")), resolve(base, String.valueOf(m.get("path"))),
            settings));
      }
    }
    Map<String, String> params = new LinkedHashMap<>();
    Object ps = map.get("params");
    if (ps != null) {
      if (!(ps instanceof Map<?, ?> pm)) throw new UsageException("job file " + file + ": 'params' must be a mapping");
      pm.forEach((k, v) -> {
        String key = String.valueOf(k);
        // parameters that name a file or folder are relative to the job file too; empty means bundled
        boolean isPath = Parameter.byKey(key).map(p -> p.type() == ParameterType.PATH).orElse(false);
        String value = isPath && v == null ? "" : scalar(v);
        params.put(key, isPath && !value.isBlank() ? resolve(base, value.trim()) : value);
      });
    }
    return new JobFile(file, str(map, "name"), str(map, "description"), inputs,
        str(map, "brands").map(b -> resolve(base, b)), str(map, "out").map(o -> resolve(base, o)), params);
  }

  /** YAML reads 2024-01-01 as a date: give it back as the ISO instant it denotes (midnight UTC). */
  private static String scalar(Object v) {
    return v instanceof java.util.Date d ? d.toInstant().toString() : String.valueOf(v);
  }

  private static Optional<String> str(Map<?, ?> map, String key) {
    Object v = map.get(key);
    return v == null ? Optional.empty() : Optional.of(scalar(v));
  }

  /** URIs (hdfs://, s3a://, file:) and absolute paths stay as they are. */
  static String resolve(Path base, String path) {
    if (path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || Path.of(path).isAbsolute()) return path;
    return base.resolve(path).normalize().toString();
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }
}
