package org.jetraiders.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command-line entry point of the WebSocket load generator:
 * {@code java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --help}.
 * {@link #run(Options)} is the programmatic entry point used by tests.
 */
public final class LoadTest {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    private LoadTest() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /**
     * Parses {@code args}, runs, prints the table and the JSON summary to {@code out}, progress and
     * problems to {@code err}; returns the process exit status.
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.HelpRequested e) {
            out.println(Options.usage());
            return EXIT_OK;
        } catch (Options.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("run with --help for the options");
            return EXIT_USAGE;
        }
        Summary summary;
        try {
            summary = new LoadRun(options, err).execute();
        } catch (Options.UsageException e) {
            err.println("error: " + e.getMessage());
            return EXIT_USAGE;
        } catch (RunFailedException e) {
            err.println("load test failed: " + e.getMessage());
            return EXIT_FAILED;
        }
        String json = ReportWriter.json(summary);
        out.println();
        out.print(ReportWriter.table(summary));
        out.println(ReportWriter.JSON_MARKER);
        out.println(json);
        out.flush();
        Long refusedLobbies = summary.problems().errorsByCode().get("too_many_lobbies_from_address");
        if (refusedLobbies != null) {
            // every client comes from this one address; the server caps the lobbies one address creates
            err.println("note: the server refused to create a lobby " + refusedLobbies + " time(s): start it with"
                    + " --max-lobbies-per-address " + options.lobbies() + " (or more) for --lobbies " + options.lobbies());
        }
        if (options.jsonFile() != null) {
            try {
                writeJson(options.jsonFile(), json);
            } catch (IOException e) {
                err.println("error: cannot write --json " + options.jsonFile() + ": " + e);
                return EXIT_FAILED;
            }
        }
        return EXIT_OK;
    }

    /**
     * Runs a load test with progress lines on stderr.
     *
     * @throws RunFailedException when no client could connect
     * @throws Options.UsageException when --server-pid names no process
     */
    public static Summary run(Options options) {
        return run(options, System.err);
    }

    /** As {@link #run(Options)}, with the progress lines going to {@code progress}. */
    public static Summary run(Options options, PrintStream progress) {
        return new LoadRun(options, progress).execute();
    }

    /** The JSON summary of a run, as printed after the {@code --- JSON ---} marker. */
    public static String toJson(Summary summary) {
        return ReportWriter.json(summary);
    }

    private static void writeJson(Path file, String json) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, json + System.lineSeparator(), StandardCharsets.UTF_8);
    }

    /** The run could not produce meaningful results (for example, no client connected). */
    public static final class RunFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RunFailedException(String message) {
            super(message);
        }
    }
}
