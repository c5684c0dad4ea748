package io.megaphone.metrics.quality;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonyms for the public's handles (SPEC §5: a keyed hash). A handle becomes {@code user-} followed by the first
 * 8 hex characters of HMAC-SHA256(key, handle lower-cased, without the {@code @}): the same handle always gets the
 * same pseudonym under one key, and without the key a pseudonym cannot be recomputed from a guessed handle. The key
 * is the job parameter {@code quality.pseudonym-key}.
 */
public final class Pseudonyms {
  private Pseudonyms() {}

  public static final String PREFIX = "user-";

  /**
   * An @handle: not preceded by a letter, digit, underscore or @ (so e-mail addresses are left alone); letters,
   * digits and underscores, with dots and hyphens inside (Bluesky {@code @name.bsky.social}); optionally a
   * Mastodon instance ({@code @name@mastodon.social}). A trailing dot or hyphen is punctuation, not handle.
   */
  static final Pattern HANDLE = Pattern.compile(
      "(?<![\\p{L}\\p{N}_@])@([\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.\\-]*[\\p{L}\\p{N}_])?)"
          + "(@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)+)?");

  /**
   * {@code text} with every {@code @handle} that is not a brand handle replaced by {@code @user-xxxxxxxx}. A handle
   * is a brand's when {@code brandHandlesLowerCase} holds it lower-cased (with or without the {@code @}; for a
   * Mastodon {@code @name@instance}, either the whole handle or {@code name}). Null text gives null.
   */
  public static String mentions(String text, Set<String> brandHandlesLowerCase, String key) {
    if (text == null || text.indexOf('@') < 0) return text;
    Matcher m = HANDLE.matcher(text);
    StringBuilder out = null;
    int last = 0;
    Mac mac = null;
    while (m.find()) {
      String local = m.group(1);
      String full = m.group(2) == null ? local : local + m.group(2);
      if (isBrand(full, local, brandHandlesLowerCase)) continue;
      if (out == null) out = new StringBuilder(text.length() + 16);
      if (mac == null) mac = mac(key);
      out.append(text, last, m.start()).append('@').append(PREFIX).append(hash(mac, full));
      last = m.end();
    }
    if (out == null) return text;
    return out.append(text, last, text.length()).toString();
  }

  /** The pseudonym of one handle (with or without its {@code @}), without the {@code @}: {@code user-1a2b3c4d}. */
  public static String pseudonym(String handle, String key) {
    String h = handle.startsWith("@") ? handle.substring(1) : handle;
    return PREFIX + hash(mac(key), h);
  }

  private static boolean isBrand(String full, String local, Set<String> brands) {
    if (brands == null || brands.isEmpty()) return false;
    String f = full.toLowerCase(Locale.ROOT);
    String l = local.toLowerCase(Locale.ROOT);
    return brands.contains(f) || brands.contains("@" + f) || brands.contains(l) || brands.contains("@" + l);
  }

  private static Mac mac(String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      byte[] k = (key == null ? "" : key).getBytes(StandardCharsets.UTF_8);
      // HMAC accepts any key length; an empty key is padded like any short one, but SecretKeySpec refuses it.
      mac.init(new SecretKeySpec(k.length == 0 ? new byte[1] : k, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static String hash(Mac mac, String handle) {
    byte[] d = mac.doFinal(handle.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    StringBuilder sb = new StringBuilder(8);
    for (int i = 0; i < 4; i++) sb.append(String.format(Locale.ROOT, "%02x", d[i] & 0xff));
    return sb.toString();
  }
}
