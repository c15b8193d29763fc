#!/usr/bin/env bash
# make demo: fill a FRESH database with a fictional town hall's park (a few
# hundred PCs with their monitors, reported by simulated agents through the
# real agent API), then print how to browse it.
#
#   scripts/demo.sh [--data DIR] [--pcs N] [--seed N]
#
# DIR defaults to ./data-demo (PARC_DEMO_DATA), so a user's own ./data is
# never touched; it must not hold a database yet. N defaults to 300
# (PARC_DEMO_PCS).
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=${PARC_DEMO_DATA:-./data-demo}
PCS=${PARC_DEMO_PCS:-300}
SEED=${PARC_DEMO_SEED:-1}
while [ $# -gt 0 ]; do
	case $1 in
	--data) DATA=$2; shift 2 ;;
	--pcs) PCS=$2; shift 2 ;;
	--seed) SEED=$2; shift 2 ;;
	*) echo "usage: scripts/demo.sh [--data DIR] [--pcs N] [--seed N]" >&2; exit 2 ;;
	esac
done

if [ -e "$DATA/parc.db" ]; then
	echo "demo: $DATA already holds a database; remove it (rm -r $DATA) or choose another directory with --data DIR" >&2
	exit 1
fi
mkdir -p "$DATA"
[ -x bin/parc-collector ] || go build -o bin/parc-collector ./collector
go build -o bin/loadgen ./tools/loadgen

log=$(mktemp)
# Port 0: the system picks a free port; the collector prints the address.
bin/parc-collector serve --data "$DATA" --listen 127.0.0.1:0 >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$log"' EXIT

url=
for _ in $(seq 1 200); do
	if ! kill -0 "$pid" 2>/dev/null; then
		echo "demo: the collector stopped:" >&2
		cat "$log" >&2
		exit 1
	fi
	url=$(sed -n 's/.* listening on \(http[^ ]*\).*/\1/p' "$log" | head -n 1)
	[ -n "$url" ] && break
	sleep 0.1
done
[ -n "$url" ] || { echo "demo: the collector did not start listening:" >&2; cat "$log" >&2; exit 1; }
password=$(sed -n 's/^ *password: *//p' "$log" | head -n 1)

secret=$(bin/parc-collector enroll-secret --data "$DATA")
echo "demo: $PCS simulated PCs of the Mairie de Saint-Aubin-sur-Loire report to a collector at $url"
bin/loadgen run -url "$url" -secret "$secret" -agents "$PCS" -seed "$SEED" -partials 2 -concurrency 4

kill -TERM "$pid"
wait "$pid" || true
trap 'rm -f "$log"' EXIT
if [ -z "$password" ]; then
	password="(not captured; set one with: bin/parc-collector user add --data $DATA --login me --role admin)"
fi

cat <<EOF

demo: the park is ready in $DATA. Start the collector on it:

    bin/parc-collector serve --data $DATA

then open http://127.0.0.1:8080 and log in:

    login:    admin
    password: $password

Keep this password: the collector prints it only on its first start.
EOF
