#!/usr/bin/env bash
# Builds the GPU check kit here (needs the .NET SDK): a self-contained linux-x64 publish of the
# CUDA test suite (an xunit v3 executable) and of bench/Flint.CudaBench, sharing one folder, plus
# bench/cuda_reference.py and run-on-gpu.sh, packed as tools/gpu-check/out/gpu-check.tar.xz.
# The GPU machine needs no SDK: see tools/gpu-check/README.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/out"
stage="$out/stage/gpu-check"
limit=$((64 * 1024 * 1024))

rm -rf "$out/stage"
mkdir -p "$stage/app"
# One publish folder for both apps: the runtime and Flint's assemblies are stored once.
# InvariantGlobalization drops ICU (neither app formats culture-specific text); pdbs stay out.
props=(-c Release -r linux-x64 --self-contained -p:PublishTrimmed=false -p:InvariantGlobalization=true
       -p:DebugType=none -p:DebugSymbols=false -p:GenerateDocumentationFile=false -nologo -v q)
echo "== publishing tests/Flint.Cuda.Tests"
dotnet publish "$root/tests/Flint.Cuda.Tests/Flint.Cuda.Tests.csproj" "${props[@]}" -o "$stage/app"
echo "== publishing bench/Flint.CudaBench"
dotnet publish "$root/bench/Flint.CudaBench/Flint.CudaBench.csproj" "${props[@]}" -o "$stage/app"
test -x "$stage/app/Flint.Cuda.Tests" && test -x "$stage/app/Flint.CudaBench"
test -f "$stage/app/golden/ops.json" || { echo "golden/ops.json missing from the publish" >&2; exit 1; }
# The test SDK's code-coverage collector (all architectures) is for `dotnet test`, not the executable runner.
rm -rf "$stage/app/CodeCoverage"
cp "$root/bench/cuda_reference.py" "$here/run-on-gpu.sh" "$stage/"
git -C "$root" rev-parse HEAD > "$stage/COMMIT" 2>/dev/null || echo unknown > "$stage/COMMIT"

echo "== packing (xz -9e)"
rm -f "$out/gpu-check.tar.xz"
tar -C "$out/stage" -cf - gpu-check | xz -9e -T0 > "$out/gpu-check.tar.xz"
size=$(stat -c %s "$out/gpu-check.tar.xz")
echo "$out/gpu-check.tar.xz: $size bytes ($((size / 1024 / 1024)) MiB), unpacked $(du -sh "$stage" | cut -f1)"
if (( size >= limit )); then
  echo "the archive is over 64 MiB: it cannot be carried to the GPU machine" >&2
  exit 1
fi
