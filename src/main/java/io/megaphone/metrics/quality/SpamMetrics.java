package io.megaphone.metrics.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link SpamModel} was trained on and how well it did, as written to its {@code metadata.json}.
 *
 * @param version model version, like {@code spam-uci-1}: the bundled data, pipeline and settings; a new version
 *     means scores are not comparable with the previous one
 * @param data the training data set, in words
 * @param dataFrom first comment date of the training data ({@code yyyy-MM-dd}, UTC as given by the data)
 * @param dataTo last comment date of the training data
 * @param trainedAt instant the model was trained (ISO-8601)
 * @param trainingSize labelled comments the final model was trained on
 * @param trainingSpam of which spam
 * @param crossValidation how the folds were made ({@code leave-one-video-out})
 * @param folds one entry per fold, in video order
 * @param meanAuc mean of the folds' ROC AUC (unweighted)
 * @param features the feature pipeline, in words
 * @param classifier the classifier and its settings, in words
 * @param trainingSeconds wall time of cross-validation plus final training
 */
public record SpamMetrics(
    String version,
    String data,
    String dataFrom,
    String dataTo,
    String trainedAt,
    long trainingSize,
    long trainingSpam,
    String crossValidation,
    List<Fold> folds,
    double meanAuc,
    String features,
    String classifier,
    double trainingSeconds) {

  public SpamMetrics {
    folds = List.copyOf(folds);
  }

  /**
   * One cross-validation fold: the model trained on the other videos, evaluated on this one.
   *
   * @param video held-out video (the CSV file name without extension)
   * @param size comments of that video
   * @param spam of which spam
   * @param auc area under the ROC curve of P(spam) on that video
   * @param textsSeenInTraining comments of that video whose exact text (trimmed, lower-cased) also occurs in the
   *     training videos: copy-pasted comments cross videos, which flatters leave-one-video-out a little
   */
  public record Fold(String video, long size, long spam, double auc, long textsSeenInTraining) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The metadata.json text (pretty-printed, stable key order). */
  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("model_version", version);
    o.put("data", data);
    o.put("data_from", dataFrom);
    o.put("data_to", dataTo);
    o.put("trained_at", trainedAt);
    o.put("training_size", trainingSize);
    o.put("training_spam", trainingSpam);
    o.put("cross_validation", crossValidation);
    ArrayNode fs = o.putArray("folds");
    for (Fold f : folds) {
      ObjectNode n = fs.addObject();
      n.put("video", f.video());
      n.put("size", f.size());
      n.put("spam", f.spam());
      n.put("auc", f.auc());
      n.put("texts_seen_in_training", f.textsSeenInTraining());
    }
    o.put("mean_auc", meanAuc);
    o.put("features", features);
    o.put("classifier", classifier);
    o.put("training_seconds", trainingSeconds);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses a metadata.json text; {@code where} names it in the one-line error. */
  public static SpamMetrics fromJson(String json, String where) {
    try {
      JsonNode o = JSON.readTree(json);
      List<Fold> folds = new ArrayList<>();
      for (JsonNode n : required(o, "folds", where)) {
        folds.add(new Fold(required(n, "video", where).asText(), required(n, "size", where).asLong(),
            required(n, "spam", where).asLong(), required(n, "auc", where).asDouble(),
            n.path("texts_seen_in_training").asLong(0)));
      }
      return new SpamMetrics(
          required(o, "model_version", where).asText(),
          o.path("data").asText(""),
          o.path("data_from").asText(""),
          o.path("data_to").asText(""),
          o.path("trained_at").asText(""),
          required(o, "training_size", where).asLong(),
          o.path("training_spam").asLong(0),
          o.path("cross_validation").asText(""),
          folds,
          required(o, "mean_auc", where).asDouble(),
          o.path("features").asText(""),
          o.path("classifier").asText(""),
          o.path("training_seconds").asDouble(0));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(where + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  private static JsonNode required(JsonNode o, String field, String where) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) throw new IllegalArgumentException(where + ": field '" + field + "' is missing");
    return n;
  }
}
