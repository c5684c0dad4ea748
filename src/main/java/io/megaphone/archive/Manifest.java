package io.megaphone.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code manifest.json}: what ran, on what, with which parameters, and what came out — enough to reproduce
 * and cite a run. Each stage adds its own section under {@code stages}.
 */
public final class Manifest {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root;

  private Manifest(ObjectNode root) {
    this.root = root;
  }

  public static Manifest empty() {
    return new Manifest(MAPPER.createObjectNode());
  }

  public static Manifest loadOrEmpty(OutputLayout out) {
    if (!out.exists(out.manifest())) return empty();
    try {
      return new Manifest((ObjectNode) MAPPER.readTree(out.readText(out.manifest())));
    } catch (IOException | ClassCastException e) {
      return empty();
    }
  }

  public ObjectNode root() {
    return root;
  }

  public ObjectNode section(String name) {
    return root.has(name) && root.get(name).isObject() ? (ObjectNode) root.get(name) : root.putObject(name);
  }

  public ObjectNode stage(String name) {
    ObjectNode stages = section("stages");
    ObjectNode s = MAPPER.createObjectNode();
    stages.set(name, s);
    return s;
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public void save(OutputLayout out) {
    try {
      out.writeText(out.manifest(), MAPPER.writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
