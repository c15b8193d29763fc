package snmp

import (
	"strconv"
	"strings"
)

// normOID returns oid with exactly one leading dot, as gosnmp writes the
// OIDs of answers, so OIDs can be compared as strings.
func normOID(oid string) string {
	oid = strings.TrimSpace(oid)
	if oid == "" {
		return ""
	}
	if oid[0] != '.' {
		return "." + oid
	}
	return oid
}

// parseOID splits a dotted OID into its arcs. ok is false when an arc is
// not a decimal number.
func parseOID(oid string) (arcs []uint64, ok bool) {
	oid = strings.TrimPrefix(strings.TrimSpace(oid), ".")
	if oid == "" {
		return nil, true
	}
	parts := strings.Split(oid, ".")
	arcs = make([]uint64, len(parts))
	for i, p := range parts {
		n, err := strconv.ParseUint(p, 10, 64)
		if err != nil {
			return nil, false
		}
		arcs[i] = n
	}
	return arcs, true
}

// compareOID orders two OIDs arc by arc, as SNMP agents order their MIB
// view: -1 when a comes first, 0 when equal, 1 when a comes after. OIDs
// that do not parse compare as strings, after every valid OID.
func compareOID(a, b string) int {
	pa, oka := parseOID(a)
	pb, okb := parseOID(b)
	switch {
	case !oka && !okb:
		return strings.Compare(a, b)
	case !oka:
		return 1
	case !okb:
		return -1
	}
	for i := 0; i < len(pa) && i < len(pb); i++ {
		if pa[i] != pb[i] {
			if pa[i] < pb[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(pa) < len(pb):
		return -1
	case len(pa) > len(pb):
		return 1
	}
	return 0
}

// underOID reports whether oid lies strictly below root in the tree.
func underOID(oid, root string) bool {
	oid, root = normOID(oid), normOID(root)
	return len(oid) > len(root) && strings.HasPrefix(oid, root) && oid[len(root)] == '.'
}

// suffixOf returns what follows root in oid ("1.2" for root ".1.3" and oid
// ".1.3.1.2"), or "" when oid is not under root.
func suffixOf(oid, root string) string {
	if !underOID(oid, root) {
		return ""
	}
	return normOID(oid)[len(normOID(root))+1:]
}

// lastArcs returns the last n arcs of a dotted suffix, or nil when it has
// fewer.
func lastArcs(suffix string, n int) []uint64 {
	arcs, ok := parseOID(suffix)
	if !ok || len(arcs) < n {
		return nil
	}
	return arcs[len(arcs)-n:]
}

// arcAt returns the arc at position i of a dotted suffix (negative i counts
// from the end), and false when there is none.
func arcAt(suffix string, i int) (uint64, bool) {
	arcs, ok := parseOID(suffix)
	if !ok {
		return 0, false
	}
	if i < 0 {
		i += len(arcs)
	}
	if i < 0 || i >= len(arcs) {
		return 0, false
	}
	return arcs[i], true
}
