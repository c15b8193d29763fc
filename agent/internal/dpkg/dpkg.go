// Package dpkg reads dpkg's database of installed packages,
// /var/lib/dpkg/status, without running dpkg-query.
//
// The status file is a list of RFC 822-style stanzas separated by blank
// lines; fields are "Name: value" and continuation lines start with a space
// or a tab. Parse streams it with a bufio.Scanner and keeps only the fields
// an inventory needs, so a desktop's few thousand packages take a few
// milliseconds.
package dpkg

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
)

// StatusPath is where dpkg keeps its database of packages.
const StatusPath = "/var/lib/dpkg/status"

// InfoDir holds one <package>.list file per installed package (or
// <package>:<arch>.list for Multi-Arch: same packages).
const InfoDir = "/var/lib/dpkg/info"

// maxLine bounds one line of the status file. Real lines stay under a few
// KiB (long Depends, Conffiles entries), but a broken file must not make
// the agent allocate without bound.
const maxLine = 1 << 20

// Package is one installed package.
type Package struct {
	Name          string // e.g. "firefox-esr"
	Version       string // e.g. "115.5.0esr-1~deb12u1"
	Arch          string // e.g. "amd64", "all"
	Maintainer    string // e.g. "Debian Mozilla Team <team+pkg-mozilla@tracker.debian.org>"
	Section       string // e.g. "web"
	Summary       string // first line of Description, e.g. "Mozilla Firefox web browser"
	Homepage      string // e.g. "https://www.mozilla.org/"
	InstalledSize int64  // bytes (the file gives KiB)
	// MultiArchSame is set for "Multi-Arch: same" packages, which can be
	// installed for several architectures at once; dpkg names their
	// files <name>:<arch>.*.
	MultiArchSame bool
}

// ListFiles returns the names of the files, under InfoDir, whose
// modification time tells when p was installed or last upgraded, in the
// order to try them.
func (p *Package) ListFiles() []string {
	qualified, plain := p.Name+":"+p.Arch+".list", p.Name+".list"
	if p.MultiArchSame {
		return []string{qualified, plain}
	}
	return []string{plain, qualified}
}

// Parse reads a status file and calls fn for each installed package, in
// file order. Packages that are only known (removed with config files
// left, half-installed...) are skipped: dpkg-query shows them, but they are
// not installed software. An error from fn stops the parse and is returned.
func Parse(r io.Reader, fn func(Package) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	var st stanza
	for sc.Scan() {
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			if err := st.flush(fn); err != nil {
				return err
			}
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			continue // continuation: long description, conffiles
		}
		st.field(line)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read dpkg status: %w", err)
	}
	return st.flush(fn)
}

// stanza accumulates the fields of the current package. Repeated values
// (architectures, sections, maintainers) are interned so that a large
// file does not hold thousands of copies of "amd64".
type stanza struct {
	pkg       Package
	installed bool
	seen      bool
	intern    map[string]string
}

func (s *stanza) field(line []byte) {
	i := bytes.IndexByte(line, ':')
	if i <= 0 {
		return // not a field; dpkg would reject the file, we skip the line
	}
	val := bytes.TrimSpace(line[i+1:])
	s.seen = true
	switch string(line[:i]) {
	case "Package":
		s.pkg.Name = string(val)
	case "Status":
		s.installed = isInstalled(val)
	case "Version":
		s.pkg.Version = string(val)
	case "Architecture":
		s.pkg.Arch = s.str(val)
	case "Maintainer":
		s.pkg.Maintainer = s.str(val)
	case "Section":
		s.pkg.Section = s.str(val)
	case "Description":
		s.pkg.Summary = string(val)
	case "Homepage":
		s.pkg.Homepage = string(val)
	case "Multi-Arch":
		s.pkg.MultiArchSame = string(val) == "same"
	case "Installed-Size":
		s.pkg.InstalledSize = kibToBytes(val)
	}
}

func (s *stanza) flush(fn func(Package) error) error {
	if !s.seen {
		return nil
	}
	p, ok := s.pkg, s.installed && s.pkg.Name != ""
	s.pkg, s.installed, s.seen = Package{}, false, false
	if !ok {
		return nil
	}
	return fn(p)
}

func (s *stanza) str(b []byte) string {
	if v, ok := s.intern[string(b)]; ok {
		return v
	}
	if s.intern == nil {
		s.intern = make(map[string]string)
	}
	v := string(b)
	s.intern[v] = v
	return v
}

// isInstalled reads "Status: <want> <flag> <status>" and says whether the
// package is installed. The want word may be install or hold (a held
// package is still installed); the flag may be ok or reinstreq.
func isInstalled(v []byte) bool {
	f := bytes.Fields(v)
	return len(f) == 3 && string(f[2]) == "installed"
}

// kibToBytes converts Installed-Size, an integer count of KiB. Junk gives 0
// (unknown) rather than an error: one odd package must not lose the list.
func kibToBytes(v []byte) int64 {
	n, err := strconv.ParseInt(string(v), 10, 64)
	if err != nil || n < 0 || n > 1<<40 {
		return 0
	}
	return n * 1024
}
