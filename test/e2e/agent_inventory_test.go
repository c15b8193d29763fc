package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/inventory/schema"
)

var reDeviceID = regexp.MustCompile(`^.+-[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{2}-[0-9]{2}-[0-9]{2}$`)

// runInventory runs `parc-agent inventory -o FILE` with its own state dir
// and returns the report as written.
func runInventory(t *testing.T, stateDir string) (*inventory.Report, []byte) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "inv.json")
	cmd := exec.Command(agentBin, "inventory", "-o", out, "--state-dir", stateDir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("parc-agent inventory: %v\n%s", err, b)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var rep inventory.Report
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatalf("parse report: %v", err)
	}
	return &rep, data
}

// The real machine's inventory, whatever it has, is schema-valid and
// complete in the sections every machine has.
func TestAgentInventoryOfThisMachine(t *testing.T) {
	state := t.TempDir()
	rep, data := runInventory(t, state)
	if err := schema.Validate(data); err != nil {
		t.Fatalf("schema: got %v; want valid", err)
	}
	if err := rep.Validate(); err != nil {
		t.Errorf("Validate: got %v; want nil", err)
	}
	if rep.Action != "inventory" || rep.ItemType != "Computer" {
		t.Errorf("got action %q itemtype %q; want inventory Computer", rep.Action, rep.ItemType)
	}
	if !reDeviceID.MatchString(rep.DeviceID) {
		t.Errorf("deviceid: got %q; want <hostname>-YYYY-MM-DD-HH-MM-SS", rep.DeviceID)
	}
	if !strings.HasPrefix(rep.Content.VersionClient, "Parc-Agent") {
		t.Errorf("versionclient: got %q; want Parc-Agent_v...", rep.Content.VersionClient)
	}
	c := rep.Content
	if c.Hardware == nil || c.Hardware.Name == "" || c.Hardware.Memory <= 0 {
		t.Errorf("hardware: got %+v; want name and memory", c.Hardware)
	}
	if c.OperatingSystem == nil || c.OperatingSystem.KernelVersion == "" || c.OperatingSystem.FullName == "" {
		t.Errorf("operatingsystem: got %+v; want kernel and full name", c.OperatingSystem)
	}
	if len(c.CPUs) == 0 || len(c.Drives) == 0 || len(c.Networks) == 0 {
		t.Errorf("got %d cpus, %d drives, %d networks; want each > 0", len(c.CPUs), len(c.Drives), len(c.Networks))
	}
	if c.Parc == nil || len(c.Parc.Collectors) == 0 {
		t.Fatalf("content.parc.collectors: got none; want one entry per collector")
	}
	for _, run := range c.Parc.Collectors {
		if run.Error != "" && !run.NoData {
			t.Errorf("collector %s failed on this machine: %s", run.Name, run.Error)
		}
	}
	if want := dpkgInstalled(t); want > 0 {
		got := 0
		for _, s := range c.Softwares {
			if s.From == "deb" {
				got++
			}
		}
		if got != want {
			t.Errorf("deb software: got %d; want %d (dpkg-query -W)", got, want)
		}
	}
}

// The device ID stays the same from one run to the next.
func TestAgentDeviceIDStable(t *testing.T) {
	state := t.TempDir()
	a, _ := runInventory(t, state)
	b, _ := runInventory(t, state)
	if a.DeviceID != b.DeviceID {
		t.Errorf("deviceid: got %q then %q; want the same", a.DeviceID, b.DeviceID)
	}
}

func dpkgInstalled(t *testing.T) int {
	t.Helper()
	out, err := exec.Command("dpkg-query", "-W", "-f", "${db:Status-Abbrev}\n").Output()
	if err != nil {
		return 0 // not a Debian-family machine
	}
	n := 0
	for _, l := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(l, "ii") {
			n++
		}
	}
	return n
}
