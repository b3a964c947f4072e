#!/usr/bin/env bash
# bench/soak.sh: soak test of the game server: 256 clients for 30 minutes (not run in CI).
#
# Starts the server jar as a player would run it (plain `java -jar`, no JVM flags), points the
# project's load generator (org.jetraiders.bench.load.LoadTest: 256 clients in 16 lobbies, binary
# protocol, inputs at 60 Hz) at it for --minutes, and every --interval seconds samples
#   - the server's resident memory (VmRSS in /proc/PID/status),
#   - /metrics: late and skipped ticks (summed over lobbies) and disconnects (summed over reasons),
#   - the generator's progress line: clients connected, snapshots/s received, disconnects it saw,
# printing one progress line per sample and writing every sample to a CSV. At the end it prints a
# verdict table and exits non-zero if any check fails:
#   RSS flat       every sample after the warm-up within +-10 % of the RSS at the warm-up's end
#   late ticks     none after the warm-up (the per-lobby counters' increase over the measured window)
#   disconnects    none that the server counted while the clients were meant to be connected, none
#                  that the clients saw, no failed connects, and the generator's run succeeded
#   snapshots/s    reported, not judged: the worst second (all clients) and the generator's per-client minimum
#
# It builds nothing: run `mvn -q -B package -DskipTests` first (server/target/jet-raiders-server.jar,
# bench/target/benchmarks.jar). It needs bash, awk and curl, and Linux (/proc). Run it on a quiet
# machine: the server and the generator share its cores, and other load shows up as late ticks.
#
# Usage:  bench/soak.sh [options]
#   --minutes N          length of the run, warm-up included [30]
#   --warmup-minutes W   first minutes not judged (JIT, heap sizing, lobby creation) [5]
#   --clients N          load-generator clients [256]
#   --lobbies L          lobbies they spread over (client i joins load-<i % L>) [16]
#   --format F           bin or json [bin]
#   --interval S         seconds between samples [10]
#   --port P             WebSocket port of the server started here [18301]
#   --http-port P        its HTTP port (/metrics) [18300]
#   --results DIR        where to write samples.csv, verdict.txt, the logs and /metrics snapshots
#                        [bench/results/<date>/soak-<time>]
#   -h, --help           this text
# Environment: LOADTEST_JAVA_OPTS is passed to the generator's JVM (as bench/loadtest.sh does).
# The server gets --max-lobbies-per-address 64 when its --help lists that flag (so one address may
# open all the lobbies), and otherwise only the ports.
# Exit status: 0 every check passed, 1 a check failed, 2 usage or set-up error.
#
# Example: a smoke test of the script itself (two minutes; not a soak):
#   bench/soak.sh --minutes 2 --warmup-minutes 0.5
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
server_jar="$root/server/target/jet-raiders-server.jar"
bench_jar="$root/bench/target/benchmarks.jar"

minutes=30
warmup_minutes=5
clients=256
lobbies=16
format=bin
interval=10
port=18301
http_port=18300
results=""

usage() {
  sed -n '2,/^set -uo pipefail/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

die() {
  echo "soak: $*" >&2
  exit 2
}

is_number() {
  [[ "$1" =~ ^[0-9]+([.][0-9]+)?$ ]]
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --minutes|--warmup-minutes|--clients|--lobbies|--format|--interval|--port|--http-port|--results)
      [[ $# -ge 2 ]] || die "$1 needs a value (see --help)"
      case "$1" in
        --minutes) minutes="$2" ;;
        --warmup-minutes) warmup_minutes="$2" ;;
        --clients) clients="$2" ;;
        --lobbies) lobbies="$2" ;;
        --format) format="$2" ;;
        --interval) interval="$2" ;;
        --port) port="$2" ;;
        --http-port) http_port="$2" ;;
        --results) results="$2" ;;
      esac
      shift 2 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

for v in "$minutes" "$warmup_minutes" "$interval"; do
  is_number "$v" || die "not a number: $v"
done
for v in "$clients" "$lobbies" "$port" "$http_port"; do
  [[ "$v" =~ ^[0-9]+$ ]] || die "not an integer: $v"
done
[[ "$format" == bin || "$format" == json ]] || die "--format must be bin or json"
total_s=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 + 0.5 }')
warmup_s=$(awk -v m="$warmup_minutes" 'BEGIN { printf "%d", m * 60 + 0.5 }')
(( warmup_s + interval < total_s )) || die "--minutes must exceed --warmup-minutes by at least one --interval"
(( ${interval%.*} >= 1 )) || die "--interval must be at least 1 second"

