package io.megaphone.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A block's posts as Graph API threads: each root (a post replying to nothing) with its top-level comments (direct
 * replies to it), and under each top-level comment every deeper reply of its subtree, flattened in emission order,
 * as Facebook and Instagram list comment replies (two levels; a reply names the comment it answers). A parent
 * always comes before its replies in a block (events are emitted in order and cut only at their end).
 */
final class Threads {
  final List<SyntheticPost> roots = new ArrayList<>();
  private final Map<Long, List<SyntheticPost>> topComments = new HashMap<>();
  private final Map<Long, List<SyntheticPost>> replies = new HashMap<>();
  private final Map<Long, SyntheticPost> rootOf = new HashMap<>();

  Threads(List<SyntheticPost> block) {
    Map<Long, SyntheticPost> topOf = new HashMap<>();
    for (SyntheticPost p : block) {
      if (p.parent == null) {
        roots.add(p);
        rootOf.put(p.id, p);
        continue;
      }
      SyntheticPost root = rootOf.get(p.parent.id);
      if (root == null) throw new IllegalStateException("post " + p.id + " answers " + p.parent.id + ", not in its block");
      rootOf.put(p.id, root);
      if (p.parent == root) {
        topComments.computeIfAbsent(root.id, k -> new ArrayList<>()).add(p);
        topOf.put(p.id, p);
      } else {
        SyntheticPost top = topOf.get(p.parent.id);
        topOf.put(p.id, top);
        replies.computeIfAbsent(top.id, k -> new ArrayList<>()).add(p);
      }
    }
  }

  List<SyntheticPost> comments(SyntheticPost root) {
    return topComments.getOrDefault(root.id, List.of());
  }

  List<SyntheticPost> replies(SyntheticPost topComment) {
    return replies.getOrDefault(topComment.id, List.of());
  }

  SyntheticPost root(SyntheticPost p) {
    return rootOf.get(p.id);
  }
}
