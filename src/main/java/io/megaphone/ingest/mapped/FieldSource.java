package io.megaphone.ingest.mapped;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one canonical field comes from: a column (a JSON path for JSON records), the first non-blank of
 * several, several joined, all of several (list fields), or a constant.
 */
record FieldSource(Kind kind, List<String> names, String constant, String joinWith, String split)
    implements Serializable {
  enum Kind { COLUMN, FIRST_OF, JOIN, ALL, CONSTANT }

  /** Reads named values of one record. */
  interface Values {
    /** The value as text, null when absent or empty. */
    String scalar(String name);

    /** The values of a list: a JSON array's elements, or a text split with {@code split} (null: blanks and commas). */
    List<String> list(String name, String split);

    /** The name of the value as the analyst knows it, for messages. */
    default String describe(String name) {
      return "column '" + name + "'";
    }
  }

  /** The source's text for scalar fields (ids, handles, text, timestamps, counts), or null. */
  String scalar(Values v) {
    switch (kind) {
      case CONSTANT:
        return constant;
      case COLUMN:
        return v.scalar(names.get(0));
      case FIRST_OF:
        for (String n : names) {
          String s = v.scalar(n);
          if (s != null && !s.isBlank()) return s;
        }
        return null;
      default:
        StringBuilder b = new StringBuilder();
        for (String n : names) {
          String s = v.scalar(n);
          if (s == null || s.isBlank()) continue;
          if (b.length() > 0) b.append(joinWith);
          b.append(s);
        }
        return b.length() == 0 ? null : b.toString();
    }
  }

  /** The name whose value {@link #scalar} returned, for messages about it. */
  String describe(Values v) {
    if (kind == Kind.CONSTANT) return "constant '" + constant + "'";
    if (kind == Kind.FIRST_OF) {
      for (String n : names) {
        String s = v.scalar(n);
        if (s != null && !s.isBlank()) return v.describe(n);
      }
    }
    return v.describe(names.get(0));
  }

  /** The values of a list field (urls, hashtags, mentions), null when every source is empty. */
  List<String> list(Values v) {
    List<String> out = new ArrayList<>();
    if (kind == Kind.CONSTANT) {
      out.addAll(MappedValues.splitList(constant, split));
    } else {
      for (String n : names) {
        for (String s : v.list(n, split)) {
          if (!s.isBlank() && !out.contains(s.trim())) out.add(s.trim());
        }
        if (kind == Kind.FIRST_OF && !out.isEmpty()) break;
      }
    }
    return out.isEmpty() ? null : out;
  }
}
