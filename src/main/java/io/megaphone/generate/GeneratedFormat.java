package io.megaphone.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A source format the generator writes: the platforms it carries (a one-platform format gets a
 * one-platform world), the data file extension, whether it can express reposts, and its writer.
 */
enum GeneratedFormat {
  CANONICAL("canonical", World.MULTI_PLATFORMS, ".jsonl", true, (out, world) -> new CanonicalWriter(out)),
  TWITTER_V2("twitter-v2", List.of("twitter"), ".jsonl", true, (out, world) -> new TwitterV2Writer(out)),
  TWCS("twcs", List.of("twitter"), ".csv", false, (out, world) -> new TwcsWriter(out)),
  TWITTER_V1("twitter-v1", List.of("twitter"), ".jsonl", true, TwitterV1Writer::new),
  FACEBOOK("facebook", List.of("facebook"), ".jsonl", true, (out, world) -> new FacebookWriter(out)),
  INSTAGRAM("instagram", List.of("instagram"), ".jsonl", false, (out, world) -> new InstagramWriter(out)),
  YOUTUBE("youtube", List.of("youtube"), ".jsonl", false, (out, world) -> new YoutubeWriter(out)),
  REDDIT("reddit", List.of("reddit"), ".ndjson", true, (out, world) -> new RedditWriter(out)),
  MASTODON("mastodon", List.of("mastodon"), ".jsonl", true, MastodonWriter::new),
  FEED("feed", List.of("blog"), ".xml", false, (out, world) -> new FeedWriter(out)),
  MAPPED("mapped", World.MULTI_PLATFORMS, ".csv", true, (out, world) -> new MappedWriter(out)) {
    @Override
    String jobInputSettings() {
      return MappedWriter.MAPPING;
    }
  };

  interface WriterFactory {
    PostWriter open(OutputStream out, World world) throws IOException;
  }

  final String formatName;
  final List<String> platforms;
  final String extension;
  final boolean reposts;
  final WriterFactory writer;

  GeneratedFormat(String formatName, List<String> platforms, String extension, boolean reposts, WriterFactory writer) {
    this.formatName = formatName;
    this.platforms = platforms;
    this.extension = extension;
    this.reposts = reposts;
    this.writer = writer;
  }

  /** Extra settings of the generated job file's input (YAML lines indented under {@code - format:}); none by default. */
  String jobInputSettings() {
    return "";
  }

  static List<String> names() {
    return Arrays.stream(values()).map(f -> f.formatName).toList();
  }

  static Optional<GeneratedFormat> byName(String name) {
    return Arrays.stream(values()).filter(f -> f.formatName.equals(name)).findFirst();
  }
}
