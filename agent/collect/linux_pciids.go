package collect

import (
	"bytes"
	"strings"
)

// pciIDPaths are where distributions install the PCI ID database
// (pciutils on Debian, hwdata on Red Hat).
var pciIDPaths = []string{"/usr/share/misc/pci.ids", "/usr/share/hwdata/pci.ids", "/usr/share/pci.ids"}

// pciNames holds the names looked up in pci.ids: vendors "8086", devices
// "8086:a0ed", classes "0c" and subclasses "0c03".
type pciNames map[string]string

// lookupPCINames scans pci.ids once and keeps only the names of the
// wanted keys, so the 1.3 MB database never stays in memory. Keys are
// lower-case hexadecimal as sysfs prints them, without "0x". The scan
// skips the devices of unwanted vendors and all subsystem lines without
// splitting them, which keeps it near a millisecond.
func lookupPCINames(db []byte, want map[string]bool) pciNames {
	out := pciNames{}
	var vendor, class string
	vendorWanted, inClasses := false, false
	for len(db) > 0 {
		line := db
		if i := bytes.IndexByte(db, '\n'); i >= 0 {
			line, db = db[:i], db[i+1:]
		} else {
			db = nil
		}
		if len(line) < 4 || line[0] == '#' || len(line) > 1 && line[0] == '\t' && line[1] == '\t' {
			continue
		}
		if line[0] != '\t' {
			id, name, ok := bytes.Cut(line, []byte("  "))
			if !ok {
				continue
			}
			if c, isClass := bytes.CutPrefix(id, []byte("C ")); isClass {
				inClasses, class = true, strings.ToLower(string(c))
				vendorWanted = false
				keep(out, want, class, name)
				continue
			}
			inClasses, vendor = false, string(id)
			vendorWanted = want[vendor]
			keep(out, want, vendor, name)
			continue
		}
		if !vendorWanted && !inClasses {
			continue
		}
		id, name, ok := bytes.Cut(line[1:], []byte("  "))
		if !ok {
			continue
		}
		if inClasses {
			keep(out, want, class+string(id), name)
		} else {
			keep(out, want, vendor+":"+string(id), name)
		}
	}
	return out
}

func keep(out pciNames, want map[string]bool, key string, name []byte) {
	if want[key] {
		out[key] = strings.TrimSpace(string(name))
	}
}
