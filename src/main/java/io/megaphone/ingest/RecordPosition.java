package io.megaphone.ingest;

import java.io.Serializable;

/**
 * Where a record sits in its source: a sortable ordinal (line number, byte offset or element index)
 * and a human-readable label ("line 17", "byte 4096", "line 1 $.data[3]") that lets an analyst find it.
 */
public record RecordPosition(String file, long ordinal, String label) implements Serializable {
  public static RecordPosition line(String file, long line) {
    return new RecordPosition(file, line, "line " + line);
  }

  public static RecordPosition byteOffset(String file, long offset) {
    return new RecordPosition(file, offset, "byte " + offset);
  }

  /** An element inside a JSON value that starts at this position. Ordinal stays sortable. */
  public RecordPosition element(String jsonPath, long index) {
    return new RecordPosition(file, ordinal * 1_000_000L + index, label + " " + jsonPath);
  }
}
