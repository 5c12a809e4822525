#!/usr/bin/env bash
# Builds the benchmarks, runs warm (JMH: the current and the realistic benchmark), cold-start and deployment-size
# measurements, writes RESULTS.md. Takes about 45 minutes on 2 cores (the realistic benchmark adds about 2 minutes
# per round, the cold-start variants "publish", "courses", "courses-avaje", "courses-c1", "courses-appcds" and
# "courses-json-logs" about 2 minutes each).
# Cold-start variants: default c1 appcds appcds-c1 primed courses courses-avaje courses-c1 courses-appcds
# courses-json-logs, and publish.
# Knobs (environment):
#   COLD_RUNS=20       fresh JVMs per cold-start variant and side (interleaved)
#   SKIP_PUBLISH=1     skip the cold-start variant "publish" (a function that publishes one SNS message per invocation,
#                      to a loopback SNS stub this script starts)
#   ROUNDS=6           paired rounds: each runs every benchmark once (one fork), baseline right before portable;
#                      ROUNDS=0 measures no warm overhead (a quick check of the cold-start section)
#   JMH_ARGS="..."     replaces the JMH options of one round
#   JMH_JVM_ARGS="..." options of the forked benchmark JVMs (default -XX:+UseSerialGC, the collector functions run with
#                      on every target platform; JMH_JVM_ARGS= runs with this machine's default collector)
#   JMH_FILTER=regex   which benchmarks to run (default: all three providers)
#   SKIP_MDC=1         skip the second run of the HTTP paths with an MDC-keeping logging provider
#   SKIP_REALISTIC=1   skip the realistic benchmark (dev.portablefn.bench.realistic, on logback) in each round
#   SKIP_LOCALCLOUD=1  skip LocalCloud's throughput (LocalCloudBenchmark: no-op messages/s, direct vs AWS wire format)
#   REALISTIC_ONLY=1   run only the realistic benchmark's rounds; writes target/results/realistic.md (and prints it),
#                      leaves RESULTS.md and a full run's other results in target/results/ alone
#   REALISTIC_FILTER=regex which realistic benchmarks to run (default: all six paths)
#   PROFILE=1          also run JMH '-prof stack' on the AWS paths and keep its output in target/profile-stack.txt
#   SKIP_BUILD=1       reuse target/benchmarks.jar, target/courses-avaje.jar and target/courses-json-logs.jar
#   REUSE_RESULTS=1    keep target/results/{jmh-*.json,coldstart.tsv,classload-*} from the last run; only re-measure sizes and re-write the report
set -euo pipefail

cd "$(dirname "$0")"
HERE=$(pwd)
ROOT=$(cd .. && pwd)
OUT="$HERE/target/results"
JAR="$HERE/target/benchmarks.jar"
COURSES_AVAJE_JAR="$HERE/target/courses-avaje.jar"   # benchmarks.jar plus the avaje validation engine
COURSES_JSON_LOGS_JAR="$HERE/target/courses-json-logs.jar"   # courses-avaje.jar with logback and JSON logging
COLD_RUNS=${COLD_RUNS:-20}
ROUNDS=${ROUNDS:-6}
JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 5 -w 1s -i 3 -r 1s"}
JMH_JVM_ARGS=${JMH_JVM_ARGS-"-XX:+UseSerialGC"}
JMH_FILTER=${JMH_FILTER:-'dev\.portablefn\.bench\.(Aws|Gcp|Azure)Benchmark\..*'}
REALISTIC_FILTER=${REALISTIC_FILTER:-'dev\.portablefn\.bench\.realistic\..*'}
REALISTIC_ONLY=${REALISTIC_ONLY:-0}
JAVA=${JAVA:-java}

variant_jar() {   # the jar a variant runs from: the courses function as deployed (avaje) or on the default engine
  case "$1" in
    courses-avaje | courses-c1 | courses-appcds) echo "$COURSES_AVAJE_JAR" ;;
    courses-json-logs) echo "$COURSES_JSON_LOGS_JAR" ;;
    *) echo "$JAR" ;;
  esac
}

command -v jq >/dev/null || { echo "run.sh needs jq (apt-get install jq)" >&2; exit 1; }

