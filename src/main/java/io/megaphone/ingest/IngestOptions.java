package io.megaphone.ingest;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * What parsers need to know about the job, shipped to every task: the accepted time range, the job's
 * default time zone, whether to detect the language of posts whose source gives none, and the settings of
 * the input being read (see {@link io.megaphone.job.InputSpec}).
 */
public record IngestOptions(Instant minCreatedAt, Instant maxCreatedAt, String defaultZone, Map<String, Object> input,
    boolean detectLanguage) implements Serializable {
  /** The input setting that names the time zone of timestamps without one; it overrides the job default. */
  public static final String TIMEZONE = "timezone";

  public IngestOptions {
    input = input == null ? Map.of() : input;
  }

  public IngestOptions(Instant minCreatedAt, Instant maxCreatedAt, String defaultZone, Map<String, Object> input) {
    this(minCreatedAt, maxCreatedAt, defaultZone, input, true);
  }

  public IngestOptions(Instant minCreatedAt, Instant maxCreatedAt, String defaultZone) {
    this(minCreatedAt, maxCreatedAt, defaultZone, Map.of());
  }

  /** The same job options for one input's settings. */
  public IngestOptions forInput(Map<String, Object> settings) {
    return new IngestOptions(minCreatedAt, maxCreatedAt, defaultZone, settings, detectLanguage);
  }

  /** The same options with language detection on or off. */
  public IngestOptions withDetectLanguage(boolean detect) {
    return new IngestOptions(minCreatedAt, maxCreatedAt, defaultZone, input, detect);
  }

  public ZoneId zone() {
    Object z = input.get(TIMEZONE);
    return ZoneId.of(z != null ? String.valueOf(z) : defaultZone);
  }

  /** A scalar input setting as text, or null. */
  public String setting(String key) {
    Object v = input.get(key);
    return v == null ? null : String.valueOf(v);
  }
}
