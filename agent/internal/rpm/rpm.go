// Package rpm reads the list of installed RPM packages.
//
// rpm's database (Berkeley DB, then SQLite, then ndb) has no stable file
// format to read directly, so the agent runs `rpm -qa` once with a fixed
// query format (Args) and Parse reads its tab-separated output.
package rpm

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// QueryFormat asks rpm for one line per package with ten tab-separated
// fields. rpm expands the \t and \n escapes itself. LONGSIZE, unlike SIZE,
// does not overflow for packages over 4 GiB; rpm falls back to SIZE for
// old headers that lack it.
const QueryFormat = `%{NAME}\t%{ARCH}\t%{VERSION}-%{RELEASE}\t%{INSTALLTIME}\t%{LONGSIZE}\t%{VENDOR}\t%{PACKAGER}\t%{SUMMARY}\t%{GROUP}\t%{URL}\n`

// Args are the arguments to give the rpm command.
func Args() []string {
	return []string{"-qa", "--queryformat", QueryFormat}
}

const nfields = 10

// none is how rpm prints a tag the package does not have.
const none = "(none)"

// Package is one installed package.
type Package struct {
	Name        string    // e.g. "bash"
	Arch        string    // e.g. "x86_64", "noarch"; empty for gpg-pubkey
	Version     string    // VERSION-RELEASE, e.g. "5.1.8-9.el9"
	InstallTime time.Time // zero when rpm did not record it
	Size        int64     // installed size in bytes
	Vendor      string    // e.g. "Rocky Enterprise Software Foundation"
	Packager    string    // e.g. "Rocky Linux Build System (Peridot) <releng@rockylinux.org>"
	Summary     string    // one line, e.g. "The GNU Bourne Again shell"
	Group       string    // e.g. "Unspecified", "System Environment/Base"
	URL         string    // e.g. "https://www.gnu.org/software/bash"
}

// IsPubKey says whether p is one of the pseudo-packages rpm keeps for each
// imported signing key ("gpg-pubkey"): not software.
func (p *Package) IsPubKey() bool {
	return p.Name == "gpg-pubkey"
}

// Parse reads the output of rpm run with Args. Lines that do not have the
// expected shape are counted in skipped rather than failing the whole
// list; a summary that itself holds a tab is rejoined.
func Parse(out []byte) (pkgs []Package, skipped int, err error) {
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" {
			continue
		}
		p, ok := parseLine(line)
		if !ok {
			skipped++
			continue
		}
		pkgs = append(pkgs, p)
	}
	if err := sc.Err(); err != nil {
		return pkgs, skipped, fmt.Errorf("read rpm output: %w", err)
	}
	return pkgs, skipped, nil
}

func parseLine(line string) (Package, bool) {
	f := strings.Split(line, "\t")
	if len(f) < nfields {
		return Package{}, false
	}
	if extra := len(f) - nfields; extra > 0 {
		// Only the summary is free text; GROUP and URL never hold tabs.
		f[7] = strings.Join(f[7:8+extra], " ")
		f = append(f[:8], f[8+extra:]...)
	}
	name := strings.TrimSpace(f[0])
	if name == "" || name == none {
		return Package{}, false
	}
	p := Package{
		Name:     name,
		Arch:     val(f[1]),
		Version:  val(f[2]),
		Vendor:   val(f[5]),
		Packager: val(f[6]),
		Summary:  val(f[7]),
		Group:    val(f[8]),
		URL:      val(f[9]),
	}
	if sec, err := strconv.ParseInt(f[3], 10, 64); err == nil && sec > 0 && sec < 1<<40 {
		p.InstallTime = time.Unix(sec, 0)
	}
	if n, err := strconv.ParseInt(f[4], 10, 64); err == nil && n > 0 {
		p.Size = n
	}
	return p, true
}

func val(s string) string {
	s = strings.TrimSpace(s)
	if s == none {
		return ""
	}
	return s
}