warm_table() {   # $@: JMH JSON files, one per round -> one table row per path with both sides
  jq -r -s '
    def median: sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
    def r2: . * 100 | round / 100;
    [ to_entries[] | .key as $round | .value[]
      | { path: (.benchmark | sub("^dev\\.portablefn\\.bench\\.(realistic\\.)?"; "") | sub("_(portable|baseline)$"; "")),
          side: (.benchmark | capture("_(?<s>portable|baseline)$").s), round: $round,
          mean: .primaryMetric.score, raw: (.primaryMetric.rawData | flatten),
          alloc: (.secondaryMetrics["gc.alloc.rate.norm"].score // null) } ]
    | group_by(.path)[]
    | map(select(.side == "portable")) as $p | map(select(.side == "baseline")) as $b
    | select(($p | length) > 0 and ($b | length) > 0)
    | [ $p[] as $x | $b[] | select(.round == $x.round) | $x.mean / .mean ] as $ratios
    | ($ratios | median) as $t
    | ($p | map(.alloc) | add / length) as $pa | ($b | map(.alloc) | add / length) as $ba
    | (if $ba and $ba > 0 then $pa / $ba else null end) as $a
    | "| \($p[0].path) | \($p | map(.raw[]) | median | floor) | \($b | map(.raw[]) | median | floor) | \($ratios | map(r2 | tostring + "×") | join(" ")) | \($t | r2)× | \($pa | floor) | \($ba | floor) | \(if $a then ($a | r2 | tostring) + "×" else "n/a" end) | \(if $t <= 1.3 then "time ok" else "**time missed**" end), \(if $a and $a <= 1.5 then "alloc ok" else "**alloc missed**" end) |"
  ' "$@"
}

realistic_round() {   # $1: the round; the realistic benchmark's JMH run, on logback (the jar finds slf4j-simple by itself)
  echo "== JMH round $1 of $ROUNDS, realistic benchmark (routing, validation, logging through logback with the MDC)"
  # shellcheck disable=SC2086
  "$JAVA" -jar "$JAR" $JMH_ARGS -jvmArgsAppend "${JMH_JVM_ARGS:+$JMH_JVM_ARGS }-Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider" \
    -prof gc -rf json -rff "$OUT/jmh-realistic-$1.json" "$REALISTIC_FILTER" > "$OUT/jmh-realistic-$1.log" 2>&1
}

realistic_section() {   # the report's section on the realistic benchmark, from target/results/jmh-realistic-*.json
  echo "## Warm overhead of a realistic function (routing, validation, logging through logback)"
  echo
  echo "Target: portable ≤ 1.3× baseline time, ≤ 1.5× baseline allocation, per path. Measured like the current benchmark's"
  echo "warm table (paired rounds, one fork each, baseline right before portable, verdict on the median of the rounds'"
  echo "ratios), in the same rounds right after it. The function does what a typical one does: the HTTP paths route"
  echo "\`POST /orders/{customerId}\` with \`HttpRouter\`, bind the body with \`bodyAs\` and validate its Jakarta Validation"
  echo "constraints; the event paths get the message bound and validated by the library (each of the 10 SQS records);"
  echo "every order is logged in one line through logback, whose MDC the library fills (request id, trace id, function"
  echo "name, provider, and the event id per message). \`logback.xml\` formats each line with a \`PatternLayoutEncoder\` that"
  echo "prints those MDC keys, as a console appender would, and writes it to a discarding stream, so no I/O is measured."
  echo "The baselines (\`baseline/*/Realistic*\`) do the same by hand: a hand-written match on method and path that takes"
  echo "the customer id out, the same Jackson binding, Hibernate Validator bootstrapped as the library does (without EL),"
  echo "and the same line with the same MDC values, removed after; \`RealisticEquivalenceTest\` checks that both sides"
  echo "answer, reject invalid input, report batch failures and log alike."
  echo
  if compgen -G "$OUT/jmh-realistic-*.json" > /dev/null; then
    echo "| path | portable ns/op (median) | baseline ns/op (median) | time ratio per round | time ratio (median of rounds) | portable B/op | baseline B/op | alloc ratio | targets |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
    warm_table "$OUT"/jmh-realistic-*.json
  else
    echo "Not measured in this run (\`SKIP_REALISTIC=1\`)."
  fi
}

PUBLISH_TOPIC=arn:aws:sns:eu-west-1:123456789012:orders
start_sns_stub() {   # the loopback SNS of the variant "publish"; sets PUBLISH_ENV, the environment both sides run in
  rm -f "$OUT/sns-stub.port"
  "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$JAR" dev.portablefn.bench.SnsStub "$OUT/sns-stub.port" \
    > "$OUT/sns-stub.log" 2>&1 &
  SNS_STUB_PID=$!
  trap stop_sns_stub EXIT
  local tries=0
  until [[ -s $OUT/sns-stub.port ]] || ((++tries > 300)); do sleep 0.1; done
  [[ -s $OUT/sns-stub.port ]] || { echo "the SNS stub did not start in 30 s: see $OUT/sns-stub.log" >&2; exit 1; }
  # the SDK's own settings: endpoint (AWS_ENDPOINT_URL_<SERVICE>), region and static credentials, so no side
  # reaches the network; then each side's name for the topic
  PUBLISH_ENV=(AWS_ENDPOINT_URL_SNS="http://127.0.0.1:$(cat "$OUT/sns-stub.port")" AWS_REGION=eu-west-1
    AWS_ACCESS_KEY_ID=AKIDCOLDSTART AWS_SECRET_ACCESS_KEY=cold-start-secret
    PORTABLEFN_DESTINATION_ORDERS="$PUBLISH_TOPIC" ORDERS_TOPIC_ARN="$PUBLISH_TOPIC")
}
stop_sns_stub() {
  if [[ -n ${SNS_STUB_PID:-} ]]; then
    kill "$SNS_STUB_PID" 2> /dev/null || true
    wait "$SNS_STUB_PID" 2> /dev/null || true
    SNS_STUB_PID=""
  fi
}

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "== building (the benchmarks' own tests included)"
  # In one reactor with the modules it uses: the learning platform's jar is never installed (maven.install.skip).
  (cd "$ROOT" && ./mvnw -B -q verify -pl benchmarks -am -Dtest='dev.portablefn.bench.**' \
    -Dsurefire.failIfNoSpecifiedTests=false)
fi
REUSE=${REUSE_RESULTS:-0}
if [[ $REALISTIC_ONLY == 1 ]]; then   # re-measure the realistic rounds only: a full run's other results stay
  rm -f "$OUT"/jmh-realistic-*
elif [[ $REUSE != 1 ]]; then
  rm -rf "$OUT"
fi
mkdir -p "$OUT"
if [[ $REALISTIC_ONLY == 1 ]]; then
  LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
  for ((round = 1; round <= ROUNDS; round++)); do
    realistic_round "$round"
  done
  {
    echo "# portablefn realistic benchmark (REALISTIC_ONLY=1 run.sh)"
    echo
    echo "Measured on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $("$JAVA" -version 2>&1 | sed -n 2p); load average"
    echo "before / after: $LOAD / $(cut -d' ' -f1-3 /proc/loadavg). JMH: $ROUNDS rounds of \`$JMH_ARGS -prof gc\`, forked JVMs with"
    echo "\`${JMH_JVM_ARGS:-(default collector)}\`."
    echo
    realistic_section
  } > "$OUT/realistic.md"
  cat "$OUT/realistic.md"
  echo "== done: $OUT/realistic.md (RESULTS.md unchanged)"
  exit 0
fi
COLD="$OUT/coldstart.tsv"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
if [[ $REUSE == 1 && -f "$OUT/load.txt" ]]; then   # report the load of the run that measured, not of this re-render
  LOAD_BEFORE=$(sed -n 1p "$OUT/load.txt")
else
  echo "$LOAD_BEFORE" > "$OUT/load.txt"
fi

# ---------------------------------------------------------------- warm: JMH
if [[ $REUSE != 1 ]]; then
# Paired rounds: JMH runs the benchmarks of a round in name order, so each path's baseline runs right before its
# portable side and both meet the same machine; the verdict is the median over rounds of these paired ratios, which
# a noisy minute or one fork whose JIT settled badly cannot swing.
for ((round = 1; round <= ROUNDS; round++)); do
  echo "== JMH round $round of $ROUNDS ($JMH_ARGS) -prof gc"
  # shellcheck disable=SC2086
  "$JAVA" -jar "$JAR" $JMH_ARGS ${JMH_JVM_ARGS:+-jvmArgsAppend "$JMH_JVM_ARGS"} -prof gc -rf json -rff "$OUT/jmh-$round.json" \
    "$JMH_FILTER" > "$OUT/jmh-$round.log" 2>&1
  if [[ "${SKIP_MDC:-0}" != 1 ]]; then
    echo "== JMH round $round, HTTP paths with a logging provider that keeps an MDC (as logback does)"
    # shellcheck disable=SC2086
    "$JAVA" -jar "$JAR" $JMH_ARGS -jvmArgsAppend "$JMH_JVM_ARGS -Dslf4j.provider=dev.portablefn.bench.MdcKeepingLoggingProvider -Dportablefn.bench.baselineMdc=true" \
      -prof gc -rf json -rff "$OUT/jmh-mdc-$round.json" 'dev\.portablefn\.bench\.(Aws|Gcp|Azure)Benchmark\.(http|httpApiV2)_.*' \
      > "$OUT/jmh-mdc-$round.log" 2>&1
  fi
  if [[ "${SKIP_REALISTIC:-0}" != 1 ]]; then
    realistic_round "$round"
  fi
done
if [[ "${SKIP_LOCALCLOUD:-0}" != 1 ]]; then
  echo "== JMH LocalCloud throughput: no-op messages/s in SQS batches of 10, direct vs through the AWS wire format"
  # shellcheck disable=SC2086
  "$JAVA" -jar "$JAR" $JMH_ARGS ${JMH_JVM_ARGS:+-jvmArgsAppend "$JMH_JVM_ARGS"} -rf json -rff "$OUT/jmh-localcloud.json" \
    'dev\.portablefn\.bench\.LocalCloudBenchmark\..*' > "$OUT/jmh-localcloud.log" 2>&1
fi
if [[ "${PROFILE:-0}" == 1 ]]; then
  echo "== JMH -prof stack (AWS portable paths)"
  "$JAVA" -jar "$JAR" -f 1 -wi 2 -w 1s -i 3 -r 1s -prof stack:lines=3 'AwsBenchmark\..*_portable' > "$OUT/profile-stack.txt" 2>&1
fi

# ---------------------------------------------------------------- cold start
VARIANTS="default c1 appcds appcds-c1 primed courses courses-avaje courses-c1 courses-appcds courses-json-logs"
if [[ ${SKIP_PUBLISH:-0} != 1 ]]; then
  VARIANTS+=" publish"
fi
echo "== cold start: $COLD_RUNS fresh JVMs per variant and side ($VARIANTS)"
COLD="$OUT/coldstart.tsv"
printf 'variant\tside\twall_ms\tinit_ms\tfirst_invoke_ms\n' > "$COLD"
for side in portable baseline; do   # one AppCDS archive per side, dumped once; and one per side of the courses function
  "$JAVA" -XX:ArchiveClassesAtExit="$OUT/app-$side.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -cp "$JAR" dev.portablefn.bench.ColdStart "$side" > /dev/null 2>&1
  "$JAVA" -XX:ArchiveClassesAtExit="$OUT/app-courses-$side.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -cp "$COURSES_AVAJE_JAR" dev.portablefn.bench.ColdStart "$side" --courses > /dev/null 2>&1
done
variant_flags() {
  case "$1:$2" in
    default:* | primed:* | publish:* | courses:* | courses-avaje:*) echo "" ;;
    c1:* | courses-c1:*) echo "-XX:TieredStopAtLevel=1" ;;
    appcds:*) echo "-XX:SharedArchiveFile=$OUT/app-$2.jsa -Xshare:auto" ;;
    appcds-c1:*) echo "-XX:SharedArchiveFile=$OUT/app-$2.jsa -XX:TieredStopAtLevel=1" ;;
    courses-appcds:*) echo "-XX:SharedArchiveFile=$OUT/app-courses-$2.jsa -Xshare:auto" ;;
    courses-json-logs:portable) echo "" ;;   # portablefn-logging, found by SLF4J itself (PORTABLEFN_LOG_FORMAT=aws)
    courses-json-logs:baseline) echo "-Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider -Dlogback.configurationFile=baseline-json-logback.xml" ;;
  esac
}
variant_args() {   # what ColdStart gets after the side
  case "$1" in
    primed) echo "--prime" ;;
    publish) echo "--publish" ;;
    courses | courses-avaje | courses-c1 | courses-appcds | courses-json-logs) echo "--courses" ;;
  esac
}
if [[ $VARIANTS == *publish* ]]; then
  start_sns_stub
  for side in portable baseline; do   # unmeasured: the stub's first requests pay its own class loading
    env "${PUBLISH_ENV[@]}" "$JAVA" -cp "$JAR" dev.portablefn.bench.ColdStart "$side" --publish > /dev/null
  done
