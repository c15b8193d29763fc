#!/usr/bin/env bash
# make dist: every release artefact into dist/, from the agents cross-built
# by `make cross` (bin/cross/):
#   - parc-agent .deb and .rpm for amd64 and arm64, parc-collector .deb and
#     .rpm for amd64 and arm64 (arm64 needs the aarch64 C cross compiler for
#     SQLite; installed from apt when running as root),
#   - the agent's MSI for Windows x64 (wixl), signed with osslsigncode when
#     SIGN_CERT and SIGN_KEY are set (SIGN_PASS, SIGN_TIMESTAMP_URL optional),
#   - tar.gz (zip for Windows) archives of every binary,
#   - a CycloneDX SBOM per binary, and SHA256SUMS over all of it.
# No network is needed besides apt for missing tools.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-dev}
v=${version#v}
ldflags="-s -w -X github.com/parcproject/parc/pkg/version.Version=${version}"

# Tools, as "command:debian-package".
NEEDS=(wixl:wixl msiinfo:msitools msibuild:msitools zip:zip aarch64-linux-gnu-gcc:gcc-aarch64-linux-gnu)
missing=()
for n in "${NEEDS[@]}"; do
	command -v "${n%%:*}" >/dev/null 2>&1 || missing+=("${n#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "dist: missing tools; run: sudo apt-get install ${missing[*]}" >&2
		exit 1
	fi
	echo "dist: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "dist: tools/pack"
go -C tools/pack build -trimpath -o ../../bin/pack .
pack=bin/pack

# The collector needs cgo (SQLite): one build per architecture.
mkdir -p bin/cross
for arch in amd64 arm64; do
	cc=gcc
	[ "$arch" = arm64 ] && cc=aarch64-linux-gnu-gcc
	echo "dist: parc-collector linux/$arch"
	CGO_ENABLED=1 CC=$cc GOOS=linux GOARCH=$arch \
		go build -trimpath -ldflags "$ldflags" -o "bin/cross/parc-collector-linux-$arch" ./collector
done

rm -rf dist && mkdir -p dist

for arch in amd64 arm64; do
	for fmt in deb rpm; do
		$pack nfpm -config installers/linux/parc-agent.nfpm.yaml -packager $fmt -arch $arch \
			-version "$version" -bin "bin/cross/parc-agent-linux-$arch" -out dist
		$pack nfpm -config installers/linux/parc-collector.nfpm.yaml -packager $fmt -arch $arch \
			-version "$version" -bin "bin/cross/parc-collector-linux-$arch" -out dist
	done
done

$pack msi -wxs installers/windows/parc-agent.wxs -version "$version" \
	-exe bin/cross/parc-agent-windows-amd64.exe -license LICENSE -out "dist/parc-agent-${v}-x64.msi"

for f in bin/cross/parc-agent-* bin/cross/parc-collector-*; do
	base=$(basename "$f")
	base=${base%.exe}
	stage=$(mktemp -d)
	cp "$f" "$stage/"
	cp LICENSE README.md "$stage/"
	case "$f" in
	*.exe)
		$pack sign -description "Parc Agent" "$stage/$(basename "$f")" >/dev/null
		(cd "$stage" && zip -q -r "$OLDPWD/dist/${base}-${v}.zip" .)
		;;
	*) tar -C "$stage" -czf "dist/${base}-${v}.tar.gz" . ;;
	esac
	rm -rf "$stage"
	$pack sbom -version "$version" -out "dist/${base}-${v}.cdx.json" "$f" >/dev/null
done

(cd dist && sha256sum -- * >SHA256SUMS)
ls -l dist
