package snmp

import (
	"context"
	"strconv"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// VLAN sources: Cisco VTP and VLAN membership, Q-BRIDGE-MIB, and the
// LLDP 802.1 extension as a last resort.
const (
	oidVtpVlanName             = ".1.3.6.1.4.1.9.9.46.1.3.1.1.4.1"
	oidVmVlan                  = ".1.3.6.1.4.1.9.9.68.1.2.2.1.2"
	oidDot1qVlanStaticName     = ".1.3.6.1.2.1.17.7.1.4.3.1.1"
	oidDot1qVlanStaticEgress   = ".1.3.6.1.2.1.17.7.1.4.3.1.2"
	oidDot1qVlanStaticUntagged = ".1.3.6.1.2.1.17.7.1.4.3.1.4"
	oidDot1qVlanStaticStatus   = ".1.3.6.1.2.1.17.7.1.4.3.1.5"
	oidDot1qVlanCurrentEgress  = ".1.3.6.1.2.1.17.7.1.4.2.1.4"
	oidDot1qVlanCurrentUntag   = ".1.3.6.1.2.1.17.7.1.4.2.1.5"
	oidLldpXdot1VlanName       = ".1.0.8802.1.1.2.1.5.32962.1.2.3.1.2"
	oidLldpXdot1PortVlanID     = ".1.0.8802.1.1.2.1.5.32962.1.2.1.1.1"
)

// readTables walks several roots, keyed by root.
func readTables(ctx context.Context, r Reader, roots ...string) (map[string]Table, error) {
	out := make(map[string]Table, len(roots))
	for _, root := range roots {
		t, err := walkColumn(ctx, r, root)
		if err != nil {
			return nil, err
		}
		out[root] = t
	}
	return out, nil
}

// ReadVLANs sets the VLANs of each port.
func ReadVLANs(ctx context.Context, r Reader, ports Ports, bridgePorts Table) error {
	t, err := readTables(ctx, r, oidVtpVlanName, oidVmVlan, oidDot1qVlanStaticName, oidDot1qVlanStaticEgress,
		oidDot1qVlanStaticUntagged, oidDot1qVlanStaticStatus, oidDot1qVlanCurrentEgress, oidDot1qVlanCurrentUntag,
		oidLldpXdot1VlanName, oidLldpXdot1PortVlanID)
	if err != nil {
		return err
	}
	applyVLANs(ports, buildVLANs(t, bridgePorts))
	return nil
}

func applyVLANs(ports Ports, vlans map[int64][]inventory.VLAN) {
	for idx, list := range vlans {
		if p := ports[idx]; p != nil {
			p.VLANs = append(p.VLANs, list...)
		}
	}
}

// buildVLANs decodes the VLAN tables into VLANs per ifIndex.
func buildVLANs(t map[string]Table, bridgePorts Table) map[int64][]inventory.VLAN {
	out := map[int64][]inventory.VLAN{}
	names := t[oidVtpVlanName]
	for _, s := range t[oidVmVlan].Suffixes() {
		idx, ok1 := arcAt(s, -1)
		vlan, ok2 := t[oidVmVlan].Int(s)
		if ok1 && ok2 {
			out[int64(idx)] = append(out[int64(idx)], inventory.VLAN{
				Number: inventory.FlexString(strconv.FormatInt(vlan, 10)),
				Name:   cleanText(names.String(strconv.FormatInt(vlan, 10)))})
		}
	}
	qbridgeVLANs(t, bridgePorts, out)
	if len(out) == 0 {
		for _, s := range t[oidLldpXdot1VlanName].Suffixes() {
			port, ok1 := arcAt(s, 0)
			vlan, ok2 := arcAt(s, 1)
			if ok1 && ok2 {
				idx := bridgeToIf(bridgePorts, int64(port))
				out[idx] = append(out[idx], inventory.VLAN{Number: inventory.FlexString(strconv.FormatUint(vlan, 10)),
					Name: cleanText(t[oidLldpXdot1VlanName].String(s))})
			}
		}
	}
	return out
}

// qbridgeVLANs reads the Q-BRIDGE static VLANs: each row's egress and
// untagged port lists are bit strings, one bit per bridge port.
func qbridgeVLANs(t map[string]Table, bridgePorts Table, out map[int64][]inventory.VLAN) {
	status := t[oidDot1qVlanStaticStatus]
	for _, vlanID := range status.Suffixes() {
		if st, _ := status.Int(vlanID); st != 1 { // active rows only
			continue
		}
		egress := currentRow(t[oidDot1qVlanCurrentEgress], vlanID)
		untagged := currentRow(t[oidDot1qVlanCurrentUntag], vlanID)
		if egress == nil {
			egress = pduBytes(t[oidDot1qVlanStaticEgress][vlanID])
		}
		if untagged == nil {
			untagged = pduBytes(t[oidDot1qVlanStaticUntagged][vlanID])
		}
		if egress == nil || untagged == nil {
			continue
		}
		name := cleanText(t[oidDot1qVlanStaticName].String(vlanID))
		for bit := 0; bit < len(egress)*8; bit++ {
			inEgress := egress[bit/8]&(0x80>>(bit%8)) != 0
			isUntagged := bit/8 < len(untagged) && untagged[bit/8]&(0x80>>(bit%8)) != 0
			if !inEgress && !isUntagged {
				continue
			}
			tagged := inventory.FlexBool(!isUntagged)
			idx := bridgeToIf(bridgePorts, int64(bit+1))
			out[idx] = append(out[idx], inventory.VLAN{Number: inventory.FlexString(vlanID), Name: name, Tagged: &tagged})
		}
	}
}

// currentRow finds a dot1qVlanCurrentTable row (suffix timeMark.vlan) of
// a VLAN.
func currentRow(t Table, vlanID string) []byte {
	if p, ok := t["0."+vlanID]; ok {
		return pduBytes(p)
	}
	for s, p := range t {
		if strings.HasSuffix(s, "."+vlanID) {
			return pduBytes(p)
		}
	}
	return nil
}

// bridgeToIf maps a dot1dBasePort to its ifIndex; devices without the
// mapping number bridge ports as interfaces.
func bridgeToIf(bridgePorts Table, port int64) int64 {
	if idx, ok := bridgePorts.Int(strconv.FormatInt(port, 10)); ok && idx > 0 {
		return idx
	}
	return port
}
