#!/usr/bin/env bash
# Regenerates tests/golden/torchsharp-surface.txt from TorchSharp-cpu 0.107 (NuGet); see Program.cs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dotnet run --project "$here/Parity.csproj" -c Release -- "$root/tests/golden/torchsharp-surface.txt"
