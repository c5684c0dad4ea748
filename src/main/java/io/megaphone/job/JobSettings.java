package io.megaphone.job;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved, validated settings of one invocation: job file merged with command-line overrides.
 * Paths are absolute or relative to the working directory; {@code params} holds every parameter
 * (defaults included) in normalised form.
 */
public record JobSettings(
    String name,
    String description,
    Optional<String> jobFile,
    List<InputSpec> inputs,
    Optional<String> brands,
    String out,
    Map<String, String> params) {

  public JobSettings {
    inputs = List.copyOf(inputs);
    params = Map.copyOf(params);
  }

  public String param(Parameter p) {
    return params.get(p.key());
  }

  public boolean bool(Parameter p) {
    return Boolean.parseBoolean(param(p));
  }

  public long integer(Parameter p) {
    return Long.parseLong(param(p));
  }

  /** Duration parameters are stored normalised as {@code <n>s}. */
  public double fraction(Parameter p) {
    return Double.parseDouble(param(p));
  }

  public long seconds(Parameter p) {
    String v = param(p);
    return Long.parseLong(v.substring(0, v.length() - 1));
  }
}
