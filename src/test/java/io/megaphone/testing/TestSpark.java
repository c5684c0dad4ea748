package io.megaphone.testing;

import io.megaphone.spark.Progress;
import io.megaphone.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;

/** One embedded Spark session for the whole test JVM (starting one costs seconds). */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      System.setProperty("java.awt.headless", "true");
      Progress.setQuiet(true);
      session = SparkSessions.getOrCreate("megaphone-tests", 4);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> session.stop()));
    }
    return session;
  }
}
