#!/usr/bin/env bash
# Runs notebooks/tutorial.ipynb headless (dotnet-repl, the .NET Interactive engine of Polyglot Notebooks)
# against Flint and Flint.Interactive packed into artifacts/feed, and compares every code cell's output
# with the saved one. --update saves the new outputs into the notebook instead.
# Usage: bash tools/notebook-check/run.sh [--update]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "notebook-check: FAIL: $*" >&2; exit 1; }

# The packages the notebook's first cell loads (#r "nuget: Flint.Interactive", which brings Flint).
rm -rf "$root/artifacts/feed"
for p in Flint Flint.Interactive; do
  dotnet pack "$root/src/$p" -c Release -o "$root/artifacts/feed" -nologo -v:q >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; fail "dotnet pack $p"; }
done
# A package folder of its own: a stale Flint 0.1.0 in the machine's cache must not stand in for this build.
export NUGET_PACKAGES="$work/packages"
# A scratch home whose user NuGet.Config adds the local feed, as the README tells users to.
export HOME="$work/home" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$HOME/.nuget/NuGet"
cat >"$HOME/.nuget/NuGet/NuGet.Config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
    <add key="flint-local" value="$root/artifacts/feed" />
  </packageSources>
</configuration>
CONFIG
(cd "$root" && dotnet tool restore >"$work/tool.log" 2>&1) || { cat "$work/tool.log"; fail "dotnet tool restore"; }

# Error cells (the specification's own errors) make dotnet-repl exit non-zero; the outputs decide.
(cd "$root/notebooks" && timeout 900 dotnet tool run dotnet-repl --run tutorial.ipynb --output-path "$work/run.ipynb" \
  --exit-after-run >"$work/repl.log" 2>&1) || true
[[ -s "$work/run.ipynb" ]] || { tail -40 "$work/repl.log"; fail "dotnet-repl wrote no notebook"; }

if [[ "${1:-}" == "--update" ]]; then
  dotnet run "$root/tools/notebook-check/NotebookOutputs.cs" -- update "$work/run.ipynb" "$root/notebooks/tutorial.ipynb"
else
  dotnet run "$root/tools/notebook-check/NotebookOutputs.cs" -- compare "$root/notebooks/tutorial.ipynb" "$work/run.ipynb" \
    || fail "the notebook's outputs differ from the saved ones"
  echo "notebook-check: ok"
fi
