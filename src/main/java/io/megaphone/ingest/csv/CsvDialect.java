package io.megaphone.ingest.csv;

import io.megaphone.ingest.IngestOptions;
import io.megaphone.job.UsageException;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;
import java.util.Set;

/**
 * How a delimited text file is written: separator, quote character (0 for none) and encoding. Inputs set
 * them with the settings {@code separator} ("," ";" "tab" "|" or any one character), {@code quote} ('"', "'"
 * or "none") and {@code encoding} (any Java charset name: UTF-8, windows-1252, ISO-8859-1, UTF-16…).
 */
public record CsvDialect(char separator, char quote, String encoding) implements Serializable {
  public static final CsvDialect RFC4180 = new CsvDialect(',', '"', "UTF-8");
  public static final Set<String> SETTING_KEYS = Set.of("separator", "quote", "encoding");

  public Charset charset() {
    return Charset.forName(encoding);
  }

  public boolean utf8() {
    return charset().equals(StandardCharsets.UTF_8);
  }

  /** The dialect an input's settings describe; {@code fallback} supplies what they leave out. */
  public static CsvDialect of(IngestOptions options, CsvDialect fallback) {
    return of(options.input(), "input", fallback);
  }

  /** @throws UsageException naming the input when a setting is not usable */
  public static CsvDialect of(Map<String, Object> settings, String input, CsvDialect fallback) {
    char sep = fallback.separator;
    char quote = fallback.quote;
    String enc = fallback.encoding;
    Object s = settings.get("separator");
    if (s != null) {
      String v = String.valueOf(s);
      if (v.equalsIgnoreCase("tab") || v.equals("\\t") || v.equals("\t")) sep = '\t';
      else if (v.length() == 1) sep = v.charAt(0);
      else throw new UsageException("input " + input + ": separator '" + v + "' must be one character or 'tab'");
    }
    Object q = settings.get("quote");
    if (q != null) {
      String v = String.valueOf(q);
      if (v.equalsIgnoreCase("none") || v.isEmpty()) quote = 0;
      else if (v.length() == 1) quote = v.charAt(0);
      else throw new UsageException("input " + input + ": quote '" + v + "' must be one character or 'none'");
    }
    Object e = settings.get("encoding");
    if (e != null) {
      enc = String.valueOf(e);
      try {
        Charset.forName(enc);
      } catch (IllegalCharsetNameException | UnsupportedCharsetException x) {
        throw new UsageException("input " + input + ": encoding '" + enc + "' is not a known charset"
            + " (e.g. UTF-8, windows-1252, ISO-8859-1, UTF-16)");
      }
    }
    if (sep == quote) throw new UsageException("input " + input + ": separator and quote are both '" + sep + "'");
    return new CsvDialect(sep, quote, enc);
  }
}