[[ -f "$server_jar" ]] || die "$server_jar is missing: run 'mvn -q -B package -DskipTests' first"
[[ -f "$bench_jar" ]] || die "$bench_jar is missing: run 'mvn -q -B package -DskipTests' first"
command -v curl >/dev/null || die "curl is needed to read /metrics"
[[ -r /proc/self/status ]] || die "needs Linux /proc for the server's RSS"

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
port_in_use "$port" && die "port $port is in use (--port)"
port_in_use "$http_port" && die "port $http_port is in use (--http-port)"

if [[ -z "$results" ]]; then
  results="$here/results/$(date +%F)/soak-$(date +%H%M%S)"
fi
mkdir -p "$results" || die "cannot create $results"
csv="$results/samples.csv"

server_pid=""
load_pid=""
cleanup() {
  # only the two processes this script started, by their ids
  [[ -n "$load_pid" ]] && kill "$load_pid" 2>/dev/null
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null
    for _ in $(seq 1 30); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -9 "$server_pid" 2>/dev/null
  fi
}
trap cleanup EXIT
trap 'echo "soak: interrupted" >&2; exit 2' INT TERM

# ---- start the server ------------------------------------------------------------------------
server_args=(--port "$port" --http-port "$http_port")
if java -jar "$server_jar" --help 2>/dev/null | grep -q -- '--max-lobbies-per-address'; then
  server_args+=(--max-lobbies-per-address 64)
fi
echo "soak: server: java -jar server/target/jet-raiders-server.jar ${server_args[*]}"
java -jar "$server_jar" "${server_args[@]}" >"$results/server.log" 2>&1 &
server_pid=$!

metrics_url="http://127.0.0.1:$http_port/metrics"
for _ in $(seq 1 60); do
  curl -fs --max-time 2 "$metrics_url" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || die "the server exited at start; see $results/server.log"
  sleep 0.5
done
curl -fs --max-time 2 "$metrics_url" >"$results/metrics-start.txt" || die "no /metrics after 30 s; see $results/server.log"

# ---- start the load generator ----------------------------------------------------------------
load_args=(--url "ws://127.0.0.1:$port/ws" --clients "$clients" --lobbies "$lobbies" --format "$format"
  --warmup "$warmup_s" --duration "$((total_s - warmup_s))" --server-pid "$server_pid" --json "$results/loadtest.json")
echo "soak: load:   java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest ${load_args[*]}"
echo "soak: ${minutes} min (${warmup_minutes} min warm-up), a sample every ${interval} s, results in $results"
# shellcheck disable=SC2086 # LOADTEST_JAVA_OPTS is a list of JVM options
java ${LOADTEST_JAVA_OPTS:-} -cp "$bench_jar" org.jetraiders.bench.load.LoadTest "${load_args[@]}" \
  >"$results/loadtest.out" 2>"$results/loadtest.progress" &
load_pid=$!
started=$(date +%s.%N)

# ---- sampling ---------------------------------------------------------------------------------
# A metric's samples as "name{labels} value" lines (comments dropped; a trailing timestamp dropped).
series() {
  awk -v name="$1" '
    $0 !~ /^#/ && index($0, name) == 1 {
      rest = substr($0, length(name) + 1)
      if (rest !~ /^[{ ]/) next
      key = name; value = rest
      if (substr(rest, 1, 1) == "{") { close_at = index(rest, "}"); key = name substr(rest, 1, close_at); value = substr(rest, close_at + 1) }
      split(value, f, " ")
      print key, f[1]
    }' "$2"
}

# The increase of a counter from file $2 to file $3, series by series (a series new in $3 counts from 0).
increase() {
  awk 'NR == FNR { base[$1] = $2; next } { d = $2 - (($1 in base) ? base[$1] : 0); if (d > 0) s += d } END { printf "%d", s }' \
    <(series "$1" "$2") <(series "$1" "$3")
}

total() {
  series "$1" "$2" | awk '{ s += $2 } END { printf "%d", s }'
}

rss_kb() {
  awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status" 2>/dev/null
}

# The generator's latest progress line, as "connected snapshots_per_s disconnects" (or "- - -").
progress_fields() {
  local line
  line=$(tr '\r' '\n' <"$results/loadtest.progress" 2>/dev/null | grep -a 'connected ' | tail -n 1)
  if [[ -z "$line" ]]; then
    echo "- - -"
    return
  fi
  awk '{ for (i = 1; i < NF; i++) { if ($i == "connected") c = $(i + 1); if ($i == "snapshots/s") s = $(i + 1); if ($i == "disconnects") d = $(i + 1) } }
       END { print (c == "" ? "-" : c), (s == "" ? "-" : s), (d == "" ? "-" : d) }' <<<"$line"
}

