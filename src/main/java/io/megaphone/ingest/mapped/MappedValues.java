package io.megaphone.ingest.mapped;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.ingest.json.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Conversions of source text to canonical values, as spreadsheets and pandas write them. */
final class MappedValues {
  private static final Pattern WHOLE_FLOAT = Pattern.compile("-?\\d+\\.0+");
  private static final Pattern SCIENTIFIC = Pattern.compile("-?\\d+(\\.\\d+)?[eE][+-]?\\d+");
  private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
  private static final Pattern TOKEN_SPLIT = Pattern.compile("[\\s,;|]+");
  private static final Pattern BLANKS = Pattern.compile("\\s+");
  /** The split of urls unless the mapping says otherwise: white space (URLs may hold commas, never blanks). */
  static final String BLANK_SPLIT = " ";

  private MappedValues() {}

  /** Thrown when a value cannot stand for what the field needs; the record is quarantined with the message. */
  static final class BadValue extends Exception {
    BadValue(String message) {
      super(message);
    }
  }

  /**
   * An id: trimmed; {@code 123.0} (an integer id written as a float by pandas) becomes {@code 123}; an id in
   * scientific notation has lost digits and is refused.
   */
  static String id(String raw) throws BadValue {
    if (raw == null) return null;
    String s = raw.trim();
    if (s.isEmpty()) return null;
    if (WHOLE_FLOAT.matcher(s).matches()) return s.substring(0, s.indexOf('.'));
    if (SCIENTIFIC.matcher(s).matches()) {
      throw new BadValue("'" + s + "' is an id written in scientific notation (its digits are lost)");
    }
    return s;
  }

  /**
   * A public counter: {@code 1710}, {@code 1710.0}, {@code 1,710}, {@code 1.7K}, {@code 2M}; fractions are
   * rounded. Anything else (empty, {@code nan}, text, a negative number) is null: the post is kept without it.
   */
  static Long count(String raw) {
    if (raw == null) return null;
    String s = raw.trim();
    if (s.isEmpty()) return null;
    if (GROUPED.matcher(s).matches()) s = s.replace(",", "");
    long factor = 1;
    char last = Character.toUpperCase(s.charAt(s.length() - 1));
    if (last == 'K' || last == 'M' || last == 'B') {
      factor = last == 'K' ? 1_000L : last == 'M' ? 1_000_000L : 1_000_000_000L;
      s = s.substring(0, s.length() - 1).trim();
    }
    try {
      BigDecimal v = new BigDecimal(s).multiply(BigDecimal.valueOf(factor));
      if (v.signum() < 0) return null;
      return v.setScale(0, RoundingMode.HALF_UP).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /** true/false, t/f, yes/no, y/n, 1/0 (also 1.0/0.0), French oui/non and vrai/faux, any case; empty is false. */
  static boolean bool(String raw) throws BadValue {
    if (raw == null) return false;
    String s = raw.trim().toLowerCase(Locale.ROOT);
    switch (s) {
      case "", "false", "f", "no", "n", "0", "0.0", "non", "faux":
        return false;
      case "true", "t", "yes", "y", "1", "1.0", "oui", "vrai":
        return true;
      default:
        throw new BadValue("'" + raw.trim() + "' is not a boolean (true/false, yes/no, 1/0)");
    }
  }

  /** A handle without its leading '@'. */
  static String handle(String raw) {
    if (raw == null) return null;
    String s = raw.trim();
    return s.startsWith("@") ? s.substring(1) : s;
  }

  /**
   * The items of a list written in one value: a JSON array ({@code ["a","b"]}), a Python list as pandas
   * writes it ({@code ['a', 'b']}), or items separated by {@code split}: null (hashtags, mentions) splits on
   * white space, commas, semicolons and '|'; {@link #BLANK_SPLIT} (urls) on white space, dropping a comma or
   * semicolon that ends an item; any other text is a literal separator.
   */
  static List<String> splitList(String raw, String split) {
    List<String> out = new ArrayList<>();
    if (raw == null) return out;
    String s = raw.trim();
    if (s.isEmpty()) return out;
    if (s.startsWith("[") && s.endsWith("]")) {
      try {
        JsonNode n = Json.MAPPER.readTree(s);
        for (JsonNode e : n) {
          if (e.isValueNode() && !e.isNull()) out.add(e.asText());
        }
        return out;
      } catch (java.io.IOException e) {
        s = s.substring(1, s.length() - 1);
        for (String item : s.split(",")) {
          String t = item.trim();
          boolean quoted = t.length() >= 2 && (t.charAt(0) == '\'' || t.charAt(0) == '"')
              && t.charAt(t.length() - 1) == t.charAt(0);
          if (quoted) {
            t = t.substring(1, t.length() - 1);
          }
          if (!t.isEmpty()) out.add(t);
        }
        return out;
      }
    }
    boolean blanks = BLANK_SPLIT.equals(split);
    String[] parts = split == null ? TOKEN_SPLIT.split(s) : blanks ? BLANKS.split(s) : s.split(Pattern.quote(split));
    for (String p : parts) {
      String t = p.trim();
      if (blanks) t = t.replaceFirst("[,;]+$", "");
      if (!t.isEmpty()) out.add(t);
    }
    return out;
  }
}
