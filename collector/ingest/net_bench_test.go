package ingest

import (
	"fmt"
	"io"
	"log/slog"
	"testing"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
	"github.com/parcproject/parc/pkg/inventory"
)

// synthSwitch is a 48-port access switch with 2 uplinks: PCs 48*sw..
// 48*sw+47 sit one per access port, and the uplinks see 200 MACs.
func synthSwitch(sw int, counter int64) *inventory.Report {
	r := &inventory.Report{Action: "netinventory", DeviceID: "collector-runner", ItemType: "NetworkEquipment"}
	r.Content.VersionClient = "Parc-Collector_v0.1.0"
	r.Content.NetworkDevice = &inventory.NetworkDevice{Type: "Networking", Name: fmt.Sprintf("sw-%03d", sw),
		Serial: fmt.Sprintf("FOC%08d", sw), MAC: fmt.Sprintf("00:1b:54:%02x:%02x:00", sw>>8, sw&0xff), Model: "WS-C2960X-48"}
	yes := true
	for p := 1; p <= 50; p++ {
		port := inventory.NetworkPort{IfNumber: int64(10100 + p), IfName: fmt.Sprintf("Gi1/0/%d", p), IfStatus: 1,
			IfInternalStatus: 1, IfSpeed: 1e9, IfPortDuplex: 3, IfType: 6, IfInBytes: counter * int64(p),
			MAC:   fmt.Sprintf("00:1b:54:%02x:%02x:%02x", sw>>8, sw&0xff, p),
			VLANs: []inventory.VLAN{{Number: "10", Name: "users"}}}
		if p <= 48 {
			pc := sw*48 + p
			port.Connections = []inventory.Connection{{MAC: inventory.StringList{fmt.Sprintf("3c:52:00:%02x:%02x:%02x", (pc>>16)&0xff, (pc>>8)&0xff, pc&0xff)}}}
		} else {
			port.Trunk = &yes
			var macs inventory.StringList
			for m := 0; m < 200; m++ {
				macs = append(macs, fmt.Sprintf("3c:52:00:%02x:%02x:%02x", sw&0xff, m>>8, m&0xff))
			}
			port.Connections = []inventory.Connection{{MAC: macs}}
		}
		r.Content.NetworkPorts = append(r.Content.NetworkPorts, port)
	}
	return r
}

// BenchmarkNetIngest measures a switch's SNMP inventory on SQLite: the
// first one (every port and MAC written) and a later one where only the
// byte counters moved (nothing but the asset's timestamps written).
func BenchmarkNetIngest(b *testing.B) {
	st := storetest.Open(b, "sqlite")
	in, err := New(st, nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	src := Source{Origin: "snmp", Network: true}
	b.Run("first", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			mustIngest(b, in, src, synthSwitch(1000+i, 1))
		}
	})
	b.Run("unchanged", func(b *testing.B) {
		mustIngest(b, in, src, synthSwitch(1, 1))
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			mustIngest(b, in, src, synthSwitch(1, int64(i+2)))
		}
	})
}

// BenchmarkPortLinks measures "where is this PC plugged" at read time, in
// a park of 100 switches (5,000 access ports, 20,000 uplink MACs) and
// 4,800 PCs.
func BenchmarkPortLinks(b *testing.B) {
	st := storetest.Open(b, "sqlite")
	in, err := New(st, nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	var pcs []int64
	for sw := 0; sw < 100; sw++ {
		mustIngest(b, in, Source{Origin: "snmp", Network: true}, synthSwitch(sw, 1))
	}
	for pc := 1; pc <= 4800; pc += 97 {
		a := &store.Asset{Type: store.TypeComputer, Name: fmt.Sprintf("PC-%05d", pc)}
		if err := st.CreateAsset(ctx, a); err != nil {
			b.Fatal(err)
		}
		mac := fmt.Sprintf("3c:52:00:%02x:%02x:%02x", (pc>>16)&0xff, (pc>>8)&0xff, pc&0xff)
		if err := st.SetAssetMACs(ctx, a.ID, []string{mac}); err != nil {
			b.Fatal(err)
		}
		pcs = append(pcs, a.ID)
	}
	n := netQ(b, st)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		links, err := n.PortLinks(ctx, pcs[i%len(pcs)])
		if err != nil || len(links) != 1 {
			b.Fatalf("got %d links, %v; want 1", len(links), err)
		}
	}
}
