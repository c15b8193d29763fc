package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

// netReports seeds a switch with a PC on Gi0/1 (VLAN 10), a printer low
// on black toner and an unmanaged host, and returns their asset IDs.
func (e *env) netReports() (pc, sw, prn, un int64) {
	e.t.Helper()
	in, err := ingest.New(e.st, nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		e.t.Fatal(err)
	}
	src := ingest.Source{Origin: "snmp", Network: true, TaskID: "t1"}
	must := func(res ingest.Result, err error) int64 {
		e.t.Helper()
		if err != nil {
			e.t.Fatal(err)
		}
		return res.AssetID
	}
	base := func(action, item string, d *inventory.NetworkDevice) *inventory.Report {
		return &inventory.Report{Action: action, DeviceID: "runner", ItemType: item,
			Content: inventory.Content{VersionClient: "Parc", NetworkDevice: d}}
	}
	c := &inventory.Report{Action: "inventory", DeviceID: "pc-net", ItemType: "Computer", Content: inventory.Content{
		VersionClient: "Parc", Hardware: &inventory.Hardware{Name: "PC-COMPTA", UUID: "uuid-net-0001"},
		Networks: []inventory.Network{{Description: "eth0", MAC: "3c:52:82:0a:00:01"}}}}
	pc = must(in.Ingest(ctx, ingest.Source{Origin: "glpi"}, c))
	s := base("netinventory", "NetworkEquipment", &inventory.NetworkDevice{Type: "Networking", Name: "sw-mairie",
		Serial: "FOC1234X0AB", MAC: "00:1b:54:00:00:01"})
	s.Content.NetworkPorts = []inventory.NetworkPort{{IfNumber: 1, IfName: "Gi0/1", IfStatus: 1, IfSpeed: 1e9,
		VLANs: []inventory.VLAN{{Number: "10", Name: "compta"}}, Connections: []inventory.Connection{{MAC: []string{"3c:52:82:0a:00:01"}}}}}
	sw = must(in.Ingest(ctx, src, s))
	p := base("netinventory", "Printer", &inventory.NetworkDevice{Type: "Printer", Name: "PRN-ACCUEIL", Serial: "PHCVN191TG",
		MAC: "00:68:eb:f2:be:10"})
	p.Content.PageCounters = &inventory.PageCounters{Total: 1802, Black: 1802}
	p.Content.Parc = &inventory.ParcExtension{SchemaVersion: inventory.SchemaVersion, Supplies: []inventory.Supply{
		{Key: "tonerblack", Description: "Black Cartridge HP 89A", Max: 100, Level: 7, Percent: 7, Value: "7"}}}
	prn = must(in.Ingest(ctx, src, p))
	un = must(in.Ingest(ctx, src, base("netdiscovery", "Unmanaged", &inventory.NetworkDevice{Type: "Unmanaged",
		IPs: []string{"10.0.0.77"}, MAC: "00:11:22:33:44:55", Name: "mystery-box"})))
	return pc, sw, prn, un
}

