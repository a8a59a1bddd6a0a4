#!/usr/bin/env bash
# Runs the GPU check on a machine with an NVIDIA GPU and driver, python3 with CUDA PyTorch, and no .NET SDK:
# unpacks tools/gpu-check/out/gpu-check.tar.xz (made by prepare.sh), records nvidia-smi, runs the
# Flint.Cuda test suite (self-contained xunit v3 executable), the Flint GPU benchmark and the PyTorch
# reference, and writes $OUT/summary.txt (test counts, Flint/PyTorch ratios against the issue's targets).
#
#   bash tools/gpu-check/run-on-gpu.sh [--dry-run] [archive]
#
# --dry-run: for a machine without a GPU: tests run on the CPU emulator (FLINT_CUDA_EMULATE=1; the spec
# programs at reduced sizes), the Flint benchmark runs emulated with tiny sizes, nvidia-smi and the PyTorch reference are
# skipped when absent. Without --dry-run and without a GPU it reports "no GPU" and exits 3.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dry=0
archive="$here/out/gpu-check.tar.xz"
for a in "$@"; do
  case "$a" in
    --dry-run) dry=1 ;;
    *) archive="$a" ;;
  esac
done
OUT="${OUT:-$PWD/gpu-check-results}"
mkdir -p "$OUT"
log() { echo "[gpu-check $(date +%H:%M:%S)] $*" | tee -a "$OUT/run.log"; }

[ -f "$archive" ] || { log "archive $archive not found: run tools/gpu-check/prepare.sh first and carry tools/gpu-check/out/"; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/gpu-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT
log "unpacking $archive ($(stat -c %s "$archive") bytes) into $work"
tar -C "$work" -xJf "$archive" || { log "could not unpack the archive"; exit 2; }
kit="$work/gpu-check"
app="$kit/app"
log "kit built from commit $(cat "$kit/COMMIT" 2>/dev/null)"

# ---- the device -------------------------------------------------------------------------------
gpu=0
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi > "$OUT/nvidia-smi.txt" 2>&1; then
  gpu=1
  cat "$OUT/nvidia-smi.txt"
else
  echo "no GPU: nvidia-smi is missing or failed" > "$OUT/nvidia-smi.txt"
  log "no GPU: nvidia-smi is missing or found no device"
fi
if (( !gpu && !dry )); then
  echo "no GPU: nothing was run (nvidia-smi is missing or found no device); use --dry-run to exercise the kit on the CPU emulator" > "$OUT/summary.txt"
  cat "$OUT/summary.txt"
  exit 3
fi
emulate=()
bench_flags=(--out "$OUT/flint-bench.json")
if (( !gpu )); then
  export FLINT_CUDA_EMULATE=1
  bench_flags+=(--emulate --quick)
  log "dry run: cuda:0 is the ILGPU CPU emulator (FLINT_CUDA_EMULATE=1); benchmark sizes are tiny (--quick)"
fi

# ---- cuBLAS -------------------------------------------------------------------------------------
# PyTorch's pip wheels carry libcublas in site-packages (nvidia/cublas/lib for CUDA 12 wheels,
# nvidia/cu13/lib for CUDA 13 ones), off the loader's path: point Flint.Cuda at the folder, as an
# absolute path (it also probes the usual places itself).
if [ -z "${FLINT_CUBLAS_PATH:-}" ]; then
  for cand in python3 /usr/bin/python3; do
    command -v "$cand" >/dev/null 2>&1 || continue
    dir="$("$cand" - <<'PY' 2>/dev/null
import glob, os, site
roots = list(site.getsitepackages()) + [site.getusersitepackages()]
try:
    import torch
    roots.append(os.path.join(os.path.dirname(torch.__file__), "lib"))
except Exception:
    pass
found = []
for r in roots:
    found += glob.glob(os.path.join(r, "nvidia", "**", "libcublas.so*"), recursive=True)
    found += glob.glob(os.path.join(r, "libcublas.so*"))
found = [f for f in found if "Lt" not in os.path.basename(f)]
print(os.path.dirname(os.path.abspath(sorted(found)[0])) if found else "")
PY
)"
    if [ -n "$dir" ] && ls "$dir"/libcublas.so* >/dev/null 2>&1; then export FLINT_CUBLAS_PATH="$dir"; break; fi
  done
fi
log "FLINT_CUBLAS_PATH=${FLINT_CUBLAS_PATH:-<unset: default search>}"

