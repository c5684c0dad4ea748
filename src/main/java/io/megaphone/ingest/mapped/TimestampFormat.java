package io.megaphone.ingest.mapped;

import io.megaphone.ingest.Timestamps;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How an input writes its timestamps: auto-detected ({@link Timestamps#parse}: ISO-8601, Twitter's, epoch
 * seconds or milliseconds), {@code epoch_seconds}, {@code epoch_millis}, or a java.time pattern. A pattern
 * without zone or offset is read in the input's time zone; a pattern without time of day means midnight.
 */
final class TimestampFormat implements Serializable {
  static final String EPOCH_SECONDS = "epoch_seconds";
  static final String EPOCH_MILLIS = "epoch_millis";

  private final String pattern;
  private transient DateTimeFormatter formatter;

  /** @param pattern null for auto-detection; throws IllegalArgumentException for a bad pattern */
  TimestampFormat(String pattern) {
    this.pattern = pattern;
    if (pattern != null && !isEpoch()) formatter();
  }

  String pattern() {
    return pattern;
  }

  private boolean isEpoch() {
    return EPOCH_SECONDS.equals(pattern) || EPOCH_MILLIS.equals(pattern);
  }

  private DateTimeFormatter formatter() {
    if (formatter == null) {
      formatter = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
          .toFormatter(Locale.ENGLISH);
    }
    return formatter;
  }

  /** @throws DateTimeException (or ArithmeticException, NumberFormatException) when the text does not fit */
  Instant parse(String raw, ZoneId zone) {
    String s = raw.trim();
    if (pattern == null) return Timestamps.parse(s, zone);
    if (EPOCH_SECONDS.equals(pattern)) {
      return Instant.ofEpochMilli(new java.math.BigDecimal(s).movePointRight(3).setScale(0,
          java.math.RoundingMode.HALF_UP).longValueExact());
    }
    if (EPOCH_MILLIS.equals(pattern)) {
      return Instant.ofEpochMilli(new java.math.BigDecimal(s).setScale(0, java.math.RoundingMode.HALF_UP)
          .longValueExact());
    }
    TemporalAccessor t = formatter().parseBest(s, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
    if (t instanceof ZonedDateTime z) return z.toInstant();
    if (t instanceof LocalDateTime l) return l.atZone(zone).toInstant();
    return ((LocalDate) t).atStartOfDay(zone).toInstant();
  }

  /** Null when the pattern can write and read back a date; else why not. */
  String problem() {
    if (pattern == null || isEpoch()) return null;
    ZonedDateTime sample = ZonedDateTime.of(2021, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC);
    String text;
    try {
      text = formatter().format(sample);
    } catch (DateTimeException e) {
      return "it cannot write a timestamp (" + e.getMessage() + ")";
    }
    try {
      parse(text, ZoneOffset.UTC);
      return null;
    } catch (DateTimeException e) {
      return "it does not give a date (it needs at least year, month and day)";
    }
  }
}
