package io.megaphone.ingest;

import io.megaphone.job.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;

/**
 * The brand registry CSV {@code brand,platform,account_id,handle} (SPEC §2). It is written by people, so
 * it is checked strictly before Spark starts: a bad row is a usage error naming the line.
 */
public final class BrandRegistry {
  private BrandRegistry() {}

  public static List<BrandAccount> load(String path) {
    try (InputStream in = SourceFiles.open(path, new Configuration());
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(r, path);
    } catch (IOException e) {
      throw new UsageException("brand registry " + path + ": cannot read (" + e.getMessage() + ")");
    }
  }

  static List<BrandAccount> parse(Reader r, String path) throws IOException {
    CSVFormat fmt = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
        .setTrim(true).get();
    LinkedHashSet<BrandAccount> out = new LinkedHashSet<>();
    Map<String, String> brandOfId = new HashMap<>();
    Map<String, String> brandOfHandle = new HashMap<>();
    try (CSVParser p = CSVParser.builder().setReader(r).setFormat(fmt).get()) {
      List<String> header = p.getHeaderNames().stream()
          .map(h -> h.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT)).toList();
      for (String col : List.of("brand", "platform", "account_id", "handle")) {
        if (!header.contains(col)) {
          throw new UsageException("brand registry " + path + ": missing column '" + col
              + "' (expected brand,platform,account_id,handle)");
        }
      }
      for (CSVRecord rec : p) {
        long line = rec.getParser().getCurrentLineNumber();
        String brand = get(rec, header, "brand");
        String platform = get(rec, header, "platform").toLowerCase(Locale.ROOT);
        String id = get(rec, header, "account_id");
        String handle = get(rec, header, "handle").replaceFirst("^@", "");
        String where = "brand registry " + path + " line " + line + ": ";
        if (brand.isEmpty()) throw new UsageException(where + "empty brand");
        if (!CanonicalSchema.PLATFORMS.contains(platform)) {
          throw new UsageException(where + "unknown platform '" + platform + "'");
        }
        if (id.isEmpty() && handle.isEmpty()) throw new UsageException(where + "needs an account_id or a handle");
        if (!id.isEmpty()) checkUnique(brandOfId, platform + "/" + id, brand, where + "account " + id);
        if (!handle.isEmpty()) {
          checkUnique(brandOfHandle, platform + "/" + handle.toLowerCase(Locale.ROOT), brand, where + "handle " + handle);
        }
        out.add(new BrandAccount(brand, platform, id.isEmpty() ? null : id, handle.isEmpty() ? null : handle));
      }
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new UsageException("brand registry " + path + ": malformed CSV (" + e.getMessage() + ")");
    }
    return new ArrayList<>(out);
  }

  private static void checkUnique(Map<String, String> seen, String key, String brand, String what) {
    String before = seen.putIfAbsent(key, brand);
    if (before != null && !before.equals(brand)) {
      throw new UsageException(what + " is registered for both '" + before + "' and '" + brand + "'");
    }
  }

  private static String get(CSVRecord rec, List<String> header, String col) {
    int i = header.indexOf(col);
    return i < rec.size() ? rec.get(i).trim() : "";
  }
}
