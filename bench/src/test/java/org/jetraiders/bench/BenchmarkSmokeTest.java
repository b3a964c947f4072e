package org.jetraiders.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * CI smoke: every benchmark in the generated BenchmarkList runs once, in this JVM, with the smallest
 * parameters and a 200 ms measurement, and produces a result. It checks that the benchmarks still
 * compile, set up, run and tear down against the current engine; it asserts nothing about timings.
 */
class BenchmarkSmokeTest {

    @Test
    void shouldRunEveryBenchmarkOnceWithSmallestParams() throws RunnerException {
        Set<String> expected = new TreeSet<>();
        for (BenchmarkListEntry e : BenchmarkList.defaultList()
                .getAll(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), java.util.List.of())) {
            expected.add(e.getUsername());
        }
        assertFalse(expected.isEmpty(), "no benchmarks in META-INF/BenchmarkList: is the JMH annotation processor configured?");

        Options options = new OptionsBuilder()
                .include("org\\.jetraiders\\.bench\\..*")
                .forks(0) // in this JVM: the surefire class path is all it needs
                .threads(1)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .param("size", "16x200")     // TickBenchmark, SnapshotCodecBenchmark
                .param("hitTest", "grid", "naive")
                .param("clients", "16")      // PipelineLatencyBenchmark
                .param("impl", "disruptor", "queues")
                .param("codec", "json", "gson", "binary-quantized", "binary-events", "binary-delta") // SnapshotCodecBenchmark
                .param("decoder", "parser", "gson", "binary")  // ClientInputDecodeBenchmark
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, Integer> runs = new TreeMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            Result<?> primary = r.getPrimaryResult();
            assertTrue(primary.getSampleCount() > 0, name + " " + r.getParams() + " produced no samples");
            assertFalse(Double.isNaN(primary.getScore()), name + " " + r.getParams() + " scored NaN");
            runs.merge(name, 1, Integer::sum);
        }
        assertEquals(expected, runs.keySet(), "benchmarks that produced a result");
    }
}
