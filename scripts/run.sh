#!/usr/bin/env bash
# make run: start the collector on its embedded SQLite in ./data, then run the
# local agent once against it so a newcomer sees their own machine in the park.
# Stop with Ctrl-C. PARC_DATA and PARC_LISTEN override the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${PARC_DATA:-./data}
LISTEN=${PARC_LISTEN:-127.0.0.1:8080}
URL="http://$LISTEN"

# Network discovery identifies devices with the repository's sysobject.ids
# (the packages install their own copy).
PARC_SNMP_SYSOBJECT_IDS=${PARC_SNMP_SYSOBJECT_IDS:-installers/data/sysobject.ids} \
	bin/parc-collector serve --data "$DATA" --listen "$LISTEN" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null' INT TERM EXIT

ready=
for _ in $(seq 1 100); do
	if ! kill -0 "$pid" 2>/dev/null; then
		echo "run: the collector stopped; see its messages above" >&2
		exit 1
	fi
	if (exec 3<>"/dev/tcp/${LISTEN%:*}/${LISTEN##*:}") 2>/dev/null; then ready=1; break; fi
	sleep 0.1
done
[ -n "$ready" ] || { echo "run: the collector did not start listening on $LISTEN" >&2; exit 1; }

secret=$(bin/parc-collector enroll-secret --data "$DATA")
if bin/parc-agent run --once --server "$URL" --enroll-secret "$secret" --state-dir "$DATA/local-agent"; then
	echo "run: this machine's inventory is in the park: open $URL"
else
	echo "run: the local agent could not report (see above); the collector keeps running at $URL" >&2
fi
wait "$pid"
