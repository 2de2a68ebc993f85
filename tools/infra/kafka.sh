#!/usr/bin/env bash
# Fetch, start and stop a REAL single-node Apache Kafka 4.x broker (KRaft,
# combined broker+controller) from the official org.apache.kafka jars on Maven
# Central. No Docker needed: only Java 17+ (and Maven for the first fetch).
#
# Usage: tools/infra/kafka.sh <command>
#   fetch                      download the jars into the cache (once per version)
#   start                      start the broker (idempotent); last stdout line: KAFKA_BROKERS=127.0.0.1:<port>
#   stop                       stop the broker (idempotent)
#   status                     exit 0 if the broker is running and its port is open, else 1
#   reset                      stop and delete the data dir
#   run-class <Main> [args]    run any class with the broker's classpath, e.g.
#                              org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server ...
#
# Environment:
#   KAFKA_BROKERS              if set, an external broker is used: start/stop/reset do nothing
#   KAFKA_PORT                 broker (PLAINTEXT) port, default 19092
#   KAFKA_CONTROLLER_PORT      KRaft controller port, default 19093
#   LIEN_CACHE_DIR             cache root, default $HOME/.cache/lien (jars go to kafka-<version>/lib)
#   KAFKA_DATA_DIR             data dir, default <cache root>/kafka-data-<port>
#   KAFKA_START_TIMEOUT        seconds to wait for the broker to accept clients, default 60
#   KAFKA_STOP_TIMEOUT         seconds to wait for a clean shutdown before SIGKILL, default 30
#   KAFKA_HEAP_OPTS            broker heap, default "-Xms256m -Xmx512m"
#   KAFKA_JVM_OPTS             broker GC/JIT options, default "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
#   KAFKA_TOOL_JVM_OPTS        JVM options for run-class, default "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
#   KAFKA_CDS                  1 (default) = use JDK AppCDS class-data archives (kept in the cache dir,
#                              recorded on the first broker stop / first start): ~1.5 s faster broker
#                              start, ~0.5 s faster tools, ~35 MB less RSS. 0 = off.
#   JAVA_HOME                  if set, $JAVA_HOME/bin/java is used
#
# Measured on a 2-core box: serial GC + C1-only JIT start the broker ~10-20% faster
# and with ~25 MB less RSS than G1 + C2, which is plenty for a test broker.
#
# Everything up to the java/mvn checks uses bash builtins only, so a missing
# PATH gives a clean one-line error instead of "command not found" noise.
set -euo pipefail

die() { printf 'kafka.sh: error: %s\n' "$*" >&2; exit 1; }
say() { printf 'kafka.sh: %s\n' "$*" >&2; }

