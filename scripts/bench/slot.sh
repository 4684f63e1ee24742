#!/usr/bin/env bash
# Slot scoring benchmark (JMH) at the largest setting: M=3, J=4, N_A=64, N_R=4, K=24, L=20.
# Prints slots per second on one thread for full-rank and rank-one (factored) AP-RIS channels.
# Usage: ./thz bench slot [extra JMH options, e.g. -prof stack or -p apRis=RANK_ONE]
# BENCH_WARMUP / BENCH_ITERATIONS (default 3 / 5 one-second iterations) change the run length;
# BENCH_CPU=0 skips the thread-CPU-time companion run (SlotScoringCpuTime).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -B -pl thz-core test-compile
results="$(mktemp)"
trap 'rm -f "$results"' EXIT
java -cp "thz-core/target/test-classes:thz-core/target/classes:$(cat thz-core/target/test-classpath.txt)" \
  org.openjdk.jmh.Main SlotScoringBenchmark -f 1 -wi "${BENCH_WARMUP:-3}" -i "${BENCH_ITERATIONS:-5}" -t 1 -rf csv -rff "$results" "$@" >&2
echo "slot scoring, one thread, M=3 J=4 N_A=64 N_R=4 K=24 L=20:"
# CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: apRis","Param: risOn"
awk -F, 'NR > 1 && $1 ~ /scoreSlot"$/ {
  gsub(/"/, ""); printf "  %-9s AP-RIS, RIS ON p=%-3s  %10.0f slots/s (± %.0f)\n", $8, $9, $5, $6 }' "$results"
if [ "${BENCH_CPU:-1}" != "0" ]; then
  echo "same work timed by the scoring thread's CPU time (what one core sustains on a shared machine):"
  java -cp "thz-core/target/test-classes:thz-core/target/classes:$(cat thz-core/target/test-classpath.txt)" \
    io.thz.core.bench.SlotScoringCpuTime
fi
