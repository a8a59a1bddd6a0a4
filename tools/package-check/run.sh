#!/usr/bin/env bash
# Packs every shipped project into a local folder feed, checks what the packages hold, then creates a
# fresh console app that takes Flint from that feed by package (as a user does), runs the specification's
# autograd program in it and compares its 500 loss lines with the repository build's and with PyTorch's.
# Usage: bash tools/package-check/run.sh   (needs the .NET SDK and unzip; CI installs unzip)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
fail() { echo "package-check: FAIL: $*" >&2; exit 1; }

version="$(dotnet msbuild "$root/src/Flint/Flint.csproj" -getProperty:Version)"
echo "package-check: version $version (Directory.Build.props)"

# 1. Pack every project under src/ (the shipped assemblies) into the feed.
packed=()
for proj in "$root"/src/*/*.csproj; do
  id="$(basename "$proj" .csproj)"
  dotnet pack "$proj" -c Release -o "$feed" -p:ContinuousIntegrationBuild=true -nologo -v:q >"$work/pack-$id.log" 2>&1 \
    || { cat "$work/pack-$id.log"; fail "dotnet pack $id"; }
  packed+=("$id")
done

# 2. Every package: .nupkg + .snupkg, the metadata a package page shows, XML docs, no test/bench dependency.
for id in "${packed[@]}"; do
  nupkg="$feed/$id.$version.nupkg"
  [[ -f "$nupkg" ]] || fail "$nupkg missing"
  [[ -f "$feed/$id.$version.snupkg" ]] || fail "$id.$version.snupkg (symbols) missing"
  nuspec="$(unzip -p "$nupkg" "$id.nuspec")"
  for want in "<id>$id</id>" "<version>$version</version>" '<license type="expression">MIT</license>' \
              '<readme>README.md</readme>' '<icon>icon.png</icon>' '<description>' '<tags>' '<repository type="git"'; do
    grep -qF "$want" <<<"$nuspec" || fail "$id.nuspec lacks $want"
  done
  if grep -qiE 'id="(xunit|Microsoft\.NET\.Test\.Sdk|BenchmarkDotNet|Microsoft\.SourceLink)' <<<"$nuspec"; then
    fail "$id.nuspec depends on a test, benchmark or build-only package"
  fi
  listing="$(unzip -l "$nupkg")"
  for file in README.md icon.png "lib/net10.0/$id.dll" "lib/net10.0/$id.xml"; do
    grep -qF "$file" <<<"$listing" || fail "$id.$version.nupkg lacks $file"
  done
  symbols="$(unzip -l "$feed/$id.$version.snupkg")"
  grep -qF "lib/net10.0/$id.pdb" <<<"$symbols" || fail "$id.$version.snupkg lacks $id.pdb"
  echo "package-check: $id.$version.nupkg + .snupkg ok"
done

# 3. A fresh console app that references Flint by package from the feed. Its own package folder keeps
#    a stale Flint of the same version in the machine's cache out of the picture.
export NUGET_PACKAGES="$work/packages"
app="$work/app"
dotnet new console -o "$app" -n FlintConsumer --framework net10.0 >/dev/null
cp "$root/tools/package-check/Program.cs" "$app/Program.cs"
(cd "$app" && dotnet new nugetconfig >/dev/null && dotnet nuget add source "$feed" -n flint-local >/dev/null)
(cd "$app" && dotnet add package Flint --version "$version") >"$work/add.log" 2>&1 \
  || { cat "$work/add.log"; fail "dotnet add package Flint"; }
grep -q "Include=\"Flint\" Version=\"$version\"" "$app/FlintConsumer.csproj" || fail "the app does not reference the Flint package"
grep -q "ProjectReference" "$app/FlintConsumer.csproj" && fail "the app references a project"
dotnet run -c Release --project "$app" >"$work/package.txt" 2>"$work/run.err" || { cat "$work/run.err"; fail "the app failed"; }
[[ -f "$NUGET_PACKAGES/flint/$version/lib/net10.0/Flint.dll" ]] || fail "Flint.dll did not come from the package"

# 4. Its output: 500 lines "t loss", identical to the repository build's run of the same program...
dotnet run -c Release --project "$root/samples/Tutorial" -- --only autograd 2>/dev/null \
  | grep -E '^[0-9]+ ' >"$work/repo.txt"
[[ "$(wc -l <"$work/package.txt")" -eq 500 ]] || fail "expected 500 loss lines, got $(wc -l <"$work/package.txt")"
diff -u "$work/repo.txt" "$work/package.txt" >"$work/diff.txt" || { head -20 "$work/diff.txt"; fail "package output differs from the repository build"; }
# ...and following PyTorch 1.13's curve (tests/golden/tutorial.json): the first loss to 1e-6, the last
# (after 500 float32 steps summed in another order) to 5%.
awk 'NR==1 { d=$2/29428662.0-1; if ($1!=0 || d>1e-6 || d<-1e-6) exit 1 }
     NR==500 { d=$2/2.9806207749061286e-05-1; if ($1!=499 || d>0.05 || d<-0.05) exit 1 }' "$work/package.txt" \
  || fail "losses do not follow PyTorch's curve: $(head -1 "$work/package.txt") ... $(tail -1 "$work/package.txt")"
echo "package-check: fresh app on the Flint $version package: $(head -1 "$work/package.txt") ... $(tail -1 "$work/package.txt") (same as the repository build)"
echo "package-check: ok"
