package io.megaphone.ingest.twcs;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 field splitting of one logical record (which may contain newlines inside quotes). */
final class CsvFields {
  private CsvFields() {}

  /** The fields, and whether every opened quote was closed. */
  record Split(List<String> fields, boolean balanced) {}

  static Split split(String record) {
    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean atStart = true;
    for (int i = 0; i < record.length(); i++) {
      char c = record.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < record.length() && record.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cur.append(c);
        }
      } else if (c == ',') {
        fields.add(cur.toString());
        cur.setLength(0);
        atStart = true;
        continue;
      } else if (c == '"' && atStart) {
        quoted = true;
      } else {
        cur.append(c);
      }
      atStart = false;
    }
    fields.add(cur.toString());
    return new Split(fields, !quoted);
  }
}
