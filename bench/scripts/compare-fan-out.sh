#!/usr/bin/env bash
# Side by side: the driver fan-out benchmark of a base revision and of this work tree, interleaved
# (the order alternates each round) so both see the same machine load; compare within a round.
# Usage: bench/scripts/compare-fan-out.sh <base-revision> [rounds=3]
# The base revision is exported (git archive) next to a link to this work tree's node_modules, so
# nothing is installed; workspace packages resolve to the base revision's sources.
set -euo pipefail
base_revision="${1:?usage: compare-fan-out.sh <base-revision> [rounds]}"
rounds="${2:-3}"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$repo_root/scripts/toolchain.sh"
base_commit="$(git -C "$repo_root" rev-parse --short "$base_revision")"
base_root="${TMPDIR:-/tmp}/cloud-inventory-fan-out-base-$base_commit"

if [ ! -d "$base_root" ]; then
  mkdir -p "$base_root"
  git -C "$repo_root" archive "$base_commit" | tar -x -C "$base_root"
  # Every node_modules of the work tree, copied as links: third-party packages are shared, the
  # workspace links are relative, so they point at the exported sources.
  (cd "$repo_root" && find . -name node_modules -type d -prune -not -path './.tools/*') |
    while read -r directory; do
      mkdir -p "$base_root/$directory"
      for entry in "$repo_root/$directory"/* "$repo_root/$directory"/.[!.]*; do
        [ -e "$entry" ] || [ -L "$entry" ] || continue
        name="$(basename "$entry")"
        if [ "$name" = ".pnpm" ]; then ln -s "$entry" "$base_root/$directory/.pnpm"
        else cp -a "$entry" "$base_root/$directory/$name"; fi
      done
    done
fi
# The runner may be newer than the base revision; it only calls runFanOutBenchmark().
cp "$repo_root/bench/src/run-fan-out.ts" "$base_root/bench/src/run-fan-out.ts"

run_one() {
  local label="$1" root="$2"
  local line
  line="$(cd "$root/bench" && node --conditions=source src/run-fan-out.ts --json)"
  node -e '
    const [label, line] = process.argv.slice(1);
    const result = JSON.parse(line);
    const cells = result.measurements.map((m) =>
      `c=${m.concurrency}: ${(m.wallMs / 1000).toFixed(3)} s (${m.ratio.toFixed(2)}x` +
      `${m.connectionsOpened === undefined ? "" : `, ${m.connectionsOpened} new conn.`})`);
    console.log(`${label.padEnd(10)} ${result.status.padEnd(7)} ${cells.join("  ")}`);
  ' "$label" "$line"
}

echo "fan-out: base $base_commit vs work tree $(git -C "$repo_root" rev-parse --short HEAD)$(git -C "$repo_root" diff --quiet HEAD -- packages bench || echo '+uncommitted'), $rounds rounds, $(nproc) cores"
for round in $(seq 1 "$rounds"); do
  echo "round $round (load $(cut -d' ' -f1-3 /proc/loadavg))"
  if [ $((round % 2)) -eq 1 ]; then
    run_one "  base" "$base_root"; run_one "  this" "$repo_root"
  else
    run_one "  this" "$repo_root"; run_one "  base" "$base_root"
  fi
done
