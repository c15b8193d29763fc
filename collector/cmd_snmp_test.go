package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/snmppoll/snmppolltest"
	"github.com/parcproject/parc/pkg/inventory"
)

const sysObjectIDs = "--sysobject-ids=../../shared/fixtures/sysobject.ids"

// TestSNMPCommands sweeps the simulated site from the command line, as a
// table and as JSON, then reads the printer in full.
func TestSNMPCommands(t *testing.T) {
	site := snmppolltest.Start(t, "../../shared/fixtures/snmp-walks")
	data := "--data=" + t.TempDir()
	port := "--port=" + strconv.Itoa(site.Port)
	code, out, errs := runCmd(t, "", "snmp", "discover", data, sysObjectIDs, "--range", site.Range, "--community", "wrong,public",
		port, "--timeout=300ms", "--retries=0")
	if code != 0 {
		t.Fatalf("discover: got %d %q", code, errs)
	}
	for _, want := range []string{site.Printer, "Printer", site.Switch, "Networking", "Cisco", "2 device(s) found"} {
		if !strings.Contains(out, want) {
			t.Errorf("discover table lacks %q:\n%s", want, out)
		}
	}
	code, out, errs = runCmd(t, "", "snmp", "discover", data, sysObjectIDs, "--range", site.Switch, "--community", "public", port, "--json")
	if code != 0 {
		t.Fatalf("discover --json: got %d %q", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("got %d JSON lines; want 1:\n%s", len(lines), out)
	}
	rep, err := inventory.Parse([]byte(lines[0]))
	if err != nil {
		t.Fatalf("discover --json output does not validate: %v", err)
	}
	if rep.Action != inventory.ActionNetDiscovery || rep.Content.NetworkDevice == nil || rep.Content.NetworkDevice.Type != "Networking" {
		t.Errorf("got %+v; want a netdiscovery report of a Networking device", rep)
	}
	code, out, errs = runCmd(t, "", "snmp", "inventory", data, sysObjectIDs, "--host", site.Printer+":"+strconv.Itoa(site.Port), "--community", "public")
	if code != 0 || !strings.Contains(out, "Type:") || !strings.Contains(out, "Printer") || !strings.Contains(out, "Black Toner Cartridge") {
		t.Errorf("inventory: got %d %q %q; want the printer's facts and supplies", code, out, errs)
	}
	code, out, _ = runCmd(t, "", "snmp", "inventory", data, sysObjectIDs, "--host", site.Printer, port, "--community", "public", "--json")
	var doc map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || doc["action"] != "netinventory" {
		t.Errorf("inventory --json: got %d %q; want one netinventory document", code, out)
	}
	if code, _, errs = runCmd(t, "", "snmp", "discover", "--range", site.Range); code == 0 || !strings.Contains(errs, "--community") {
		t.Errorf("discover without credential: got %d %q; want an error naming --community", code, errs)
	}
}

func TestSNMPUpdateIDs(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.ids")
	os.WriteFile(bad, []byte("# nothing\n"), 0o644)
	if code, _, errs := runCmd(t, "", "snmp", "update-ids", "--data="+dir, bad); code == 0 {
		t.Errorf("update-ids with an empty file: got 0 %q; want an error", errs)
	}
	code, out, errs := runCmd(t, "", "snmp", "update-ids", "--data="+dir, "../../shared/fixtures/sysobject.ids")
	if code != 0 || !strings.Contains(out, "entries") {
		t.Fatalf("update-ids: got %d %q %q", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "sysobject.ids")); err != nil {
		t.Errorf("no copy in the data directory: %v", err)
	}
}
