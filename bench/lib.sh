# Shared by bench/run and bench/faults (sourced): the machine, the local stack, the load and data helpers.
RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS"

machine() {
  echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $(java -version 2>&1 | head -1)"
}

ensure_up() {
  if [ "$("$ROOT/aurum" status | awk '$1 == "gateway" {print $5}')" != "ready=200" ]; then
    "$ROOT/aurum" up >/dev/null
  fi
}

loadgen() { java "$ROOT/bench/LoadGen.java" "$@"; }

# client-service's bench helper (bench/ClientBench.java) talks JDBC: the driver comes from the built service
pg_driver() { ls "$ROOT"/client-service/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar | head -1; }
clientbench() { java -cp "$(pg_driver)" "$ROOT/bench/ClientBench.java" "$@"; }
CLIENT_DB=(jdbc:postgresql://127.0.0.1:55432/aurum_client aurum_client aurum_client)
# the bench clients' month-end: the last one that ended (removed again by the cleanup)
last_month_end() { date -d "$(date +%Y-%m-01) -1 day" +%Y-%m-%d; }

advicebench() { java -cp "$(pg_driver)" "$ROOT/bench/AdviceBench.java" "$@"; }
ADVICE_DB=(jdbc:postgresql://127.0.0.1:55432/aurum_advisory aurum_advisory aurum_advisory)
flow_classpath() {
  local lib="$ROOT/engagement-service/target/quarkus-app/lib/main" jar cp=""
  for jar in "$lib"/org.apache.kafka.kafka-clients-*.jar "$lib"/org.postgresql.postgresql-*.jar "$lib"/org.slf4j.slf4j-api-*.jar \
             "$lib"/at.yawk.lz4.lz4-java-*.jar "$lib"/org.xerial.snappy.snappy-java-*.jar "$lib"/com.github.luben.zstd-jni-*.jar; do
    cp="${cp:+$cp:}$jar"
  done
  echo "$cp"
}
flowbench() { java -cp "$(flow_classpath)" "$ROOT/bench/FlowBench.java" "$@"; }
perfbench() { java -cp "$(pg_driver)" "$ROOT/bench/PerformanceBench.java" "$@"; }
ENG_DB="jdbc:postgresql://127.0.0.1:55432/aurum_engagement,aurum_engagement,aurum_engagement"
CLIENT_DB_SPEC="jdbc:postgresql://127.0.0.1:55432/aurum_client,aurum_client,aurum_client"
# every service's database: `drain` waits until each outbox has sent everything and every consumer group is caught up
ALL_DB_SPECS=("$CLIENT_DB_SPEC" "jdbc:postgresql://127.0.0.1:55432/aurum_risk,aurum_risk,aurum_risk"
  "jdbc:postgresql://127.0.0.1:55432/aurum_advisory,aurum_advisory,aurum_advisory" "$ENG_DB")
drain() { flowbench drain 127.0.0.1:9092 "${1:-900}" "${ALL_DB_SPECS[@]}"; }

# One field of a bench tool's one-line JSON: a number, true/false or a "string" (an object or array gives nothing).
field() { echo "$1" | sed -n "s/.*\"$2\":\([^,}\[]*\).*/\1/p" | head -1; }
# A percentile of a latency object in it: pct "$json" commit_to_task_ms p99
pct() { echo "$1" | sed -n "s/.*\"$2\":{[^}]*\"$3\":\([0-9]*\).*/\1/p"; }
