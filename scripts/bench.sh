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
# The seeded helpdesk benchmarks (100,000 tickets) run in their own section below.
go test -run '^$' -bench . -skip 'BenchmarkTicketQueue|BenchmarkMyRequests|BenchmarkStats' -benchmem -count 1 ./... | grep -E '^(Benchmark|ok|FAIL|PASS)' | grep -v 'no test files'

echo
echo "== parc-agent inventory against fusioninventory-agent --local"
go run ./tools/agentbench -n 5 -agent bin/parc-agent

# ---------------------------------------------------------------------------
# parc-collector under load (helper "loadgen"; tools/loadgen, scripts/demo.sh)
# For SQLite and PostgreSQL: a real collector process on a free port, BENCH_AGENTS
# simulated agents (enrol, one full report each, BENCH_PARTIALS partial reports
# each, one more full report each), first with a contact call before every report
# as agents do, then the inventory endpoint alone; the database size per 1,000
# PCs; the park list latency at 10,000 and 100,000 assets. PostgreSQL is
# 127.0.0.1:5432 (BENCH_POSTGRES), in a database created and dropped here.
# ---------------------------------------------------------------------------
(
	set -euo pipefail
	AGENTS=${BENCH_AGENTS:-1000}
	PARTIALS=${BENCH_PARTIALS:-5}
	CONC=${BENCH_CONCURRENCY:-16}
	PHASE_MAX=${BENCH_PHASE_MAX:-30s} # a stalling collector cannot hold the bench for ever
	PG=${BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432}
	go build -o bin/loadgen ./tools/loadgen
	tmp=$(mktemp -d)
	pid= pgdb=
	cleanup() {
		[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
		[ -n "$pgdb" ] && psql "$PG/postgres" -qAtc "DROP DATABASE IF EXISTS $pgdb" >/dev/null 2>&1
		rm -rf "$tmp"
	}
	trap cleanup EXIT

	# start_collector DIR [ARGS...]: start it on a free port, set pid and url.
	start_collector() {
		local dir=$1; shift
		bin/parc-collector serve --data "$dir" --listen 127.0.0.1:0 "$@" >"$dir/serve.log" 2>&1 &
		pid=$! url=
		for _ in $(seq 1 300); do
			kill -0 "$pid" 2>/dev/null || { cat "$dir/serve.log" >&2; return 1; }
			url=$(sed -n 's/.* listening on \(http[^ ]*\).*/\1/p' "$dir/serve.log" | head -n 1)
			[ -n "$url" ] && return 0
			sleep 0.1
		done
		echo "bench: the collector did not start" >&2
		return 1
	}

	# load DIALECT DSN [want flags...]: the whole measure on one database.
	load() {
		local dialect=$1 dsn=$2; shift 2
		local dir="$tmp/$dialect" db=()
		mkdir -p "$dir"
		[ "$dialect" = postgres ] && db=(--database "$dsn")
		start_collector "$dir" "${db[@]}"
		local secret
		secret=$(bin/parc-collector enroll-secret --data "$dir" "${db[@]}")
		local dbfile=$dsn
		[ "$dialect" = sqlite ] && dbfile="$dir/parc.db"
		bin/loadgen dbsize -database "$dbfile" -save "$dir/empty.size"
		echo "-- $dialect: $AGENTS agents, contact before each report, $CONC in flight"
		bin/loadgen run -url "$url" -secret "$secret" -agents "$AGENTS" -partials "$PARTIALS" -refulls 1 \
			-concurrency "$CONC" -collector-pid "$pid" -phase-timeout "$PHASE_MAX" "$@" || echo "bench: some requests failed (see above)"
		echo "-- $dialect: $AGENTS more agents, inventory requests only (-contact=false)"
		bin/loadgen run -url "$url" -secret "$secret" -agents "$AGENTS" -first "$AGENTS" -partials "$PARTIALS" \
			-concurrency "$CONC" -contact=false -collector-pid "$pid" -phase-timeout "$PHASE_MAX" "$@" || echo "bench: some requests failed (see above)"
		kill "$pid"; wait "$pid" || true; pid=
		bin/loadgen dbsize -database "$dbfile" -baseline "$dir/empty.size"
		for n in 10000 100000; do
			bin/loadgen seed -database "$dbfile" -assets "$n"
			bin/loadgen list -database "$dbfile"
		done
	}

	echo
	echo "== parc-collector under load (tools/loadgen; targets on SQLite: >= 200 full/s, >= 1,000 partial/s, park list p95 < 50 ms at 100,000 assets)"
	load sqlite "" -want-full 200 -want-partial 1000
	if psql "$PG/postgres" -qAtc 'SELECT 1' >/dev/null 2>&1; then
		pgdb="parc_bench_$$"
		psql "$PG/postgres" -qAtc "CREATE DATABASE $pgdb" >/dev/null
		load postgres "$PG/$pgdb?sslmode=disable"
	else
		echo "-- postgres: skipped, no PostgreSQL answers at $PG (set BENCH_POSTGRES)"
	fi
)

# ---------------------------------------------------------------------------
# SNMP discovery and inventory against FusionInventory (helper "snmpbench";
# tools/snmpbench). snmpsimd serves the shared fixture walks on 10 addresses of
# 127.77.1.0/24, the 244 others read requests and never answer; 50 more
# addresses serve the walks for the inventory. snmpsimd is one single-threaded
# Python process, so the lab runs one per 10 addresses, the same for both tools
# (-devices-per-snmpsimd); the CPU lines tell how much each side and the
# simulators used. Both tools run with a 1 s timeout; FusionInventory with its
# thread options (see the settings column).
# Targets (issue 4): a /24 sweep under 3 s, at least 10x faster than
# fusioninventory-netdiscovery, and an inventory of 50 devices at least 10x
# faster than fusioninventory-netinventory, with the same or more facts.
(
	if ! command -v fusioninventory-netinventory >/dev/null; then
		if [ "$(id -u)" -ne 0 ]; then
			echo "bench: fusioninventory-agent-task-network is missing; run 'sudo apt-get install fusioninventory-agent-task-network'" >&2
			exit 1
		fi
		echo "bench: installing fusioninventory-agent-task-network"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		apt-get install -y -qq --no-install-recommends fusioninventory-agent-task-network snmpsim >/dev/null
	fi
	echo
	echo "== SNMP sweep and inventory against fusioninventory-netdiscovery/netinventory (tools/snmpbench)"
	go run ./tools/snmpbench -fusion-deadline 5m || echo "bench: snmpbench reported an error (see above)"
)

# ---------------------------------------------------------------------------
# Helpdesk at scale (helper H4; collector/store/ticket_bench_test.go). The
# technicians' queue (16 filter shapes: first and deep pages, each filter, text
# search, sorts) and a self-service user's "My requests" on 100,000 tickets and
# 10,000 users, seeded once: SQLite's file is cached under ~/.cache/parc (named
# after the schema), PostgreSQL's lives in a schema the benchmark creates and
# drops. Each line reports the shape's p95 in ms (p95_ms). Target (issue 5):
# p95 under 50 ms.
echo
echo "== Helpdesk: ticket queue and My requests at 100,000 tickets, SQLite and PostgreSQL (target p95 < 50 ms)"
go test -run '^$' -bench 'BenchmarkTicketQueue|BenchmarkMyRequests' -benchtime 50x -count 1 ./collector/store/ |
	grep -E '^(Benchmark|ok|FAIL)' || echo "bench: the helpdesk benchmarks failed (see above)"

echo
echo "== Helpdesk statistics at 100,000 tickets, 12-month range, SQLite and PostgreSQL (p95 per query)"
go test -run '^$' -bench 'BenchmarkStats' -benchtime 20x -count 1 ./collector/store/ |
	grep -E '^(Benchmark|ok|FAIL)' || echo "bench: the statistics benchmarks failed (see above)"
