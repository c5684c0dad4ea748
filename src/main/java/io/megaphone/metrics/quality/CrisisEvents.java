package io.megaphone.metrics.quality;

import io.megaphone.job.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Crisis windows for crisis opportunism (SPEC §3.3). The events file is CSV (RFC 4180, UTF-8) with the header
 * {@code name,start,end,keywords}: {@code start} and {@code end} are ISO dates {@code yyyy-MM-dd}, both days
 * included, in UTC; {@code keywords} are {@code |}-separated words or phrases (matched like lexicon entries,
 * case- and accent-insensitive, also against hashtags: {@code covid} matches {@code #covid}) and
 * {@code #hashtags} (matching that hashtag only, whole). Lines starting with {@code #} before a record are
 * comments; blank lines are ignored. Bundled: {@code io/megaphone/metrics/quality/crises.csv} (parameter
 * {@code quality.crisis-events} to use another file). Errors are one line naming file, line and field.
 */
public final class CrisisEvents implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String BUNDLED = "/io/megaphone/metrics/quality/crises.csv";
  private static final List<String> HEADER = List.of("name", "start", "end", "keywords");

  /** One crisis: a window of whole UTC days and the words and hashtags that name it. */
  public record Event(String name, LocalDate start, LocalDate end, List<String> keywords) implements Serializable {
    public Instant from() {
      return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Exclusive: the first instant after the window (the day after {@code end}, 00:00 UTC). */
    public Instant until() {
      return end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean contains(Instant t) {
      return t != null && !t.isBefore(from()) && t.isBefore(until());
    }
  }

  private final List<Event> events;
  private final String source;
  /** merged windows as epoch seconds [from, until), sorted */
  private final long[] windowFrom;
  private final long[] windowUntil;

  private CrisisEvents(List<Event> events, String source) {
    this.events = List.copyOf(events);
    this.source = source;
    List<long[]> w = new ArrayList<>();
    events.stream().map(e -> new long[] {e.from().getEpochSecond(), e.until().getEpochSecond()})
        .sorted(Comparator.comparingLong(a -> a[0])).forEach(a -> {
          if (!w.isEmpty() && a[0] <= w.get(w.size() - 1)[1]) {
            w.get(w.size() - 1)[1] = Math.max(w.get(w.size() - 1)[1], a[1]);
          } else {
            w.add(a);
          }
        });
    windowFrom = w.stream().mapToLong(a -> a[0]).toArray();
    windowUntil = w.stream().mapToLong(a -> a[1]).toArray();
  }

  public static CrisisEvents of(List<Event> events) {
    return new CrisisEvents(events, "given events");
  }

  /** The bundled crises.csv. */
  public static CrisisEvents bundled() {
    try (InputStream in = CrisisEvents.class.getResourceAsStream(BUNDLED)) {
      if (in == null) throw new IllegalStateException("missing bundled " + BUNDLED);
      return parse(decode(in.readAllBytes(), "bundled crises.csv"), "bundled crises.csv");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read bundled " + BUNDLED, e);
    }
  }

  /** The events file at {@code path}; null or blank means the bundled one. */
  public static CrisisEvents load(String path) {
    if (path == null || path.isBlank()) return bundled();
    Path p = Path.of(path.trim());
    if (!Files.isRegularFile(p)) {
      throw new UsageException("parameter quality.crisis-events: " + p + " is not a file");
    }
    try {
      return parse(decode(Files.readAllBytes(p), p.toString()), p.toString());
    } catch (IOException e) {
      throw new UsageException("crisis events " + p + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  private static String decode(byte[] bytes, String source) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      throw new UsageException("crisis events " + source + ": not valid UTF-8");
    }
  }

  /** Parses the text of an events file; {@code source} names it in error messages. */
  public static CrisisEvents parse(String text, String source) {
    List<Event> events = new ArrayList<>();
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    List<String> lines = Arrays.asList(text.split("\r?\n|\r", -1));
    boolean header = false;
    int i = 0;
    while (i < lines.size()) {
      int lineNo = i + 1;
      String line = lines.get(i);
      i++;
      if (line.isBlank() || line.startsWith("#")) continue;
      // a record may continue over several lines inside quotes
      StringBuilder rec = new StringBuilder(line);
      while (quotesOpen(rec) && i < lines.size()) rec.append('\n').append(lines.get(i++));
      String where = "crisis events " + source + " line " + lineNo + ": ";
      List<String> fields = fields(rec.toString(), where);
      if (!header) {
        List<String> h = fields.stream().map(f -> f.trim().toLowerCase()).toList();
        if (!h.equals(HEADER)) {
          throw new UsageException(where + "expected the header name,start,end,keywords, found " + String.join(",", h));
        }
        header = true;
        continue;
      }
      if (fields.size() != 4) {
        throw new UsageException(where + "expected 4 fields (name,start,end,keywords), found " + fields.size());
      }
      String name = fields.get(0).trim();
      if (name.isEmpty()) throw new UsageException(where + "empty name");
      LocalDate start = date(fields.get(1), "start", where);
      LocalDate end = date(fields.get(2), "end", where);
      if (end.isBefore(start)) throw new UsageException(where + "end " + end + " is before start " + start);
      List<String> keywords = new ArrayList<>();
      if (!fields.get(3).isBlank()) {
        for (String k : fields.get(3).split("\\|", -1)) {
          String kw = k.trim();
          if (kw.isEmpty()) throw new UsageException(where + "empty keyword in '" + fields.get(3).trim() + "'");
          if (kw.startsWith("#")) {
            if (kw.length() < 2 || !kw.substring(1).codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
              throw new UsageException(where + "hashtag '" + kw + "' must be # then letters, digits or _");
            }
          } else if (PostText.of(kw).size() == 0) {
            throw new UsageException(where + "keyword '" + kw + "' has no word");
          }
          keywords.add(kw);
        }
      }
      events.add(new Event(name, start, end, List.copyOf(keywords)));
    }
    if (!header) throw new UsageException("crisis events " + source + ": empty (expected the header name,start,end,keywords)");
    return new CrisisEvents(events, source);
  }

  private static LocalDate date(String raw, String field, String where) {
    try {
      return LocalDate.parse(raw.trim());
    } catch (DateTimeParseException e) {
      throw new UsageException(where + field + " '" + raw.trim() + "' is not a date yyyy-MM-dd");
    }
  }

  private static boolean quotesOpen(CharSequence s) {
    int q = 0;
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '"') q++;
    return q % 2 == 1;
  }

  /** RFC 4180 fields of one record. */
  private static List<String> fields(String rec, String where) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    int i = 0;
    int n = rec.length();
    boolean quoted = false;
    boolean wasQuoted = false;
    while (i < n) {
      char c = rec.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && rec.charAt(i + 1) == '"') {
            f.append('"');
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          continue;
        }
        f.append(c);
        i++;
        continue;
      }
      if (c == ',') {
        out.add(f.toString());
        f.setLength(0);
        wasQuoted = false;
      } else if (c == '"' && f.toString().isBlank() && !wasQuoted) {
        f.setLength(0);
        quoted = true;
        wasQuoted = true;
      } else if (c == '"') {
        throw new UsageException(where + "stray quote in field " + (out.size() + 1));
      } else {
        f.append(c);
      }
      i++;
    }
    if (quoted) throw new UsageException(where + "unterminated quote");
    out.add(f.toString());
    return out;
  }

  public List<Event> events() {
    return events;
  }

  /** Where the events came from (file path or "bundled crises.csv"). */
  public String source() {
    return source;
  }

  /** Whether {@code t} falls in any crisis window. */
  public boolean inWindow(Instant t) {
    if (t == null || windowFrom.length == 0) return false;
    long s = t.getEpochSecond();
    int lo = 0;
    int hi = windowFrom.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (windowFrom[mid] <= s) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && s < windowUntil[found];
  }

  /** Every keyword that is not a hashtag, in file order, without duplicates. */
  public List<String> words() {
    Set<String> out = new LinkedHashSet<>();
    for (Event e : events) for (String k : e.keywords) if (!k.startsWith("#")) out.add(k);
    return List.copyOf(out);
  }

  /** Every #hashtag keyword, normalised (lower case, no accents), without the #. */
  public Set<String> hashtags() {
    Set<String> out = new LinkedHashSet<>();
    for (Event e : events) for (String k : e.keywords) if (k.startsWith("#")) out.add(PostText.normalise(k.substring(1)));
    return Set.copyOf(out);
  }
}
