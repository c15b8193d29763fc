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
		out[bridgeToIf(portMap, int64(local))] = c
	}
	return out
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
