package snmp

import (
	"context"
	"strconv"
)

const (
	oidVlanTrunkPortDynStatus = ".1.3.6.1.4.1.9.9.46.1.6.1.1.14"
	oidJnxExVlanPortAccess    = ".1.3.6.1.4.1.2636.3.40.1.5.1.7.1.5"
	oidDot3adAggPortAttached  = ".1.2.840.10006.300.43.1.2.1.1.13"
	oidPagpGroupIfIndex       = ".1.3.6.1.4.1.9.9.98.1.1.1.1.8"
)

// ReadTrunks marks trunk ports: Cisco's vlanTrunkPortDynamicStatus,
// Juniper's port access mode, or a port VLAN ID of 0 in LLDP's 802.1
// extension.
func ReadTrunks(ctx context.Context, r Reader, ports Ports, bridgePorts Table) error {
	t, err := readTables(ctx, r, oidVlanTrunkPortDynStatus, oidJnxExVlanPortAccess, oidLldpXdot1PortVlanID)
	if err != nil {
		return err
	}
	for idx, trunk := range buildTrunks(t, bridgePorts) {
		if p := ports[idx]; p != nil {
			v := trunk
			p.Trunk = &v
		}
	}
	return nil
}

func buildTrunks(t map[string]Table, bridgePorts Table) map[int64]bool {
	out := map[int64]bool{}
	if c := t[oidVlanTrunkPortDynStatus]; len(c) > 0 {
		for s := range c {
			if idx, err := strconv.ParseInt(s, 10, 64); err == nil {
				v, _ := c.Int(s)
				out[idx] = v == 1
			}
		}
		return out
	}
	if j := t[oidJnxExVlanPortAccess]; len(j) > 0 {
		for s := range j {
			if port, ok := arcAt(s, -1); ok {
				v, _ := j.Int(s)
				out[bridgeToIf(bridgePorts, int64(port))] = v == 2
			}
		}
		return out
	}
	for s, p := range t[oidLldpXdot1PortVlanID] {
		if port, err := strconv.ParseInt(s, 10, 64); err == nil {
			v, ok := pduInt(p)
			out[bridgeToIf(bridgePorts, port)] = ok && v == 0
		}
	}
	return out
}

// ReadAggregates lists the member ports of each aggregate (LACP from
// IEEE8023-LAG-MIB, Cisco PAgP) on the aggregate's port.
func ReadAggregates(ctx context.Context, r Reader, ports Ports) error {
	t, err := readTables(ctx, r, oidDot3adAggPortAttached, oidPagpGroupIfIndex)
	if err != nil {
		return err
	}
	for agg, members := range buildAggregates(t) {
		if p := ports[agg]; p != nil {
			p.Aggregate = members
		}
	}
	return nil
}

func buildAggregates(t map[string]Table) map[int64][]int64 {
	out := map[int64][]int64{}
	for _, root := range []string{oidDot3adAggPortAttached, oidPagpGroupIfIndex} {
		c := t[root]
		for _, s := range c.Suffixes() {
			member, err := strconv.ParseInt(s, 10, 64)
			agg, ok := c.Int(s)
			if err != nil || !ok || agg <= 0 || agg == member {
				continue
			}
			out[agg] = append(out[agg], member)
		}
	}
	return out
}
