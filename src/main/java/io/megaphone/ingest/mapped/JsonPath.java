package io.megaphone.ingest.mapped;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A small path into a JSON value: names separated by dots, each optionally followed by {@code [n]} (an
 * element) or {@code [*]} (every element), e.g. {@code user.screen_name}, {@code a.b[0].c},
 * {@code entities.hashtags[*].tag}; a leading {@code $.} is allowed. A key that holds a dot itself is found
 * too: a record's own key equal to the whole path wins over the path.
 */
final class JsonPath implements Serializable {
  private final String text;
  /** Steps: a String is a field, an Integer an index, null every element; null list when the text is no path. */
  private final List<Object> steps;

  JsonPath(String text) {
    this.text = text;
    this.steps = parse(text);
  }

  private static List<Object> parse(String text) {
    String s = text.startsWith("$.") ? text.substring(2) : text.startsWith("$[") ? text.substring(1) : text;
    List<Object> steps = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      if (s.charAt(i) == '[') {
        int close = s.indexOf(']', i);
        if (close < 0) return null;
        String inside = s.substring(i + 1, close).trim();
        if (inside.equals("*")) {
          steps.add(null);
        } else {
          try {
            steps.add(Integer.parseInt(inside));
          } catch (NumberFormatException e) {
            return null;
          }
        }
        i = close + 1;
        if (i < n && s.charAt(i) == '.') i++;
        continue;
      }
      int end = i;
      while (end < n && s.charAt(end) != '.' && s.charAt(end) != '[') end++;
      if (end == i) return null;
      steps.add(s.substring(i, end));
      i = end;
      if (i < n && s.charAt(i) == '.') {
        i++;
        if (i == n) return null;
      }
    }
    return steps.isEmpty() ? null : steps;
  }

  /** The nodes the path reaches (several through {@code [*]}), JSON nulls left out. */
  List<JsonNode> find(JsonNode root) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode whole = root.isObject() ? root.get(text) : null;
    if (whole != null) {
      if (!whole.isNull()) out.add(whole);
      return out;
    }
    if (steps == null) return out;
    walk(root, 0, out);
    return out;
  }

  private void walk(JsonNode node, int step, List<JsonNode> out) {
    if (node == null || node.isNull() || node.isMissingNode()) return;
    if (step == steps.size()) {
      out.add(node);
      return;
    }
    Object s = steps.get(step);
    if (s instanceof String f) {
      walk(node.get(f), step + 1, out);
    } else if (s instanceof Integer idx) {
      if (node.isArray()) walk(node.get(idx < 0 ? node.size() + idx : idx), step + 1, out);
    } else if (node.isArray()) {
      for (JsonNode e : node) walk(e, step + 1, out);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
