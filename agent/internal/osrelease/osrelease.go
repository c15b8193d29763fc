// Package osrelease parses os-release(5) files (/etc/os-release,
// /usr/lib/os-release): newline-separated KEY=value assignments in a
// subset of shell syntax, values optionally quoted.
package osrelease

import (
	"bufio"
	"bytes"
	"strings"
)

// Info holds the fields an inventory uses.
type Info struct {
	ID              string // e.g. "debian", "ubuntu", "rhel"
	IDLike          string // e.g. "debian", "rhel fedora"
	Name            string // e.g. "Debian GNU/Linux"
	PrettyName      string // e.g. "Debian GNU/Linux 12 (bookworm)"
	Version         string // e.g. "12 (bookworm)", "22.04.4 LTS (Jammy Jellyfish)"
	VersionID       string // e.g. "12", "22.04", "9.3"
	VersionCodename string // e.g. "bookworm"
	BuildID         string // rolling distributions, e.g. "rolling"
	Vars            map[string]string
}

// Parse reads an os-release file. Lines that are not assignments (and
// comments) are skipped, as the format asks; a later assignment of the
// same key wins.
func Parse(b []byte) *Info {
	vars := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		key, val, ok := strings.Cut(line, "=")
		if !ok || !validKey(key) {
			continue
		}
		vars[key] = unquote(val)
	}
	return &Info{
		ID:              vars["ID"],
		IDLike:          vars["ID_LIKE"],
		Name:            vars["NAME"],
		PrettyName:      vars["PRETTY_NAME"],
		Version:         vars["VERSION"],
		VersionID:       vars["VERSION_ID"],
		VersionCodename: vars["VERSION_CODENAME"],
		BuildID:         vars["BUILD_ID"],
		Vars:            vars,
	}
}

func validKey(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// unquote handles the shell quoting os-release allows: single quotes
// (literal), double quotes (backslash escapes $ " \ and `), and unquoted
// words with backslash escapes.
func unquote(v string) string {
	var out strings.Builder
	var quote byte
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case quote == 0 && (c == '"' || c == '\''):
			quote = c
		case quote != 0 && c == quote:
			quote = 0
		case quote == '\'':
			out.WriteByte(c)
		case c == '\\' && i+1 < len(v) && (quote == 0 || strings.IndexByte("$\"\\`", v[i+1]) >= 0):
			i++
			out.WriteByte(v[i])
		case quote == 0 && c == '#':
			return strings.TrimSpace(out.String()) // trailing comment
		default:
			out.WriteByte(c)
		}
	}
	return strings.TrimSpace(out.String())
}
