package snmp

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// SysObjectLineError is a line of an uploaded sysobject.ids that cannot be
// read.
type SysObjectLineError struct {
	Line   int    // 1-based
	Reason string // what is wrong with it
}

func (e *SysObjectLineError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
}

// CheckSysObjectIDs reads a sysobject.ids an administrator gives, more
// strictly than ParseSysObjectIDs: the first line that cannot be read is
// an error naming it (*SysObjectLineError), since a file that loses
// entries silently would identify devices worse than the one it replaces.
// On success it returns the database as ParseSysObjectIDs reads it.
func CheckSysObjectIDs(data []byte) (*SysObjectDB, error) {
	if !utf8.Valid(data) {
		return nil, errors.New("not a text file (not UTF-8)")
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		id := strings.Trim(strings.TrimSpace(f[0]), ".")
		if _, ok := parseOID(id); !ok || id == "" {
			return nil, &SysObjectLineError{Line: n, Reason: fmt.Sprintf("%q is not an OID below .1.3.6.1.4.1 (dotted numbers, then a tab)", clip(f[0]))}
		}
		if len(f) < 2 || strings.TrimSpace(f[1]) == "" {
			return nil, &SysObjectLineError{Line: n, Reason: "the manufacturer is missing (OID, tab, manufacturer, tab, type, tab, model)"}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &SysObjectLineError{Line: n + 1, Reason: err.Error()}
	}
	return ParseSysObjectIDs(bytes.NewReader(data))
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
