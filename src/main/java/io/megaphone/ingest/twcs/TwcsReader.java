package io.megaphone.ingest.twcs;

import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.RecordPosition;
import io.megaphone.ingest.ByteLines;
import io.megaphone.ingest.SourceFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;

/**
 * Streams the records of one TWCS file. Physical lines are joined into logical records: a line that does
 * not start a record continues the previous one (a raw newline inside a text), as does any line while a
 * quoted field is open, unless it clearly starts a record (then the open one was truncated).
 */
final class TwcsReader implements Iterator<Row> {
  private static final String FORMAT = "twcs";
  private static final int MAX_LINES_PER_RECORD = 500;

  private final String file;
  private final IngestOptions options;
  private final Configuration conf;
  private ByteLines lines;
  private TwcsHeader header;
  private Pending pending;
  private Row next;
  /** the row that reports an unreadable rest of file, given after the others */
  private Row last;
  private long lineNumber;
  private boolean done;

  TwcsReader(String file, IngestOptions options, Configuration conf) {
    this.file = file;
    this.options = options;
    this.conf = conf;
  }

  private static final class Pending {
    final long firstLine;
    long lastLine;
    final StringBuilder text = new StringBuilder();
    boolean validUtf8 = true;
    /** Bytes of a line too long to keep ({@link ByteLines.Line#tooLong()}), or 0. */
    long tooLongBytes;

    Pending(ByteLines.Line l) {
      firstLine = l.number();
      add(l, false);
    }

    void add(ByteLines.Line l, boolean newline) {
      if (newline) text.append('\n');
      text.append(l.text());
      lastLine = l.number();
      validUtf8 &= l.validUtf8();
      if (l.tooLong()) tooLongBytes = Math.max(tooLongBytes, l.bytes());
    }

    int lineCount() {
      return (int) (lastLine - firstLine + 1);
    }
  }

  @Override
  public boolean hasNext() {
    while (next == null && !done) {
      try {
        advance();
      } catch (IOException e) {
        unreadable(e);
      }
    }
    if (next == null && last != null) {
      next = last;
      last = null;
    }
    return next != null;
  }

  /**
   * A cut or corrupt compressed file: the record being read is finished with what was read, and one more
   * record says where the file became unreadable, so that the loss is counted and located.
   */
  private void unreadable(IOException e) {
    done = true;
    try {
      if (lines != null) lines.close();
    } catch (IOException ignored) {
      // nothing more to read from it
    }
    if (pending != null) next = finish(pending);
    pending = null;
    last = PostRecord.quarantined(FORMAT, RecordPosition.line(file, lineNumber + 1), QuarantineReason.TRUNCATED,
        "file unreadable after line " + lineNumber + ": " + String.valueOf(e).replaceAll("\\s+", " "), null,
        "twitter", null);
  }

  @Override
  public Row next() {
    if (!hasNext()) throw new NoSuchElementException();
    Row r = next;
    next = null;
    return r;
  }

  private void advance() throws IOException {
    if (lines == null) lines = new ByteLines(SourceFiles.open(file, conf));
    ByteLines.Line l = lines.next();
    if (l != null) lineNumber = l.number();
    if (l == null) {
      done = true;
      lines.close();
      if (pending != null) next = finish(pending);
      pending = null;
      return;
    }
    if (header == null) {
      header = new TwcsHeader(CsvFields.split(l.text()).fields());
      return;
    }
    if (pending == null) {
      if (!l.text().isBlank()) pending = new Pending(l);
      return;
    }
    boolean starts = header.usable() && header.startsRecord(l.text());
    if (starts || pending.lineCount() >= MAX_LINES_PER_RECORD || pending.text.length() > PostRecord.MAX_RECORD_BYTES
        || (!header.usable() && !l.text().isBlank())) {
      next = finish(pending);
      pending = new Pending(l);
    } else {
      pending.add(l, true);
    }
  }

  private Row finish(Pending p) {
    String raw = p.text.toString().stripTrailing();
    RecordPosition pos = new RecordPosition(file, p.firstLine,
        p.lineCount() == 1 ? "line " + p.firstLine : "lines " + p.firstLine + "-" + p.lastLine);
    if (!header.usable()) {
      return PostRecord.quarantined(FORMAT, pos, QuarantineReason.UNPARSEABLE,
          "file header lacks column(s) " + String.join(", ", header.missing), raw, "twitter", null);
    }
    if (p.tooLongBytes > 0) {
      return PostRecord.quarantined(FORMAT, pos, QuarantineReason.TOO_LARGE, "line of " + p.tooLongBytes
          + " bytes exceeds the limit of " + PostRecord.MAX_RECORD_BYTES + " bytes", raw, "twitter", null);
    }
    if (!p.validUtf8) {
      return PostRecord.quarantined(FORMAT, pos, QuarantineReason.INVALID_ENCODING, "invalid UTF-8 bytes", raw,
          "twitter", null);
    }
    CsvFields.Split split = CsvFields.split(raw);
    List<String> f = split.fields();
    if (!split.balanced()) {
      return PostRecord.quarantined(FORMAT, pos, QuarantineReason.TRUNCATED, "quoted field never closed", raw,
          "twitter", null);
    }
    if (f.size() < header.size) {
      return PostRecord.quarantined(FORMAT, pos, QuarantineReason.TRUNCATED,
          f.size() + " fields, expected " + header.size, raw, "twitter", null);
    }
    if (f.size() > header.size) {
      return PostRecord.quarantined(FORMAT, pos, QuarantineReason.UNPARSEABLE,
          f.size() + " fields, expected " + header.size, raw, "twitter", null);
    }
    PostRecord post = new PostRecord(FORMAT, pos, raw);
    post.platform = "twitter";
    post.postId = normaliseId(f.get(header.tweetId));
    String inbound = f.get(header.inbound).trim();
    if (!inbound.matches("(?i)true|false")) {
      return post.quarantine(QuarantineReason.UNPARSEABLE, "inbound '" + inbound + "' is not True or False");
    }
    String author = f.get(header.authorId).trim();
    post.accountId = author;
    post.accountHandle = author;
    if (inbound.equalsIgnoreCase("false") && !author.isEmpty()) post.brandHint = author;
    post.createdAtRaw = f.get(header.createdAt);
    post.text = f.get(header.text); // HTML entities (&amp; &lt; &gt;) are decoded by PostRecord.toRow
    if (header.inResponseTo >= 0) post.inReplyToPostId = normaliseId(f.get(header.inResponseTo));
    return post.toRow(options);
  }

  /** Ids written as floats by pandas: {@code 3.0} and {@code 1.2e+06} are the integers they denote. */
  static String normaliseId(String raw) {
    String s = raw == null ? "" : raw.trim();
    if (s.isEmpty()) return null;
    if (s.matches("\\d+\\.0*")) return s.substring(0, s.indexOf('.'));
    if (s.matches("\\d+(\\.\\d+)?[eE]\\+?\\d+")) {
      try {
        return new BigDecimal(s).toBigIntegerExact().toString();
      } catch (ArithmeticException e) {
        return s;
      }
    }
    return s;
  }
}
