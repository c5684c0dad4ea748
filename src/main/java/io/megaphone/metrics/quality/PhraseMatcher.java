package io.megaphone.metrics.quality;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * All lexicon entries compiled into one token trie: a post is matched in one pass over its tokens (at each
 * position the trie is walked as far as the tokens allow), whatever the number of entries. Each entry carries a
 * bit; {@link #match} returns the OR of the bits of every entry found in the post.
 *
 * <p>Entry syntax (see lexicons/README.md): tokens separated by spaces, cut and normalised like post texts;
 * {@code -} alone is the minus sign before a number; {@code <num>} matches any number; {@code word*} matches any word starting with {@code word} (at least 3
 * characters before the star); {@code ...} skips 1 to 3 tokens (not first, not last). An entry starting with
 * {@code !} is an exclusion: where it matches, it cancels the matches of its bit that start at the same token
 * ({@code !$ <num> million} keeps {@code $ <num>} from flagging "$7.95 million").
 */
final class PhraseMatcher implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int MAX_GAP = 3;

  private static final class Node implements Serializable {
    private static final long serialVersionUID = 1L;
    HashMap<String, Node> exact;
    Node num;
    Node gap;
    /** the {@code word*} entries continuing here; few, so scanned (after a check of the token's first letter) */
    Prefix[] prefixes;
    /** bit (c % 64) set for the first char c of every prefix */
    long prefixFirst;
    long mask;
    /** bits of the exclusion entries ending here */
    long notMask;
  }

  private record Prefix(String prefix, Node node) implements Serializable {}

  private final Node root = new Node();

  /**
   * Adds one entry; throws IllegalArgumentException (one line, without the file name) when it is malformed.
   */
  void add(String entry, long bit) {
    Node node = root;
    String e = entry.trim();
    boolean exclusion = e.startsWith("!");
    if (exclusion) e = e.substring(1).trim();
    String[] chunks = e.split("\\s+");
    int tokens = 0;
    boolean lastGap = false;
    for (String chunk : chunks) {
      if (chunk.isEmpty()) continue;
      if (chunk.equals("...")) {
        if (tokens == 0) throw new IllegalArgumentException("'...' cannot start an entry");
        if (lastGap) throw new IllegalArgumentException("two '...' in a row");
        if (node.gap == null) node.gap = new Node();
        node = node.gap;
        lastGap = true;
        continue;
      }
      lastGap = false;
      if (chunk.equalsIgnoreCase("<num>")) {
        if (node.num == null) node.num = new Node();
        node = node.num;
        tokens++;
        continue;
      }
      if (chunk.endsWith("*")) {
        String prefix = PostText.normalise(chunk.substring(0, chunk.length() - 1));
        if (prefix.length() < 3 || !prefix.codePoints().allMatch(Character::isLetterOrDigit)) {
          throw new IllegalArgumentException("a prefix 'word*' needs at least 3 letters or digits before the star: '"
              + chunk + "'");
        }
        if (node.prefixes == null) node.prefixes = new Prefix[0];
        Node next = null;
        for (Prefix p : node.prefixes) if (p.prefix.equals(prefix)) next = p.node;
        if (next == null) {
          next = new Node();
          node.prefixes = Arrays.copyOf(node.prefixes, node.prefixes.length + 1);
          node.prefixes[node.prefixes.length - 1] = new Prefix(prefix, next);
          node.prefixFirst |= 1L << (prefix.charAt(0) & 63);
        }
        node = next;
        tokens++;
        continue;
      }
      // "-" alone is the minus of a discount ("- <num> %"), a token only before a number in a text
      List<String> toks = chunk.equals("-") || chunk.equals("\u2212") ? List.of("-") : PostText.of(chunk).tokens;
      for (String tok : toks) {
        if (node.exact == null) node.exact = new HashMap<>();
        node = node.exact.computeIfAbsent(tok, k -> new Node());
        tokens++;
      }
    }
    if (tokens == 0) throw new IllegalArgumentException("entry '" + entry.trim() + "' has no word, number or symbol");
    if (lastGap) throw new IllegalArgumentException("'...' cannot end an entry");
    if (exclusion) {
      node.notMask |= bit;
    } else {
      node.mask |= bit;
    }
  }

  /** OR of the bits of all entries found in the post's tokens, less those cancelled by exclusions. */
  long match(PostText t) {
    long m = 0;
    List<String> tokens = t.tokens;
    long[] found = new long[2];
    for (int i = 0; i < tokens.size(); i++) {
      found[0] = 0;
      found[1] = 0;
      walk(root, tokens, i, found);
      m |= found[0] & ~found[1];
    }
    return m;
  }

  /** Adds to found[0] the bits of entries, to found[1] those of exclusions, matching from {@code pos}. */
  private static void walk(Node node, List<String> tokens, int pos, long[] found) {
    if (pos >= tokens.size()) return;
    String tok = tokens.get(pos);
    if (node.exact != null) {
      Node c = node.exact.get(tok);
      if (c != null) step(c, tokens, pos, found);
    }
    if (node.num != null && PostText.isNumber(tok)) step(node.num, tokens, pos, found);
    if (node.prefixes != null && tok.length() >= 3 && (node.prefixFirst & (1L << (tok.charAt(0) & 63))) != 0) {
      for (Prefix p : node.prefixes) if (tok.startsWith(p.prefix)) step(p.node, tokens, pos, found);
    }
    if (node.gap != null) {
      for (int k = 1; k <= MAX_GAP && pos + k < tokens.size(); k++) walk(node.gap, tokens, pos + k, found);
    }
  }

  private static void step(Node next, List<String> tokens, int pos, long[] found) {
    found[0] |= next.mask;
    found[1] |= next.notMask;
    walk(next, tokens, pos + 1, found);
  }
}
