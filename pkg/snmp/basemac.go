package snmp

import (
	"slices"
	"strconv"
)

// pickBaseMAC chooses the MAC that names a device without a bridge
// address, as GLPI Agent does: the only MAC of the interfaces that carry an
// IP address (or of all interfaces); among several, the first of two
// consecutive addresses, since vendors number their ports' MACs in a row;
// else the MAC of the first interface with a speed (a printer's wired port
// rather than its unconfigured Wi-Fi).
func pickBaseMAC(phys, ifOfIP, speeds Table) string {
	var macs []string
	for _, s := range ifOfIP.Suffixes() {
		if n, ok := ifOfIP.Int(s); ok {
			if m := pduMAC(phys[strconv.FormatInt(n, 10)]); validMAC(m) {
				macs = append(macs, m)
			}
		}
	}
	if len(macs) == 0 {
		for _, s := range phys.Suffixes() {
			if m := pduMAC(phys[s]); validMAC(m) {
				macs = append(macs, m)
			}
		}
	}
	macs = uniq(macs)
	switch len(macs) {
	case 0:
		return ""
	case 1:
		return macs[0]
	}
	sorted := slices.Clone(macs)
	slices.SortFunc(sorted, func(a, b string) int { return cmpUint(macNumber(a), macNumber(b)) })
	for i := 0; i+1 < len(sorted); i++ {
		if macNumber(sorted[i])+1 == macNumber(sorted[i+1]) {
			return sorted[i]
		}
	}
	for _, s := range speeds.Suffixes() {
		if n, ok := speeds.Int(s); !ok || n == 0 {
			continue
		}
		if m := pduMAC(phys[s]); slices.Contains(macs, m) {
			return m
		}
	}
	return ""
}

func macNumber(mac string) uint64 {
	var n uint64
	for i := 0; i+1 < len(mac); i += 3 {
		b, _ := strconv.ParseUint(mac[i:i+2], 16, 8)
		n = n<<8 | b
	}
	return n
}

func cmpUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// uniq removes repeated strings, keeping the first of each.
func uniq(list []string) []string {
	seen := make(map[string]bool, len(list))
	out := list[:0:0]
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