fi
for ((run = 1; run <= COLD_RUNS; run++)); do
  for variant in $VARIANTS; do
    for side in portable baseline; do   # interleaved: machine noise hits both sides alike
      flags=$(variant_flags "$variant" "$side")
      extra=$(variant_args "$variant")
      jar=$(variant_jar "$variant")
      run_in=(); [[ $variant == publish ]] && run_in=(env "${PUBLISH_ENV[@]}")   # env execs java: no extra process
      [[ $variant == courses-json-logs ]] && run_in=(env PORTABLEFN_LOG_FORMAT=aws)
      start=$(date +%s%N)
      # shellcheck disable=SC2086
      # (the JSON-logging variant's log lines share standard output with ColdStart's own line)
      line=$("${run_in[@]}" "$JAVA" $flags -cp "$jar" dev.portablefn.bench.ColdStart "$side" $extra 2>/dev/null | grep '^init_ms=') ||
        { echo "ColdStart $side $extra failed (variant $variant): run it by hand to see why" >&2; exit 1; }
      end=$(date +%s%N)
      init=$(sed -E 's/.*init_ms=([0-9.]+).*/\1/' <<< "$line")
      invoke=$(sed -E 's/.*first_invoke_ms=([0-9.]+).*/\1/' <<< "$line")
      printf '%s\t%s\t%s\t%s\t%s\n' "$variant" "$side" "$(( (end - start) / 1000000 ))" "$init" "$invoke" >> "$COLD"
    done
  done
