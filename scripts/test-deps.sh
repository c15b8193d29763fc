#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine (run as root,
# as CI is): Debian packages through apt when missing, Go modules, and a
# running PostgreSQL. Idempotent and quick when everything is there.
set -euo pipefail

# Debian packages the tests talk to (real peers, not mocks), as
# "command-or-path:package". A package is installed when its command is missing.
NEEDS=(
	psql:postgresql-client
	pg_isready:postgresql-client
	dpkg-query:dpkg
	chromium:chromium
	snmpsimd:snmpsim
	snmpd:snmpd
	fusioninventory-agent:fusioninventory-agent
	slapd:slapd
	ldapadd:ldap-utils
	wixl:wixl
	msiinfo:msitools
	msiextract:msitools
	osslsigncode:osslsigncode
	openssl:openssl
	rpm:rpm
	debootstrap:debootstrap
	systemd-analyze:systemd
	/usr/sbin/dovecot:dovecot-imapd
	/usr/lib/python3/dist-packages/aiosmtpd:python3-aiosmtpd
)
missing=()
for n in "${NEEDS[@]}"; do
	cmd=${n%%:*}; pkg=${n#*:}
	if ! command -v "$cmd" >/dev/null 2>&1 && [ ! -e "$cmd" ]; then
		[[ " ${missing[*]} " == *" $pkg "* ]] || missing+=("$pkg")
	fi
done
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "test-deps: missing Debian packages: ${missing[*]}; run 'sudo apt-get install ${missing[*]}' or run make test as root" >&2
		exit 1
	fi
	echo "test-deps: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PostgreSQL at 127.0.0.1:5432 (trust auth, database test).
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
	if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null; then
		echo "test-deps: starting PostgreSQL"
		pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
		for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
	fi
fi

go mod download
