package io.megaphone.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a parameter's text value is checked and normalised. */
public enum ParameterType {
  BOOLEAN("true or false") {
    @Override
    String normalise(String v) {
      String s = v.trim().toLowerCase();
      if (s.equals("true") || s.equals("false")) return s;
      throw new IllegalArgumentException("expected true or false");
    }
  },
  INTEGER("a whole number") {
    @Override
    String normalise(String v) {
      try {
        return Long.toString(Long.parseLong(v.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a whole number");
      }
    }
  },
  FRACTION("a number from 0 to 1, like 0.8") {
    @Override
    String normalise(String v) {
      double d;
      try {
        d = Double.parseDouble(v.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected " + hint);
      }
      if (!(d >= 0 && d <= 1)) throw new IllegalArgumentException("expected " + hint);
      return Double.toString(d);
    }
  },
  DURATION("a duration like 7d, 24h, 90m, 3600s or PT1H") {
    private final Pattern simple = Pattern.compile("(\\d+)\\s*([dhms])");

    @Override
    String normalise(String v) {
      return Long.toString(seconds(v)) + "s";
    }

    long seconds(String v) {
      String s = v.trim().toLowerCase();
      Matcher m = simple.matcher(s);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "d" -> n * 86400;
          case "h" -> n * 3600;
          case "m" -> n * 60;
          default -> n;
        };
      }
      try {
        return Duration.parse(v.trim().toUpperCase()).getSeconds();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("expected " + hint);
      }
    }
  },
  INSTANT("an ISO-8601 date or instant like 1990-01-01 or 2024-03-01T00:00:00Z, or now+1d") {
    @Override
    String normalise(String v) {
      String s = v.trim();
      if (s.matches("now(\\+\\d+[dhms])?")) return s;
      try {
        return s.length() == 10
            ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toString()
            : Instant.parse(s).toString();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("expected " + hint);
      }
    }
  },
  PATH("a file or folder path; empty for the default") {
    @Override
    String normalise(String v) {
      return v == null ? "" : v.strip();
    }
  },
  ZONE("a time-zone id like UTC or Europe/Paris") {
    @Override
    String normalise(String v) {
      try {
        return ZoneId.of(v.trim()).getId();
      } catch (Exception e) {
        throw new IllegalArgumentException("expected " + hint);
      }
    }
  };

  final String hint;

  ParameterType(String hint) {
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }

  /** Returns the canonical text of a valid value; throws IllegalArgumentException saying what was expected. */
  abstract String normalise(String value);
}