echo "elapsed_s,phase,rss_kb,late_ticks,skipped_ticks,server_disconnects,connections,health,clients_connected,snapshots_per_s,client_disconnects" >"$csv"
scrape="$results/metrics-now.txt"
baseline_taken=0
sample_no=0
while kill -0 "$load_pid" 2>/dev/null; do
  sample_no=$((sample_no + 1))
  next=$(awk -v s="$started" -v n="$sample_no" -v i="$interval" 'BEGIN { printf "%.3f", s + n * i }')
  now=$(date +%s.%N)
  wait_s=$(awk -v a="$next" -v b="$now" 'BEGIN { d = a - b; printf "%.3f", (d > 0 ? d : 0) }')
  # sleep in short steps, so the loop ends soon after the generator does
  while awk -v w="$wait_s" 'BEGIN { exit !(w > 0) }'; do
    kill -0 "$load_pid" 2>/dev/null || break 2
    step=$(awk -v w="$wait_s" 'BEGIN { printf "%.3f", (w < 1 ? w : 1) }')
    sleep "$step"
    wait_s=$(awk -v w="$wait_s" -v s="$step" 'BEGIN { printf "%.3f", w - s }')
  done
  elapsed=$(awk -v s="$started" -v n="$(date +%s.%N)" 'BEGIN { printf "%d", n - s + 0.5 }')
  kill -0 "$server_pid" 2>/dev/null || { echo "soak: the server died at ${elapsed} s" >&2; break; }
  curl -fs --max-time 5 "$metrics_url" >"$scrape.tmp" && mv "$scrape.tmp" "$scrape"
  health=$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' "http://127.0.0.1:$http_port/health")
  rss=$(rss_kb)
  read -r connected snaps client_disc <<<"$(progress_fields)"
  # the clients are connected from the start to total_s; leave the last 3 s to the generator's own closing
  if (( elapsed < warmup_s )); then
    phase=warmup
  elif (( elapsed <= total_s - 3 )); then
    phase=measure
  else
    phase=closing
  fi
  if [[ "$phase" == measure && "$baseline_taken" == 0 ]]; then
    cp "$scrape" "$results/metrics-warmup-end.txt"
    baseline_taken=1
  fi
  [[ "$phase" != closing ]] && cp "$scrape" "$results/metrics-last-in-run.txt"
  late=$(total jetraiders_late_ticks_total "$scrape")
  skipped=$(total jetraiders_skipped_ticks_total "$scrape")
  disc=$(total jetraiders_disconnects_total "$scrape")
  conns=$(total jetraiders_connections "$scrape")
  echo "$elapsed,$phase,$rss,$late,$skipped,$disc,$conns,$health,$connected,$snaps,$client_disc" >>"$csv"
  printf 'soak: [%5ss %-7s] rss %7.1f MB  late ticks %s  skipped %s  server disconnects %s  connections %s  health %s  clients %s  snapshots/s %s  client disconnects %s\n' \
    "$elapsed" "$phase" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$late" "$skipped" "$disc" "$conns" "$health" \
    "$connected" "$snaps" "$client_disc"
done

wait "$load_pid"
load_status=$?
load_pid=""
curl -fs --max-time 5 "$metrics_url" >"$results/metrics-end.txt" 2>/dev/null
rm -f "$scrape" "$scrape.tmp"

# ---- verdict ------------------------------------------------------------------------------------
fail=0
verdict="$results/verdict.txt"
row() {
  printf '%-26s %-72s %s\n' "$1" "$2" "$3" | tee -a "$verdict"
  [[ "$3" == FAIL ]] && fail=1
}
: >"$verdict"
echo
printf 'Soak verdict: %s clients, %s lobbies, %s, %s min (%s min warm-up), server pid %s\n' "$clients" "$lobbies" "$format" \
  "$minutes" "$warmup_minutes" "$server_pid" | tee -a "$verdict"
printf '%-26s %-72s %s\n' "check" "measured" "result" | tee -a "$verdict"

# RSS: the first sample of the measured window against every later one
read -r rss_base rss_max rss_min rss_n <<<"$(awk -F, 'NR > 1 && $2 == "measure" && $3 != "" {
    if (n == 0) base = $3; else { if (max == "" || $3 > max) max = $3; if (min == "" || $3 < min) min = $3 }; n++ }
    END { print (base == "" ? "-" : base), (max == "" ? "-" : max), (min == "" ? "-" : min), n + 0 }' "$csv")"
if [[ "$rss_base" == "-" || "$rss_max" == "-" ]]; then
  row "RSS flat within 10 %" "too few samples after the warm-up ($rss_n)" FAIL
