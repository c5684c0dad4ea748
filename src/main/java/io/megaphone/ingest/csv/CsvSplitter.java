package io.megaphone.ingest.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 scanning for one dialect. A quote opens a quoted field only at the start of a field (so
 * {@code 5" screen} is literal text); inside quotes a doubled quote is one quote character. The scanner
 * keeps its state across lines, so a reader can tell whether a record continues on the next line.
 */
final class CsvSplitter {
  private final char sep;
  private final char quote;
  private boolean inQuote;
  private boolean atFieldStart = true;
  /** a quote seen inside a quoted field: either its end or the first half of a doubled quote */
  private boolean pendingQuote;

  CsvSplitter(CsvDialect d) {
    this.sep = d.separator();
    this.quote = d.quote();
  }

  void reset() {
    inQuote = false;
    atFieldStart = true;
    pendingQuote = false;
  }

  /** Feeds text (a physical line, or the newline between lines); true while a quoted field is open. */
  boolean feed(CharSequence s) {
    for (int i = 0; i < s.length(); i++) step(s.charAt(i), null);
    return openQuote();
  }

  boolean openQuote() {
    return inQuote && !pendingQuote;
  }

  /** Advances over one character, appending field content to {@code field}; true when it ends a field. */
  private boolean step(char c, StringBuilder field) {
    if (pendingQuote) {
      pendingQuote = false;
      if (c == quote) {
        if (field != null) field.append(quote);
        return false;
      }
      inQuote = false;
    }
    if (inQuote) {
      if (c == quote) pendingQuote = true;
      else if (field != null) field.append(c);
      return false;
    }
    if (c == sep) {
      atFieldStart = true;
      return true;
    }
    if (c == quote && quote != 0 && atFieldStart) {
      inQuote = true;
      atFieldStart = false;
      return false;
    }
    atFieldStart = false;
    if (field != null) field.append(c);
    return false;
  }

  /** The fields of one logical record; {@code balanced} is false when a quoted field never closed. */
  record Split(List<String> fields, boolean balanced) {}

  Split split(String record) {
    reset();
    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < record.length(); i++) {
      if (step(record.charAt(i), cur)) {
        fields.add(cur.toString());
        cur.setLength(0);
      }
    }
    fields.add(cur.toString());
    boolean balanced = !openQuote();
    reset();
    return new Split(fields, balanced);
  }
}
