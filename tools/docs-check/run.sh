#!/usr/bin/env bash
# Builds the API reference site with DocFX (warnings, such as broken links and cross-references, are
# errors), serves it on the loopback, and checks it in a real browser: headless Chromium (Debian's)
# screenshots the index, the Tensor page and a guide, and each page must render: a full-size PNG with
# content, and a DOM with the page's own heading and no error page. docfx.json puts each member on its own page: with
# all of Tensor's members on one 866 KB page, Chromium took over 120 s to screenshot it and CI failed.
# Usage: bash tools/docs-check/run.sh   (needs chromium; screenshots land in artifacts/docs-screenshots)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
server=""
cleanup() { [[ -n "$server" ]] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "docs-check: FAIL: $*" >&2; exit 1; }
command -v chromium >/dev/null || fail "chromium is not installed (apt-get install chromium)"

cd "$root"
dotnet tool restore >"$work/tool.log" 2>&1 || { cat "$work/tool.log"; fail "dotnet tool restore"; }
rm -rf docs/_site docs/api
dotnet tool run docfx docs/docfx.json --warningsAsErrors >"$work/docfx.log" 2>&1 || { cat "$work/docfx.log"; fail "docfx build"; }
grep -q "0 warning(s)" "$work/docfx.log" || { cat "$work/docfx.log"; fail "docfx reported warnings"; }
[[ -f docs/_site/api/Flint.torch.Tensor.html ]] || fail "no page for Flint.torch.Tensor"

port=$(( 20000 + $$ % 20000 ))
dotnet tool run docfx serve docs/_site --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.5
done
(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { cat "$work/serve.log"; fail "docfx serve did not start"; }

shots="$root/artifacts/docs-screenshots"
rm -rf "$shots"; mkdir -p "$shots"
n=0
# page, screenshot name, text the rendered page must contain
while read -r page name want; do
  n=$((n + 1))
  url="http://127.0.0.1:$port/$page"
  flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
         --disable-component-update --disable-sync --user-data-dir="$work/profile-$n" --window-size=1280,900
         --hide-scrollbars)
  t0=$SECONDS; timeout 120 chromium "${flags[@]}" --screenshot="$shots/$name.png" "$url" >"$work/shot-$n.log" 2>&1 || true
  timeout 120 chromium "${flags[@]}" --dump-dom "$url" >"$work/$name.html" 2>"$work/dom-$n.log" || true
  png="$shots/$name.png"
  [[ -s "$png" ]] || { cat "$work/shot-$n.log"; fail "$name: no screenshot"; }
  [[ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" == "89504e470d0a1a0a" ]] || fail "$name: not a PNG"
  size="$(od -An -tu1 -j16 -N8 "$png" | tr -s ' ' | sed 's/^ //')"
  read -r w0 w1 w2 w3 h0 h1 h2 h3 <<<"$size"
  width=$(( (w0 << 24) | (w1 << 16) | (w2 << 8) | w3 )) height=$(( (h0 << 24) | (h1 << 16) | (h2 << 8) | h3 ))
  [[ "$width" -eq 1280 && "$height" -eq 900 ]] || fail "$name: screenshot is ${width}x${height}, not 1280x900"
  # A blank page compresses to a few KB; a rendered one with text and navigation does not.
  bytes="$(stat -c %s "$png")"
  [[ "$bytes" -gt 20000 ]] || fail "$name: screenshot is only $bytes bytes (blank page?)"
  grep -q -- "$want" "$work/$name.html" || fail "$name: the rendered page lacks \"$want\""
  if grep -qiE "ERR_[A-Z_]+|404 - Not Found|This site can.t be reached|Page not found" "$work/$name.html"; then
    fail "$name: the browser shows an error page"
  fi
  echo "docs-check: $page rendered in $((SECONDS - t0)) s ($bytes-byte screenshot, contains \"$want\")"
done <<'PAGES'
index.html index Flint is PyTorch
api/Flint.torch.Tensor.html tensor Class torch.Tensor
guides/getting-started.html guide Getting started
PAGES
echo "docs-check: ok (screenshots in artifacts/docs-screenshots)"
