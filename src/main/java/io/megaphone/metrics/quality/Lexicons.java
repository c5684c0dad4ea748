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
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The French and English word and phrase lists of the content-quality flags (SPEC §3.3): UTF-8 files, one
 * entry per line, lines starting with {@code #} are comments, blank lines ignored. Bundled under
 * {@code io/megaphone/metrics/quality/lexicons/{en,fr}/<list>.txt}; a job may override them with a folder of the
 * same layout (parameter {@code quality.lexicons}): each file present there replaces the bundled list, each file
 * absent keeps it. Entry syntax (tokens, {@code <num>}, {@code word*}, {@code ...}): see lexicons/README.md and
 * {@link PhraseMatcher}; every entry is checked when the lexicons are loaded, errors name file and line.
 */
public final class Lexicons implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String RESOURCES = "/io/megaphone/metrics/quality/lexicons/";

  /** The lists, one file per language each. */
  public enum Kind {
    SELF_PROMOTION, BAIT_VOTE, BAIT_REACT, BAIT_SHARE, BAIT_TAG, BAIT_COMMENT, BUZZWORDS, JOKEY, STOPWORDS;

    public String file() {
      return name().toLowerCase(java.util.Locale.ROOT) + ".txt";
    }
  }

  public static final List<String> LANGS = List.of("en", "fr");

  /** lang → kind → entries */
  private final Map<String, EnumMap<Kind, List<String>>> entries;
  /** lang → kind → where the list came from (bundled resource or file path) */
  private final Map<String, EnumMap<Kind, String>> sources;

  private Lexicons(Map<String, EnumMap<Kind, List<String>>> entries, Map<String, EnumMap<Kind, String>> sources) {
    this.entries = entries;
    this.sources = sources;
  }

  /** The lists shipped with Megaphone. */
  public static Lexicons bundled() {
    return load(null);
  }

  /**
   * The bundled lists, each replaced by {@code folder/<lang>/<list>.txt} when that file exists. A null or blank
   * folder means the bundled lists. Throws {@link UsageException} (one line naming file and line) on a missing
   * folder, a folder holding no lexicon file, invalid UTF-8 or a malformed entry.
   */
  public static Lexicons load(String folder) {
    Path dir = folder == null || folder.isBlank() ? null : Path.of(folder.trim());
    if (dir != null && !Files.isDirectory(dir)) {
      throw new UsageException("parameter quality.lexicons: " + dir + " is not a folder");
    }
    Map<String, EnumMap<Kind, List<String>>> entries = new LinkedHashMap<>();
    Map<String, EnumMap<Kind, String>> sources = new LinkedHashMap<>();
    int overridden = 0;
    for (String lang : LANGS) {
      EnumMap<Kind, List<String>> e = new EnumMap<>(Kind.class);
      EnumMap<Kind, String> s = new EnumMap<>(Kind.class);
      for (Kind k : Kind.values()) {
        Path f = dir == null ? null : dir.resolve(lang).resolve(k.file());
        String source;
        byte[] bytes;
        if (f != null && Files.isRegularFile(f)) {
          source = f.toString();
          try {
            bytes = Files.readAllBytes(f);
          } catch (IOException ex) {
            throw new UsageException("lexicon " + f + ": cannot be read (" + ex.getMessage() + ")");
          }
          overridden++;
        } else {
          source = "bundled " + lang + "/" + k.file();
          bytes = resource(lang + "/" + k.file());
        }
        e.put(k, parse(bytes, source, k));
        s.put(k, source);
      }
      entries.put(lang, e);
      sources.put(lang, s);
    }
    if (dir != null && overridden == 0) {
      throw new UsageException("parameter quality.lexicons: " + dir + " holds no lexicon file (expected en/ or fr/"
          + " with files like self_promotion.txt, bait_vote.txt, stopwords.txt)");
    }
    return new Lexicons(entries, sources);
  }

  private static byte[] resource(String name) {
    try (InputStream in = Lexicons.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) throw new IllegalStateException("missing bundled lexicon " + RESOURCES + name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read bundled lexicon " + RESOURCES + name, e);
    }
  }

  static List<String> parse(byte[] bytes, String source, Kind kind) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new UsageException("lexicon " + source + ": not valid UTF-8");
    }
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    List<String> out = new ArrayList<>();
    String[] lines = text.split("\r?\n|\r", -1);
    PhraseMatcher check = new PhraseMatcher();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      try {
        if (kind == Kind.STOPWORDS) {
          PostText t = PostText.of(line);
          if (t.size() != 1 || t.kind(0) != PostText.WORD) {
            throw new IllegalArgumentException("a stopword is one word: '" + line + "'");
          }
        } else {
          check.add(line, 1);
        }
      } catch (IllegalArgumentException e) {
        throw new UsageException("lexicon " + source + " line " + (i + 1) + ": " + e.getMessage());
      }
      out.add(line);
    }
    return Collections.unmodifiableList(out);
  }

  /** The entries of one list as written (comments and blank lines left out). */
  public List<String> entries(Kind kind, String lang) {
    EnumMap<Kind, List<String>> e = entries.get(lang);
    if (e == null) throw new IllegalArgumentException("no lexicons for language '" + lang + "' (only " + LANGS + ")");
    return e.get(kind);
  }

  /** Where a list came from: "bundled en/bait_tag.txt" or the override file's path. */
  public String source(Kind kind, String lang) {
    return sources.get(lang).get(kind);
  }
}