# --- locations (builtins only) -----------------------------------------------
_src="${BASH_SOURCE[0]}"
if [[ "$_src" == */* ]]; then _dir="${_src%/*}"; else _dir="."; fi
SCRIPT_DIR="$(cd "$_dir" && pwd)"   # <repo>/tools/infra
POM="$SCRIPT_DIR/kafka/pom.xml"
[[ -f "$POM" ]] || die "missing $POM"

KAFKA_VERSION=""
while IFS= read -r _line || [[ -n "$_line" ]]; do
  if [[ "$_line" =~ \<kafka\.version\>[[:space:]]*([^<[:space:]]+)[[:space:]]*\</kafka\.version\> ]]; then
    KAFKA_VERSION="${BASH_REMATCH[1]}"
    break
  fi
done <"$POM"
[[ -n "$KAFKA_VERSION" ]] || die "could not read <kafka.version> from $POM"

[[ -n "${LIEN_CACHE_DIR:-}" || -n "${HOME:-}" ]] || die "neither LIEN_CACHE_DIR nor HOME is set"
CACHE_ROOT="${LIEN_CACHE_DIR:-$HOME/.cache/lien}"
[[ "$CACHE_ROOT" == /* ]] || CACHE_ROOT="$PWD/$CACHE_ROOT"
CACHE_DIR="$CACHE_ROOT/kafka-$KAFKA_VERSION"
LIB_DIR="$CACHE_DIR/lib"
MARKER="$CACHE_DIR/.complete"

KAFKA_PORT="${KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
[[ "$KAFKA_PORT" =~ ^[0-9]+$ ]] || die "KAFKA_PORT must be a number, got '$KAFKA_PORT'"
[[ "$KAFKA_CONTROLLER_PORT" =~ ^[0-9]+$ ]] || die "KAFKA_CONTROLLER_PORT must be a number, got '$KAFKA_CONTROLLER_PORT'"
[[ "$KAFKA_PORT" != "$KAFKA_CONTROLLER_PORT" ]] || die "KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ"
DATA_DIR="${KAFKA_DATA_DIR:-$CACHE_ROOT/kafka-data-$KAFKA_PORT}"
[[ "$DATA_DIR" == /* ]] || DATA_DIR="$PWD/$DATA_DIR"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
[[ "$START_TIMEOUT" =~ ^[0-9]+$ && "$START_TIMEOUT" -gt 0 ]] || die "KAFKA_START_TIMEOUT must be a positive integer"
[[ "$STOP_TIMEOUT" =~ ^[0-9]+$ ]] || die "KAFKA_STOP_TIMEOUT must be an integer"

CDS="${KAFKA_CDS:-1}"
BROKER_JSA="$CACHE_DIR/broker.jsa"
TOOLS_JSA="$CACHE_DIR/tools.jsa"
# JVM unified logging (CDS warnings etc.) goes to stderr, never to a tool's stdout.
JVM_LOG_OPTS=(-Xlog:disable -Xlog:all=warning:stderr)

PID_FILE="$DATA_DIR/broker.pid"
LOG_FILE="$DATA_DIR/broker.log"
PROPS_FILE="$DATA_DIR/server.properties"
LOG4J_FILE="$DATA_DIR/log4j2.properties"
LOG_DIRS="$DATA_DIR/kraft-logs"
CDS_PENDING="$DATA_DIR/broker.cds-pending"
DATA_MARKER="$DATA_DIR/.lien-kafka-data"
BROKERS="127.0.0.1:$KAFKA_PORT"

# --- helpers -----------------------------------------------------------------
JAVA=""
need_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    JAVA="$JAVA_HOME/bin/java"
  elif JAVA="$(command -v java)"; then
    :
  else
    die "java not found (set JAVA_HOME or put Java 17+ on PATH; Kafka $KAFKA_VERSION needs Java 17+)"
  fi
}

check_java_version() {
  local out major
  out="$("$JAVA" -version 2>&1)" || die "'$JAVA -version' failed: $out"
  if [[ "$out" =~ version\ \"([0-9]+)(\.([0-9]+))? ]]; then
    major="${BASH_REMATCH[1]}"
    [[ "$major" == 1 ]] && major="${BASH_REMATCH[3]}"
    [[ "$major" -ge 17 ]] || die "Kafka $KAFKA_VERSION brokers need Java 17+, but $JAVA is Java $major"
  fi
  # CDS archives are only valid for the JDK that wrote them.
  local stamp="$JAVA"$'\n'"$out"
  if [[ ! -f "$CACHE_DIR/cds.jdk" || "$(<"$CACHE_DIR/cds.jdk")" != "$stamp" ]]; then
    rm -f "$BROKER_JSA" "$TOOLS_JSA"
    printf '%s\n' "$stamp" >"$CACHE_DIR/cds.jdk"
  fi
}

# True if something accepts TCP connections on 127.0.0.1:$1 (bash /dev/tcp, no fork of externals).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

cache_complete() { [[ -f "$MARKER" && -d "$LIB_DIR" && "$(<"$MARKER")" == "$(<"$POM")" ]]; }

do_fetch() {
  if cache_complete; then return 0; fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found on PATH (needed once to fetch Kafka $KAFKA_VERSION jars into $CACHE_DIR)"
  mkdir -p "$CACHE_DIR" || die "cannot create $CACHE_DIR"
  # Serialise concurrent fetches (parallel test workers) when flock is available.
  local locked=""
  if command -v flock >/dev/null 2>&1; then
    exec 8>"$CACHE_DIR/.fetch.lock"
    flock -w 900 8 || die "timed out waiting for another fetch of $CACHE_DIR"
    locked=1
    if cache_complete; then exec 8>&-; return 0; fi
  fi
  local tmp="$CACHE_DIR/lib.tmp.$$"
  rm -rf "$tmp"
  say "fetching Kafka $KAFKA_VERSION jars from Maven Central into $LIB_DIR ..."
  # (sed: Debian's Maven 3.8 prints ANSI resets even in batch mode)
  if ! mvn -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies -DoutputDirectory="$tmp" 2>&1 \
      | sed 's/\x1b\[[0-9;]*m//g' >&2; then
    rm -rf "$tmp"
    die "mvn dependency:copy-dependencies failed for Kafka $KAFKA_VERSION (see output above)"
  fi
  [[ -f "$tmp/kafka_2.13-$KAFKA_VERSION.jar" ]] || { rm -rf "$tmp"; die "fetch finished but kafka_2.13-$KAFKA_VERSION.jar is missing in $tmp"; }
  rm -rf "$LIB_DIR"
  rm -f "$BROKER_JSA" "$TOOLS_JSA"   # archives record the exact class path
  mv "$tmp" "$LIB_DIR"
  # Marker = copy of the pom it was built from: a changed pom triggers a refetch.
  cp "$POM" "$MARKER.tmp" && mv "$MARKER.tmp" "$MARKER"
  [[ -z "$locked" ]] || exec 8>&-
  say "fetched $(ls "$LIB_DIR" | wc -l) jars"
}

ensure_fetched() {
  cache_complete && return 0
  do_fetch
}

# Pid of our broker if it is alive (and really is our kafka.Kafka), else empty.
broker_pid() {
  [[ -f "$PID_FILE" ]] || return 0
  local pid
  local -a argv=()
  pid="$(<"$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  [[ -r "/proc/$pid/cmdline" ]] || return 0
  mapfile -d "" argv 2>/dev/null <"/proc/$pid/cmdline" || return 0
  [[ " ${argv[*]} " == *" kafka.Kafka $PROPS_FILE "* ]] || return 0
  printf '%s\n' "$pid"
}

# Alive = exists and is not a zombie (the broker is our child while 'start' runs).
proc_alive() {
  local _p _c state=""
  read -r _p _c state _ 2>/dev/null <"/proc/$1/stat" || return 1
  [[ "$state" != Z ]]
}

# wait_gone <pid> <seconds>: 0 if the process exited within the time.
wait_gone() {
  local pid="$1" deadline=$((SECONDS + $2))
  while proc_alive "$pid"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
  return 0
}

kill_broker() {
  local pid="$1" clean=1
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_gone "$pid" "$STOP_TIMEOUT"; then
    say "broker (pid $pid) did not stop within ${STOP_TIMEOUT}s; sending SIGKILL"
    clean=""
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 10 || die "broker (pid $pid) survived SIGKILL"
  fi
  rm -f "$PID_FILE"
  settle_cds_pending "$clean"
}

# A broker started without an archive writes one at exit (-XX:ArchiveClassesAtExit)
# to a private temp name; once that process is gone, promote it (clean exit) or drop it.
settle_cds_pending() { # <clean-exit?>
  [[ -f "$CDS_PENDING" ]] || return 0
  local tmp
  tmp="$(<"$CDS_PENDING")"
  rm -f "$CDS_PENDING"
  [[ "$tmp" == "$BROKER_JSA".tmp.* ]] || return 0
  if [[ -n "$1" && -s "$tmp" && ! -f "$BROKER_JSA" ]]; then
    mv -f "$tmp" "$BROKER_JSA" 2>/dev/null || rm -f "$tmp"
  else
    rm -f "$tmp"
  fi
}

write_file_if_changed() { # <file> <content>
  if [[ ! -f "$1" || "$(<"$1")" != "$2" ]]; then
    printf '%s\n' "$2" >"$1.tmp.$$" && mv "$1.tmp.$$" "$1"
  fi
}

broker_log4j() {
  cat <<'EOF'
# generated by tools/infra/kafka.sh
status = warn
# keep logging through Kafka's own shutdown hook (log4j's hook would cut it short)
shutdownHook = disable
appender.out.type = Console
appender.out.name = STDOUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = STDOUT
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.statechange.name = state.change.logger
logger.statechange.level = WARN
logger.authorizer.name = kafka.authorizer.logger
logger.authorizer.level = WARN
EOF
}

tools_log4j() {
  cat <<'EOF'
# generated by tools/infra/kafka.sh: tools log warnings to stderr, keep stdout for data
status = error
appender.err.type = Console
appender.err.name = STDERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.err.ref = STDERR
EOF
}

server_properties() {
  cat <<EOF
# generated by tools/infra/kafka.sh (single-node KRaft, combined broker+controller)
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$LOG_DIRS
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# keep the broker small: it shares a 2-core machine with the tests
num.network.threads=2
num.io.threads=4
log.cleaner.dedupe.buffer.size=16777216
EOF
}

# --- commands ----------------------------------------------------------------
cmd_fetch() {
  if cache_complete; then say "Kafka $KAFKA_VERSION jars already cached in $LIB_DIR"; return 0; fi
  do_fetch
}

cmd_start() {
  if [[ -n "${KAFKA_BROKERS:-}" ]]; then
    say "KAFKA_BROKERS is set: using the external broker at $KAFKA_BROKERS, not starting one"
    printf 'KAFKA_BROKERS=%s\n' "$KAFKA_BROKERS"
    return 0
  fi
  need_java
  ensure_fetched
  check_java_version
  mkdir -p "$DATA_DIR" || die "cannot create data dir $DATA_DIR"

  # Serialise concurrent starts on the same data dir.
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$DATA_DIR/.start.lock"
    flock -w $((START_TIMEOUT + STOP_TIMEOUT + 30)) 9 || die "timed out waiting for another 'kafka.sh start' on $DATA_DIR"
  fi

  local pid
  pid="$(broker_pid)"
  if [[ -n "$pid" ]]; then
    if port_open "$KAFKA_PORT"; then
      say "broker already running (pid $pid) on $BROKERS"
      printf 'KAFKA_BROKERS=%s\n' "$BROKERS"
      return 0
    fi
    die "a broker process (pid $pid) exists for $DATA_DIR but port $KAFKA_PORT is not open; run '$0 stop' first"
  fi
  rm -f "$PID_FILE"

  port_open "$KAFKA_PORT" && die "port $KAFKA_PORT (KAFKA_PORT) is already in use on 127.0.0.1; stop that process or set KAFKA_PORT"
  port_open "$KAFKA_CONTROLLER_PORT" && die "port $KAFKA_CONTROLLER_PORT (KAFKA_CONTROLLER_PORT) is already in use on 127.0.0.1; stop that process or set KAFKA_CONTROLLER_PORT"

  if [[ -n "$(ls -A "$DATA_DIR" 2>/dev/null | grep -v '^\.start\.lock$' || true)" && ! -f "$DATA_MARKER" ]]; then
    die "data dir $DATA_DIR is not empty and was not created by kafka.sh; refusing to use it"
  fi
  : >"$DATA_MARKER"
  write_file_if_changed "$PROPS_FILE" "$(server_properties)"
  write_file_if_changed "$LOG4J_FILE" "$(broker_log4j)"

  if [[ ! -f "$LOG_DIRS/meta.properties" ]]; then
    # Cluster id: 16 random bytes, base64url without padding (what StorageTool random-uuid prints).
    local cid out
    cid="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    say "formatting KRaft storage in $LOG_DIRS (cluster id $cid)"
    if ! out="$("$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "${JVM_LOG_OPTS[@]}" \
        -Dlog4j2.configurationFile="$LOG4J_FILE" -cp "$LIB_DIR/*" \
        kafka.tools.StorageTool format --config "$PROPS_FILE" --cluster-id "$cid" 2>&1)"; then
      printf '%s\n' "$out" >&2
      die "formatting the KRaft storage failed"
    fi
  fi

  local heap="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
  local jvm="${KAFKA_JVM_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
  local -a launcher=() cds=()
  command -v setsid >/dev/null 2>&1 && launcher=(setsid)
  settle_cds_pending ""   # leftovers of a crashed broker
  if [[ "$CDS" == 1 ]]; then
    if [[ -f "$BROKER_JSA" ]]; then
      cds=(-XX:SharedArchiveFile="$BROKER_JSA")
    else
      local jsa_tmp="$BROKER_JSA.tmp.$KAFKA_PORT.$$"
      printf '%s\n' "$jsa_tmp" >"$CDS_PENDING"
      cds=(-XX:ArchiveClassesAtExit="$jsa_tmp")
    fi
  fi
  say "starting Kafka $KAFKA_VERSION broker on $BROKERS (controller 127.0.0.1:$KAFKA_CONTROLLER_PORT, data $DATA_DIR)"
  # shellcheck disable=SC2086 # heap/jvm options are intentionally word-split
  "${launcher[@]}" "$JAVA" $heap $jvm "${cds[@]}" "${JVM_LOG_OPTS[@]}" -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$LOG4J_FILE" -Dkafka.logs.dir="$DATA_DIR" \
    -cp "$LIB_DIR/*" kafka.Kafka "$PROPS_FILE" \
    </dev/null >"$LOG_FILE" 2>&1 8>&- 9>&- &
  pid=$!
  printf '%s\n' "$pid" >"$PID_FILE"

  local started=$SECONDS deadline=$((SECONDS + START_TIMEOUT)) why=""
  fail_start() {
    say "broker did not become ready: $1"
    say "last 30 lines of $LOG_FILE:"
    tail -n 30 "$LOG_FILE" >&2 || true
    if proc_alive "$pid"; then STOP_TIMEOUT=5 kill_broker "$pid"; else rm -f "$PID_FILE"; fi
    exit 1
  }
  trap 'fail_start "interrupted"' INT TERM
  # 1) cheap: wait for the TCP port (no JVM tool started while it is closed)
  while ! port_open "$KAFKA_PORT"; do
    proc_alive "$pid" || fail_start "the broker process exited (pid $pid)"
    ((SECONDS < deadline)) || fail_start "port $KAFKA_PORT not open after ${START_TIMEOUT}s"
    sleep 0.25
  done
  # 2) real client round-trip: list topics through the official tool (this run also
  #    records the tools' CDS archive the first time)
  local lf tools_tmp=""
  local -a tcds=()
  lf="$(tools_log4j_file)"
  if [[ "$CDS" == 1 ]]; then
    if [[ -f "$TOOLS_JSA" ]]; then
      tcds=(-XX:SharedArchiveFile="$TOOLS_JSA")
    else
      tools_tmp="$TOOLS_JSA.tmp.$$"
      tcds=(-XX:ArchiveClassesAtExit="$tools_tmp")
    fi
  fi
  while :; do
    local left=$((deadline - SECONDS))
    ((left > 0)) || fail_start "no successful client request within ${START_TIMEOUT}s${why:+ ($why)}"
    proc_alive "$pid" || fail_start "the broker process exited (pid $pid)"
    # shellcheck disable=SC2086
    if why="$(timeout -k 2 "$left" "$JAVA" ${KAFKA_TOOL_JVM_OPTS:--Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC} \
        "${tcds[@]}" "${JVM_LOG_OPTS[@]}" -Dlog4j2.configurationFile="$lf" -cp "$LIB_DIR/*" \
        org.apache.kafka.tools.TopicCommand --bootstrap-server "$BROKERS" --list 2>&1 >/dev/null)"; then
      break
    fi
    why="${why##*$'\n'}"
    [[ -z "$tools_tmp" ]] || rm -f "$tools_tmp"
    sleep 1
  done
  if [[ -n "$tools_tmp" ]]; then
    if [[ -s "$tools_tmp" && ! -f "$TOOLS_JSA" ]]; then mv -f "$tools_tmp" "$TOOLS_JSA"; else rm -f "$tools_tmp"; fi
  fi
  trap - INT TERM
  say "broker ready in $((SECONDS - started))s (pid $pid, log $LOG_FILE)"
  printf 'KAFKA_BROKERS=%s\n' "$BROKERS"
}

tools_log4j_file() {
  local f="$CACHE_DIR/tools-log4j2.properties"
  write_file_if_changed "$f" "$(tools_log4j)"
  printf '%s\n' "$f"
}

cmd_stop() {
  if [[ -n "${KAFKA_BROKERS:-}" ]]; then
    say "KAFKA_BROKERS is set: external broker at $KAFKA_BROKERS, nothing to stop"
    return 0
  fi
  local pid
  pid="$(broker_pid)"
  if [[ -z "$pid" ]]; then
    rm -f "$PID_FILE"
    say "broker not running ($DATA_DIR)"
    return 0
  fi
  say "stopping broker (pid $pid) ..."
  kill_broker "$pid"
  say "broker stopped"
}

cmd_status() {
  if [[ -n "${KAFKA_BROKERS:-}" ]]; then
    local first="${KAFKA_BROKERS%%,*}" host port
    host="${first%:*}"; port="${first##*:}"
    # shellcheck disable=SC2016
    if timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" 2>/dev/null; then
      say "external broker $first reachable"; return 0
    fi
    say "external broker $first NOT reachable"; return 1
  fi
  local pid
  pid="$(broker_pid)"
  if [[ -n "$pid" ]] && port_open "$KAFKA_PORT"; then
    say "running (pid $pid) on $BROKERS"
    return 0
  fi
  say "not running${pid:+ (pid $pid alive but port $KAFKA_PORT closed)}"
  return 1
}

cmd_reset() {
  if [[ -n "${KAFKA_BROKERS:-}" ]]; then
    say "KAFKA_BROKERS is set: external broker at $KAFKA_BROKERS, nothing to reset"
    return 0
  fi
  cmd_stop
  [[ -d "$DATA_DIR" ]] || { say "no data dir $DATA_DIR"; return 0; }
  [[ -f "$DATA_MARKER" ]] || die "$DATA_DIR was not created by kafka.sh; refusing to delete it"
  rm -rf "$DATA_DIR"
  say "deleted $DATA_DIR"
}

cmd_run_class() {
  [[ $# -ge 1 ]] || die "usage: $0 run-class <MainClass> [args...]"
  need_java
  ensure_fetched
  local lf
  local -a cds=()
  lf="$(tools_log4j_file)"
  [[ "$CDS" == 1 && -f "$TOOLS_JSA" ]] && cds=(-XX:SharedArchiveFile="$TOOLS_JSA")
  # shellcheck disable=SC2086
  exec "$JAVA" ${KAFKA_TOOL_JVM_OPTS:--Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC} \
    "${cds[@]}" "${JVM_LOG_OPTS[@]}" -Djava.awt.headless=true -Dlog4j2.configurationFile="$lf" -cp "$LIB_DIR/*" "$@"
}

usage() {
  cat >&2 <<EOF
usage: $0 {fetch|start|stop|status|reset|run-class <MainClass> [args...]}
  Kafka $KAFKA_VERSION, jars in $LIB_DIR, data in $DATA_DIR, broker $BROKERS
EOF
}

case "${1:-}" in
  fetch) cmd_fetch ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  run-class) shift; cmd_run_class "$@" ;;
  -h|--help|help) usage ;;
  *) usage; exit 2 ;;
esac
