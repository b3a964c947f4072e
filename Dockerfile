# Jet Raiders Server image: built from source, run as a non-root user on a JRE 17.
#   docker build -t jet-raiders-server .
#   docker run --rm -p 3001:3001 -p 3000:3000 jet-raiders-server --bots 4
# Configuration: the JR_* environment variables (or flags after the image name); `--help` lists them.
# On Agones (deploy/agones/fleet.yaml) JR_AGONES=true is set by the fleet. See docs/DEPLOY.md.

# ---- build: the shaded server jar
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# poms first, so that a change of source alone reuses the dependency download layer
COPY pom.xml ./
COPY engine/pom.xml engine/
COPY server/pom.xml server/
COPY bench/pom.xml bench/
COPY engine/src engine/src
COPY server/src server/src
RUN mvn -B -q -pl server -am package -DskipTests

# ---- run: JRE only
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 jetraiders \
 && useradd --system --uid 10001 --gid jetraiders --no-create-home --shell /usr/sbin/nologin jetraiders
WORKDIR /app
COPY --from=build /src/server/target/jet-raiders-server.jar /app/jet-raiders-server.jar
# bind every interface inside the container; the ports are the server's defaults. AutoBoxCacheMax: the JDK's
# epoll selector boxes every ready socket's descriptor, most of a big server's garbage (README, JVM flags)
ENV JR_HOST=0.0.0.0 \
    JR_PORT=3001 \
    JR_HTTP_PORT=3000 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:AutoBoxCacheMax=65536"
# 3001: game WebSocket (/ws); 3000: HTTP (guest login, /health, /metrics, /lobbies, browser client)
EXPOSE 3001/tcp 3000/tcp
USER 10001:10001
# exec form: java is PID 1 and receives SIGTERM itself, so a stop drains the lobbies and exits 0
ENTRYPOINT ["java", "-jar", "/app/jet-raiders-server.jar"]
