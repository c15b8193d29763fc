package collect

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/inventory/schema"
)

const macFixtures = "testdata/darwin"

// macNow is the clock of the fixture Macs: Thursday 20 June 2024, 10:00 UTC.
var macNow = time.Date(2024, 6, 20, 10, 0, 0, 0, time.UTC)

// macFixtureHosts are the kernel facts of the fixture Macs (what sysctl
// and uname would say), with their RAM and swap in bytes.
var macFixtureHosts = map[string]struct {
	host      macHost
	mem, swap uint64
}{
	"macbookpro-m1pro": {macHost{HostName: "MacBook-Pro-de-Jean.local", Kernel: "23.5.0", Arch: "arm64",
		Boot: time.Date(2024, 6, 18, 6, 45, 53, 0, time.UTC)}, 16 << 30, 2 << 30},
	"imac-intel-2019": {macHost{HostName: "imac-accueil.mairie.local", Kernel: "22.6.0", Arch: "x86_64",
		Boot: time.Date(2024, 6, 20, 4, 17, 49, 0, time.UTC)}, 24 << 30, 0},
}

// macStamp sets every file and directory of a fixture tree to one time:
// install dates come from modification times, which git does not keep.
func macStamp(t *testing.T, root string, at time.Time) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.Type()&fs.ModeSymlink != 0 {
			return err
		}
		return os.Chtimes(p, at, at)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// macFixtureEnv is an Env on a fixture tree whose system_profiler answers
// with the recorded output, counting the calls.
func macFixtureEnv(t *testing.T, m string, calls *atomic.Int32) *Env {
	t.Helper()
	root, err := filepath.Abs(filepath.Join(macFixtures, m))
	if err != nil {
		t.Fatal(err)
	}
	macStamp(t, root, time.Date(2024, 3, 4, 14, 30, 0, 0, time.UTC))
	recorded, err := os.ReadFile(filepath.Join(macFixtures, m+".system_profiler.json"))
	if err != nil {
		t.Fatal(err)
	}
	return &Env{
		Root: root,
		Now:  func() time.Time { return macNow },
		Command: func(ctx context.Context, name string, args ...string) ([]byte, error) {
			calls.Add(1)
			if name != macProfilerPath || !slices.Equal(args[1:], macProfilerTypes) || args[0] != "-json" {
				t.Errorf("got command %s %v; want %s -json %v", name, args, macProfilerPath, macProfilerTypes)
			}
			return recorded, nil
		},
	}
}

// macFixtureCollectors are the macOS collectors as register_darwin.go
// lists them, with the kernel facts of the fixture machine in place of
// the live sysctl calls (cpus, drives, networks and users read only the
// kernel, and are tested through their mapping functions).
func macFixtureCollectors(m string) []entry {
	h := macFixtureHosts[m]
	return []entry{
		{"batteries", batteriesMacOS},
		{"bios", biosMacOS},
		{"hardware", func(ctx context.Context, env *Env, r *inventory.Report) error {
			return hardwareMacOS(ctx, env, r, h.host, h.mem, h.swap)
		}},
		{"memories", memoriesMacOS},
		{"monitors", monitorsMacOS},
		{"operatingsystem", func(ctx context.Context, env *Env, r *inventory.Report) error {
			o, err := macOperatingSystem(env, h.host)
			r.Content.OperatingSystem = o
			return err
		}},
		{"softwares_brew", softwaresBrew},
		{"softwares_macos", softwaresMacOS},
		{"storages", storagesMacOS},
		{"videos", videosMacOS},
	}
}

// TestMacOSFixtureMachines runs the macOS collectors on each fixture Mac
// and compares the report with its golden JSON.
func TestMacOSFixtureMachines(t *testing.T) {
	for _, m := range []string{"macbookpro-m1pro", "imac-intel-2019"} {
		t.Run(m, func(t *testing.T) {
			var calls atomic.Int32
			env := macFixtureEnv(t, m, &calls)
			var content inventory.Content
			var runs []inventory.CollectorRun
			for _, e := range macFixtureCollectors(m) {
				var part inventory.Report
				run := runOne(context.Background(), env, e, &part)
				run.DurationMS = 0
				runs = append(runs, run)
				mergeContent(&content, &part.Content)
			}
			if n := calls.Load(); n != 1 {
				t.Errorf("got %d system_profiler runs; want 1", n)
			}
			content.VersionClient = "Parc-Agent_test"
			content.Parc = &inventory.ParcExtension{SchemaVersion: inventory.SchemaVersion, Collectors: runs}
			rep := inventory.Report{Action: inventory.ActionInventory, DeviceID: m + "-2024-06-20-10-00-00", ItemType: "Computer", Content: content}
			if err := schema.ValidateValue(rep); err != nil {
				t.Fatalf("schema: %v", err)
			}
			if err := rep.Validate(); err != nil {
				t.Errorf("Validate: %v", err)
			}
			got, err := json.MarshalIndent(rep, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join(macFixtures, m+".golden.json"), got)
		})
	}
}
