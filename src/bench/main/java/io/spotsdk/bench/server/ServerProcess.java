package io.spotsdk.bench.server;

import io.spotsdk.bench.Fixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stand-in server in its own JVM, started from this JVM's classpath, so its CPU is never counted as the
 * client's. Closing it (or this JVM dying, which closes the server's stdin) stops it.
 */
public final class ServerProcess implements AutoCloseable {
  public static final List<String> JVM_FLAGS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseParallelGC",
      "-Dsun.net.httpserver.nodelay=true");

  private final Process process;
  private final int restPort;
  private final int wsPort;
  private final HttpClient control = HttpClient.newHttpClient();

  private ServerProcess(Process process, int restPort, int wsPort) {
    this.process = process;
    this.restPort = restPort;
    this.wsPort = wsPort;
  }

  public static ServerProcess start() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(JVM_FLAGS);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(StandInServer.class.getName());
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("READY ")) {
      p.destroyForcibly();
      throw new IOException("the stand-in server did not start: " + line);
    }
    String[] parts = line.split(" ");
    return new ServerProcess(p, Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
  }

  public String restBase() {
    return "http://127.0.0.1:" + restPort;
  }

  public String wsUri() {
    return "ws://127.0.0.1:" + wsPort + "/ws-api/v3";
  }

  public long pid() {
    return process.pid();
  }

  /** The last request the server saw of one kind: time, order, ws.time or ws.order.place. */
  public Recorded last(String what) throws IOException, InterruptedException {
    HttpResponse<String> r = control.send(HttpRequest.newBuilder(URI.create(restBase() + "/bench/last?what=" + what))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.body().isEmpty()) {
      throw new IllegalStateException("the server saw no " + what + " request");
    }
    return Recorded.fromText(r.body());
  }

  /** Server CPU time so far, from its own process (for the report: was the server busy?). */
  public Duration cpu() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(3, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
    }
  }

  /** For a look by hand: {@code java -cp bench.jar ...ServerProcess} prints the ports. */
  public static void main(String[] args) throws Exception {
    try (ServerProcess s = start()) {
      System.out.println(s.restBase() + " " + s.wsUri() + " key " + Fixture.API_KEY);
      Thread.sleep(Long.parseLong(args.length > 0 ? args[0] : "60000"));
    }
  }
}
