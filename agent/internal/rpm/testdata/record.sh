#!/bin/sh
# record.sh regenerates rocky9-qa.txt: the output of the real rpm binary
# (rpm 4.18, Debian package "rpm") run with the agent's query format over a
# throw-away database. The packages are rebuilt with rpmbuild from the
# metadata of a Rocky Linux 9.4 workstation (name, version, release, arch,
# vendor, packager, summary, group, URL, installed size), so the output's
# shape ("(none)", tabs, sizes, gpg-pubkey rows) is rpm's own. Install
# times are the time of the run.
#
# Usage: sh testdata/record.sh > testdata/rocky9-qa.txt   (from agent/internal/rpm)
set -eu
fmt=$(sed -n 's/^const QueryFormat = `\(.*\)`$/\1/p' rpm.go)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/db" "$work/rpms"

# name|version|release|arch|size|vendor|packager|summary|group|url
cat > "$work/list" <<'EOF'
bash|5.1.8|9.el9|x86_64|7738634|Rocky Enterprise Software Foundation|Rocky Linux Build System (Peridot) <releng@rockylinux.org>|The GNU Bourne Again shell|Unspecified|https://www.gnu.org/software/bash
glibc|2.34|100.el9_4.2|x86_64|6423345|Rocky Enterprise Software Foundation|Rocky Linux Build System (Peridot) <releng@rockylinux.org>|The GNU libc libraries|Unspecified|http://www.gnu.org/software/glibc/
glibc|2.34|100.el9_4.2|i686|6092814|Rocky Enterprise Software Foundation|Rocky Linux Build System (Peridot) <releng@rockylinux.org>|The GNU libc libraries|Unspecified|http://www.gnu.org/software/glibc/
kernel|5.14.0|427.22.1.el9_4|x86_64|0|Rocky Enterprise Software Foundation|Rocky Linux Build System (Peridot) <releng@rockylinux.org>|The Linux kernel, based on version 5.14.0, heavily modified with backports|Unspecified|https://www.kernel.org/
openssh-server|8.7p1|38.el9_4.1|x86_64|1384021|Rocky Enterprise Software Foundation|Rocky Linux Build System (Peridot) <releng@rockylinux.org>|An open source SSH server daemon|Unspecified|http://www.openssh.com/portable.html
firefox|115.12.0|1.el9_4|x86_64|264897302|Rocky Enterprise Software Foundation|Rocky Linux Build System (Peridot) <releng@rockylinux.org>|Mozilla Firefox Web browser|Unspecified|https://www.mozilla.org/firefox/
python3|3.9.18|3.el9_4.1|x86_64|33069|Rocky Enterprise Software Foundation|Rocky Linux Build System (Peridot) <releng@rockylinux.org>|Python 3.9 interpreter|Unspecified|https://www.python.org/
tzdata|2024a|1.el9|noarch|1742817|Rocky Enterprise Software Foundation|Rocky Linux Build System (Peridot) <releng@rockylinux.org>|Timezone data|Unspecified|https://www.iana.org/time-zones
rocky-release|9.4|1.7.el9|noarch|80302|Rocky Enterprise Software Foundation|Rocky Linux Build System (Peridot) <releng@rockylinux.org>|Rocky Linux release files|System Environment/Base|https://rockylinux.org
libreoffice-core|7.1.8.1|12.el9|x86_64|104527180|Rocky Enterprise Software Foundation|Rocky Linux Build System (Peridot) <releng@rockylinux.org>|Core modules for LibreOffice|Unspecified|http://www.libreoffice.org/
htop|3.3.0|1.el9|x86_64|392549|Fedora Project|Fedora Project|Interactive process viewer|Unspecified|https://htop.dev/
google-chrome-stable|126.0.6478.126|1|x86_64|353276413|Google Inc.|Chrome Linux Team <chromium-dev@chromium.org>|Google Chrome|Applications/Internet|https://chrome.google.com/
zoom|6.1.0.198|1|x86_64|598123544|Zoom Video Communications, Inc.|Zoom Video Communications, Inc.|Zoom, #1 Video Conferencing and Web Conferencing Service|Applications/Internet|https://zoom.us
mairie-scripts|1.2|1|noarch|12288|||Scripts de déploiement de la mairie|Unspecified|
EOF

while IFS='|' read -r name version release arch size vendor packager summary group url; do
	spec="$work/$name-$arch.spec"
	{
		echo "Name: $name"
		echo "Version: $version"
		echo "Release: $release"
		echo "Summary: $summary"
		echo "License: distributable"
		echo "Group: $group"
		[ -n "$vendor" ] && echo "Vendor: $vendor"
		[ -n "$packager" ] && echo "Packager: $packager"
		[ -n "$url" ] && echo "URL: $url"
		[ "$arch" = noarch ] && echo "BuildArch: noarch"
		echo "AutoReqProv: no"
		echo "%description"
		echo "$summary"
		echo "%install"
		echo "mkdir -p %{buildroot}/opt/$name-$arch"
		# A sparse file of the package's installed size: rpm sums file sizes.
		[ "$size" -gt 0 ] && echo "truncate -s $size %{buildroot}/opt/$name-$arch/payload"
		echo "%files"
		echo "/opt/$name-$arch"
	} > "$spec"
	rpmbuild --quiet -bb --target "$arch" --define "_topdir $work/build" \
		--define "_rpmdir $work/rpms" --define "_binary_payload w1.gzdio" \
		--define '__os_install_post %{nil}' --define 'debug_package %{nil}' "$spec" >/dev/null
done < "$work/list"

rpm --dbpath "$work/db" --initdb
rpm --dbpath "$work/db" -i --justdb --nodeps --nosignature --ignorearch --ignoreos "$work"/rpms/*/*.rpm

# A signing key, as dnf imports one per repository: rpm lists it as a
# "gpg-pubkey" pseudo-package.
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' --quick-gen-key 'Rocky Enterprise Software Foundation - Release key 2022 <releng@rockylinux.org>' rsa2048 sign never 2>/dev/null
gpg --batch --armor --export > "$work/key.asc"
rpm --dbpath "$work/db" --import "$work/key.asc"

rpm --dbpath "$work/db" -qa --queryformat "$fmt" | sort
