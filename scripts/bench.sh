#!/usr/bin/env bash
# ./thz bench WHAT [options]: the project's benchmarks, each printing its figures (and a ratio
# against a baseline measured in the same run where there is one).
#   slot      JMH: slot scoring at M=3, J=4, N_A=64, K=24, L=20 (full-rank and rank-one AP-RIS), slots/s
#   channels  JMH: channel generation per slot at the same setting, slots/s
#   env       JMH: one environment step (features, scoring, queues) at the Fig. 4 setting, steps/s
#   training  JMH: training throughput at the Fig. 4 setting (env steps/s, updates/s), -p algorithm=ie-vdac
#   loop      the slot protocol over a real Kafka broker for ge-vdac and ie-vdac at M=3, J=4:
#             latency p50/p99, slots/s, embedding bytes per slot (starts the local broker if needed)
# JMH options after WHAT are passed on (e.g. -wi 2 -i 3, -prof stack).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
what="${1:-}"
[[ $# -gt 0 ]] && shift
jmh() { # module, benchmark regex, extra args
  local module="$1" pattern="$2"
  shift 2
  echo "bench: building $module test classes ..." >&2
  ./mvnw -q -B -pl "$module" -am test-compile -DskipTests >&2
  env OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" java -Dai.djl.offline=true \
    -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")" \
    org.openjdk.jmh.Main "$pattern" -f 1 -wi "${BENCH_WARMUP:-3}" -i "${BENCH_ITERATIONS:-5}" -t 1 "$@"
}
case "$what" in
  slot) exec scripts/bench/slot.sh "$@" ;;
  channels) jmh thz-core ChannelGenerationBenchmark "$@" ;;
  env) jmh thz-core EnvStepBenchmark "$@" ;;
  training) jmh learner-service TrainingBenchmark "$@" ;;
  loop) exec ./thz bench-loop "$@" ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; [[ -z "$what" || "$what" == -h || "$what" == --help ]] || exit 2 ;;
esac
