package io.megaphone.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamp shapes sources write:
 * <ul>
 *   <li>ISO-8601 and its common variants: {@code 2022-06-07T08:52:12Z}, {@code .000Z}, fractions up to
 *       nanoseconds (dot or comma), offsets {@code +02:00}, {@code +0200} (Facebook's {@code +0000}) and
 *       {@code +02}, a space instead of {@code T}, a {@code UTC} or {@code GMT} suffix, minutes without
 *       seconds, and a date alone (midnight);</li>
 *   <li>Twitter's {@code Wed Oct 10 20:19:24 +0000 2018} and RFC 1123 ({@code Tue, 3 Jun 2008 11:05:30 GMT},
 *       RSS feeds);</li>
 *   <li>epoch numbers, as JSON numbers or numeric strings: seconds below 10^11 (until year 5138),
 *       milliseconds below 10^14, microseconds below 10^17, nanoseconds above; fractions allowed.</li>
 * </ul>
 * A time with no offset or zone is a local time in {@code defaultZone}: the input's {@code timezone}
 * setting, else the job's {@code ingest.default-timezone} ({@link IngestOptions#zone()}).
 */
public final class Timestamps {
  private static final DateTimeFormatter TWITTER =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z uuuu", Locale.ENGLISH)
          .withResolverStyle(java.time.format.ResolverStyle.STRICT);
  /** Strict: a lenient resolver turns "31 Jun" into 30 June instead of refusing it. */
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.RFC_1123_DATE_TIME.withResolverStyle(java.time.format.ResolverStyle.STRICT);
  private static final Pattern ISO = Pattern.compile(
      "(\\d{4}-\\d{2}-\\d{2})(?:[Tt ](\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?))?"
          + " ?(Z|z|UTC|GMT|[+-]\\d{2}(?::\\d{2})?)?");

  private Timestamps() {}

  /** @throws DateTimeParseException when no known shape fits, or the value is out of range */
  public static Instant parse(String raw, ZoneId defaultZone) {
    try {
      return parseShapes(raw, defaultZone);
    } catch (DateTimeParseException e) {
      throw e;
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      // an offset beyond ±18:00, an epoch number beyond Instant's range: callers expect a parse failure
      throw new DateTimeParseException(e.getMessage(), raw, 0, e);
    }
  }

  private static Instant parseShapes(String raw, ZoneId defaultZone) {
    String s = raw.trim();
    if (s.isEmpty()) throw new DateTimeParseException("empty timestamp", raw, 0);
    if (isNumber(s)) return epoch(s);
    if (Character.isLetter(s.charAt(0))) {
      try {
        return ZonedDateTime.parse(s, TWITTER).toInstant();
      } catch (DateTimeParseException e) {
        return ZonedDateTime.parse(s, RFC_1123).toInstant();
      }
    }
    Matcher m = ISO.matcher(colonInOffset(s));
    if (!m.matches()) throw new DateTimeParseException("not an ISO-8601, Twitter or epoch timestamp", raw, 0);
    LocalDate date = LocalDate.parse(m.group(1));
    LocalTime time = m.group(2) == null ? LocalTime.MIDNIGHT : LocalTime.parse(m.group(2).replace(',', '.'));
    String off = m.group(3);
    if (off == null) return date.atTime(time).atZone(defaultZone).toInstant();
    ZoneOffset offset;
    if (off.charAt(0) != '+' && off.charAt(0) != '-') offset = ZoneOffset.UTC; // Z, UTC, GMT
    else if (off.length() == 3) offset = ZoneOffset.of(off + ":00"); // +02
    else offset = ZoneOffset.of(off); // +02:00
    return date.atTime(time).toInstant(offset);
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

  private static boolean isNumber(String s) {
    int i = s.charAt(0) == '-' ? 1 : 0;
    int digits = 0;
    boolean dot = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !dot && digits > 0) {
        dot = true;
      } else {
        return false;
      }
    }
    return digits > 0 && s.charAt(s.length() - 1) != '.';
  }

  /** A numeric string: seconds, milliseconds, microseconds or nanoseconds by magnitude. */
  static Instant epoch(String s) {
    BigDecimal v = new BigDecimal(s);
    BigDecimal abs = v.abs();
    int scaleToNanos;
    if (abs.compareTo(BigDecimal.valueOf(100_000_000_000L)) < 0) scaleToNanos = 9;
    else if (abs.compareTo(BigDecimal.valueOf(100_000_000_000_000L)) < 0) scaleToNanos = 6;
    else if (abs.compareTo(BigDecimal.valueOf(100_000_000_000_000_000L)) < 0) scaleToNanos = 3;
    else scaleToNanos = 0;
    BigDecimal nanos = v.movePointRight(scaleToNanos).setScale(0, RoundingMode.HALF_UP);
    BigDecimal[] sn = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
    return Instant.ofEpochSecond(sn[0].longValueExact(), sn[1].longValueExact());
  }

  /** A JSON number: seconds, milliseconds, microseconds or nanoseconds by magnitude, to the millisecond. */
  public static Instant epochNumber(double v) {
    double a = Math.abs(v);
    if (a < 1e11) return Instant.ofEpochMilli(Math.round(v * 1000));
    if (a < 1e14) return Instant.ofEpochMilli(Math.round(v));
    if (a < 1e17) return Instant.ofEpochMilli(Math.round(v / 1e3));
    return Instant.ofEpochMilli(Math.round(v / 1e6));
  }
}