func TestNetworkPages(t *testing.T) {
	e := newEnv(t)
	pc, sw, prn, un := e.netReports()
	obs := e.as(store.RoleObserver)
	_, body := obs.get("/assets/" + itoa64(pc))
	for _, want := range []string{`class="port-link"`, ">sw-mairie</a>", "<strong>Gi0/1</strong>", "VLAN 10 compta"} {
		if !strings.Contains(body, want) {
			t.Errorf("PC page lacks %q", want)
		}
	}
	ports, err := e.srv.switchPorts(ctx, pc)
	if err != nil || len(ports) != 1 || ports[0].SwitchName != "sw-mairie" || ports[0].Port != "Gi0/1 (VLAN 10 compta)" {
		t.Errorf("got ticket facts ports %+v, %v; want sw-mairie Gi0/1 (VLAN 10 compta)", ports, err)
	}
	_, body = obs.get("/assets/" + itoa64(sw))
	for _, want := range []string{`id="ports-table"`, ">PC-COMPTA</a>", "1 Gb/s", `id="vlans"`} {
		if !strings.Contains(body, want) {
			t.Errorf("switch page lacks %q", want)
		}
	}
	_, body = obs.get("/assets/" + itoa64(prn))
	for _, want := range []string{`id="low-supplies-badge"`, "Black Cartridge HP 89A", `data-level="7"`,
		`id="counters-table"`, "1802", `id="supply-levels"`, "chart.umd.min.js", "printer_charts.js"} {
		if !strings.Contains(body, want) {
			t.Errorf("printer page lacks %q", want)
		}
	}
	_, body = obs.get("/")
	if !strings.Contains(body, `id="low-supplies-card"`) || !strings.Contains(body, `id="unmanaged-card"`) {
		t.Errorf("dashboard lacks the low supplies or unmanaged card")
	}
	_, body = obs.get("/assets?type=printer&supplies=low")
	if !strings.Contains(body, "PRN-ACCUEIL") {
		t.Errorf("low supplies list lacks the printer")
	}
	if _, body = obs.get("/assets"); strings.Contains(body, "mystery-box") || !strings.Contains(body, "PRN-ACCUEIL") {
		t.Errorf("park list: want the printer and not the unmanaged host")
	}
	if _, body = obs.get("/assets?type=printer&supplies=low"); !strings.Contains(body, `id="supplies" name="supplies" value="low" checked`) {
		t.Errorf("park list lacks the checked low supplies filter")
	}
	if _, body = obs.get("/assets?type=unmanaged"); !strings.Contains(body, "mystery-box") || !strings.Contains(body, `<option value="unmanaged" selected>`) {
		t.Errorf("unmanaged list lacks the host")
	}
	if _, body = obs.get("/assets/" + itoa64(un)); strings.Contains(body, `id="import-form"`) {
		t.Errorf("an observer sees the import form")
	}
}

func TestImportUnmanaged(t *testing.T) {
	e := newEnv(t)
	_, _, prn, un := e.netReports()
	tech := e.as(store.RoleTechnician)
	_, body := tech.get("/assets/" + itoa64(un))
	if !strings.Contains(body, `id="import-form"`) {
		t.Fatal("unmanaged page lacks the import form")
	}
	resp, _ := tech.post("/assets/"+itoa64(un)+"/import", url.Values{"type": {"phone"}, "csrf": {"wrong"}})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("got status %d with a wrong CSRF token; want 403", resp.StatusCode)
	}
	resp, _ = tech.post("/assets/"+itoa64(un)+"/import", url.Values{"type": {"monitor"}})
	wantStatus(t, resp, http.StatusBadRequest)
	resp, _ = tech.post("/assets/"+itoa64(prn)+"/import", url.Values{"type": {"phone"}})
	wantStatus(t, resp, http.StatusBadRequest)
	before, _ := e.st.CountHistory(ctx, un)
	resp, _ = tech.post("/assets/"+itoa64(un)+"/import", url.Values{"type": {"phone"}})
	wantStatus(t, resp, http.StatusSeeOther)
	a, _ := e.st.GetAsset(ctx, un)
	after, _ := e.st.CountHistory(ctx, un)
	if a.Type != store.TypePhone || after != before+1 {
		t.Errorf("got type %q, %d history rows; want phone and the old rows plus one", a.Type, after)
	}
}

func TestSupplySettings(t *testing.T) {
	e := newEnv(t)
	e.netReports()
	adm := e.as(store.RoleAdmin)
	resp, _ := adm.post("/admin/supplies", url.Values{"percent": {"150"}})
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	resp, _ = adm.post("/admin/supplies", url.Values{"percent": {"5"}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body := adm.get("/admin/supplies?saved=1")
	if !strings.Contains(body, `value="5"`) || !strings.Contains(body, "0 printers") {
		t.Errorf("settings page: want 5 %% and no printer under it")
	}
	if _, body = adm.get("/"); strings.Contains(body, `id="low-supplies-card"`) {
		t.Errorf("dashboard shows low supplies under 5 %%; want none (the toner is at 7)")
	}
}
