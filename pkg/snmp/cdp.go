package snmp

import (
	"context"
	"net"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// CISCO-CDP-MIB cdpCacheTable, suffix ifIndex.deviceIndex.
const (
	oidCdpCacheEntry = ".1.3.6.1.4.1.9.9.23.1.2.1.1"
	cdpAddress       = "4"
	cdpVersion       = "5"
	cdpDeviceID      = "6"
	cdpDevicePort    = "7"
	cdpPlatform      = "8"
	cdpSysName       = "17"
)

// cdpColumns are the cdpCacheTable columns buildCDP reads, 6 of 11.
var cdpColumns = []string{cdpAddress, cdpVersion, cdpDeviceID, cdpDevicePort, cdpPlatform, cdpSysName}

// ReadCDP reads CDP neighbours. On a port LLDP already describes, CDP only
// adds the IP and model when both name the same device; when they
// disagree the port's neighbour is undecidable and dropped.
func ReadCDP(ctx context.Context, r Reader, ports Ports) error {
	t, err := readColumns(ctx, r, oidCdpCacheEntry, cdpColumns...)
	if err != nil {
		return err
	}
	for idx, c := range buildCDP(t) {
		p := ports[idx]
		if p == nil || strings.HasPrefix(strings.ToLower(c.Model), "communicator") {
			continue
		}
		if p.LLDP == nil || len(p.Connections) == 0 {
			setNeighbour(p, c)
			continue
		}
		l := &p.Connections[0]
		same := (l.SysDescr != "" && l.SysDescr == c.SysDescr) ||
			(l.SysName != "" && (l.SysName == c.SysName || (l.SysMAC != "" && parseMAC(c.SysName) == l.SysMAC)))
		if same {
			l.IP, l.Model = c.IP, c.Model
		} else {
			p.Connections, p.LLDP = nil, nil
		}
	}
	return nil
}

// buildCDP decodes cdpCacheTable into one connection per ifIndex; an
// interface with several CDP neighbours (a hub or unmanaged switch
// between) gets none.
func buildCDP(t Table) map[int64]inventory.Connection {
	rows := map[string]map[string]string{}
	var order []string
	for _, s := range t.Suffixes() {
		col, key, ok := strings.Cut(s, ".")
		if !ok || strings.Count(key, ".") != 1 {
			continue
		}
		if rows[key] == nil {
			rows[key] = map[string]string{}
			order = append(order, key)
		}
		rows[key][col] = s
	}
	out := map[int64]inventory.Connection{}
	multiple := map[int64]bool{}
	for _, key := range order {
		row := rows[key]
		ip := ""
		if b := pduBytes(t[row[cdpAddress]]); len(b) == 4 {
			ip = net.IP(b).String()
		}
		c := inventory.Connection{IP: ip, SysDescr: cleanText(t.String(row[cdpVersion])), Model: cleanText(t.String(row[cdpPlatform]))}
		if ip == "" || ip == "0.0.0.0" || c.SysDescr == "" || c.Model == "" {
			continue
		}
		setPortRef(&c, cleanText(t.String(row[cdpDevicePort])))
		c.SysName = cleanText(t.String(row[cdpSysName]))
		cdpDevice(&c, pduBytes(t[row[cdpDeviceID]]))
		idx64, _ := arcAt(key, 0)
		idx := int64(idx64)
		if _, dup := out[idx]; dup {
			multiple[idx] = true
		}
		out[idx] = c
	}
	for idx := range multiple {
		delete(out, idx)
	}
	return out
}

// cdpDevice reads cdpCacheDeviceId: a host name, or a MAC as 6 raw bytes
// or 12 hex digits; IP phones announce "SEP" or "SIP" and their MAC.
func cdpDevice(c *inventory.Connection, id []byte) {
	if len(id) == 6 && hasControl(id) {
		c.SysMAC = macString(id)
		return
	}
	s := cleanText(bytesString(id))
	if m := parseMAC(s); m != "" && len(s) == 12 {
		c.SysMAC = m
		return
	}
	if c.SysName == "" {
		c.SysName = s
	}
	for _, prefix := range []string{"SIP", "SEP"} {
		if rest, ok := strings.CutPrefix(c.SysName, prefix); ok {
			rest = strings.TrimPrefix(rest, "-")
			if len(rest) >= 12 {
				if m := parseMAC(rest[len(rest)-12:]); m != "" {
					c.SysMAC = m
				}
			}
		}
	}
}
