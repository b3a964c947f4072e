package org.jetraiders.server.it.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jetraiders.server.ServerMain;

/**
 * The server as its users run it: a separate JVM through {@link ServerMain} (on the test class path),
 * with the ports it bound read from its start-up banner. Its output is drained all along, so the
 * child never blocks on a full pipe.
 */
public final class ServerProcess implements AutoCloseable {
    /** Far above any graceful stop on a loaded machine: only a server that hangs runs into it. */
    public static final long EXIT_HANG_TIMEOUT_SECONDS = 60;
    private static final Pattern WS_URL = Pattern.compile("Game WebSocket:\\s+ws://127\\.0\\.0\\.1:(\\d+)/ws");
    private static final Pattern HTTP_URL = Pattern.compile("Lobbies:\\s+http://127\\.0\\.0\\.1:(\\d+)/lobbies");

    /** Lines kept of the server's output, from its start: enough for the start-up, not a long run's log. */
    private static final int KEPT_LINES = 500;

    private final Process process;
    private final Thread reader;
    private final List<String> output;
    private final int webSocketPort;
    private final int httpPort;

    private ServerProcess(Process process, Thread reader, List<String> output, int webSocketPort, int httpPort) {
        this.process = process;
        this.reader = reader;
        this.output = output;
        this.webSocketPort = webSocketPort;
        this.httpPort = httpPort;
    }

    /** Starts it with these flags and extra environment variables, and waits (30 s at most) for its banner. */
    public static ServerProcess start(List<String> args, Map<String, String> environment) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServerMain.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JR_DATA_DIR", ServerFixture.dataDir().toString()); // the caller's may replace it
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            CompletableFuture<Integer> ws = new CompletableFuture<>();
            CompletableFuture<Integer> http = new CompletableFuture<>();
            List<String> output = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> drain(process, output, ws, http), "server-output");
            reader.setDaemon(true);
            reader.start();
            try {
                return new ServerProcess(process, reader, output, ws.get(30, TimeUnit.SECONDS), http.get(30, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the server did not start: " + e.getMessage() + "; its output:\n"
                        + String.join("\n", output), e);
            }
        } catch (Exception | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static void drain(Process process, List<String> output, CompletableFuture<Integer> ws,
                              CompletableFuture<Integer> http) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (output.size() < KEPT_LINES) {
                    output.add(line);
                }
                complete(WS_URL.matcher(line), ws);
                complete(HTTP_URL.matcher(line), http);
            }
        } catch (Exception e) {
            ws.completeExceptionally(e);
            http.completeExceptionally(e);
        }
        IllegalStateException exited = new IllegalStateException("server exited without printing its URLs");
        ws.completeExceptionally(exited);
        http.completeExceptionally(exited);
    }

    private static void complete(Matcher m, CompletableFuture<Integer> port) {
        if (m.find()) {
            port.complete(Integer.parseInt(m.group(1)));
        }
    }

    /** The server's output so far (its first lines; every start-up line is in by the time start returns). */
    public List<String> output() {
        return List.copyOf(output);
    }

    public int webSocketPort() {
        return webSocketPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** SIGTERM (on Linux), then waits for the exit; the exit code, or throws if it hangs. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(EXIT_HANG_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the server must exit after SIGTERM (still running after "
                    + EXIT_HANG_TIMEOUT_SECONDS + " s)");
        }
        return process.exitValue();
    }

    /**
     * SIGKILL (as {@code kill -9}: no shutdown hook, nothing flushed), then waits for the exit and the
     * end of its output, so no thread of this process outlives the call (ThreadModelIT counts threads).
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(EXIT_HANG_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the server must die on SIGKILL");
        }
        reader.join(TimeUnit.SECONDS.toMillis(EXIT_HANG_TIMEOUT_SECONDS));
    }

    /** Kills it if it still runs, and waits as {@link #kill()} does. */
    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