done

# class loading: what each side loads for one cold invocation
for side in portable baseline; do
  "$JAVA" -Xlog:class+load=info:file="$OUT/classload-$side.txt" -cp "$JAR" dev.portablefn.bench.ColdStart "$side" > /dev/null
done
for variant in courses courses-avaje; do   # the courses function's portable side on each validation engine
  "$JAVA" -Xlog:class+load=info:file="$OUT/classload-$variant-portable.txt" -cp "$(variant_jar "$variant")" \
    dev.portablefn.bench.ColdStart portable --courses > /dev/null
done
for side in portable baseline; do
  if [[ $VARIANTS == *publish* ]]; then
    env "${PUBLISH_ENV[@]}" "$JAVA" -Xlog:class+load=info:file="$OUT/classload-publish-$side.txt" -cp "$JAR" \
      dev.portablefn.bench.ColdStart "$side" --publish > /dev/null
  fi
done
if [[ $VARIANTS == *publish* ]]; then
  stop_sns_stub
fi
fi   # REUSE
classes() { grep -c ' source: ' "$1" || true; }
classes_from() { grep ' source: ' "$1" | awk '{print $2}' | grep -cE "$2" || true; }

# ---------------------------------------------------------------- deployment size
echo "== deployment size"
SIZES="$OUT/sizes.tsv"
printf 'artifact\tbytes\n' > "$SIZES"
printf 'minimal AWS portable function (target/minimal-aws.jar)\t%s\n' "$(stat -c %s target/minimal-aws.jar)" >> "$SIZES"
printf 'hand-written AWS baseline (target/minimal-baseline-aws.jar)\t%s\n' "$(stat -c %s target/minimal-baseline-aws.jar)" >> "$SIZES"
printf 'portable AWS function publishing to SNS (target/publish-aws.jar)\t%s\n' "$(stat -c %s target/publish-aws.jar)" >> "$SIZES"
printf 'hand-written AWS SNS publisher baseline (target/publish-baseline-aws.jar)\t%s\n' "$(stat -c %s target/publish-baseline-aws.jar)" >> "$SIZES"
for example in minimal-aws minimal-gcp minimal-azure; do
  pom="$ROOT/examples/$example/pom.xml"
  if [[ -f $pom ]]; then
    if (cd "$ROOT" && ./mvnw -B -q -o -f "examples/$example/pom.xml" package -DskipTests > "$OUT/build-$example.log" 2>&1); then
      target="$ROOT/examples/$example/target"
      if [[ -d $target/azure-functions ]]; then   # Azure deploys a folder: function jar + lib/ + function.json files
        printf 'examples/%s (target/azure-functions folder, jar + lib/)\t%s\n' "$example" "$(du -sb "$target/azure-functions" | cut -f1)" >> "$SIZES"
      else
        jar=$(find "$target" "$target/deploy" -maxdepth 1 -name '*.jar' ! -name 'original-*' ! -name '*-sources.jar' -printf '%s %p\n' 2>/dev/null | sort -rn | head -1 | cut -d' ' -f2 || true)
        [[ -n $jar ]] && printf 'examples/%s (%s)\t%s\n' "$example" "${jar#"$target"/}" "$(stat -c %s "$jar")" >> "$SIZES"
      fi
      (cd "$ROOT" && ./mvnw -B -q -o -f "examples/$example/pom.xml" dependency:list -DincludeScope=runtime \
          -DoutputFile="$OUT/deps-$example.txt" > /dev/null 2>&1) || true
    else
      printf 'examples/%s (build failed, see target/results/build-%s.log)\t0\n' "$example" "$example" >> "$SIZES"
    fi
  else
    printf 'examples/%s (not in the tree yet)\t0\n' "$example" >> "$SIZES"
  fi
done
(cd "$ROOT" && ./mvnw -B -q -o -f adapters-aws/lambda/pom.xml dependency:list -DincludeScope=runtime \
    -DoutputFile="$OUT/deps-adapters-aws.txt" > /dev/null 2>&1) || echo "(dependency:list failed)" > "$OUT/deps-adapters-aws.txt"
