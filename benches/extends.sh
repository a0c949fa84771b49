#!/usr/bin/env bash
# Merging by id and comparing: a parent spec of N measures, each with an
# id, and a child that changes every one of them by id. `validate` merges
# the two (`extends`); `diff` compares them. The time must grow with N,
# not N².
#
#   benches/extends.sh              # 2,000 and 20,000 measures
#   benches/extends.sh 500 5000     # chosen sizes
#
# Prints the wall time and peak memory of each whole process. Needs GNU
# time (Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
source benches/setup.sh 2000 20000

measure() { # command args... -> "secs MiB"
  /usr/bin/time -f '%e %M' -o "$work/time" "$bin" "$@" >/dev/null 2>&1 || true
  read -r secs kib < <(tail -n 1 "$work/time")
  printf '%10.2f  %8.1f MiB' "$secs" "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')"
}

printf '%8s  %22s  %22s\n' measures "validate (s, memory)" "diff (s, memory)"
for n in "${sizes[@]}"; do
  {
    printf 'school: 甲校\nyear: 2025\nguiding_principles: 文字。\nmeasures:\n'
    seq 1 "$n" | awk '{ printf "  - id: m%d\n    title: 措施%d\n", $1, $1 }'
  } > "$work/parent.yaml"
  {
    printf 'extends: parent.yaml\nyear: 2026\nmeasures:\n'
    seq "$n" -1 1 | awk '{ printf "  - id: m%d\n    title: 新措施%d\n", $1, $1 }'
  } > "$work/child.yaml"
  printf '%8d  %s  %s\n' "$n" "$(measure validate "$work/child.yaml")" \
    "$(measure diff "$work/parent.yaml" "$work/child.yaml")"
done
