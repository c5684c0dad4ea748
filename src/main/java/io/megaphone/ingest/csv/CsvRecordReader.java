package io.megaphone.ingest.csv;

import io.megaphone.ingest.ByteLines;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.RecordPosition;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Records of a delimited text file with a header line, as exports really are: quoted fields spanning lines,
 * CRLF, a BOM, NUL bytes, and rows broken by raw newlines outside quotes. A record with fewer fields than
 * the header is joined with the following one(s) when together they make exactly the header's count (the
 * break was a raw newline inside a field) and none of them is a whole record on its own; otherwise it is
 * reported as truncated. A quote that carries a record over several lines into the wrong number of fields was
 * stray: its line alone is bad and the lines after it are read again. A quote that never closes
 * within {@link #MAX_LINES} lines marks only its own line bad; reading resumes on the next line, so one
 * stray quote cannot swallow the rest of a file.
 */
public final class CsvRecordReader implements AutoCloseable {
  static final int MAX_LINES = 2_000;
  static final int MAX_CHARS = 4_000_000;

  /**
   * One record: its fields, or a problem (reason and detail) with the raw text. Positions are
   * "line N" or "lines N-M" of the physical file.
   */
  public record Item(RecordPosition position, List<String> fields, String raw, QuarantineReason problem,
      String detail) {
    public boolean ok() {
      return problem == null;
    }
  }

  private record Logical(long firstLine, long lastLine, String text, boolean valid, List<ByteLines.Line> lines,
      List<String> fields, boolean balanced, boolean tooLong) {}

  private final ByteLines lines;
  private final String file;
  private final CsvSplitter splitter;
  private final Deque<ByteLines.Line> pushedLines = new ArrayDeque<>();
  private final Deque<Logical> pushedRecords = new ArrayDeque<>();
  private List<String> header;

  public CsvRecordReader(InputStream in, String file, CsvDialect dialect) {
    this.lines = new ByteLines(in, dialect.charset());
    this.file = file;
    this.splitter = new CsvSplitter(dialect);
  }

  /** The header's field names (trimmed), read on first use; empty for an empty file. */
  public List<String> header() throws IOException {
    if (header == null) {
      Logical h = readLogical();
      header = new ArrayList<>();
      if (h != null) for (String f : h.fields) header.add(f.trim());
    }
    return header;
  }

  /** The header's line count is 1 + its continuation lines; positions after it are physical line numbers. */
  public Item next() throws IOException {
    int n = header().size();
    Logical a = nextLogical();
    if (a == null) return null;
    if (a.tooLong) {
      return problem(a, QuarantineReason.TOO_LARGE, "a line longer than " + io.megaphone.ingest.PostRecord.MAX_RECORD_BYTES
          + " bytes");
    }
    if (a.balanced && a.lines.size() > 1 && a.fields.size() != n) {
      // the quote that carried this record over several lines gives the wrong field count: it was a stray
      // quote, not a field with line breaks; only its line is bad, the lines after it are read again (and
      // those of records read ahead, which all come after it)
      List<ByteLines.Line> again = new ArrayList<>(a.lines.subList(1, a.lines.size()));
      while (!pushedRecords.isEmpty()) again.addAll(pushedRecords.pop().lines);
      for (int i = again.size() - 1; i >= 0; i--) pushedLines.push(again.get(i));
      ByteLines.Line first = a.lines.get(0);
      return problem(new Logical(first.number(), first.number(), first.text(), first.validUtf8(), List.of(first),
          List.of(), true, false), QuarantineReason.UNPARSEABLE, "a quote opened on this line joins lines "
          + a.firstLine + "-" + a.lastLine + " into " + a.fields.size() + " field(s), expected " + n);
    }
    if (!a.balanced) {
      return problem(a, QuarantineReason.TRUNCATED, "quoted field opened here never closes within " + MAX_LINES
          + " lines");
    }
    if (!a.valid) return problem(a, QuarantineReason.INVALID_ENCODING, "invalid UTF-8 bytes");
    if (a.fields.size() < n) {
      Logical joined = a;
      List<Logical> taken = new ArrayList<>();
      while (joined.fields.size() < n) {
        Logical b = nextLogical();
        if (b == null) break;
        // a line that is a whole record on its own is never a continuation: the short one before it was cut
        if (!b.balanced || !b.valid || b.tooLong || b.fields.size() == n
            || joined.fields.size() + b.fields.size() - 1 > n) {
          pushedRecords.push(b);
          break;
        }
        taken.add(b);
        joined = join(joined, b);
      }
      if (joined.fields.size() == n) return item(joined);
      for (int i = taken.size() - 1; i >= 0; i--) pushedRecords.push(taken.get(i));
      return problem(a, QuarantineReason.TRUNCATED, a.fields.size() + " field(s), expected " + n);
    }
    if (a.fields.size() > n) {
      return problem(a, QuarantineReason.UNPARSEABLE, a.fields.size() + " fields, expected " + n
          + " (unquoted separator in a field?)");
    }
    return item(a);
  }

  private Logical join(Logical a, Logical b) {
    List<String> f = new ArrayList<>(a.fields.subList(0, a.fields.size() - 1));
    f.add(a.fields.get(a.fields.size() - 1) + "\n" + b.fields.get(0));
    f.addAll(b.fields.subList(1, b.fields.size()));
    List<ByteLines.Line> ls = new ArrayList<>(a.lines);
    ls.addAll(b.lines);
    return new Logical(a.firstLine, b.lastLine, a.text + "\n" + b.text, a.valid && b.valid, ls, f, true, false);
  }

  private Item item(Logical l) {
    return new Item(position(l), l.fields, l.text, null, null);
  }

  private Item problem(Logical l, QuarantineReason reason, String detail) {
    return new Item(position(l), null, l.text, reason, detail);
  }

  private RecordPosition position(Logical l) {
    return new RecordPosition(file, l.firstLine,
        l.firstLine == l.lastLine ? "line " + l.firstLine : "lines " + l.firstLine + "-" + l.lastLine);
  }

  private Logical nextLogical() throws IOException {
    return pushedRecords.isEmpty() ? readLogical() : pushedRecords.pop();
  }

  /** The next record's physical lines, joined while a quoted field is open; blank lines between records skipped. */
  private Logical readLogical() throws IOException {
    ByteLines.Line first;
    do {
      first = nextLine();
      if (first == null) return null;
    } while (first.text().isBlank());
    List<ByteLines.Line> taken = new ArrayList<>();
    taken.add(first);
    StringBuilder text = new StringBuilder(first.text());
    boolean valid = first.validUtf8();
    if (first.tooLong()) {
      return new Logical(first.number(), first.number(), first.text(), valid, List.of(first), List.of(), true, true);
    }
    splitter.reset();
    boolean open = splitter.feed(first.text());
    while (open && taken.size() < MAX_LINES && text.length() < MAX_CHARS) {
      ByteLines.Line l = nextLine();
      if (l == null) break;
      if (l.tooLong()) {
        pushedLines.push(l); // read as a record of its own (too_large); this one stays open
        break;
      }
      taken.add(l);
      text.append('\n').append(l.text());
      valid &= l.validUtf8();
      splitter.feed("\n");
      open = splitter.feed(l.text());
    }
    splitter.reset();
    if (open) {
      // the quote never closed: only the first line is bad; the others are read again as records
      for (int i = taken.size() - 1; i >= 1; i--) pushedLines.push(taken.get(i));
      return new Logical(first.number(), first.number(), first.text(), first.validUtf8(), List.of(first), List.of(),
          false, false);
    }
    String t = text.toString();
    CsvSplitter.Split s = splitter.split(t);
    return new Logical(first.number(), taken.get(taken.size() - 1).number(), t, valid, taken, s.fields(), true,
        false);
  }

  private ByteLines.Line nextLine() throws IOException {
    return pushedLines.isEmpty() ? lines.next() : pushedLines.pop();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
