package io.megaphone.ingest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Shared Jackson setup and small helpers for reading optional fields of untrusted JSON. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

  static {
    MAPPER.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxStringLength(200_000_000).maxNestingDepth(200).build());
  }

  private Json() {}

  /** Text of a scalar field (numbers as written), null when absent, null or not a scalar. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) return null;
    return v.asText();
  }

  public static String path(JsonNode node, String... fields) {
    JsonNode cur = node;
    for (int i = 0; i < fields.length - 1 && cur != null; i++) cur = cur.get(fields[i]);
    return text(cur, fields[fields.length - 1]);
  }

  /** A counter: a number or numeric text; null otherwise. */
  public static Long count(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) return null;
    if (v.isIntegralNumber()) return v.asLong();
    if (v.isNumber()) return (long) v.asDouble();
    if (v.isTextual() && v.asText().trim().matches("-?\\d+")) return Long.parseLong(v.asText().trim());
    return null;
  }

  /** Strings of an array field, or of a given field of each object in it; null when the field is absent. */
  public static List<String> strings(JsonNode node, String field, String innerField) {
    JsonNode arr = node == null ? null : node.get(field);
    if (arr == null || arr.isNull() || !arr.isArray()) return null;
    List<String> out = new ArrayList<>();
    for (JsonNode e : arr) {
      String s = innerField == null ? (e.isValueNode() ? e.asText() : null) : text(e, innerField);
      if (s != null && !s.isEmpty() && !out.contains(s)) out.add(s);
    }
    return out;
  }
}
