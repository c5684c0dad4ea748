package io.megaphone.generate;

import static io.megaphone.generate.GeneratedArchives.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code megaphone generate} is deterministic: the same options give byte-identical files, {@code --posts-per-file}
 * only moves the cuts between files, and the archive holds exactly the number of posts asked for.
 */
class GeneratorDeterminismTest {
  @TempDir
  Path tmp;

  @Test
  void sameOptionsGiveByteIdenticalFilesAndAnotherSeedOtherData() {
    Path out = tmp.resolve("archive");
    // overwrite so the second run may replace the first in the same folder: job.yaml names --out
    GeneratorOptions o = new GeneratorOptions(5_000, "canonical", 7, out.toString(), 1_000, 0,
        GeneratorOptions.DEFAULT_START, GeneratorOptions.DEFAULT_END, true, true);
    ArchiveGenerator.prepareOutput(o);
    GeneratedArchives.generate(o);
    Map<String, byte[]> first = GeneratedArchives.files(out);

    ArchiveGenerator.prepareOutput(o);
    assertThat(out).doesNotExist();
    GeneratedArchives.generate(o);
    Map<String, byte[]> second = GeneratedArchives.files(out);

    List<String> expected = new ArrayList<>(List.of("brands.csv", "crises.csv", "job.yaml", "truth.json"));
    for (int f = 0; f < 5; f++) {
      expected.add(String.format("data/part-%05d.jsonl", f));
      expected.add(String.format("labels/part-%05d.csv", f));
    }
    assertThat(first.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
    for (String name : first.keySet()) {
      assertThat(first.get(name)).as(name + " is not empty").isNotEmpty();
      assertThat(second.get(name)).as(name + " is byte-identical in both runs").isEqualTo(first.get(name));
    }

    Path other = tmp.resolve("other-seed");
    GeneratedArchives.generate(other, 5_000, "canonical", 8, 1_000, false);
    assertThat(GeneratedArchives.concatenatedData(other, false)).as("data of seed 8 vs seed 7")
        .isNotEqualTo(GeneratedArchives.concatenatedData(out, false));
  }

  /** 6,500 posts: 7 files of ≤ 1000 posts against 2 files of ≤ 5000 (the last ones partial, ending mid-block). */
  @ParameterizedTest
  @ValueSource(strings = {"canonical", "twitter-v2", "twcs", "twitter-v1"})
  void postsPerFileOnlyMovesTheCuts(String format) {
    Path small = tmp.resolve("ppf1000");
    Path big = tmp.resolve("ppf5000");
    GeneratedArchives.generate(small, 6_500, format, 11, 1_000, false);
    GeneratedArchives.generate(big, 6_500, format, 11, 5_000, false);
    assertThat(GeneratedArchives.dataFiles(small)).hasSize(7);
    assertThat(GeneratedArchives.dataFiles(big)).hasSize(2);

    boolean csv = format.equals("twcs");
    byte[] a = GeneratedArchives.concatenatedData(small, csv);
    byte[] b = GeneratedArchives.concatenatedData(big, csv);
    assertThat(a).isNotEmpty();
    assertThat(a).as(format + ": data files concatenated in name order").isEqualTo(b);
    if (csv) {
      // every file starts with the same header line
      for (Path p : GeneratedArchives.dataFiles(small)) {
        assertThat(firstLine(p)).isEqualTo(String.join(",", TwcsWriter.HEADER));
      }
    }

    JsonNode ta = GeneratedArchives.truth(small);
    JsonNode tb = GeneratedArchives.truth(big);
    assertThat(ta.path("generator").path("files").asLong()).isEqualTo(7);
    assertThat(tb.path("generator").path("files").asLong()).isEqualTo(2);
    assertThat(ta.path("generator").path("posts_per_file").asLong()).isEqualTo(1_000);
    assertThat(tb.path("generator").path("posts_per_file").asLong()).isEqualTo(5_000);
    if (csv) {
      // generator.data_bytes also counts each file's header line: 7 files carry 5 more than 2
      long header = String.join(",", TwcsWriter.HEADER).length() + 1;
      assertThat(ta.path("generator").path("data_bytes").asLong() - tb.path("generator").path("data_bytes").asLong())
          .isEqualTo(5 * header);
    } else {
      assertThat(ta.path("generator").path("data_bytes").asLong()).isEqualTo(a.length);
    }
    assertThat(withoutCuts(ta, csv)).as(format + ": truth.json apart from generator.files / posts_per_file")
        .isEqualTo(withoutCuts(tb, csv));
  }

  /** 2,345 posts (not a multiple of the block size) in 3 files: exactly 2,345 records, ids 0 … 2,344. */
  @ParameterizedTest
  @ValueSource(strings = {"canonical", "twitter-v2", "twcs", "twitter-v1"})
  void archiveHoldsExactlyTheRequestedNumberOfPosts(String format) throws IOException {
    long n = 2_345;
    Path out = tmp.resolve("exact");
    GeneratedArchives.generate(out, n, format, 3, 1_000, false);
    List<Path> files = GeneratedArchives.dataFiles(out);
    assertThat(files).hasSize(3);

    List<String> ids = new ArrayList<>();
    for (Path f : files) {
      switch (format) {
        case "canonical" -> {
          for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            ids.add(JSON.readTree(line).get("post_id").asText());
          }
        }
        case "twitter-v1" -> {
          for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode status = JSON.readTree(line);
            assertThat(status.get("id").asText()).isEqualTo(status.get("id_str").asText());
            ids.add(status.get("id_str").asText());
          }
        }
        case "twitter-v2" -> {
          for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode page = JSON.readTree(line);
            assertThat(page.path("meta").path("result_count").asInt()).isEqualTo(page.get("data").size());
            for (JsonNode tweet : page.get("data")) ids.add(tweet.get("id").asText());
          }
        }
        default -> {
          try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
              CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            assertThat(p.getHeaderNames()).containsExactly(TwcsWriter.HEADER);
            for (CSVRecord rec : p) {
              assertThat(rec.isConsistent()).as("record " + rec.getRecordNumber() + " of " + f).isTrue();
              ids.add(rec.get("tweet_id"));
            }
          }
        }
      }
    }
    assertThat(ids).as(format + ": records").hasSize((int) n);
    Set<String> expected = new HashSet<>();
    LongStream.range(0, n).forEach(i -> expected.add(Long.toString(i)));
    assertThat(new HashSet<>(ids)).as(format + ": post ids").isEqualTo(expected);

    // truth.json accounts for every post: brands' posts on each platform plus the public's
    JsonNode truth = GeneratedArchives.truth(out);
    assertThat(truth.path("generator").path("posts").asLong()).isEqualTo(n);
    long counted = 0;
    for (JsonNode b : truth.get("brands")) counted += b.path("realised").path("all").path("posts").asLong();
    for (JsonNode v : truth.get("public")) counted += v.asLong();
    assertThat(counted).as(format + ": brand posts + public posts in truth.json").isEqualTo(n);
  }

  private static JsonNode withoutCuts(JsonNode truth, boolean headerPerFile) {
    ObjectNode copy = truth.deepCopy();
    ((ObjectNode) copy.get("generator")).remove(List.of("files", "posts_per_file"));
    if (headerPerFile) ((ObjectNode) copy.get("generator")).remove("data_bytes");
    return copy;
  }

  private static String firstLine(Path p) {
    try {
      String s = Files.readString(p, StandardCharsets.UTF_8);
      return s.substring(0, s.indexOf('\n'));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
