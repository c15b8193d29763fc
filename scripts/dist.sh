#!/usr/bin/env bash
# make dist: archives of the cross-built agents and the collector, with
# SHA-256 sums. (.deb, .rpm and MSI packages come with the installers work.)
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-dev}
rm -rf dist && mkdir -p dist
for f in bin/cross/parc-agent-*; do
	base=$(basename "$f"); base=${base%.exe}
	stage=$(mktemp -d)
	cp "$f" "$stage/"; cp LICENSE README.md "$stage/"
	case "$f" in
	*.exe) (cd "$stage" && zip -q -r "$OLDPWD/dist/${base}-${version}.zip" .) ;;
	*) tar -C "$stage" -czf "dist/${base}-${version}.tar.gz" . ;;
	esac
	rm -rf "$stage"
done
tar -czf "dist/parc-collector-linux-$(go env GOARCH)-${version}.tar.gz" -C bin parc-collector -C .. LICENSE README.md
(cd dist && sha256sum * > SHA256SUMS)
ls -l dist
