#!/usr/bin/env bash
# Flint.Distributed against Open MPI on this machine, 2 ranks (shared memory). Prints medians and the ratios the
# targets in bench/README.md name: all_reduce Flint / MPI_Allreduce (C) for 1 MiB and 25 MiB float32 (target <= 1.1),
# and a DDP step of the tutorial network / the same step without DDP (target <= 1.3).
#   bash bench/Distributed/run.sh [ITERS]      (default 200; run on a quiet machine)
set -euo pipefail
cd "$(dirname "$0")"
ITERS="${1:-200}"
export OMPI_MCA_btl=self,vader
if [[ "$(id -u)" -eq 0 ]]; then export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1; fi
mpicc -O2 -o allreduce allreduce.c
dotnet build -c Release -v q -nologo Flint.DistributedBench >/dev/null
DLL=Flint.DistributedBench/bin/Release/net10.0/Flint.DistributedBench.dll
RUN=(mpirun -np 2 --oversubscribe)
out=$(mktemp)
# C, Flint, Flint, C: both in one run, in both orders.
"${RUN[@]}" ./allreduce "$ITERS" | tee -a "$out"
"${RUN[@]}" dotnet "$DLL" allreduce "$ITERS" | tee -a "$out"
"${RUN[@]}" dotnet "$DLL" allreduce "$ITERS" | tee -a "$out"
"${RUN[@]}" ./allreduce "$ITERS" | tee -a "$out"
"${RUN[@]}" dotnet "$DLL" ddp "$ITERS" | tee -a "$out"
python3 - "$out" <<'PY'
import sys, collections, re
best = collections.defaultdict(lambda: float("inf"))
for line in open(sys.argv[1]):
    f = re.sub(r"\x1b\[\?1h\x1b=", "", line).split()  # dotnet's console may prefix a keypad-mode escape
    if len(f) == 4 and f[1] == "allreduce": best[(f[0], int(f[2]))] = min(best[(f[0], int(f[2]))], float(f[3]))
    elif len(f) == 3 and f[1] in ("step", "ddp-step"): best[f[1]] = float(f[2])
for size in (1 << 20, 25 << 20):
    c, fl = best[("c", size)], best[("flint", size)]
    print(f"all_reduce {size >> 20:>2} MiB float32: Flint {fl:9.1f} us, MPI_Allreduce {c:9.1f} us, ratio {fl / c:.2f} (target <= 1.1)")
s, d = best["step"], best["ddp-step"]
print(f"tutorial step at 2 ranks: DDP {d:.1f} us, without DDP {s:.1f} us, ratio {d / s:.2f} (target <= 1.3)")
PY
rm -f "$out"
