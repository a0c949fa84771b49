# Shared by the benchmark scripts: `source benches/setup.sh SIZE...` after
# setting `sizes=("$@")`. Runs from the repository, checks for GNU time,
# builds the release binary as $bin, and makes a work folder $work under
# $TMPDIR that is removed on exit.
[ ${#sizes[@]} -gt 0 ] || sizes=("$@")
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
cargo build --release -q
bin="$PWD/target/release/unionplan"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
