#!/usr/bin/env bash
# NativeAOT: publishes samples/Tutorial as one native executable, runs the whole tutorial with it, checks
# the output against the JIT build's (same lines; numbers equal to 1e-2 relative: vectorised float sums
# may round differently in the two builds), and measures size, time to the first printed tensor
# and peak memory next to the JIT build.
# Usage: bash tools/aot-check/run.sh [OUT.md]   (needs clang and zlib1g-dev; GNU time for peak memory)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "aot-check: FAIL: $*" >&2; exit 1; }

dotnet publish "$root/samples/Tutorial" -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" -nologo >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log"; fail "dotnet publish -p:PublishAot=true"; }
# Trimming/AOT analysis warnings of Flint itself are errors (IsAotCompatible); none may reach the app either.
if grep -E "warning IL[0-9]+" "$work/publish.log" | grep -v "SkiaSharp\|ScottPlot\|HarfBuzz" >"$work/il.txt"; then
  cat "$work/il.txt"; fail "trimming/AOT warnings"
fi
dotnet build "$root/samples/Tutorial" -c Release -o "$work/jit" -nologo -v:q >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "JIT build"; }
aot="$work/aot/Tutorial" jit="$work/jit/Tutorial"
[[ -x "$aot" ]] || fail "no native executable"
file_type="$(head -c 4 "$aot" | od -An -c | tr -d ' ')"
[[ "$file_type" == "177ELF" ]] || fail "$aot is not an ELF executable"

# The whole tutorial, both builds; the native one runs without the .NET runtime's files beside it.
cd "$work"
runs() { if [[ -x /usr/bin/time ]]; then /usr/bin/time -f "%M" -o "$2" "$1" --every 50 >"$3"; else "$1" --every 50 >"$3"; echo 0 >"$2"; fi; }
runs "$aot" aot.rss aot.txt || fail "the native tutorial exited with $?"
runs "$jit" jit.rss jit.txt || fail "the JIT tutorial exited with $?"
summaries="$(grep -c '^==> ' aot.txt)"
[[ "$summaries" -eq 11 ]] || fail "expected 11 program summaries, got $summaries"
grep -q '^RuntimeError: mat2 must be a matrix' aot.txt || fail "the exploration cells' error is missing"
awk -v tol=1e-2 '
  function skeleton(s) { gsub(/-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?/, "#", s); return s }
  FNR == NR { jit[FNR] = $0; n = FNR; next }
  {
    if (!(FNR in jit)) { print "extra line " FNR ": " $0; bad = 1; exit }
    a = $0; b = jit[FNR]
    if (skeleton(a) != skeleton(b)) { print "line " FNR " differs:\n  jit: " b "\n  aot: " a; bad = 1; exit }
    na = split(a, ta, /[^-0-9.eE+]+/); split(b, tb, /[^-0-9.eE+]+/)
    for (i = 1; i <= na; i++) if (ta[i] ~ /[0-9]/) {
      x = ta[i] + 0; y = tb[i] + 0; d = x - y; if (d < 0) d = -d; m = (y < 0 ? -y : y)
      if (d > tol * m + 1e-12) { print "line " FNR ": " ta[i] " vs " tb[i] "\n  jit: " b "\n  aot: " a; bad = 1; exit }
    }
    lines = FNR
  }
  END { if (!bad && lines != n) { print "aot printed " lines " lines, jit " n; bad = 1 } exit bad }
' jit.txt aot.txt || fail "the native tutorial's output differs from the JIT build's"

# TensorBoard logging (Google.Protobuf) works natively too: 500 losses + the header, each record framed.
"$aot" --only autograd --tensorboard "$work/tb" >/dev/null || fail "the native tutorial with --tensorboard exited with $?"
tb_file="$(ls "$work"/tb/events.out.tfevents.*)"
[[ "$(stat -c %s "$tb_file")" -gt $(( 500 * 30 )) ]] || fail "$tb_file is too small for 500 scalars"

# Time from exec to the first printed tensor ("explore" prints one first), median of 5 runs.
first_tensor_ms() {
  local start end line
  start=${EPOCHREALTIME/./}   # bash's clock in microseconds, read without forking
  while IFS= read -r line; do [[ "$line" == tensor\(* ]] && { end=${EPOCHREALTIME/./}; break; }; done < <(exec "$1" explore 2>/dev/null)
  echo $(( (end - start) / 1000 ))
}
median5() { for _ in 1 2 3 4 5; do first_tensor_ms "$1"; done | sort -n | sed -n 3p; }
aot_ms="$(median5 "$aot")" jit_ms="$(median5 "$jit")"
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
aot_size="$(mib "$(stat -c %s "$aot")")"
jit_size="$(mib "$(cat "$work"/jit/*.dll "$work/jit/Tutorial" | wc -c)")"
aot_rss=$(( $(cat aot.rss) / 1024 )) jit_rss=$(( $(cat jit.rss) / 1024 ))
report="| build | on disk | first tensor (median of 5) | peak memory, whole tutorial |
| --- | --- | --- | --- |
| NativeAOT (\`Tutorial\`, one file) | ${aot_size} MiB | ${aot_ms} ms | ${aot_rss} MiB |
| JIT (\`Tutorial\` apphost + DLLs; needs the .NET runtime) | ${jit_size} MiB + runtime | ${jit_ms} ms | ${jit_rss} MiB |"
echo "$report"
[[ $# -ge 1 ]] && echo "$report" >"$1"
echo "aot-check: ok (whole tutorial: $(grep -c . aot.txt) lines, same as the JIT build within 1e-2)"
