package io.megaphone.cli;

import io.megaphone.generate.GeneratorOptions;
import java.util.Iterator;

/** The formats the generator writes, for picocli's ${COMPLETION-CANDIDATES} in --help. */
final class GeneratedFormatNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return GeneratorOptions.FORMATS.iterator();
  }
}
