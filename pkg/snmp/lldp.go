package snmp

import (
	"context"
	"regexp"
	"strconv"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// LLDP-MIB lldpRemTable (suffix timeMark.localPortNum.index) and
// lldpRemManAddrTable.
const (
	oidLldpRemEntry      = ".1.0.8802.1.1.2.1.4.1.1"
	oidLldpRemManAddrIf  = ".1.0.8802.1.1.2.1.4.2.1.3"
	oidCiscoPortIfIndex  = ".1.3.6.1.4.1.9.5.1.4.1.1.11.1"
	lldpChassisSubtype   = "4"
	lldpChassisID        = "5"
	lldpPortIDSubtype    = "6"
	lldpPortID           = "7"
	lldpPortDesc         = "8"
	lldpSysName          = "9"
	lldpSysDesc          = "10"
	lldpSubtypeMAC       = 4
	lldpPortSubtypeMAC   = 3
	lldpPortSubtypeAlias = 1
	lldpPortSubtypeName  = 5
	lldpPortSubtypeLocal = 7
)

var reDigits = regexp.MustCompile(`^\d+$`)

// ReadLLDP reads LLDP neighbours as connections.
func ReadLLDP(ctx context.Context, r Reader, ports Ports, bridgePorts Table, juniper bool) error {
	t, err := readTables(ctx, r, oidLldpRemEntry, oidLldpRemManAddrIf, oidCiscoPortIfIndex)
	if err != nil {
		return err
	}
	portMap := bridgePorts
	if len(t[oidCiscoPortIfIndex]) > 0 {
		portMap = t[oidCiscoPortIfIndex]
	}
	if juniper {
		// Juniper numbers LLDP ports by ifIndex already.
		portMap = Table{}
	}
	for idx, c := range buildLLDP(t[oidLldpRemEntry], t[oidLldpRemManAddrIf], portMap) {
		if p := ports[idx]; p != nil {
			setNeighbour(p, c)
		}
	}
	return nil
}

func setNeighbour(p *inventory.NetworkPort, c inventory.Connection) {
	yes := true
	p.LLDP = &yes
	p.Connections = []inventory.Connection{c}
}

// buildLLDP decodes lldpRemTable into one connection per local ifIndex.
func buildLLDP(rem, manAddr, portMap Table) map[int64]inventory.Connection {
	rows := map[string]map[string]string{}
	var order []string
	for _, s := range rem.Suffixes() {
		col, key, ok := strings.Cut(s, ".")
		if !ok || strings.Count(key, ".") != 2 {
			continue // mikrotik and friends use other index shapes
		}
		if rows[key] == nil {
			rows[key] = map[string]string{}
			order = append(order, key)
		}
		rows[key][col] = s
	}
	ips := lldpManAddrs(manAddr)
	out := map[int64]inventory.Connection{}
	chassis := map[int64]string{} // the kept entry's chassis ID text
	for _, key := range order {
		row := rows[key]
		str := func(c string) string { return cleanText(rem.String(row[c])) }
		c := inventory.Connection{SysDescr: str(lldpSysDesc), SysName: str(lldpSysName)}
		if c.SysDescr == "" && c.SysName == "" {
			continue
		}
		if st, _ := rem.Int(row[lldpChassisSubtype]); st == lldpSubtypeMAC {
			c.SysMAC = pduMAC(rem[row[lldpChassisID]])
		}
		portID := rem[row[lldpPortID]]
		switch st, _ := rem.Int(row[lldpPortIDSubtype]); st {
		case lldpPortSubtypeMAC:
			if m := pduMAC(portID); validMAC(m) && m != c.SysMAC {
				c.MAC = inventory.StringList{m}
			}
		case lldpPortSubtypeAlias, lldpPortSubtypeName, lldpPortSubtypeLocal:
			setPortRef(&c, cleanText(pduString(portID)))
		default:
			if m := pduMAC(portID); validMAC(m) {
				if m != c.SysMAC {
					c.MAC = inventory.StringList{m}
				}
			} else {
				setPortRef(&c, cleanText(pduString(portID)))
			}
		}
		if d := str(lldpPortDesc); d != "" {
			if reDigits.MatchString(d) && c.IfNumber == 0 {
				c.IfNumber, _ = strconv.ParseInt(d, 10, 64)
			} else if c.IfDescr == "" {
				c.IfDescr = d
			}
		}
		c.IP = ips[key]
		local, _ := arcAt(key, 1)
		idx := bridgeToIf(portMap, int64(local))
		id := cleanText(pduString(rem[row[lldpChassisID]]))
		if prev, ok := out[idx]; ok {
			c, id = keepNeighbour(prev, chassis[idx], c, id)
		}
		out[idx], chassis[idx] = c, id
	}
	return out
}

// keepNeighbour chooses between two LLDP entries of one local port. A
// device that sends LLDP twice (two agents, or an old entry not yet aged
// out) gives two partial descriptions of itself: they are merged, the
// more complete one first and the other filling its blanks. Entries of
// two different devices (a hub between) are not mixed: the more complete
// one is kept.
func keepNeighbour(a inventory.Connection, aID string, b inventory.Connection, bID string) (inventory.Connection, string) {
	if connectionFacts(b) > connectionFacts(a) {
		a, aID, b, bID = b, bID, a, aID
	}
	if !sameNeighbour(a, aID, b, bID) {
		return a, aID
	}
	fill := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	fill(&a.IfDescr, b.IfDescr)
	fill(&a.IP, b.IP)
	fill(&a.Model, b.Model)
	fill(&a.SysDescr, b.SysDescr)
	fill(&a.SysMAC, b.SysMAC)
	fill(&a.SysName, b.SysName)
	if a.IfNumber == 0 {
		a.IfNumber = b.IfNumber
	}
	if len(a.MAC) == 0 {
		a.MAC = b.MAC
	}
	return a, aID
}

// sameNeighbour tells whether two LLDP entries describe one device: the
// same system name or chassis MAC, or one's chassis ID naming the
// other's system ("sw-01(SERIAL)" for sw-01).
func sameNeighbour(a inventory.Connection, aID string, b inventory.Connection, bID string) bool {
	switch {
	case a.SysName != "" && strings.EqualFold(a.SysName, b.SysName):
		return true
	case a.SysMAC != "" && a.SysMAC == b.SysMAC:
		return true
	case a.SysName != "" && strings.HasPrefix(strings.ToLower(bID), strings.ToLower(a.SysName)):
		return true
	case b.SysName != "" && strings.HasPrefix(strings.ToLower(aID), strings.ToLower(b.SysName)):
		return true
	}
	return false
}

// connectionFacts counts a connection's non-empty fields.
func connectionFacts(c inventory.Connection) int {
	n := len(c.MAC)
	for _, s := range []string{c.IfDescr, c.IP, c.Model, c.SysDescr, c.SysMAC, c.SysName} {
		if s != "" {
			n++
		}
	}
	if c.IfNumber != 0 {
		n++
	}
	return n
}

func setPortRef(c *inventory.Connection, id string) {
	if id == "" || strings.HasPrefix(id, "0x") {
		return
	}
	if reDigits.MatchString(id) {
		c.IfNumber, _ = strconv.ParseInt(id, 10, 64)
		return
	}
	c.IfDescr = id
}

// lldpManAddrs reads IPv4 management addresses, keyed by
// timeMark.localPort.index: the row suffix continues with subtype (1 is
// IPv4), length and the address arcs.
func lldpManAddrs(t Table) map[string]string {
	out := map[string]string{}
	for _, s := range t.Suffixes() {
		arcs, ok := parseOID(s)
		if !ok || len(arcs) != 9 || arcs[3] != 1 || arcs[4] != 4 {
			continue
		}
		key := strings.Join(strings.Split(s, ".")[:3], ".")
		if ip := ipFromSuffix(strings.Join(strings.Split(s, ".")[5:], ".")); ip != "" && out[key] == "" {
			out[key] = ip
		}
	}
	return out
}
