package storetest

import (
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// testSwitchPorts finds where a PC's MAC is connected from a switch's
// SNMP inventory (network_ports[].connections[].mac).
func testSwitchPorts(t *testing.T, st store.Store, tq store.TicketQueries) {
	sw := &store.Asset{Type: store.TypeNetwork, Name: "sw-mairie"}
	must(t, st.CreateAsset(ctx, sw))
	must(t, st.ApplyComponents(ctx, sw.ID, "network_ports", "h", store.ComponentChanges{Add: []store.Component{
		{ItemKey: "1", Hash: "a", Data: `{"ifnumber":1,"ifname":"Gi0/1","connections":[{"mac":"00:E0:4C:68:01:DB"}]}`},
		{ItemKey: "2", Hash: "b", Data: `{"ifnumber":2,"ifdescr":"FastEthernet0/2","connections":[{"mac":"44:85:00:2b:90:bc"}]}`},
		{ItemKey: "3", Hash: "c", Data: `{"ifnumber":3,"ifname":"Gi0/3","mac":"00:e0:4c:68:01:db"}`}, // its own MAC, not a connection
	}}, time.Now()))
	got, err := tq.SwitchPorts(ctx, []string{"00:00:00:00:00:00", "00:e0:4c:68:01:db", "44:85:00:2b:90:bc", "aa:bb:cc:dd:ee:ff"})
	must(t, err)
	if len(got) != 2 || got[0].Port != "Gi0/1" || got[0].SwitchName != "sw-mairie" || got[1].Port != "FastEthernet0/2" {
		t.Errorf("got %+v; want Gi0/1 and FastEthernet0/2 on sw-mairie", got)
	}
}

// testUpdateTicketIf: of two writers that saw the same status, one wins.
func testUpdateTicketIf(t *testing.T, st store.Store, tq store.TicketQueries) {
	tk := newTicket(t, tq, "solved", 5, 0)
	tk.Status, tk.Approval, tk.ClosedAt = 6, 3, t0.Add(time.Hour)
	ok, err := tq.UpdateTicketIf(ctx, tk, 5)
	must(t, err)
	again, err := tq.UpdateTicketIf(ctx, tk, 5)
	must(t, err)
	got, err := tq.GetTicket(ctx, tk.ID)
	must(t, err)
	if !ok || again || got.Status != 6 || got.Approval != 3 || !got.ClosedAt.Equal(t0.Add(time.Hour)) {
		t.Errorf("got first %v, second %v, ticket %+v; want one write, closed", ok, again, got)
	}
}
