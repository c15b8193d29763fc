package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/parcproject/parc/collector/park"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

// UplinkMACs is the number of MACs learned on one port above which the
// port is taken for an uplink: behind an office socket sit a PC, a phone,
// perhaps a small desk switch, not dozens of machines.
const UplinkMACs = 10

// reSwitchPeer recognises an LLDP/CDP neighbour that is itself a switch
// or a router from its model or description; a port leading to one is an
// uplink. IP phones, which also speak LLDP/CDP, are not.
var (
	reSwitchPeer = regexp.MustCompile(`(?i)switch|router|\bios\b|ios software|ios-xe|nx-os|junos|procurve|aruba|` +
		`catalyst|comware|routeros|edgeswitch|fortiswitch|powerconnect|dgs-|\bws-c`)
	rePhonePeer = regexp.MustCompile(`(?i)phone|\bsip\b|yealink|polycom|snom|grandstream|avaya`)
)

// applyPorts stores the device's ports and what is seen behind each,
// writing only what changed, with a history row per port added or removed.
func (n *netWriter) applyPorts(ctx context.Context) error {
	ports, conns := netPortsOf(n.rep.Content.NetworkPorts)
	if err := n.markParkSwitches(ctx, ports, conns); err != nil {
		return err
	}
	added, removed, err := n.net.ApplyNetPorts(ctx, n.asset.ID, ports)
	if err != nil {
		return err
	}
	for _, p := range added {
		n.history("network_ports", "", portLabel(p))
	}
	for _, p := range removed {
		n.history("network_ports", portLabel(p), "")
	}
	return n.net.ApplyNetConnections(ctx, n.asset.ID, conns)
}

func portLabel(p store.NetPort) string {
	for _, s := range []string{p.Name, p.Descr} {
		if s != "" {
			return s
		}
	}
	return "ifIndex " + strconv.FormatInt(p.IfIndex, 10)
}

// netPortsOf converts a report's ports, one per ifIndex (the first wins;
// a port without one is numbered after its position).
func netPortsOf(in []inventory.NetworkPort) ([]store.NetPort, []store.NetConnection) {
	var ports []store.NetPort
	var conns []store.NetConnection
	seen := map[int64]bool{}
	for i, rp := range in {
		idx := rp.IfNumber
		if idx <= 0 {
			idx = int64(i + 1)
		}
		if seen[idx] {
			continue
		}
		seen[idx] = true
		p := store.NetPort{IfIndex: idx, Name: rp.IfName, Descr: rp.IfDescr, Alias: rp.IfAlias, IfType: rp.IfType,
			Speed: rp.IfSpeed, MAC: park.NormMAC(rp.MAC), AdminStatus: int(rp.IfInternalStatus),
			OperStatus: int(rp.IfStatus), Duplex: int(rp.IfPortDuplex), MTU: rp.IfMTU,
			Trunk: rp.Trunk != nil && *rp.Trunk, Aggregate: rp.Aggregate, VLANs: portVLANs(rp.VLANs)}
		pc := portConnections(idx, rp)
		p.Uplink = isUplink(p, rp, pc)
		p.Hash = portHash(p)
		ports = append(ports, p)
		conns = append(conns, pc...)
	}
	return ports, conns
}

func portVLANs(in []inventory.VLAN) []store.PortVLAN {
	var out []store.PortVLAN
	for _, v := range in {
		id, err := strconv.ParseInt(strings.TrimSpace(string(v.Number)), 10, 64)
		if err != nil || id < 0 || id > 4095 {
			continue
		}
		out = append(out, store.PortVLAN{ID: id, Name: v.Name, Tagged: v.Tagged != nil && bool(*v.Tagged)})
	}
	return out
}

// portConnections lists the MACs learned on a port and its LLDP/CDP
// neighbours, each once.
func portConnections(idx int64, rp inventory.NetworkPort) []store.NetConnection {
	var out []store.NetConnection
	keys := map[string]bool{}
	add := func(c store.NetConnection) {
		if c.Key == "" || keys[c.Key] {
			return
		}
		keys[c.Key] = true
		c.IfIndex = idx
		out = append(out, c)
	}
	for _, c := range rp.Connections {
		if c.SysName != "" || c.IP != "" || c.SysDescr != "" || c.IfDescr != "" || c.SysMAC != "" {
			mac := park.NormMAC(c.SysMAC)
			id := firstOf(mac, c.IP, c.SysName, c.SysDescr)
			add(store.NetConnection{MAC: mac, Neighbour: true, SysName: c.SysName, IP: c.IP, PortDescr: c.IfDescr,
				Model: c.Model, SysDescr: c.SysDescr, Key: "n:" + id + "|" + c.IfDescr})
		}
		for _, m := range c.MAC {
			if m = park.NormMAC(m); m != "" {
				add(store.NetConnection{MAC: m, Key: "m:" + m})
			}
		}
	}
	return out
}

// markParkSwitches marks as uplinks the ports whose LLDP/CDP neighbour is
// a network device of the park (by its MAC), whatever it says of itself.
func (n *netWriter) markParkSwitches(ctx context.Context, ports []store.NetPort, conns []store.NetConnection) error {
	byIndex := make(map[int64]*store.NetPort, len(ports))
	for i := range ports {
		byIndex[ports[i].IfIndex] = &ports[i]
	}
	for _, c := range conns {
		p := byIndex[c.IfIndex]
		if !c.Neighbour || c.MAC == "" || p == nil || p.Uplink {
			continue
		}
		refs, err := n.q.FindAssets(ctx, store.ByMAC, store.TypeNetwork, []string{c.MAC})
		if err != nil {
			return err
		}
		if len(refs) > 0 && refs[0].ID != n.asset.ID {
			p.Uplink = true
			p.Hash = portHash(*p)
		}
	}
	return nil
}

// isUplink tells a port leading to the rest of the network from a port a
// device is plugged into.
func isUplink(p store.NetPort, rp inventory.NetworkPort, conns []store.NetConnection) bool {
	if p.Trunk || len(p.Aggregate) > 0 {
		return true
	}
	macs := 0
	for _, c := range conns {
		if !c.Neighbour {
			macs++
			continue
		}
		about := c.Model + " " + c.SysDescr
		if reSwitchPeer.MatchString(about) && !rePhonePeer.MatchString(about+" "+c.SysName) {
			return true
		}
	}
	return macs > UplinkMACs
}

// portHash digests what is stored of a port, so an unchanged port (its
// byte counters aside) is not rewritten.
func portHash(p store.NetPort) string {
	p.Hash, p.AssetID = "", 0
	data, err := json.Marshal(p)
	if err != nil {
		panic(fmt.Sprintf("encode port: %v", err)) // plain struct: cannot fail
	}
	return hashOf(data)
}

func firstOf(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
