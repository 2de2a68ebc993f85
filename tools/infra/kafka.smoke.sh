#!/usr/bin/env bash
# Manual self-check of tools/infra/kafka.sh against a REAL broker:
#   start -> create topic -> produce 1 message (console producer) -> consume it
#   (console consumer) -> stop -> start again -> consume again from the beginning -> stop.
# Uses its own ports and a throw-away data dir so it never touches a dev broker.
# Exits non-zero on any failure; nothing is left running (EXIT trap).
#
#   KAFKA_SMOKE_PORT (default 19192; controller = port+1), KAFKA_SMOKE_TIMEOUT (default 60 s per tool)
set -euo pipefail

_src="${BASH_SOURCE[0]}"
if [[ "$_src" == */* ]]; then _dir="${_src%/*}"; else _dir="."; fi
HERE="$(cd "$_dir" && pwd)"
KAFKA_SH="$HERE/kafka.sh"

unset KAFKA_BROKERS  # this check is about our own broker
export KAFKA_PORT="${KAFKA_SMOKE_PORT:-19192}"
export KAFKA_CONTROLLER_PORT="$((KAFKA_PORT + 1))"
export KAFKA_DATA_DIR
KAFKA_DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/lien-kafka-smoke.XXXXXX")"
TOOL_TIMEOUT="${KAFKA_SMOKE_TIMEOUT:-60}"
BROKERS="127.0.0.1:$KAFKA_PORT"
TOPIC="lien-smoke-$$-$RANDOM"
MESSAGE="hello from kafka.smoke.sh $$ $(date +%s)"

step() { printf '\n=== %s\n' "$*" >&2; }
fail() { printf 'SMOKE FAILED: %s\n' "$*" >&2; exit 1; }

cleanup() {
  local rc=$?
  bash "$KAFKA_SH" stop >/dev/null 2>&1 || true
  if ((rc != 0)) && [[ -f "$KAFKA_DATA_DIR/broker.log" ]]; then
    printf '\n--- last 30 lines of broker.log ---\n' >&2
    tail -n 30 "$KAFKA_DATA_DIR/broker.log" >&2 || true
  fi
  rm -rf "$KAFKA_DATA_DIR"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

tool() { timeout -k 5 "$TOOL_TIMEOUT" bash "$KAFKA_SH" run-class "$@"; }

start_broker() {
  local out
  out="$(bash "$KAFKA_SH" start)" || fail "kafka.sh start failed"
  [[ "${out##*$'\n'}" == "KAFKA_BROKERS=$BROKERS" ]] || fail "unexpected last line from start: '${out##*$'\n'}'"
  bash "$KAFKA_SH" status || fail "status says not running right after start"
}

consume_one() {
  local out
  out="$(tool org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$BROKERS" \
    --topic "$TOPIC" --from-beginning --max-messages 1 --timeout-ms 30000)" \
    || fail "console consumer failed (rc $?)"
  [[ "$out" == "$MESSAGE" ]] || fail "consumed '$out', expected '$MESSAGE'"
  printf 'consumed: %s\n' "$out" >&2
}

SECONDS=0
step "start (port $KAFKA_PORT, data $KAFKA_DATA_DIR)"
start_broker

step "create topic $TOPIC"
tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BROKERS" --create --topic "$TOPIC" \
  --partitions 1 --replication-factor 1 || fail "topic creation failed"
tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BROKERS" --list | grep -qx "$TOPIC" \
  || fail "topic $TOPIC not listed"

step "produce one message"
printf '%s\n' "$MESSAGE" | tool org.apache.kafka.tools.ConsoleProducer --bootstrap-server "$BROKERS" \
  --topic "$TOPIC" || fail "console producer failed"

step "consume it"
consume_one

step "stop"
bash "$KAFKA_SH" stop || fail "stop failed"
if bash "$KAFKA_SH" status 2>/dev/null; then fail "status says running after stop"; fi
bash "$KAFKA_SH" stop || fail "second stop is not idempotent"

step "start again (data must survive a restart)"
start_broker

step "consume again from the beginning"
consume_one

step "stop"
bash "$KAFKA_SH" stop || fail "stop failed"
if bash "$KAFKA_SH" status 2>/dev/null; then fail "status says running after stop"; fi

printf '\nSMOKE OK in %ss (Kafka broker %s)\n' "$SECONDS" "$BROKERS" >&2