# ---- tests ------------------------------------------------------------------------------------
log "running Flint.Cuda.Tests (log: $OUT/cuda-tests.log)"
t0=$SECONDS
(cd "$app" && timeout ${TEST_TIMEOUT:-270} ./Flint.Cuda.Tests -noColor -xml "$OUT/cuda-tests.xml" -ctrf "$OUT/cuda-tests.ctrf.json") > "$OUT/cuda-tests.log" 2>&1
test_rc=$?
log "tests finished in $((SECONDS - t0)) s with exit code $test_rc"
tail -n 5 "$OUT/cuda-tests.log"

# ---- benchmarks -------------------------------------------------------------------------------
log "running Flint.CudaBench ${bench_flags[*]}"
t0=$SECONDS
(cd "$app" && timeout ${BENCH_TIMEOUT:-150} ./Flint.CudaBench "${bench_flags[@]}") > "$OUT/flint-bench.log" 2>&1
bench_rc=$?
cat "$OUT/flint-bench.log"
log "Flint bench finished in $((SECONDS - t0)) s with exit code $bench_rc"

py=""
for cand in python3 /usr/bin/python3; do
  if command -v "$cand" >/dev/null 2>&1 && "$cand" -c "import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)" >/dev/null 2>&1; then py="$cand"; break; fi
done
ref_rc=-1
if [ -n "$py" ]; then
  log "running the PyTorch reference with $py"
  t0=$SECONDS
  timeout ${REF_TIMEOUT:-120} "$py" "$kit/cuda_reference.py" --out "$OUT/pytorch-bench.json" $( (( gpu )) || echo --quick) > "$OUT/pytorch-bench.log" 2>&1
  ref_rc=$?
  cat "$OUT/pytorch-bench.log"
  log "PyTorch reference finished in $((SECONDS - t0)) s with exit code $ref_rc"
else
  log "skipping the PyTorch reference: no python3 with CUDA-enabled torch"
  echo "skipped: no python3 with CUDA-enabled torch" > "$OUT/pytorch-bench.log"
fi

