package io.megaphone.ingest.facebook;

import io.megaphone.ingest.SourceFiles;
import io.megaphone.job.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;

/**
 * The {@code pages} setting of the facebook format: a CSV naming Facebook pages, {@code page_id} and
 * {@code page_name} (as the facebook-news data set's {@code fb_news_pagenames.csv}; {@code name}, {@code
 * username} or {@code handle} are taken for the name too). Posts by a listed page get its name as handle and
 * as brand: the file declares that these pages are the brands studied.
 */
final class PageNames {
  static final String SETTING = "pages";
  private static final List<String> NAME_COLUMNS = List.of("page_name", "username", "handle", "name");

  private PageNames() {}

  /** page id → name; empty when the setting is absent. A missing or malformed file is a usage error. */
  static Map<String, String> load(String path, String input) {
    Map<String, String> out = new LinkedHashMap<>();
    if (path == null) return out;
    String where = "input " + input + ": pages file " + path;
    CSVFormat fmt = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
        .setTrim(true).get();
    try (InputStream in = SourceFiles.open(path, new Configuration());
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(fmt).get()) {
      Map<String, Integer> cols = new LinkedHashMap<>();
      List<String> header = p.getHeaderNames();
      for (int i = 0; i < header.size(); i++) {
        cols.put(header.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), i);
      }
      Integer idCol = cols.get("page_id");
      Integer nameCol = null;
      for (String n : NAME_COLUMNS) if (nameCol == null) nameCol = cols.get(n);
      if (idCol == null || nameCol == null) {
        throw new UsageException(where + ": expected columns page_id and page_name (found " + header + ")");
      }
      for (CSVRecord rec : p) {
        if (rec.size() <= Math.max(idCol, nameCol)) {
          throw new UsageException(where + " line " + rec.getParser().getCurrentLineNumber() + ": too few fields");
        }
        String id = rec.get(idCol).trim();
        String name = rec.get(nameCol).trim();
        if (!id.isEmpty() && !name.isEmpty()) out.putIfAbsent(id, name);
      }
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      throw new UsageException(where + ": cannot read (" + e.getMessage() + ")");
    }
    return out;
  }
}
