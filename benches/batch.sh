#!/usr/bin/env bash
# Batch benchmark: `unionplan batch` over generated rosters of N schools,
# every school in all three formats, timed as a whole process.
#
#   benches/batch.sh              # 100, 1,000 and 10,000 schools
#   benches/batch.sh 1000 5000    # chosen sizes
#
# Prints, for each size, the wall and CPU time (medians of RUNS runs,
# default 3) and the peak memory of the process, and beside them the
# file system's floor: the same files written atomically (a new temporary
# file in each folder, renamed into place, each folder made once) by as
# many threads as the batch uses, with no rendering (`cargo xtask
# write-floor`, run right after each batch run; median of RUNS). The
# batch's time over the floor is what the program itself costs. Needs GNU
# time (Debian package `time`). The files go to a folder under $TMPDIR: a
# disk shared with other work can make the file system most of the time,
# so for the program's own speed put TMPDIR on a RAM disk
# (TMPDIR=/dev/shm).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-3}"
sizes=("$@")
source benches/setup.sh 100 1000 10000
cargo build --release -q -p xtask
floor_bin="$PWD/target/release/xtask"
# Both the batch and the floor get this many threads.
threads="$(nproc)"
cp specs/district/common.yaml "$work/common.yaml"

printf '%8s  %10s  %10s  %12s  %12s  %10s\n' schools "wall (s)" "cpu (s)" "per school" "peak memory" "floor (s)"
for n in "${sizes[@]}"; do
  {
    echo "school,signature.org"
    seq 1 "$n" | awk '{ printf "第%d实验学校,第%d实验学校工会委员会\n", $1, $1 }'
  } > "$work/roster-$n.csv"
  printf 'base: common.yaml\nroster: roster-%s.csv\n' "$n" > "$work/district-$n.yaml"
  times=()
  cpus=()
  floors=()
  peak=0
  for _ in $(seq 1 "$runs"); do
    rm -rf "$work/out"
    /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$bin" batch "$work/district-$n.yaml" -o "$work/out" -j "$threads" 2>/dev/null
    read -r secs kib user sys < "$work/time"
    # The floor right after, so both see the disk as it is now.
    rm -rf "$work/floor"
    floors+=("$("$floor_bin" write-floor "$work/out" "$work/floor" "$threads")")
    # Gone at once, so its writing-back does not slow the next batch run.
    rm -rf "$work/floor"
    times+=("$secs")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")
    [ "$kib" -gt "$peak" ] && peak="$kib"
  done
  files=$(find "$work/out" -type f | wc -l)
  [ "$files" -eq $((n * 3 + 1)) ] || { echo "expected $((n * 3 + 1)) files, found $files" >&2; exit 1; }
  floor=$(printf '%s\n' "${floors[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  printf '%8d  %10.2f  %10.2f  %9.2f ms  %8.1f MiB  %10.3f\n' "$n" "$median" "$cpu" \
    "$(awk -v t="$median" -v n="$n" 'BEGIN { print t * 1000 / n }')" \
    "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')" "$floor"
done
