package snmp

import (
	"fmt"
	"strings"
	"testing"
)

// TestUpstreamExpectations checks the values glpi-agent's own tests
// expect (mock.t raw values, netinventory.t, force10s.t) through our
// session and decoders.
func TestUpstreamExpectations(t *testing.T) {
	db := loadDB(t)
	for _, w := range loadExpected(t) {
		if w.Upstream == nil || strings.HasPrefix(w.File, "librenms/") {
			continue // LibreNMS dumps are checked in TestLibreNMS
		}
		t.Run(w.community(), func(t *testing.T) {
			s := dialWalk(t, w.community())
			ctx := ctxT(t)
			for oid, want := range w.Upstream.Values.Get {
				v, err := s.Get(ctx, oid)
				if err != nil {
					t.Fatal(err)
				}
				got := pduString(v[normOID(oid)])
				if orig, ok := fixtureQuirks[cleanText(got)]; ok {
					got = orig
				}
				if oid == oidSysUpTime {
					got = pduTicks(v[normOID(oid)])
				}
				if got != want && cleanText(got) != want {
					t.Errorf("get %s: got %q; want %q", oid, got, want)
				}
			}
			for root, rows := range w.Upstream.Values.Walk {
				tb, err := s.Walk(ctx, root)
				if err != nil {
					t.Fatal(err)
				}
				for suffix, want := range rows {
					if got := tb.String(suffix); got != want {
						t.Errorf("walk %s.%s: got %q; want %q", root, suffix, got, want)
					}
				}
			}
			if info := w.Upstream.Values.INFO; info != nil {
				d, err := Inventory(ctx, s, InventoryOptions{DB: db})
				if err != nil {
					t.Fatal(err)
				}
				for key, want := range info {
					if got, ok := infoField(d.Report.Content.NetworkDevice, key); ok && got != fmt.Sprint(want) {
						t.Errorf("INFO %s: got %q; want %v", key, got, want)
					}
				}
			}
			if want := w.Upstream.Values.Components; want != nil {
				// Like force10s.t, read the stack directly: the walk has no
				// sysObjectID to select the device's MIBs.
				comps, err := ReadComponents(ctx, s)
				if err != nil {
					t.Fatal(err)
				}
				if len(comps) != len(want) {
					t.Errorf("components: got %d; want %d", len(comps), len(want))
				}
				for _, c := range want {
					checkComponent(t, comps, c)
				}
			}
		})
	}
}

// TestLibreNMSSupplies checks the supplies LibreNMS reads from its
// printer walks. Where LibreNMS reads -3 ("some remaining") as 50 %, we
// keep GLPI Agent's "OK": inventing a level would mislead toner alerts.
func TestLibreNMSSupplies(t *testing.T) {
	tests := []struct {
		community string
		want      map[string]int // description -> percent, -1 for a state
	}{
		{"librenms/brother", map[string]int{"Black Toner Cartridge": -1, "Drum Unit": 95}},
		{"librenms/xerox", map[string]int{"Black Toner": 20, "Cyan Toner": 66, "Magenta Toner": 72, "Yellow Toner": 60,
			"Drum Cartridge (R1)": 50, "Drum Cartridge (R2)": 92, "Drum Cartridge (R3)": 93, "Drum Cartridge (R4)": 93,
			"Fuser": 90, "Waste Toner Container": 5, "Transfer Belt Cleaner": 65, "Second Bias Transfer Roll": 86}},
	}
	for _, tt := range tests {
		t.Run(tt.community, func(t *testing.T) {
			s := dialWalk(t, tt.community)
			sup, err := ReadSupplies(ctxT(t), s)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int{}
			for _, x := range sup {
				// Xerox appends ", PN ...;SN ..." that LibreNMS cuts off.
				d, _, _ := strings.Cut(x.Description, ", PN ")
				got[d] = x.Percent
			}
			for d, want := range tt.want {
				if p, ok := got[d]; !ok || p != want {
					t.Errorf("%s: got %d (present %v); want %d", d, p, ok, want)
				}
			}
		})
	}
}
