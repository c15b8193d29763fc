package web

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/parcproject/parc/collector/store"
)

// sectionOrder is the order inventoried sections appear on the asset page;
// sections not listed follow, by name.
var sectionOrder = []string{"hardware", "bios", "operatingsystem", "cpus", "memories", "storages", "drives",
	"networks", "videos", "sounds", "controllers", "batteries", "antivirus", "firewalls", "users",
	"local_users", "local_groups", "usbdevices", "printers", "inputs", "virtualmachines", "remote_mgmt",
	"licenseinfos", "powersupplies", "firmwares", "network_device", "network_ports", "network_components",
	"cartridges", "pagecounters", "simcards", "sensors"}

// preferredKeys put a section's most telling fields first.
var preferredKeys = map[string][]string{
	"cpus":     {"name", "manufacturer", "core", "thread", "speed", "arch"},
	"memories": {"caption", "capacity", "type", "speed", "manufacturer", "serialnumber", "numslots"},
	"storages": {"name", "model", "manufacturer", "disksize", "interface", "type", "serial", "firmware"},
	"drives":   {"volumn", "letter", "type", "filesystem", "total", "free", "label", "encrypt_status"},
	"networks": {"description", "type", "mac", "ipaddress", "ipmask", "ipgateway", "ipaddress6", "speed", "status", "virtualdev"},
	"videos":   {"name", "chipset", "memory", "resolution"},
	"users":    {"login", "domain"},
}

// hiddenKeys are too long or too raw to show (EDID dumps).
var hiddenKeys = map[string]bool{"base64": true, "uncompressed": true}

// section is one inventoried section ready to render: an object section
// has one row shown as a list of fields; a list section is a table.
type section struct {
	Name string
	List bool
	Keys []string
	Rows []sectionRow
}

type sectionRow struct {
	Cells []string
	// Drives: used and total space in MiB for the free-space bar.
	Used, Total float64
}

// buildSections groups an asset's components by section, in display order.
func buildSections(comps []store.Component) []section {
	bySection := map[string][]map[string]any{}
	var names []string
	for _, c := range comps {
		var v map[string]any
		if err := json.Unmarshal([]byte(c.Data), &v); err != nil {
			continue // stored by ingest from valid JSON; skip rather than fail the page
		}
		if _, seen := bySection[c.Section]; !seen {
			names = append(names, c.Section)
		}
		bySection[c.Section] = append(bySection[c.Section], v)
	}
	rank := map[string]int{}
	for i, n := range sectionOrder {
		rank[n] = i + 1
	}
	sort.SliceStable(names, func(i, j int) bool {
		ri, rj := rank[names[i]], rank[names[j]]
		if ri == 0 || rj == 0 {
			if ri != rj {
				return ri != 0
			}
			return names[i] < names[j]
		}
		return ri < rj
	})
	out := make([]section, 0, len(names))
	for _, n := range names {
		out = append(out, makeSection(n, bySection[n]))
	}
	return out
}

// objectSections are single objects in the inventory format.
var objectSections = map[string]bool{"hardware": true, "bios": true, "operatingsystem": true, "network_device": true}

func makeSection(name string, items []map[string]any) section {
	sec := section{Name: name, List: !objectSections[name] || len(items) > 1}
	seen := map[string]bool{}
	for _, k := range preferredKeys[name] {
		for _, it := range items {
			if _, ok := it[k]; ok && !seen[k] {
				seen[k] = true
				sec.Keys = append(sec.Keys, k)
			}
		}
	}
	var rest []string
	for _, it := range items {
		for k := range it {
			if !seen[k] && !hiddenKeys[k] {
				seen[k] = true
				rest = append(rest, k)
			}
		}
	}
	sort.Strings(rest)
	sec.Keys = append(sec.Keys, rest...)
	for _, it := range items {
		row := sectionRow{Cells: make([]string, len(sec.Keys))}
		for i, k := range sec.Keys {
			row.Cells[i] = cellText(it[k])
		}
		if name == "drives" {
			total, free := num(it["total"]), num(it["free"])
			if total > 0 && free >= 0 && free <= total {
				row.Used, row.Total = total-free, total
			}
		}
		sec.Rows = append(sec.Rows, row)
	}
	return sec
}

// cellText writes a JSON value for a table cell.
func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		if x {
			return "✓"
		}
		return "✗"
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			parts = append(parts, cellText(e))
		}
		return strings.Join(parts, ", ")
	default:
		b, err := json.Marshal(x)
		if err != nil {
			return fmt.Sprint(x)
		}
		return string(b)
	}
}

func num(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case string:
		f, err := strconv.ParseFloat(x, 64)
		if err != nil {
			return -1
		}
		return f
	}
	return -1
}