# compressed bytes per top-level package in the minimal jar: who pays for the size
unzip -v target/minimal-aws.jar | awk 'NR>3 && $8 ~ /\.class$|\// {split($8,p,"/"); k=p[1]"/"p[2]"/"p[3]; s[k]+=$3} END {for (k in s) printf "%s\t%d\n", k, s[k]}' \
  | sort -t$'\t' -k2 -rn | head -12 > "$OUT/minimal-aws-breakdown.tsv" || true

# ---------------------------------------------------------------- report
echo "== writing RESULTS.md"
stats() {   # stdin: numbers -> "median (min–max, IQR q1–q3)"
  sort -n | awk '{v[NR]=$1} END {
    if (NR == 0) { print "n/a"; exit }
    m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
    q1 = v[int((NR+3)/4)]; q3 = v[int((3*NR+1)/4)]
    printf "%s\t%s\t%s\t%s\t%s\n", m, v[1], v[NR], q1, q3 }'
}
median() { stats | cut -f1; }
jar_mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN {printf "%.2f", b / 1048576}'; }
col() { awk -F'\t' -v v="$1" -v s="$2" -v c="$3" 'NR>1 && $1==v && $2==s {print $c}' "$COLD"; }

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
MEM=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
JDK=$("$JAVA" -version 2>&1 | sed -n 2p)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
if [[ $REUSE == 1 && $(wc -l < "$OUT/load.txt") -ge 2 ]]; then
  LOAD_AFTER=$(sed -n 2p "$OUT/load.txt")
elif [[ $REUSE != 1 ]]; then
  echo "$LOAD_AFTER" >> "$OUT/load.txt"
fi

