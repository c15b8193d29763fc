package snmp

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// enterprisesPrefix is the arc every private sysObjectID starts with.
const enterprisesPrefix = ".1.3.6.1.4.1."

// SysObjectEntry is one line of sysobject.ids.
type SysObjectEntry struct {
	Manufacturer string // e.g. "Cisco"
	Type         string // GLPI device type: "Networking", "Printer", "Power"... or ""
	Model        string // e.g. "WS-C3560G-48TS-E", or ""
	Module       string // GLPI Agent's extra module name, or ""
}

// SysObjectDB maps sysObjectID suffixes (below .1.3.6.1.4.1) to devices.
// It is GLPI's sysobject.ids database (GPL-2.0 data), read from a file at
// run time so administrators can update it without a new binary.
type SysObjectDB struct {
	entries map[string]SysObjectEntry
	// Skipped counts lines that could not be read (bad OID, missing
	// manufacturer).
	Skipped int
}

// LoadSysObjectIDs reads a sysobject.ids file.
func LoadSysObjectIDs(path string) (*SysObjectDB, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load sysobject.ids: %w", err)
	}
	defer f.Close()
	db, err := ParseSysObjectIDs(f)
	if err != nil {
		return nil, fmt.Errorf("load sysobject.ids %s: %w", path, err)
	}
	return db, nil
}

// ParseSysObjectIDs reads the tab-separated format
// "suffix<TAB>manufacturer<TAB>type<TAB>model[<TAB>module]", where the
// suffix is relative to .1.3.6.1.4.1, and "#" starts a comment line. Bad
// lines are counted in Skipped, not fatal; a file without any entry is an
// error.
func ParseSysObjectIDs(r io.Reader) (*SysObjectDB, error) {
	db := &SysObjectDB{entries: map[string]SysObjectEntry{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		id := strings.Trim(strings.TrimSpace(f[0]), ".")
		if _, ok := parseOID(id); !ok || id == "" || len(f) < 2 || strings.TrimSpace(f[1]) == "" {
			db.Skipped++
			continue
		}
		e := SysObjectEntry{Manufacturer: strings.TrimSpace(f[1])}
		if len(f) > 2 {
			e.Type = glpiType(f[2])
		}
		if len(f) > 3 {
			e.Model = strings.TrimSpace(f[3])
		}
		if len(f) > 4 {
			e.Module = strings.TrimSpace(f[4])
		}
		db.entries[id] = e
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read line: %w", err)
	}
	if len(db.entries) == 0 {
		return nil, errors.New("no entry found: not a sysobject.ids file")
	}
	return db, nil
}

// Len returns the number of entries.
func (db *SysObjectDB) Len() int {
	if db == nil {
		return 0
	}
	return len(db.entries)
}

// Lookup finds the longest known prefix of sysObjectID: the full OID, then
// shorter ones down to the enterprise number alone, which gives only the
// manufacturer. ok is false when even the enterprise is unknown.
func (db *SysObjectDB) Lookup(sysObjectID string) (e SysObjectEntry, ok bool) {
	if db == nil {
		return e, false
	}
	oid := normOID(sysObjectID)
	key := strings.TrimPrefix(oid, ".")
	if strings.HasPrefix(oid, enterprisesPrefix) {
		key = oid[len(enterprisesPrefix):]
	}
	for key != "" {
		if e, ok := db.entries[key]; ok {
			return e, true
		}
		i := strings.LastIndexByte(key, '.')
		if i < 0 {
			break
		}
		key = key[:i]
	}
	return e, false
}

// glpiType maps GLPI Agent's upper-case device types to the inventory
// format's network_device.type values.
func glpiType(s string) string {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "NETWORKING":
		return TypeNetworking
	case "PRINTER":
		return TypePrinter
	case "STORAGE":
		return TypeStorage
	case "POWER":
		return TypePower
	case "PHONE":
		return TypePhone
	case "COMPUTER":
		return TypeComputer
	case "VIDEO":
		return TypeVideo
	case "KVM":
		return TypeKVM
	}
	return ""
}
