package io.megaphone.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Megaphone on a real Spark standalone cluster (issue 7), driven as an analyst drives it, through the launchers:
 * {@code jobs/local-cluster start} (one Master and two Workers, separate JVMs, on 127.0.0.1), {@code jobs/submit run
 * ... -- --master spark://127.0.0.1:PORT} (Spark's SparkSubmit class, client mode, driver at -Xmx1g), and
 * {@code jobs/run-local run} for the embedded reference. Every metrics CSV of the cluster run must equal the
 * embedded run's byte for byte — also when a Worker is killed (SIGKILL, by its process id) while the job runs.
 *
 * <p>Run by failsafe after {@code package} (the launchers need target/megaphone.jar): {@code mvn verify}. Ports are
 * picked free, so a cluster of one's own on 7077 does not interfere.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
  static final Path ROOT = Path.of("").toAbsolutePath();
  static final Duration JOB_TIMEOUT = Duration.ofMinutes(12);
  static Path work;
  static Path home;
  static Path generated;
  static Path embedded;
  static int masterPort;
  static int uiPort;

  @BeforeAll
  static void startClusterAndRunEmbedded() throws Exception {
    work = Files.createDirectories(ROOT.resolve("target/it-work"));
    home = ROOT.resolve("target/it-cluster");
    generated = work.resolve("gen");
    // several platforms, brands, replies, duplicates and flags: every metric family has rows to compare
    run("generate", work.resolve("generate.log"), "jobs/run-local", "generate", "--posts", "12000", "--format",
        "canonical", "--seed", "7", "--posts-per-file", "3000", "--out", generated.toString(), "--overwrite");
    embedded = work.resolve("embedded");
    run("embedded run", work.resolve("embedded.log"), "jobs/run-local", "run", "--job",
        generated.resolve("job.yaml").toString(), "--out", embedded.toString());
    masterPort = freePort();
    uiPort = freePorts(3);
    run("cluster start", work.resolve("cluster-start.log"), "jobs/local-cluster", "start");
    assertThat(home.resolve("run/master.pid")).exists();
    assertThat(home.resolve("run/worker-1.pid")).exists();
    assertThat(home.resolve("run/worker-2.pid")).exists();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (home == null) return;
    run("cluster stop", work.resolve("cluster-stop.log"), "jobs/local-cluster", "stop");
    // exactly what it started is gone: no Master, Worker or executor JVM of this cluster's home is left
    Process p = new ProcessBuilder("pgrep", "-f", home.resolve("jars").toString()).redirectErrorStream(true).start();
    String left = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor();
    assertThat(left).as("processes of the cluster left running").isEmpty();
  }

  @Test
  @Order(1)
  void submittedToTheClusterGivesTheEmbeddedMetricsByteForByte() throws Exception {
    Path out = work.resolve("cluster");
    Path log = work.resolve("cluster-run.log");
    run("cluster run", log, submitCommand(out));
    assertSameMetrics(out);
    String driverLog = Files.readString(log);
    assertThat(driverLog).contains("Report: ");
    assertThat(Files.readString(home.resolve("logs/master.log"))).contains("Registered app megaphone");
  }

  @Test
  @Order(2)
  void aWorkerKilledMidJob_jobCompletesWithTheSameMetrics() throws Exception {
    Path out = work.resolve("cluster-fault");
    Path log = work.resolve("cluster-fault.log");
    Process submit = start(log, submitCommand(out));
    long workerPid = Long.parseLong(Files.readString(home.resolve("run/worker-1.pid")).strip());
    // kill once the job is well under way: the archive is written and the metrics are being computed
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    while (!Files.readString(log).contains("[analyze] responsiveness ...")) {
      assertThat(submit.isAlive()).as("the job ended before the worker could be killed; see " + log).isTrue();
      assertThat(System.nanoTime()).as("job did not reach analyze").isLessThan(deadline);
      Thread.sleep(200);
    }
    ProcessHandle worker = ProcessHandle.of(workerPid).orElseThrow();
    assertThat(worker.info().commandLine().orElse("")).contains("org.apache.spark.deploy.worker.Worker");
    assertThat(worker.destroyForcibly()).isTrue(); // SIGKILL: no goodbye to the master or the driver
    worker.onExit().get(30, TimeUnit.SECONDS);
    System.out.println("killed worker-1 (pid " + workerPid + ") during analyze");
    assertThat(submit.waitFor(JOB_TIMEOUT.toMinutes(), TimeUnit.MINUTES)).as("job finished").isTrue();
    assertThat(submit.exitValue()).as("exit code of jobs/submit; see " + log).isZero();
    assertSameMetrics(out);
    // the loss was felt: tasks or executors were lost and redone
    assertThat(Files.readString(log)).containsAnyOf("Lost executor", "Lost task", "ExecutorLostFailure",
        "Executor lost", "Removed executor");
  }

  private static String[] submitCommand(Path out) {
    return new String[] {"jobs/submit", "run", "--job", generated.resolve("job.yaml").toString(), "--out",
        out.toString(), "--set", "spark.shuffle-partitions=16", "--", "--master", "spark://127.0.0.1:" + masterPort,
        "--driver-memory", "1g", "--executor-memory", "1g", "--conf", "spark.ui.enabled=false"};
  }

  /** Every metrics CSV of the embedded run, and only those, with the same bytes. */
  private static void assertSameMetrics(Path out) throws IOException {
    Map<String, String> expected = csvs(embedded.resolve("metrics"));
    Map<String, String> actual = csvs(out.resolve("metrics"));
    assertThat(expected).containsKeys("ingest_summary.csv", "responsiveness.csv", "duplication.csv", "quality.csv");
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (String name : expected.keySet()) {
      assertThat(actual.get(name)).as(name + ": cluster vs embedded").isEqualTo(expected.get(name));
    }
    System.out.println(out + ": " + expected.size() + " metrics CSVs equal to the embedded run's");
  }

  private static Map<String, String> csvs(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        m.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    return m;
  }

  private static Process start(Path log, String... command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Map<String, String> env = pb.environment();
    env.put("MEGAPHONE_CLUSTER_HOME", home.toString());
    env.put("MEGAPHONE_CLUSTER_PORT", Integer.toString(masterPort));
    env.put("MEGAPHONE_CLUSTER_UI_PORT", Integer.toString(uiPort));
    env.put("WORKER_CORES", "1");
    env.put("WORKER_MEMORY", "1536m");
    env.putIfAbsent("MEGAPHONE_JAVA_OPTS", "-Xmx2g");
    return pb.start();
  }

  private static void run(String what, Path log, String... command) throws Exception {
    long t0 = System.nanoTime();
    Process p = start(log, command);
    boolean done = p.waitFor(JOB_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
    if (!done) p.destroyForcibly();
    String output = Files.readString(log);
    assertThat(done && p.exitValue() == 0).as(what + " (" + String.join(" ", command) + ") failed; output:\n"
        + tail(output)).isTrue();
    System.out.printf("%s: %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
  }

  private static String tail(String s) {
    List<String> lines = new ArrayList<>(s.lines().toList());
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The first of {@code n} consecutive free ports. */
  private static int freePorts(int n) throws IOException {
    for (int base = 18080 + (int) (ProcessHandle.current().pid() % 1000) * 3; base < 60000; base += n) {
      boolean free = true;
      for (int i = 0; i < n && free; i++) {
        try (ServerSocket s = new ServerSocket(base + i)) {
          s.setReuseAddress(true);
        } catch (IOException e) {
          free = false;
        }
      }
      if (free) return base;
    }
    throw new IOException("no " + n + " consecutive free ports");
  }
}
