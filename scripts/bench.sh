#!/usr/bin/env bash
# make bench: Go benchmarks, then parc-agent side by side with Debian's
# fusioninventory-agent (installed here through apt when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v fusioninventory-agent >/dev/null; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "bench: fusioninventory-agent is missing; run 'sudo apt-get install fusioninventory-agent'" >&2
		exit 1
	fi
	echo "bench: installing fusioninventory-agent"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends fusioninventory-agent >/dev/null
fi

echo "== Go benchmarks"
go test -run '^$' -bench . -benchmem -count 1 ./... | grep -E '^(Benchmark|ok|FAIL|PASS)' | grep -v 'no test files'

echo
echo "== parc-agent inventory against fusioninventory-agent --local"
go run ./tools/agentbench -n 5 -agent bin/parc-agent
