package snmp

import (
	"testing"

	"github.com/parcproject/parc/pkg/inventory"
)

// Two LLDP entries on one port: one device's are merged, the more
// complete first; two devices' are not mixed.
func TestKeepNeighbour(t *testing.T) {
	full := inventory.Connection{IfDescr: "Eth1/19", IP: "10.40.1.19", SysDescr: "NX-OS 6.0", SysMAC: "8c:60:4f:19:16:3a", SysName: "sw-01"}
	partial := inventory.Connection{IfDescr: "Ethernet1/19", IP: "222.24.192.252", SysDescr: "NX-OS, Version 6.0", Model: "N5K"}
	other := inventory.Connection{SysName: "phone-12", SysDescr: "IP phone", IP: "10.0.0.12"}
	merged := full
	merged.Model = "N5K"
	for _, tc := range []struct {
		name   string
		a      inventory.Connection
		aID    string
		b      inventory.Connection
		bID    string
		want   inventory.Connection
		wantID string
	}{
		{"same device, complete first", full, "8c604f19163a", partial, "sw-01(SSI183706KP)", merged, "8c604f19163a"},
		{"same device, complete last", partial, "sw-01(SSI183706KP)", full, "8c604f19163a", merged, "8c604f19163a"},
		{"two devices keep the more complete", other, "phone-12", full, "x", full, "x"},
	} {
		got, gotID := keepNeighbour(tc.a, tc.aID, tc.b, tc.bID)
		if got.IfDescr != tc.want.IfDescr || got.IP != tc.want.IP || got.SysDescr != tc.want.SysDescr ||
			got.SysMAC != tc.want.SysMAC || got.SysName != tc.want.SysName || got.Model != tc.want.Model || gotID != tc.wantID {
			t.Errorf("%s: got %+v (%s); want %+v (%s)", tc.name, got, gotID, tc.want, tc.wantID)
		}
	}
}
