package io.megaphone.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Twitter API v1.1 statuses as twarc 1 writes them: one status per line, extended mode ({@code full_text},
 * {@code display_text_range}), ids as numbers and as {@code *_str}, links as t.co short links in the text with the
 * real address in {@code entities.urls[].expanded_url}. A repost is a retweet: its own text ("RT @x: …") and the
 * original status embedded as {@code retweeted_status}.
 */
final class TwitterV1Writer implements PostWriter {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);
  private static final String SOURCE = "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>";
  private final JsonGenerator g;
  /** Twitter handle → account id of the brands' accounts (the public's ids follow from their handles). */
  private final Map<String, String> brandIds = new HashMap<>();

  TwitterV1Writer(OutputStream out, World world) throws IOException {
    g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
    for (Account a : world.accounts) if (a.platform().equals("twitter")) brandIds.put(a.handle(), a.id());
  }

  @Override
  public void write(List<SyntheticPost> block) throws IOException {
    for (SyntheticPost p : block) status(p, true);
  }

  private void status(SyntheticPost p, boolean withRetweeted) throws IOException {
    String text = p.text.text();
    List<String> urls = p.text.urls();
    String[] shortUrls = new String[urls.size()];
    for (int i = 0; i < urls.size(); i++) {
      shortUrls[i] = "https://t.co/" + Long.toString(Seeds.mix(p.id, i) & 0xFFFFFFFFFFL, 36);
      text = text.replace(urls.get(i), shortUrls[i]);
    }
    g.writeStartObject();
    g.writeStringField("created_at", DATE.format(Instant.ofEpochSecond(p.createdAt)));
    g.writeNumberField("id", p.id);
    g.writeStringField("id_str", Long.toString(p.id));
    g.writeStringField("full_text", text);
    g.writeBooleanField("truncated", false);
    g.writeArrayFieldStart("display_text_range");
    g.writeNumber(0);
    g.writeNumber(text.codePointCount(0, text.length()));
    g.writeEndArray();
    g.writeObjectFieldStart("entities");
    g.writeArrayFieldStart("hashtags");
    for (String h : p.text.hashtags()) {
      g.writeStartObject();
      g.writeStringField("text", h);
      indices(text, "#" + h);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("symbols");
    g.writeEndArray();
    g.writeArrayFieldStart("user_mentions");
    for (String m : p.text.mentions()) {
      g.writeStartObject();
      g.writeStringField("screen_name", m);
      g.writeStringField("name", m.replace('_', ' '));
      String id = accountIdOf(m);
      if (id != null) {
        numberField("id", id);
        g.writeStringField("id_str", id);
      }
      indices(text, "@" + m);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("urls");
    for (int i = 0; i < urls.size(); i++) {
      g.writeStartObject();
      g.writeStringField("url", shortUrls[i]);
      g.writeStringField("expanded_url", urls.get(i));
      g.writeStringField("display_url", urls.get(i).replaceFirst("^https?://", ""));
      indices(text, shortUrls[i]);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeStringField("source", SOURCE);
    SyntheticPost parent = p.parent;
    if (parent != null) {
      g.writeNumberField("in_reply_to_status_id", parent.id);
      g.writeStringField("in_reply_to_status_id_str", Long.toString(parent.id));
      numberField("in_reply_to_user_id", parent.accountId());
      g.writeStringField("in_reply_to_user_id_str", parent.accountId());
      g.writeStringField("in_reply_to_screen_name", parent.handle());
    } else {
      for (String f : new String[] {"in_reply_to_status_id", "in_reply_to_status_id_str", "in_reply_to_user_id",
          "in_reply_to_user_id_str", "in_reply_to_screen_name"}) {
        g.writeNullField(f);
      }
    }
    g.writeObjectFieldStart("user");
    numberField("id", p.accountId());
    g.writeStringField("id_str", p.accountId());
    g.writeStringField("name", p.handle().replace('_', ' '));
    g.writeStringField("screen_name", p.handle());
    g.writeBooleanField("verified", p.byBrand());
    g.writeEndObject();
    g.writeNullField("geo");
    g.writeNullField("coordinates");
    g.writeNullField("place");
    g.writeNullField("contributors");
    if (withRetweeted && p.repostOf != null) {
      g.writeFieldName("retweeted_status");
      status(p.repostOf, false);
    }
    g.writeBooleanField("is_quote_status", false);
    g.writeNumberField("retweet_count", p.shares);
    g.writeNumberField("favorite_count", p.likes);
    g.writeNumberField("reply_count", p.replies);
    g.writeBooleanField("favorited", false);
    g.writeBooleanField("retweeted", false);
    g.writeStringField("lang", p.lang);
    g.writeEndObject();
  }

  /** Code point offsets of the first occurrence of {@code token} in {@code text}, as Twitter counts them. */
  private void indices(String text, String token) throws IOException {
    int at = text.indexOf(token);
    int start = at < 0 ? -1 : text.codePointCount(0, at);
    g.writeArrayFieldStart("indices");
    g.writeNumber(start);
    g.writeNumber(at < 0 ? -1 : start + token.codePointCount(0, token.length()));
    g.writeEndArray();
  }

  private void numberField(String name, String digits) throws IOException {
    if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) g.writeNumberField(name, Long.parseLong(digits));
  }

  /** The account id behind a mentioned handle: a brand's account, or a member of the public (World.userHandle). */
  private String accountIdOf(String handle) {
    String brand = brandIds.get(handle);
    if (brand != null) return brand;
    int sep = handle.lastIndexOf('_');
    if (sep <= 0) return null;
    String first = handle.substring(0, sep);
    for (int i = 0; i < Lexicon.FIRST_NAMES.length; i++) {
      if (!Lexicon.FIRST_NAMES[i].equals(first)) continue;
      try {
        long user = Long.parseLong(handle.substring(sep + 1), 36) * Lexicon.FIRST_NAMES.length + i;
        return World.userHandle(user).equals(handle) ? World.userId(user) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    g.writeRaw('\n');
    g.close();
  }
}
