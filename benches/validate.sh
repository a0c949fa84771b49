#!/usr/bin/env bash
# Validation of a spec full of problems: a schedule that gives one month
# again and again, N times. Every repetition is a problem; the first 100
# are listed with their lines. The time must grow with N, not N².
#
#   benches/validate.sh              # 1,000, 2,000 and 20,000 repetitions
#   benches/validate.sh 500 5000     # chosen sizes
#
# Prints the size of each generated spec and the whole process's wall time
# and peak memory. Needs GNU time (Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
source benches/setup.sh 1000 2000 20000

printf '%8s  %10s  %10s  %12s\n' repeats "spec (KB)" "wall (s)" "peak memory"
for n in "${sizes[@]}"; do
  spec="$work/months-$n.yaml"
  {
    printf 'school: 甲校\nyear: 2025\nguiding_principles: 文字。\nmeasures: [做事]\nschedule:\n'
    seq 1 "$n" | awk '{ printf "  - month: 3\n    items: [事项%d]\n", $1 }'
  } > "$spec"
  /usr/bin/time -f '%e %M' -o "$work/time" "$bin" validate "$spec" >/dev/null 2>&1 || true
  # GNU time says first that the exit status was 1 (the spec is invalid).
  read -r secs kib < <(tail -n 1 "$work/time")
  printf '%8d  %10d  %10.2f  %8.1f MiB\n' "$n" "$(( $(wc -c < "$spec") / 1024 ))" "$secs" \
    "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')"
done
