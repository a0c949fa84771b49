#!/usr/bin/env bash
# Import benchmark: `unionplan import` on the project's own fixtures, and on
# generated plans of growing size (a plan whose measures and schedule are
# repeated N times with distinct wording), timed as a whole process.
#
#   benches/import.sh             # fixtures, then 100, 1,000 and 10,000 measures
#   benches/import.sh 500 5000    # chosen sizes
#
# Prints the wall time (median of RUNS runs, default 11 for the fixtures and
# 3 for the generated plans) and peak memory. Needs GNU time (package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
source benches/setup.sh 100 1000 10000

# Median wall time and the largest peak memory of RUNS runs of `$bin import FILE`.
measure() {
  local file=$1 runs=$2 times=() mem=0
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/t" "$bin" import "$file" >/dev/null 2>&1
    read -r t m < "$work/t"
    times+=("$t")
    (( m > mem )) && mem=$m
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  printf '%10s  %10.1f MiB\n' "$median" "$(echo "$mem / 1024" | bc -l)"
}

printf '%-34s  %10s  %14s\n' input "wall (s)" "peak memory"
for f in tests/import/*; do
  printf '%-34s  ' "$(basename "$f")"
  measure "$f" "${RUNS:-11}"
done
for n in "${sizes[@]}"; do
  f="$work/plan-$n.txt"
  {
    echo "第${n}号学校2026年工会工作计划"
    echo "一、指导思想"
    echo "围绕学校中心工作，服务全体教职工。"
    echo "二、主要工作"
    for i in $(seq 1 "$n"); do
      echo "$i、做好第${i}项工作。组织教职工开展第${i}次专题活动，认真总结经验。"
    done
    echo "三、工作安排"
    for m in 二 三 四 五 六 九 十 十一 十二 一; do
      echo "${m}月："
      for i in $(seq 1 $(( n / 10 + 1 ))); do echo "$i、${m}月第${i}项活动"; done
    done
  } > "$f"
  printf '%-34s  ' "generated, $n measures"
  measure "$f" "${RUNS:-3}"
done
