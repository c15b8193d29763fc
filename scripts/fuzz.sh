#!/usr/bin/env bash
# make fuzz: run every fuzz target of the module for $1 (default 20s) each.
set -euo pipefail
cd "$(dirname "$0")/.."
t=${1:-20s}
for pkg in $(go list ./...); do
	dir=$(go list -f '{{.Dir}}' "$pkg")
	for fz in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //'); do
		echo "== $pkg $fz ($t)"
		go test -run '^$' -fuzz "^${fz}\$" -fuzztime "$t" "$pkg"
	done
done
