package io.megaphone.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The timestamp shapes sources write: ISO-8601 (with or without zone; the offset may be written without a
 * colon, {@code +0000}, as Facebook's Graph API does), Twitter's, epoch seconds or millis.
 */
public final class Timestamps {
  private static final DateTimeFormatter TWITTER =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter SPACED = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true)
      .optionalEnd().toFormatter(Locale.ROOT);

  private Timestamps() {}

  /** @throws DateTimeParseException when no known shape fits */
  public static Instant parse(String raw, ZoneId defaultZone) {
    String s = raw.trim();
    // control characters only ("\u0001") are not blank to String.isBlank but trim to nothing
    if (s.isEmpty()) throw new DateTimeParseException("no timestamp", raw, 0);
    if (s.matches("-?\\d{1,13}(\\.\\d+)?")) return epoch(s);
    if (Character.isLetter(s.charAt(0))) return ZonedDateTime.parse(s, TWITTER).toInstant();
    try {
      return OffsetDateTime.parse(colonInOffset(s).replace(' ', 'T')).toInstant();
    } catch (DateTimeParseException e) {
      // no offset: a local time in the source's zone
    }
    try {
      return LocalDateTime.parse(s.replace(' ', 'T')).atZone(defaultZone).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(s, SPACED).atZone(defaultZone).toInstant();
    }
  }

  /** {@code 2017-07-14T14:30:59+0000} → {@code …+00:00}: java.time's ISO offset needs the colon. */
  static String colonInOffset(String s) {
    int n = s.length();
    if (n < 11 || s.indexOf(':') < 0) return s;
    char sign = s.charAt(n - 5);
    if (sign != '+' && sign != '-') return s;
    for (int i = n - 4; i < n; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') return s;
    }
    if (s.charAt(n - 6) < '0' || s.charAt(n - 6) > '9') return s;
    return s.substring(0, n - 2) + ":" + s.substring(n - 2);
  }

  /** Epoch seconds below 10^11 (year 5138), milliseconds above. */
  static Instant epoch(String s) {
    double v = Double.parseDouble(s);
    if (Math.abs(v) < 1e11) return Instant.ofEpochMilli(Math.round(v * 1000));
    return Instant.ofEpochMilli(Math.round(v));
  }

  public static Instant epochNumber(double v) {
    return Math.abs(v) < 1e11 ? Instant.ofEpochMilli(Math.round(v * 1000)) : Instant.ofEpochMilli(Math.round(v));
  }
}
