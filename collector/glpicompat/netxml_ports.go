package glpicompat

import (
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// ifStatuses maps the words some agents write for ifOperStatus and
// ifAdminStatus to their numbers.
var ifStatuses = map[string]int64{"up": 1, "down": 2, "testing": 3, "unknown": 4, "dormant": 5,
	"notpresent": 6, "lowerlayerdown": 7}

// xmlPort reads one <PORT> of an SNMPQUERY device.
func xmlPort(n *node) inventory.NetworkPort {
	p := inventory.NetworkPort{IfDescr: n.value("IFDESCR"), IfAlias: n.value("IFALIAS"), IfName: n.value("IFNAME"),
		IfNumber: intValue(n, "IFNUMBER"), IfType: intValue(n, "IFTYPE"), IfSpeed: intValue(n, "IFSPEED"),
		IfMTU: intValue(n, "IFMTU"), IfLastChange: n.value("IFLASTCHANGE"), MAC: n.value("MAC"),
		IfInErrors: intValue(n, "IFINERRORS"), IfOutErrors: intValue(n, "IFOUTERRORS"),
		IfInBytes: intValue(n, "IFINOCTETS"), IfOutBytes: intValue(n, "IFOUTOCTETS"),
		IfStatus: status(n, "IFSTATUS"), IfInternalStatus: status(n, "IFINTERNALSTATUS"),
		IfPortDuplex: intValue(n, "IFPORTDUPLEX"), IPs: texts(n.child("IPS"), "IP")}
	if p.IfInternalStatus > 3 {
		p.IfInternalStatus = 0 // ifAdminStatus is 1..3 only
	}
	if p.IfPortDuplex < 1 || p.IfPortDuplex > 3 {
		p.IfPortDuplex = 0
	}
	if ip := n.value("IP"); ip != "" && !contains(p.IPs, ip) {
		p.IPs = append(p.IPs, ip)
	}
	if t := n.value("TRUNK"); t != "" {
		b := t == "1" || strings.EqualFold(t, "true")
		p.Trunk = &b
	}
	if vl := n.child("VLANS"); vl != nil {
		for _, v := range children(vl, "VLAN") {
			tagged := inventory.FlexBool(v.value("TAGGED") == "1")
			p.VLANs = append(p.VLANs, inventory.VLAN{Name: v.value("NAME"), Number: inventory.FlexString(v.value("NUMBER")),
				Tagged: &tagged})
		}
	}
	if agg := n.child("AGGREGATE"); agg != nil {
		for _, m := range children(agg, "PORT") {
			if i := intValue(&node{children: []*node{m}}, m.name); i > 0 {
				p.Aggregate = append(p.Aggregate, i)
			}
		}
	}
	if cs := n.child("CONNECTIONS"); cs != nil {
		lldp := cs.value("CDP") == "1" || cs.value("LLDP") == "1"
		if lldp {
			p.LLDP = &lldp
		}
		for _, c := range children(cs, "CONNECTION") {
			p.Connections = append(p.Connections, inventory.Connection{MAC: texts(c, "MAC"), IfDescr: c.value("IFDESCR"),
				IfNumber: intValue(c, "IFNUMBER"), IP: c.value("IP"), Model: c.value("MODEL"),
				SysDescr: c.value("SYSDESCR"), SysMAC: c.value("SYSMAC"), SysName: c.value("SYSNAME")})
		}
	}
	return p
}

// status reads an interface status given as a number or a word.
func status(n *node, name string) int64 {
	if s, ok := ifStatuses[strings.ToLower(n.value(name))]; ok {
		return s
	}
	return intValue(n, name)
}
