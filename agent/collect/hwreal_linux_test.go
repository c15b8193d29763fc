package collect

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/inventory/schema"
)

// linuxHWCollectors are the collectors of the Linux hardware inventory.
var linuxHWCollectors = []string{
	"antivirus", "batteries", "bios", "controllers", "cpus", "drives", "hardware",
	"local_groups", "local_users", "memories", "monitors", "networks",
	"operatingsystem", "storages", "users", "videos",
}

// TestLinuxRealMachine runs the hardware collectors on this machine: they
// may find no data (a VM has no DMI, a container no disks) but must not
// fail, and the report must match the schema.
func TestLinuxRealMachine(t *testing.T) {
	env := &Env{Root: "/", Only: linuxHWCollectors}
	start := time.Now()
	content := Run(context.Background(), env)
	elapsed := time.Since(start)
	content.VersionClient = "Parc-Agent_test"
	rep := inventory.Report{Action: inventory.ActionInventory, DeviceID: "test-2026-01-01-00-00-00", ItemType: "Computer", Content: content}
	if err := schema.ValidateValue(rep); err != nil {
		t.Fatalf("schema: %v", err)
	}
	if err := rep.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	for _, run := range content.Parc.Collectors {
		if run.Error != "" && !run.NoData {
			t.Errorf("collector %s failed: %s", run.Name, run.Error)
		}
	}
	if len(content.Parc.Collectors) != len(linuxHWCollectors) {
		t.Errorf("got %d collectors; want %d", len(content.Parc.Collectors), len(linuxHWCollectors))
	}
	if content.OperatingSystem == nil || content.OperatingSystem.KernelVersion == "" {
		t.Errorf("got operatingsystem %+v; want the kernel version at least", content.OperatingSystem)
	}
	if content.Hardware == nil || content.Hardware.Memory <= 0 {
		t.Errorf("got hardware %+v; want the RAM total at least", content.Hardware)
	}
	for _, d := range content.Drives {
		if d.Type == "/" && d.Total <= 0 {
			t.Errorf("got root drive %+v; want its size from statfs", d)
		}
	}
	t.Logf("hardware collection took %v", elapsed)
	if testing.Verbose() {
		b, _ := json.MarshalIndent(content, "", "  ")
		t.Logf("%s", b)
	}
}

// BenchmarkLinuxHardware measures a full hardware collection of this
// machine (make bench).
func BenchmarkLinuxHardware(b *testing.B) {
	env := &Env{Root: "/", Only: linuxHWCollectors}
	for b.Loop() {
		Run(context.Background(), env)
	}
}

// BenchmarkLinuxHardwareFixture measures the collection of the Dell
// fixture tree, which has every source (DMI, EDID, pci.ids...).
func BenchmarkLinuxHardwareFixture(b *testing.B) {
	env := &Env{Root: "testdata/linux/dell-latitude-5420", Only: linuxHWCollectors, Now: func() time.Time { return lxNow }}
	for b.Loop() {
		Run(context.Background(), env)
	}
}
