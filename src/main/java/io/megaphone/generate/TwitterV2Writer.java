package io.megaphone.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Twitter API v2 response pages as twarc2 writes them: one page of up to 100 tweets per line, with the
 * authors and mentioned users expanded in {@code includes.users}. Links appear as t.co short links in the
 * text with the real address in {@code entities.urls[].expanded_url}.
 */
final class TwitterV2Writer implements PostWriter {
  static final int PAGE = 100;
  private final JsonGenerator g;

  TwitterV2Writer(OutputStream out) throws IOException {
    g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
  }

  @Override
  public void write(List<SyntheticPost> block) throws IOException {
    for (int from = 0; from < block.size(); from += PAGE) page(block.subList(from, Math.min(block.size(), from + PAGE)));
  }

  private void page(List<SyntheticPost> tweets) throws IOException {
    Map<String, String> users = new LinkedHashMap<>();
    long newest = Long.MIN_VALUE;
    long oldest = Long.MAX_VALUE;
    g.writeStartObject();
    g.writeArrayFieldStart("data");
    for (SyntheticPost p : tweets) {
      users.putIfAbsent(p.accountId(), p.handle());
      newest = Math.max(newest, p.id);
      oldest = Math.min(oldest, p.id);
      tweet(p);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("includes");
    g.writeArrayFieldStart("users");
    for (Map.Entry<String, String> u : users.entrySet()) {
      g.writeStartObject();
      g.writeStringField("id", u.getKey());
      g.writeStringField("username", u.getValue());
      g.writeStringField("name", u.getValue().replace('_', ' '));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeObjectFieldStart("meta");
    g.writeNumberField("result_count", tweets.size());
    g.writeStringField("newest_id", Long.toString(newest));
    g.writeStringField("oldest_id", Long.toString(oldest));
    g.writeEndObject();
    g.writeEndObject();
  }

  private void tweet(SyntheticPost p) throws IOException {
    String text = p.text.text();
    List<String> urls = p.text.urls();
    String[] shortUrls = new String[urls.size()];
    for (int i = 0; i < urls.size(); i++) {
      shortUrls[i] = "https://t.co/" + Long.toString(Seeds.mix(p.id, i) & 0xFFFFFFFFFFL, 36);
      text = text.replace(urls.get(i), shortUrls[i]);
    }
    g.writeStartObject();
    g.writeStringField("id", Long.toString(p.id));
    g.writeStringField("text", text);
    g.writeStringField("author_id", p.accountId());
    g.writeStringField("created_at", Instant.ofEpochSecond(p.createdAt).truncatedTo(ChronoUnit.SECONDS).toString()
        .replace("Z", ".000Z"));
    g.writeStringField("conversation_id", Long.toString(p.conversationId()));
    g.writeStringField("lang", p.lang);
    if (p.parent != null) g.writeStringField("in_reply_to_user_id", p.parent.accountId());
    if (p.parent != null || p.repostOf != null) {
      g.writeArrayFieldStart("referenced_tweets");
      g.writeStartObject();
      g.writeStringField("type", p.parent != null ? "replied_to" : "retweeted");
      g.writeStringField("id", Long.toString(p.parent != null ? p.parent.id : p.repostOf.id));
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeObjectFieldStart("entities");
    entities("mentions", "username", p.text.mentions(), text, "@");
    entities("hashtags", "tag", p.text.hashtags(), text, "#");
    g.writeArrayFieldStart("urls");
    for (int i = 0; i < urls.size(); i++) {
      int start = text.indexOf(shortUrls[i]);
      g.writeStartObject();
      g.writeNumberField("start", start);
      g.writeNumberField("end", start + shortUrls[i].length());
      g.writeStringField("url", shortUrls[i]);
      g.writeStringField("expanded_url", urls.get(i));
      g.writeStringField("display_url", urls.get(i).replaceFirst("^https?://", ""));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeObjectFieldStart("public_metrics");
    g.writeNumberField("retweet_count", p.shares);
    g.writeNumberField("reply_count", p.replies);
    g.writeNumberField("like_count", p.likes);
    g.writeNumberField("quote_count", 0);
    g.writeNumberField("impression_count", p.views);
    g.writeEndObject();
    g.writeArrayFieldStart("edit_history_tweet_ids");
    g.writeString(Long.toString(p.id));
    g.writeEndArray();
    g.writeEndObject();
  }

  private void entities(String name, String field, List<String> values, String text, String sigil) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      int start = text.indexOf(sigil + v);
      g.writeStartObject();
      g.writeNumberField("start", start);
      g.writeNumberField("end", start < 0 ? -1 : start + v.length() + 1);
      g.writeStringField(field, v);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  @Override
  public void close() throws IOException {
    g.writeRaw('\n');
    g.close();
  }
}
