#!/usr/bin/env bash
# Regenerate _vendor/mathjax: the subset of MathJax 3 that the book needs offline (about 2 MB).
# tex-chtml.js (TeX input, CommonHTML output, menu), the TeX extensions it autoloads, the woff-v2 fonts.
# Needs npm (the npm registry). Usage: tools/vendor_mathjax.sh [VERSION]
set -euo pipefail
version="${1:-3.2.2}"
here="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "mathjax@$version" >/dev/null && tar xzf "mathjax-$version.tgz")
src="$tmp/package/es5"
dst="$here/_vendor/mathjax"
rm -rf "$dst"
mkdir -p "$dst/input/tex" "$dst/output/chtml/fonts"
cp "$src/tex-chtml.js" "$dst/"
cp -r "$src/input/tex/extensions" "$dst/input/tex/"
cp -r "$src/output/chtml/fonts/woff-v2" "$dst/output/chtml/fonts/"
cp "$tmp/package/LICENSE" "$dst/LICENSE"
printf 'MathJax %s (npm package mathjax@%s), subset made by tools/vendor_mathjax.sh. Apache-2.0, see LICENSE.\n' \
  "$version" "$version" > "$dst/VERSION"
echo "vendored MathJax $version into $dst ($(du -sh "$dst" | cut -f1))"
