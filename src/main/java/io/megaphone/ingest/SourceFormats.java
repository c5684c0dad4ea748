package io.megaphone.ingest;

import io.megaphone.ingest.canonical.CanonicalFormat;
import io.megaphone.ingest.facebook.FacebookFormat;
import io.megaphone.ingest.feed.FeedFormat;
import io.megaphone.ingest.instagram.InstagramFormat;
import io.megaphone.ingest.mapped.MappedFormat;
import io.megaphone.ingest.mastodon.MastodonFormat;
import io.megaphone.ingest.reddit.RedditFormat;
import io.megaphone.ingest.twcs.TwcsFormat;
import io.megaphone.ingest.twitter.TwitterV1Format;
import io.megaphone.ingest.twitter.TwitterV2Format;
import io.megaphone.ingest.youtube.YoutubeFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The formats Megaphone reads, by the name used in {@code --input FORMAT=PATH}. */
public final class SourceFormats {
  private static final Map<String, SourceFormat> ALL = new LinkedHashMap<>();

  static {
    for (SourceFormat f : List.of(new CanonicalFormat(), new TwcsFormat(), new TwitterV2Format(),
        new TwitterV1Format(), new FacebookFormat(), new InstagramFormat(), new YoutubeFormat(), new RedditFormat(),
        new MastodonFormat(), new FeedFormat(), new MappedFormat())) {
      ALL.put(f.name(), f);
    }
  }

  private SourceFormats() {}

  public static Map<String, SourceFormat> all() {
    return ALL;
  }

  public static Optional<SourceFormat> byName(String name) {
    return Optional.ofNullable(ALL.get(name));
  }
}
