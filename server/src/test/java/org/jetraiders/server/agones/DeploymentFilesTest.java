package org.jetraiders.server.agones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jetraiders.server.config.ServerConfig;
import org.jetraiders.server.config.ServerOptions;
import org.jetraiders.server.lobby.LobbyManager;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker build} and a cluster are not available to the tests, so this reads the Dockerfile and
 * deploy/agones/*.yaml and checks that they parse and agree with the server: ports, environment
 * variables (each one an option the server accepts), list and counter names and capacities, and a
 * health period the server's pings fit well inside.
 */
class DeploymentFilesTest {
    private static final Path ROOT = projectRoot();
    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");

    @Test
    void shouldBuildWithMavenAndRunTheShadedJarOnAJre17AsANonRootUserWithAnExecFormEntrypoint() throws Exception {
        List<String> instructions = dockerInstructions();
        List<String> froms = withKeyword(instructions, "FROM");
        assertEquals(2, froms.size(), "multi-stage: build, then run");
        assertTrue(froms.get(0).contains("maven") && froms.get(0).contains("17"), froms.get(0));
        assertTrue(froms.get(1).matches(".*:17-jre.*"), "a JRE 17 runtime: " + froms.get(1));

        List<String> runtime = instructions.subList(instructions.indexOf("FROM " + froms.get(1)), instructions.size());
        List<String> users = withKeyword(runtime, "USER");
        assertEquals(1, users.size());
        String user = users.get(0).split(":")[0];
        assertFalse(user.equals("root") || user.equals("0"), "runs as a non-root user: " + user);
        assertTrue(withKeyword(runtime, "COPY").stream().anyMatch(c -> c.contains("--from=build")
                && c.contains("/src/server/target/jet-raiders-server.jar")), "copies the shaded jar the server pom builds");

        List<String> entrypoints = withKeyword(runtime, "ENTRYPOINT");
        assertEquals(1, entrypoints.size());
        JsonArray exec = JsonParser.parseString(entrypoints.get(0)).getAsJsonArray(); // exec form is a JSON array
        assertEquals(List.of("java", "-jar", "/app/jet-raiders-server.jar"),
                exec.asList().stream().map(e -> e.getAsString()).toList());
    }

    @Test
    void shouldExposeTheServersPortsAndConfigureItOnlyThroughVariablesItAccepts() throws Exception {
        Map<String, String> env = dockerEnv();
        ServerConfig config = ServerOptions.parse(new String[0], env).config(); // throws on a bad value

        assertEquals("0.0.0.0", config.host(), "reachable from outside the container");
        for (String name : env.keySet()) {
            assertTrue(name.equals("JAVA_TOOL_OPTIONS") || ServerOptions.help().contains("env " + name + ","),
                    name + " is not an option of the server");
        }
        Set<Integer> exposed = new HashSet<>();
        for (String expose : withKeyword(dockerInstructions(), "EXPOSE")) {
            for (String port : expose.split("\\s+")) {
                exposed.add(Integer.parseInt(port.replace("/tcp", "")));
            }
        }
        assertEquals(Set.of(config.wsPort(), config.httpPort()), exposed);
        assertEquals(ServerConfig.defaults().wsPort(), config.wsPort());
        assertEquals(ServerConfig.defaults().httpPort(), config.httpPort());
    }

