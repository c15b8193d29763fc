package snmp

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// IF-MIB and EtherLike-MIB columns read for each port.
const (
	colIfIndex       = "1"
	colIfDescr       = "2"
	colIfType        = "3"
	colIfMTU         = "4"
	colIfSpeed       = "5"
	colIfPhysAddress = "6"
	colIfAdminStatus = "7"
	colIfOperStatus  = "8"
	colIfLastChange  = "9"
	colIfInOctets    = "10"
	colIfInErrors    = "14"
	colIfOutOctets   = "16"
	colIfOutErrors   = "20"

	colIfName        = "1"
	colIfHCInOctets  = "6"
	colIfHCOutOctets = "10"
	colIfHighSpeed   = "15"
	colIfAlias       = "18"
)

// Ports is the set of a device's interfaces, by ifIndex.
type Ports map[int64]*inventory.NetworkPort

// Sorted returns the ports in ifIndex order.
func (p Ports) Sorted() []inventory.NetworkPort {
	keys := make([]int64, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]inventory.NetworkPort, 0, len(keys))
	for _, k := range keys {
		out = append(out, *p[k])
	}
	return out
}

// walkColumn walks one column and tolerates a partial table.
func walkColumn(ctx context.Context, r Reader, oid string) (Table, error) {
	t, err := r.Walk(ctx, oid)
	if err != nil && (errors.Is(err, ErrTableTooLarge) || errors.Is(err, ErrWalkLoop)) {
		return t, nil
	}
	return t, err
}

// ReadPorts reads ifTable, ifXTable, the duplex of EtherLike-MIB and the
// IPv4 addresses of each interface.
func ReadPorts(ctx context.Context, r Reader) (Ports, error) {
	cols := map[string]Table{}
	// ifIndex is not walked: its values are the rows' indexes, which the
	// other columns give (portSuffixes).
	for _, c := range []string{colIfDescr, colIfType, colIfMTU, colIfPhysAddress,
		colIfAdminStatus, colIfOperStatus, colIfLastChange, colIfInErrors, colIfOutErrors} {
		t, err := walkColumn(ctx, r, oidIfTable+"."+c)
		if err != nil {
			return nil, err
		}
		cols["if"+c] = t
	}
	for _, c := range []string{colIfName, colIfHCInOctets, colIfHCOutOctets, colIfHighSpeed, colIfAlias} {
		t, err := walkColumn(ctx, r, oidIfXTable+"."+c)
		if err != nil {
			return nil, err
		}
		cols["ifx"+c] = t
	}
	if err := readFallbacks(ctx, r, cols); err != nil {
		return nil, err
	}
	duplex, err := walkColumn(ctx, r, oidDot3StatsDuplex)
	if err != nil {
		return nil, err
	}
	ips, err := walkColumn(ctx, r, oidIPAdEntIfIndex)
	if err != nil {
		return nil, err
	}
	return buildPorts(cols, duplex, ips), nil
}

// buildPorts assembles ports from walked columns; it is separate from
// ReadPorts so decoding can be fuzzed without a device.
func buildPorts(cols map[string]Table, duplex, ips Table) Ports {
	ports := Ports{}
	port := func(suffix string) *inventory.NetworkPort {
		idx, err := strconv.ParseInt(suffix, 10, 64)
		if err != nil || idx <= 0 {
			return nil
		}
		if p := ports[idx]; p != nil {
			return p
		}
		p := &inventory.NetworkPort{IfNumber: idx}
		ports[idx] = p
		return p
	}
	for s := range portSuffixes(cols) {
		port(s)
	}
	for idx, p := range ports {
		s := strconv.FormatInt(idx, 10)
		p.IfDescr = cleanText(cols["if"+colIfDescr].String(s))
		p.IfName = cleanText(cols["ifx"+colIfName].String(s))
		if p.IfName == "" {
			p.IfName = p.IfDescr
		}
		p.IfAlias = cleanText(cols["ifx"+colIfAlias].String(s))
		p.IfType = intIn(cols["if"+colIfType], s, 1, 1<<31)
		p.IfMTU = intIn(cols["if"+colIfMTU], s, 0, 1<<31)
		p.IfStatus = intIn(cols["if"+colIfOperStatus], s, 1, 7)
		p.IfInternalStatus = intIn(cols["if"+colIfAdminStatus], s, 1, 3)
		p.IfPortDuplex = intIn(duplex, s, 1, 3)
		p.IfLastChange = pduTicks(cols["if"+colIfLastChange][s])
		p.MAC = pduMAC(cols["if"+colIfPhysAddress][s])
		if !validMAC(p.MAC) {
			p.MAC = ""
		}
		// ifHighSpeed (Mbit/s) for links past the 4.29 Gbit/s of ifSpeed.
		if hs, ok := cols["ifx"+colIfHighSpeed].Int(s); ok && hs > 0 {
			p.IfSpeed = hs * 1000 * 1000
		} else {
			p.IfSpeed = intIn(cols["if"+colIfSpeed], s, 0, 1<<62)
		}
		p.IfInBytes = counter(cols["ifx"+colIfHCInOctets], cols["if"+colIfInOctets], s)
		p.IfOutBytes = counter(cols["ifx"+colIfHCOutOctets], cols["if"+colIfOutOctets], s)
		p.IfInErrors = intIn(cols["if"+colIfInErrors], s, 0, 1<<62)
		p.IfOutErrors = intIn(cols["if"+colIfOutErrors], s, 0, 1<<62)
	}
	for _, s := range ips.Suffixes() {
		idx, ok := ips.Int(s)
		if p := ports[idx]; ok && p != nil {
			if ip := ipFromSuffix(s); ip != "" {
				p.IPs = append(p.IPs, ip)
			}
		}
	}
	return ports
}

// portSuffixes returns the ifIndex of every port: the rows of the ifTable
// columns (ifIndex among them when walked), and of ifName for ports only
// ifXTable lists.
func portSuffixes(cols map[string]Table) map[string]bool {
	out := map[string]bool{}
	for name, t := range cols {
		if strings.HasPrefix(name, "ifx") && name != "ifx"+colIfName {
			continue
		}
		for s := range t {
			out[s] = true
		}
	}
	return out
}

// intIn returns a row's integer when it lies in [lo, hi], else 0 (unset).
func intIn(t Table, suffix string, lo, hi int64) int64 {
	n, ok := t.Int(suffix)
	if !ok || n < lo || n > hi {
		return 0
	}
	return n
}

// counter prefers the 64-bit counter and falls back to the 32-bit one.
func counter(hc, c32 Table, suffix string) int64 {
	if p, ok := hc[suffix]; ok {
		if n, ok := pduUint(p); ok && n <= 1<<62 {
			return int64(n)
		}
	}
	return intIn(c32, suffix, 0, 1<<62)
}

// ipFromSuffix reads an IPv4 address written as four OID arcs.
func ipFromSuffix(s string) string {
	arcs, ok := parseOID(s)
	if !ok || len(arcs) != 4 {
		return ""
	}
	for _, a := range arcs {
		if a > 255 {
			return ""
		}
	}
	return s
}