{
  echo "# portablefn benchmark results"
  echo
  if [[ $REUSE == 1 ]]; then   # a re-render: say when the numbers were measured, not only when they were written up
    echo "Generated by \`benchmarks/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') from the measurements finished $(date -u -r "$COLD" '+%Y-%m-%d %H:%M UTC')."
  else
    echo "Generated by \`benchmarks/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC')."
  fi
  echo
  echo "- Machine: $(nproc) CPUs, $CPU, $MEM RAM"
  echo "- JDK: $JDK"
  echo "- Load average (1/5/15 min) before / after: $LOAD_BEFORE / $LOAD_AFTER. Absolute numbers vary with what else runs on"
  echo "  the 2 cores; ratios come from the same run, interleaved, and are what to read."
  # counted from the results rather than taken from the knobs, which a REUSE_RESULTS re-render does not share
  rounds_run=$(compgen -G "$OUT/jmh-[0-9]*.json" | wc -l)
  cold_runs=$(awk -F'\t' '$1 == "default" && $2 == "portable"' "$COLD" | wc -l)
  echo "- JMH: $rounds_run rounds of \`$JMH_ARGS -prof gc\`, forked JVMs with \`${JMH_JVM_ARGS:-(default collector)}\`; cold start:"
  echo "  $cold_runs fresh JVMs per variant and side, interleaved."
  echo
  echo "## Warm overhead (JMH, average time per invocation, steady state)"
  echo
  echo "Target: portable ≤ 1.3× baseline time, ≤ 1.5× baseline allocation."
  echo
  echo "$rounds_run paired rounds; in each, every benchmark runs once in a fresh JVM (one fork) and a path's baseline runs"
  echo "right before its portable side, so both meet the same machine. The time ratio of a round is portable mean /"
  echo "baseline mean of that round; the verdict uses the median of the rounds' ratios, which one noisy minute or one"
  echo "fork whose JIT settled badly cannot swing. ns/op columns: median over all measured iterations of all rounds."
  echo "Allocation per op is not affected by load. The forked JVMs use the serial collector, as functions do on every"
  echo "target platform: Lambda's Java 17 runtime sets it, and the JVM picks it by itself with one CPU or under 1792 MB"
  echo "of memory, which covers the default instances of Cloud Functions and of Azure Functions' Consumption plan. With G1,"
  echo "this 2-CPU machine's default, some forks settled up to 1.6× slower than others for a whole measurement (AWS HTTP"
  echo "and Pub/Sub portable sides most often), which no amount of rounds averages out."
  echo
  if compgen -G "$OUT/jmh-[0-9]*.json" > /dev/null; then
    echo "| path | portable ns/op (median) | baseline ns/op (median) | time ratio per round | time ratio (median of rounds) | portable B/op | baseline B/op | alloc ratio | targets |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
    warm_table "$OUT"/jmh-[0-9]*.json
  else
    echo "Not measured in this run (\`ROUNDS=0\`)."
  fi
  if compgen -G "$OUT/jmh-mdc-*.json" > /dev/null; then
    echo
    echo "The same HTTP paths with a logging provider that keeps an MDC (\`MdcKeepingLoggingProvider\`: slf4j-simple with"
    echo "slf4j's thread-local \`BasicMDCAdapter\`, as logback keeps one). The main table runs on slf4j-simple, whose MDC is a"
    echo "no-op, so the library skips filling it and parses the trace only if the function asks, and the baselines log"
    echo "nothing. Here the library puts the request id, trace id, function name and provider into the MDC (and the event"
    echo "id for events), and restores what was there after; the baselines put the same four keys and remove them after,"
    echo "as a hand-written handler that correlates its logs does (\`BaselineMdc\`): the trace id from the same header or"
    echo "worker trace context, and on GCP both read the invoker's header map once for the execution id and traceparent."
    echo "What the MDC itself costs the portable side is its ns/op here against the main table's."
    echo
    echo "| path | portable ns/op (median) | baseline ns/op (median) | time ratio per round | time ratio (median of rounds) | portable B/op | baseline B/op | alloc ratio | targets |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
    warm_table "$OUT"/jmh-mdc-*.json
  fi
  echo
  realistic_section
  echo
  echo "## LocalCloud throughput"
  echo
  if [[ -f "$OUT/jmh-localcloud.json" ]]; then
    lc_score() { jq -r --arg p "$1" 'map(select(.params.path == $p))[0].primaryMetric.score | floor' "$OUT/jmh-localcloud.json"; }
    lc_direct=$(lc_score LOCAL)
    lc_aws=$(lc_score AWS)
    echo "LocalCloud no-op messages/s, direct vs AWS wire format: $lc_direct direct (\`LOCAL\`: the function's runner), $lc_aws"
    echo "through the AWS wire format (each batch of 10 encoded as an SQS event, run through \`LambdaHandler\`, its"
    echo "\`batchItemFailures\` read back); target ≥ 100,000 through the wire format:" \
         "$( (( lc_aws >= 100000 )) && echo "met" || echo "**missed**"). One JMH run of \`LocalCloudBenchmark\` ($JMH_ARGS)."
  else
    echo "Not measured in this run (\`SKIP_LOCALCLOUD=1\`)."
  fi
  echo
  echo "## Cold start (AWS, HTTP API v2, whole process: JVM start → handler built → one event handled → exit)"
  echo
  echo "Target: portable ≤ 1.3× baseline wall time. Milliseconds; median (min–max, IQR). Deployable jar: the shaded jar"
  echo "of each side's function (\`target/minimal-aws.jar\` / \`minimal-baseline-aws.jar\`; for \`publish\`,"
  echo "\`target/publish-aws.jar\` / \`publish-baseline-aws.jar\`); every run itself starts from \`target/benchmarks.jar\`, but"
  echo "\`courses-avaje\`'s and \`courses-appcds\`'s, which start from \`target/courses-avaje.jar\` (the same content plus the avaje"
  echo "validation engine), and \`courses-json-logs\`'s, from \`target/courses-json-logs.jar\` (that jar with"
  echo "\`portablefn-logging\` as the SLF4J provider SLF4J finds, logback and logstash-logback-encoder, without slf4j-simple)."
  echo
  echo "| variant | portable wall | baseline wall | ratio | portable init / first invoke | baseline init / first invoke | deployable jar MB (portable / baseline) |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for variant in default c1 appcds appcds-c1 primed publish courses courses-avaje courses-c1 courses-appcds courses-json-logs; do
    label=$variant
    case $variant in
      c1) label='`-XX:TieredStopAtLevel=1`' ;;
      appcds) label='AppCDS (`-XX:SharedArchiveFile`, archive per side)' ;;
      appcds-c1) label='AppCDS + `TieredStopAtLevel=1`' ;;
      primed) label='priming in init (event handled once before the measured one)' ;;
      publish) label='`publish`: the default variant plus one SNS message per invocation (loopback stub)' ;;
      courses) label='`courses`: the learning platform'"'"'s courses function, one validated `POST /courses`' ;;
      courses-avaje) label='`courses-avaje`: `courses`, the portable side validating with avaje'"'"'s generated adapters' ;;
      courses-appcds) label='`courses-appcds`: `courses-avaje` with AppCDS (archive per side, dumped from a `--courses` run)' ;;
      courses-json-logs) label='`courses-json-logs`: `courses-avaje` with JSON logs (Lambda JSON format)' ;;
      courses-c1) label='`courses-c1`: `courses-avaje` with `TieredStopAtLevel=1`, as Lambda'"'"'s Java 17 and 21 runtimes run' ;;
    esac
    jars="$(jar_mb target/minimal-aws.jar) / $(jar_mb target/minimal-baseline-aws.jar)"
    [[ $variant == publish ]] && jars="$(jar_mb target/publish-aws.jar) / $(jar_mb target/publish-baseline-aws.jar)"
    [[ $variant == courses* ]] && jars="(from $(basename "$(variant_jar "$variant")"))"
    if [[ -z $(col "$variant" portable 3) ]]; then   # SKIP_PUBLISH=1, or reused results from before the variant
      echo "| $label | not measured in this run | | | | | $jars |"
      continue
    fi
    read -r pm pmin pmax pq1 pq3 < <(col "$variant" portable 3 | stats)
    read -r bm bmin bmax bq1 bq3 < <(col "$variant" baseline 3 | stats)
    ratio=$(awk -v p="$pm" -v b="$bm" 'BEGIN {printf "%.2f", p / b}')
    verdict=$(awk -v r="$ratio" 'BEGIN {print (r <= 1.3) ? "" : " **missed**"}')
    [[ $variant == primed ]] && verdict=" (wall includes the priming; compare first invoke)"
    echo "| $label | $pm ($pmin–$pmax, IQR $pq1–$pq3) | $bm ($bmin–$bmax, IQR $bq1–$bq3) | ${ratio}×$verdict | $(col "$variant" portable 4 | median) / $(col "$variant" portable 5 | median) | $(col "$variant" baseline 4 | median) / $(col "$variant" baseline 5 | median) | $jars |"
  done
  echo
  echo "\`publish\`: \`PublishingAwsHandler\` (the default variant's function plus"
  echo "\`Publisher.registered().publish(\"orders\", receipt)\`, which finds \`AwsPublisher\` with \`ServiceLoader\`) against"
  echo "\`PublishingBaselineLambdaHandler\` (the same Jackson handling and an \`SnsClient\` configured as \`AwsPublisher\`'s:"
  echo "URLConnection HTTP client, the standard retry strategy, the default region and credentials chains, a call timeout of"
  echo "at most 10 s). Both send the same message (the receipt as JSON, the request's trace as a \`traceparent\` attribute;"
  echo "\`BaselineEquivalenceTest\` checks it) to \`SnsStub\`, a loopback SNS this script runs as one process for the whole"
  echo "section. Both find it through the SDK's own settings: \`AWS_ENDPOINT_URL_SNS\`, \`AWS_REGION=eu-west-1\` and static"
  echo "credentials in \`AWS_ACCESS_KEY_ID\` / \`AWS_SECRET_ACCESS_KEY\`, so nothing reaches the network. The baseline builds"
  echo "its client in init, as AWS advises for hand-written handlers, and the library on the first publish: compare wall"
  echo "times, not the init / first invoke split. \`publish-aws.jar\` carries all of \`portablefn-aws-sdk\` (SNS, SQS,"
  echo "EventBridge and S3 clients), \`publish-baseline-aws.jar\` the SNS client's closure only."
  if [[ -f $OUT/sns-stub.log ]]; then
    published=$(grep -c '^Publish ' "$OUT/sns-stub.log" || true)
    measured=$(awk -F'\t' 'NR>1 && $1=="publish"' "$COLD" | wc -l)
    check=""; ((published == measured + 4)) || check=": **expected $((measured + 4)), see target/results/sns-stub.log**"
    echo "The stub answered $published \`Publish\` requests, one per run ($measured measured, 2 warm-up, 2 class-loading)$check."
  fi
  echo
  echo "### Realistic functions against the bare handler"
  echo
  echo "Target: each realistic function's cold start ≤ 1.3× the **bare** hand-written Jackson handler (the \`default\`"
  echo "variant's baseline, \`BaselineLambdaHandler\`), measured in the same runs as above. The hand-written counterpart"
  echo "does the same work naively: \`courses\` routes by hand, binds with Jackson and validates with Hibernate Validator"
  echo "(\`CoursesBaselineLambdaHandler\`, same catalogue, same log line, same problem body: \`CoursesEquivalenceTest\`);"
  echo "\`publish\` builds its \`SnsClient\` by hand. \`courses-avaje\` is the same pair run from \`target/courses-avaje.jar\`,"
  echo "which adds \`portablefn-validation-avaje\`: the portable side validates \`NewCourse\` with the adapter avaje-validator's"
  echo "generator wrote for it when the learning platform was built (as its deployables do), and loads no Hibernate Validator"
  echo "class; the hand-written counterpart still bootstraps Hibernate Validator itself, as a naive handler would."
  echo "\`courses-json-logs\` is \`courses-avaje\` with every log line written as JSON: on the portable side by"
  echo "\`portablefn-logging\` (the SLF4J provider SLF4J finds, as deployed) in Lambda's JSON log format"
  echo "(\`PORTABLEFN_LOG_FORMAT=aws\`, as on Lambda), on the hand-written side by logback (named with \`-Dslf4j.provider\`)"
  echo "and a \`logback.xml\` with logstash-logback-encoder's \`LogstashEncoder\` (\`baseline-json-logback.xml\`), the way"
  echo "a handler without the library gets JSON lines; both write their lines to standard output (the script drops them)."
  echo "\`courses-appcds\` is \`courses-avaje\` with an AppCDS archive per side dumped from a \`--courses\` run;"
  echo "its row is against the bare handler *without* AppCDS, like every row here, and the line under the table gives its"
  echo "ratio against the bare handler with AppCDS (the \`appcds\` variant's baseline). \`courses-c1\` is \`courses-avaje\` with"
  echo "C1 only on both sides, likewise against the bare handler with C1 under the table. An AppCDS archive serves only the"
  echo "JVM build and class path that dumped it, so on a managed runtime (a zip on Lambda's java17) it must be dumped by that"
  echo "runtime; a container image can dump it at build time."
  echo
  echo "| function | portable wall | hand-written counterpart | bare handler | vs counterpart | vs bare |"
  echo "|---|---:|---:|---:|---:|---:|"
  bare=$(col default baseline 3 | median)
  for variant in default courses courses-avaje courses-json-logs courses-c1 courses-appcds publish; do
    [[ -z $(col "$variant" portable 3) ]] && continue
    pm=$(col "$variant" portable 3 | median)
    bm=$(col "$variant" baseline 3 | median)
    label=$variant
    case $variant in
      default) label='minimal (`OrderHttpFunction`)' ;;
      courses) label='learning platform `POST /courses`, validated' ;;
      courses-avaje) label='learning platform `POST /courses`, validated with avaje'"'"'s generated adapters' ;;
      courses-appcds) label='learning platform `POST /courses`, validated with avaje, with AppCDS (both sides)' ;;
      courses-json-logs) label='learning platform `POST /courses`, validated with avaje, JSON logs' ;;
      courses-c1) label='learning platform `POST /courses`, validated with avaje, C1 only (both sides)' ;;
      publish) label='minimal + one SNS publish' ;;
    esac
    vs_counterpart=$(awk -v p="$pm" -v b="$bm" 'BEGIN {printf "%.2f", p / b}')
    vs_bare=$(awk -v p="$pm" -v b="$bare" 'BEGIN {printf "%.2f", p / b}')
    verdict=$(awk -v r="$vs_bare" 'BEGIN {print (r <= 1.3) ? "" : " **missed**"}')
    echo "| $label | $pm | $bm | $bare | ${vs_counterpart}× | ${vs_bare}×$verdict |"
  done
  vs_bare_alike() {   # $1: a courses variant, $2: the variant whose baseline is the bare handler on the same JVM flags, $3: those flags, $4: more words
    [[ -n $(col "$1" portable 3) && -n $(col "$2" baseline 3) ]] || return 0
    local bare_alike; bare_alike=$(col "$2" baseline 3 | median)
    echo
    echo "\`$1\` against the bare handler with $3 as well (the \`$2\` variant's baseline, $bare_alike ms)${4:+, $4}:" \
         "$(awk -v p="$(col "$1" portable 3 | median)" -v b="$bare_alike" 'BEGIN {printf "%.2f", p / b}')×."
  }
  vs_bare_alike courses-appcds appcds 'AppCDS'
  vs_bare_alike courses-c1 c1 'C1 only' 'which is how both would start on Lambda'"'"'s Java 17 and 21 runtimes (they set `TieredStopAtLevel=1` unless told otherwise)'
  echo
  echo "Classes loaded for one cold invocation (\`-Xlog:class+load\`): portable $(classes "$OUT/classload-portable.txt")," \
       "baseline $(classes "$OUT/classload-baseline.txt"). Portable by origin: dev.portablefn $(classes_from "$OUT/classload-portable.txt" '^dev\.portablefn\.(api|aws)')," \
       "Jackson $(classes_from "$OUT/classload-portable.txt" '^com\.fasterxml')" \
       "(baseline $(classes_from "$OUT/classload-baseline.txt" '^com\.fasterxml'))," \
       "SLF4J $(classes_from "$OUT/classload-portable.txt" '^org\.slf4j'), Hibernate Validator / Jakarta Validation" \
       "$(classes_from "$OUT/classload-portable.txt" '^(org\.hibernate|jakarta\.validation)'), java.time $(classes_from "$OUT/classload-portable.txt" '^java\.time')" \
       "(baseline $(classes_from "$OUT/classload-baseline.txt" '^java\.time'))."
  if [[ -f $OUT/classload-courses-portable.txt && -f $OUT/classload-courses-avaje-portable.txt ]]; then
    echo
    echo "Classes the courses function's portable side loads for one cold invocation: $(classes "$OUT/classload-courses-portable.txt")" \
         "on Hibernate Validator (of them $(classes_from "$OUT/classload-courses-portable.txt" '^org\.hibernate\.validator') \`org.hibernate.validator\`)," \
         "$(classes "$OUT/classload-courses-avaje-portable.txt") on avaje (of them $(classes_from "$OUT/classload-courses-avaje-portable.txt" '^io\.avaje') \`io.avaje\`," \
         "$(classes_from "$OUT/classload-courses-avaje-portable.txt" '^org\.hibernate\.validator') \`org.hibernate.validator\`)."
  fi
  if [[ -f $OUT/classload-publish-portable.txt ]]; then
    echo
    echo "With \`--publish\`: portable $(classes "$OUT/classload-publish-portable.txt"), baseline" \
         "$(classes "$OUT/classload-publish-baseline.txt"); of them AWS SDK" \
         "$(classes_from "$OUT/classload-publish-portable.txt" '^software\.amazon\.awssdk') /" \
         "$(classes_from "$OUT/classload-publish-baseline.txt" '^software\.amazon\.awssdk'), Jackson" \
         "$(classes_from "$OUT/classload-publish-portable.txt" '^com\.fasterxml') /" \
         "$(classes_from "$OUT/classload-publish-baseline.txt" '^com\.fasterxml'), portablefn (API, runtime, adapters)" \
         "$(classes_from "$OUT/classload-publish-portable.txt" '^dev\.portablefn\.(api|aws|runtime)') /" \
         "$(classes_from "$OUT/classload-publish-baseline.txt" '^dev\.portablefn\.(api|aws|runtime)')."
  fi
  echo
  echo "## Deployment size"
  echo
  echo "Target: minimal AWS deployable jar ≤ 4 MB (4,194,304 bytes). The target applies to the deployable jar of"
  echo "\`examples/minimal-aws\` (what a user uploads to Lambda: the function, the AWS adapter and their runtime"
  echo "dependencies, without the optional Hibernate Validator). \`target/minimal-aws.jar\` is the benchmark harness's own"
  echo "shaded jar of the same handler *with* every compile dependency of \`function-api\` (Hibernate Validator included);"
  echo "it is listed for reference only."
  example_bytes=$(awk -F'\t' 'NR>1 && $1 ~ /^examples\/minimal-aws / {print $2}' "$SIZES")
  if [[ -n $example_bytes && $example_bytes -gt 0 ]]; then
    echo
    echo "**Verdict:** examples/minimal-aws deployable jar = $example_bytes bytes ($(awk -v b="$example_bytes" 'BEGIN {printf "%.2f", b/1048576}') MB):" \
         "$( (( example_bytes <= 4194304 )) && echo "target met" || echo "**target missed**")."
  fi
  echo
  echo "| artifact | bytes | MB |"
  echo "|---|---:|---:|"
  awk -F'\t' 'NR>1 {printf "| %s | %s | %s |\n", $1, ($2 > 0 ? $2 : "—"), ($2 > 0 ? sprintf("%.2f", $2/1048576) : "—")}' "$SIZES"
  echo
  echo "Compressed bytes per top-level package in \`minimal-aws.jar\`:"
  echo
  echo "| package | bytes |"
  echo "|---|---:|"
  awk -F'\t' '{printf "| %s | %s |\n", $1, $2}' "$OUT/minimal-aws-breakdown.tsv"
  echo
  echo "Runtime dependencies of \`portablefn-aws-lambda\` (\`mvn dependency:list -DincludeScope=runtime\`):"
  echo
  echo '```'
  grep -E '^\s+[a-z].*:.*:' "$OUT/deps-adapters-aws.txt" | sed 's/^ *//' | sed 's/ -- module.*//' | sort || true
  echo '```'
} > "$HERE/RESULTS.md.tmp"

if [[ -f "$HERE/ANALYSIS.md" ]]; then   # hand-written profiling notes, kept across runs
  { echo; cat "$HERE/ANALYSIS.md"; } >> "$HERE/RESULTS.md.tmp"
fi
mv "$HERE/RESULTS.md.tmp" "$HERE/RESULTS.md"
echo "== done: $HERE/RESULTS.md (raw data in target/results/)"