    @Test
    void shouldGiveTheImagesJvmOnlyFlagsAJdk17Accepts() throws Exception {
        String options = dockerEnv().get("JAVA_TOOL_OPTIONS");
        assertNotNull(options, "the image sets JAVA_TOOL_OPTIONS");
        List<String> flags = List.of(options.trim().split("\\s+"));
        assertTrue(flags.contains("-XX:AutoBoxCacheMax=65536"),
                "the selector's boxed descriptors come from the Integer cache: " + flags);
        // an -XX flag the JVM does not know stops it before main: the container would never start
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-version");
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jvm.waitFor(30, TimeUnit.SECONDS), "java -version did not finish");
        assertEquals(0, jvm.exitValue(), "java " + flags + " -version: " + output);
    }

    @Test
    void shouldDeclareAFleetWhosePortsListCounterAndHealthMatchTheServer() throws Exception {
        Map<String, Object> fleet = yaml("fleet.yaml");
        assertEquals("Fleet", fleet.get("kind"));
        Map<String, Object> gsSpec = map(map(map(fleet, "spec"), "template"), "spec");
        Map<String, Object> container = list(map(map(gsSpec, "template"), "spec").get("containers")).get(0);

        Map<String, String> env = new HashMap<>(dockerEnv());
        for (Map<String, Object> var : list(container.get("env"))) {
            String name = (String) var.get("name");
            assertTrue(ServerOptions.help().contains("env " + name + ","), name + " is not an option of the server");
            env.put(name, String.valueOf(var.get("value")));
        }
        ServerConfig config = ServerOptions.parse(new String[0], env).config();
        assertTrue(config.agones().enabled(), "the fleet turns Agones on");

        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Map<String, Object> port : list(gsSpec.get("ports"))) {
            ports.put((String) port.get("name"), (Integer) port.get("containerPort"));
            assertEquals("TCP", port.get("protocol"));
        }
        assertEquals(Map.of("game", config.wsPort(), "http", config.httpPort()), ports);

        Map<String, Object> lobbies = map(map(gsSpec, "lists"), AgonesSettings.LOBBIES_LIST);
        assertEquals(Math.min(config.maxLobbies(), AgonesAgent.MAX_LIST_CAPACITY), lobbies.get("capacity"),
                "lobbies list capacity = max-lobbies");
        Map<String, Object> players = map(map(gsSpec, "counters"), AgonesSettings.PLAYERS_COUNTER);
        assertEquals(Math.min(config.maxLobbies() * config.maxPlayersPerLobby(), config.maxConnections()),
                players.get("capacity"), "players counter capacity as the server sets it");

        Map<String, Object> health = map(gsSpec, "health");
        assertEquals(false, health.get("disabled"));
        long periodMillis = 1000L * (Integer) health.get("periodSeconds");
        assertTrue(config.agones().healthPeriod().toMillis() * 2 <= periodMillis,
                "pings every " + config.agones().healthPeriod().toMillis() + " ms, well inside the " + periodMillis + " ms period");
        assertTrue((Integer) health.get("failureThreshold") >= 1);
    }

    @Test
    void shouldAutoscaleTheFleetOnFreeLobbySlots() throws Exception {
        String fleetName = (String) map(yaml("fleet.yaml"), "metadata").get("name");
        Map<String, Object> autoscaler = yaml("fleetautoscaler.yaml");
        assertEquals("FleetAutoscaler", autoscaler.get("kind"));
        Map<String, Object> spec = map(autoscaler, "spec");
        assertEquals(fleetName, spec.get("fleetName"));
        Map<String, Object> policy = map(spec, "policy");
        assertEquals("List", policy.get("type"));
        Map<String, Object> list = map(policy, "list");
        assertEquals(AgonesSettings.LOBBIES_LIST, list.get("key"));
        int buffer = (Integer) list.get("bufferSize");
        int min = (Integer) list.get("minCapacity");
        int max = (Integer) list.get("maxCapacity");
        assertTrue(buffer > 0 && buffer <= min && min <= max, "Agones' rules: 0 < bufferSize <= minCapacity <= maxCapacity");
    }

    @Test
    void shouldAllocateAPackedServerWithAFreeLobbySlotAndAddAValidLobbyId() throws Exception {
        String fleetName = (String) map(yaml("fleet.yaml"), "metadata").get("name");
        Map<String, Object> allocation = yaml("allocation.yaml");
        assertEquals("GameServerAllocation", allocation.get("kind"));
        Map<String, Object> spec = map(allocation, "spec");
        assertEquals("Packed", spec.get("scheduling"));
        List<Map<String, Object>> selectors = list(spec.get("selectors"));
        assertEquals(List.of("Allocated", "Ready"), selectors.stream().map(s -> s.get("gameServerState")).toList(),
                "an already allocated server first, then a fresh one");
        for (Map<String, Object> selector : selectors) {
            assertEquals(fleetName, map(selector, "matchLabels").get("agones.dev/fleet"));
            assertEquals(1, map(map(selector, "lists"), AgonesSettings.LOBBIES_LIST).get("minAvailable"));
        }
        List<Object> added = listOf(map(map(spec, "lists"), AgonesSettings.LOBBIES_LIST).get("addValues"));
        assertEquals(1, added.size());
        assertTrue(LobbyManager.isValidName((String) added.get(0)), "the server can open lobby " + added.get(0));
    }

    // ---- reading the files

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("Dockerfile"))) {
            dir = dir.getParent();
        }
        assertNotNull(dir, "no Dockerfile above " + Path.of("").toAbsolutePath());
        return dir;
    }

    /** The Dockerfile's instructions, comments dropped and continuation lines joined. */
    private static List<String> dockerInstructions() throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(ROOT.resolve("Dockerfile"))) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            instructions.add(current.append(trimmed).toString().replaceAll("\\s+", " "));
            current.setLength(0);
        }
        return instructions;
    }

    private static List<String> withKeyword(List<String> instructions, String keyword) {
        List<String> args = new ArrayList<>();
        for (String instruction : instructions) {
            if (instruction.startsWith(keyword + " ")) {
                args.add(instruction.substring(keyword.length() + 1).strip());
            }
        }
        return args;
    }

    private static Map<String, String> dockerEnv() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String args : withKeyword(dockerInstructions(), "ENV")) {
            Matcher m = ENV_PAIR.matcher(args);
            while (m.find()) {
                env.put(m.group(1), m.group(2).replace("\"", ""));
            }
        }
        assertFalse(env.isEmpty());
        return env;
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        try (var in = Files.newInputStream(ROOT.resolve("deploy/agones").resolve(file))) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof Map, key + " is not a mapping: " + value);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        assertTrue(value instanceof List, "not a list: " + value);
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Object value) {
        assertTrue(value instanceof List, "not a list: " + value);
        return (List<Object>) value;
    }
}
