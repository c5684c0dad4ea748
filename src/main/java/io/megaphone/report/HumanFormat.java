package io.megaphone.report;

import java.util.Locale;

/**
 * How figures read in the report. Undefined (null) figures print as an em dash. A no-break space
 * ({@link #NBSP}) keeps each number with its unit when a narrow table cell wraps.
 */
public final class HumanFormat {

  public static final char NBSP = '\u00A0';

  public static final String UNDEFINED = "—";

  private static final double MINUTE = 60;
  private static final double HOUR = 3600;
  private static final double DAY = 86_400;

  private HumanFormat() {}

  /** {@code 45 s}, {@code 3 min 05 s}, {@code 12 min}, {@code 2 h 05 min}, {@code 3.2 d}. */
  public static String duration(Double seconds) {
    if (seconds == null || seconds.isNaN() || seconds.isInfinite()) {
      return UNDEFINED;
    }
    double s = seconds;
    long wholeSeconds = Math.round(s);
    if (wholeSeconds < MINUTE) {
      return String.format(Locale.ROOT, "%d\u00A0s", wholeSeconds);
    }
    if (wholeSeconds < 10 * MINUTE) {
      return String.format(Locale.ROOT, "%d\u00A0min %02d\u00A0s", wholeSeconds / 60, wholeSeconds % 60);
    }
    long minutes = Math.round(s / MINUTE);
    if (minutes < HOUR / MINUTE) {
      return String.format(Locale.ROOT, "%d\u00A0min", minutes);
    }
    if (minutes < DAY / MINUTE) {
      return String.format(Locale.ROOT, "%d\u00A0h %02d\u00A0min", minutes / 60, minutes % 60);
    }
    return String.format(Locale.ROOT, "%.1f\u00A0d", s / DAY);
  }

  /** A fraction in [0, 1] as a percentage with one decimal: {@code 0.4567 -> 45.7 %}. */
  public static String percent(Double fraction) {
    if (fraction == null || fraction.isNaN() || fraction.isInfinite()) {
      return UNDEFINED;
    }
    return String.format(Locale.ROOT, "%.1f\u00A0%%", fraction * 100);
  }

  /** {@code part / whole} as a percentage, undefined when {@code whole} is zero. */
  public static String percent(long part, long whole) {
    return whole == 0 ? UNDEFINED : percent((double) part / whole);
  }

  public static String ratio(Double value) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      return UNDEFINED;
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  public static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** Decimal units: {@code 999 B}, {@code 1.5 kB}, {@code 12.3 MB}, {@code 4.0 GB}. */
  public static String bytes(long value) {
    if (value < 1000) {
      return value + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
    double scaled = value;
    int unit = -1;
    while (scaled >= 999.95 && unit < units.length - 1) {
      scaled /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", scaled, units[unit]);
  }

  /** The first 12 characters of a hash, enough to tell files apart at a glance. */
  public static String shortHash(String hash) {
    if (hash == null || hash.isEmpty()) {
      return UNDEFINED;
    }
    return hash.length() <= 12 ? hash : hash.substring(0, 12) + "…";
  }
}
