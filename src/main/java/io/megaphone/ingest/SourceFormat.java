package io.megaphone.ingest;

import io.megaphone.job.UsageException;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One input format. {@link #read} turns source files into records of {@link CanonicalSchema#RECORD}:
 * one row per record read, either a post or a quarantined record. It must not throw on bad data.
 */
public interface SourceFormat extends Serializable {
  String name();

  /** One line for --help and the README. */
  String description();

  /** Reads the files of one input; {@code options.input()} holds that input's settings. */
  JavaRDD<Row> read(SparkSession spark, List<String> files, IngestOptions options);

  /** Input settings this format understands, besides {@code timezone}. */
  default Set<String> settingKeys() {
    return Set.of();
  }

  /** Those of {@link #settingKeys} whose values are file paths: a job file resolves them against its folder. */
  default Set<String> pathSettingKeys() {
    return Set.of();
  }

  /**
   * Checks an input's settings before Spark starts; throws a {@link UsageException} naming the input.
   * Formats with settings of their own override this and call the default first.
   */
  default void checkSettings(String input, Map<String, Object> settings) {
    Set<String> known = new TreeSet<>(settingKeys());
    known.add(IngestOptions.TIMEZONE);
    for (String k : settings.keySet()) {
      if (!known.contains(k)) {
        throw new UsageException("input " + input + ": unknown setting '" + k + "' for format " + name()
            + " (known: " + String.join(", ", known) + ")");
      }
    }
    Object zone = settings.get(IngestOptions.TIMEZONE);
    if (zone != null) {
      try {
        ZoneId.of(String.valueOf(zone));
      } catch (DateTimeException e) {
        throw new UsageException("input " + input + ": timezone '" + zone + "' is not a time zone"
            + " (e.g. UTC, Europe/Paris, +02:00)");
      }
    }
  }
}