else
  rss_text=$(awk -v b="$rss_base" -v x="$rss_max" -v m="$rss_min" 'BEGIN {
      printf "%.1f MB at warm-up end; max %.1f MB (%+.1f %%), min %.1f MB (%+.1f %%)", b / 1024, x / 1024, (x / b - 1) * 100, m / 1024, (m / b - 1) * 100 }')
  rss_ok=$(awk -v b="$rss_base" -v x="$rss_max" -v m="$rss_min" 'BEGIN { print ((x <= b * 1.10 && m >= b * 0.90) ? "PASS" : "FAIL") }')
  row "RSS flat within 10 %" "$rss_text" "$rss_ok"
fi

# late ticks: per-lobby increase from the warm-up's end to the last sample while the clients were connected
if ! grep -q 'jetraiders_late_ticks_total' "$results/metrics-start.txt"; then
  row "no late ticks" "/metrics has no jetraiders_late_ticks_total (renamed?)" FAIL
elif [[ -f "$results/metrics-warmup-end.txt" && -f "$results/metrics-last-in-run.txt" ]]; then
  late_after=$(increase jetraiders_late_ticks_total "$results/metrics-warmup-end.txt" "$results/metrics-last-in-run.txt")
  skipped_after=$(increase jetraiders_skipped_ticks_total "$results/metrics-warmup-end.txt" "$results/metrics-last-in-run.txt")
  late_warmup=$(total jetraiders_late_ticks_total "$results/metrics-warmup-end.txt")
  row "no late ticks" "$late_after after the warm-up ($skipped_after skipped; $late_warmup during it)" \
    "$([[ "$late_after" == 0 ]] && echo PASS || echo FAIL)"
else
  row "no late ticks" "no /metrics sample after the warm-up" FAIL
fi

# disconnects: the server's count while the clients were meant to be connected, and the clients' own
server_disc="-"
[[ -f "$results/metrics-last-in-run.txt" ]] &&
  server_disc=$(increase jetraiders_disconnects_total "$results/metrics-start.txt" "$results/metrics-last-in-run.txt")
json_flat=$(tr -d ' \n\r\t' <"$results/loadtest.json" 2>/dev/null)
json_number() {
  grep -o "\"$1\":[-0-9.eE]*" <<<"$json_flat" | head -n 1 | cut -d: -f2
}
client_disc=$(grep -o '"disconnects":{"total":[0-9]*' <<<"$json_flat" | grep -o '[0-9]*$')
connect_failures=$(json_number connect_failures)
connected_total=$(json_number connected)
disc_text="server $server_disc, clients saw ${client_disc:--}, failed connects ${connect_failures:--}, connected ${connected_total:--}/$clients, generator exit $load_status"
# The family appears with its first sample (Prometheus client library), so it is missing at the start of a
# clean run; by the end the generator's own closes must have put it there, or the metric was renamed.
grep -q '^jetraiders_disconnects_total' "$results/metrics-end.txt" 2>/dev/null \
  || server_disc="- (no jetraiders_disconnects_total in /metrics at the end)"
if [[ "$server_disc" == 0 && "${client_disc:-x}" == 0 && "${connect_failures:-x}" == 0 && "${connected_total:-x}" == "$clients" && "$load_status" == 0 ]]; then
  row "no unexpected disconnects" "$disc_text" PASS
else
  row "no unexpected disconnects" "$disc_text" FAIL
fi

# snapshots/s: the worst whole second of the measured window (all clients), and the per-client minimum
worst_second=$(tr '\r' '\n' <"$results/loadtest.progress" | grep -a 'measure\]' |
  awk '{ for (i = 1; i < NF; i++) if ($i == "snapshots/s") { v = $(i + 1) + 0; if (min == "" || v < min) min = v } } END { print (min == "" ? "-" : min) }')
per_client_min=$(grep -o '"snapshots_per_s_per_client":{"mean":[-0-9.eE]*,"min":[-0-9.eE]*' <<<"$json_flat" | grep -o '[-0-9.eE]*$')
snap_text=$(awk -v w="$worst_second" -v c="$clients" -v p="${per_client_min:--}" 'BEGIN {
    if (w == "-") printf "worst second -"; else printf "worst second %d (all clients; %.1f per client)", w, w / c
    printf "; per-client min over the window %s", p }')
printf '%-26s %-72s %s\n' "snapshots/s min" "$snap_text" "(reported)" | tee -a "$verdict"

echo "samples: $csv" | tee -a "$verdict"
if (( fail )); then
  echo "soak: FAIL" | tee -a "$verdict"
  exit 1
fi
echo "soak: PASS" | tee -a "$verdict"
exit 0