# ---- summary ----------------------------------------------------------------------------------
summarize() {
python_for_summary="$(command -v python3 || command -v /usr/bin/python3 || true)"
if [ -z "$python_for_summary" ]; then echo "no python3 to write the summary"; return; fi
"$python_for_summary" - "$OUT" "$gpu" "$test_rc" "$bench_rc" "$ref_rc" <<'PY'
import json, os, sys
import xml.etree.ElementTree as ET
out, gpu, test_rc, bench_rc, ref_rc = sys.argv[1], sys.argv[2] == "1", *map(int, sys.argv[3:6])
lines = []
w = lines.append
w("Flint CUDA GPU check")
w("device: " + ("real GPU (see nvidia-smi.txt)" if gpu else "no GPU: DRY RUN on the ILGPU CPU emulator; timings are meaningless"))
w("")
xmlp = os.path.join(out, "cuda-tests.xml")
if os.path.exists(xmlp):
    try:
        r = ET.parse(xmlp).getroot()
        a = r.find("assembly")
        a = a if a is not None else r
        g = lambda k: a.get(k, "?")
        w(f"tests: {g('total')} total, {g('passed')} passed, {g('failed')} failed, {g('skipped')} skipped, {g('errors')} errors, {g('time')} s (exit code {test_rc})")
        fails = [t for t in r.iter("test") if t.get("result") == "Fail"]
        for t in fails[:40]:
            m = t.find("failure/message")
            msg = (m.text or "").strip().splitlines()[0][:300] if m is not None and m.text else ""
            w(f"  FAIL {t.get('name')}: {msg}")
        if len(fails) > 40:
            w(f"  ... and {len(fails) - 40} more failures (cuda-tests.xml)")
        skips = {}
        for t in r.iter("test"):
            if t.get("result") == "Skip":
                reason = (t.findtext("reason") or "").strip()
                skips[reason] = skips.get(reason, 0) + 1
        for reason, n in skips.items():
            w(f"  skipped x{n}: {reason[:200]}")
    except Exception as e:
        w(f"tests: could not read {xmlp}: {e} (exit code {test_rc})")
else:
    w(f"tests: no result file (exit code {test_rc}); see cuda-tests.log")
w("")

def load(name):
    p = os.path.join(out, name)
    try:
        with open(p) as f:
            return json.load(f)
    except Exception:
        return None

fl, pt = load("flint-bench.json"), load("pytorch-bench.json")
if fl is None:
    w(f"Flint bench: no results (exit code {bench_rc}); see flint-bench.log")
if pt is None:
    w(f"PyTorch reference: no results (exit code {ref_rc}); see pytorch-bench.log")
if fl is not None:
    w(f"Flint on {fl.get('device')} (emulated: {fl.get('emulated')}, quick sizes: {fl.get('quick')})" + (f"; PyTorch {pt.get('version')} on {pt.get('device')}" if pt else ""))
    w(f"{'workload':<34} {'Flint ms':>10} {'PyTorch ms':>11} {'ratio':>7} {'Flint GB/s|TF':>13} {'PyT GB/s|TF':>12}")
    for k, v in fl["results"].items():
        p = (pt or {}).get("results", {}).get(k.removesuffix("_scoped"))  # PyTorch has no scope variant
        row_ratio = v["median_ms"] / p["median_ms"] if p else None
        fmt = lambda x, f: (f % x) if x is not None else "-"
        w(f"{v['what']:<34} {v['median_ms']:>10.4f} {fmt(p['median_ms'] if p else None, '%11.4f'):>11} {fmt(row_ratio, '%7.3f'):>7} {fmt(v.get('gbps') or v.get('tflops'), '%13.1f'):>13} {fmt((p.get('gbps') or p.get('tflops')) if p else None, '%12.1f'):>12}")
    w("")
    w("targets (from the issue):")
    def target(name, ok, detail):
        w(f"  [{'PASS' if ok else 'FAIL' if ok is not None else 'n/a '}] {name}: {detail}")
    R = fl["results"]
    P = (pt or {}).get("results", {})
    comparable = pt is not None and not fl.get("quick") and not fl.get("emulated")
    def ratio(key):
        pkey = key.removesuffix("_scoped")
        return R[key]["median_ms"] / P[pkey]["median_ms"] if comparable and key in R and pkey in P else None
    for key, limit, label in (("autograd_small", 1.0, "autograd loop 64/1000/100/10, natural code <= 1.0x PyTorch"),
                              ("autograd_small_scoped", 1.0, "autograd loop 64/1000/100/10, dispose scope <= 1.0x PyTorch [informative]"),
                              ("autograd_scaled", 1.1, "scaled loop 512/4096/1024/256, natural code <= 1.1x PyTorch"),
                              ("autograd_scaled_scoped", 1.1, "scaled loop 512/4096/1024/256, dispose scope <= 1.1x PyTorch [informative]"),
                              ("launch_inplace", 1.5, "per-op launch overhead a.add_(b) <= 1.5x PyTorch"),
                              ("launch_alloc", 1.5, "per-op launch overhead c = a + b <= 1.5x PyTorch")):
        r = ratio(key)
        target(label, None if r is None else r <= limit, "no comparable PyTorch run" if r is None else f"{r:.3f}x")
    for key in sorted((k for k in R if k.startswith("sgemm_")), key=lambda k: (len(k), k)):
        r = ratio(key)
        target(f"{R[key]['what']} >= 0.95x PyTorch's throughput", None if r is None else 1 / r >= 0.95,
               "no comparable PyTorch run" if r is None else f"{1 / r:.3f}x ({R[key].get('tflops') or 0:.1f} vs {P[key].get('tflops') or 0:.1f} TFLOP/s)")
    r = ratio("add_new")
    target("c = a + b on 1e8 floats >= 80% of PyTorch's bandwidth for the same op", None if r is None else 1 / r >= 0.8,
           "no comparable PyTorch run" if r is None else f"{R['add_new']['gbps']:.1f} vs {P['add_new']['gbps']:.1f} GB/s = {100 / r:.0f}%")
    r = ratio("add_inplace")
    target("a += b on 1e8 floats >= 80% of PyTorch's bandwidth [informative]", None if r is None else 1 / r >= 0.8,
           "no comparable PyTorch run" if r is None else f"{R['add_inplace']['gbps']:.1f} vs {P['add_inplace']['gbps']:.1f} GB/s = {100 / r:.0f}%")
text = "\n".join(lines) + "\n"
with open(os.path.join(out, "summary.txt"), "w") as f:
    f.write(text)
print(text)
PY
}
log "writing $OUT/summary.txt"
summarize
exit $(( test_rc != 0 ? 1 : 0 ))
