package collect

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parcproject/parc/agent/collect/collecttest"
	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/inventory/schema"
)

const winFixtures = "testdata/windows"

// winFixtureNow is when the fixtures were "recorded": Paris, winter time.
var winFixtureNow = time.Date(2026, 11, 23, 10, 4, 12, 0, time.FixedZone("CET", 3600))

// winEnv loads a recorded machine: registry.json, wmi.json and the local
// accounts netapi32 gave (netapi.json), which it installs as
// winAccountsSource for the test's duration.
func winEnv(t *testing.T, machine string) *Env {
	t.Helper()
	dir := filepath.Join(winFixtures, machine)
	reg, err := collecttest.LoadRegistry(filepath.Join(dir, "registry.json"))
	if err != nil {
		t.Fatal(err)
	}
	w, err := collecttest.LoadWMI(filepath.Join(dir, "wmi.json"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "netapi.json"))
	if err != nil {
		t.Fatal(err)
	}
	var acc winAccounts
	if err := json.Unmarshal(data, &acc); err != nil {
		t.Fatalf("parse netapi.json: %v", err)
	}
	old := winAccountsSource
	winAccountsSource = func(context.Context) (*winAccounts, error) { return &acc, nil }
	t.Cleanup(func() { winAccountsSource = old })
	return &Env{
		Root:     dir, // the Windows collectors read no file
		Registry: reg,
		WMI:      w,
		Now:      func() time.Time { return winFixtureNow },
		Logger:   slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
}

// winRunAll runs every Windows collector the way Run does (each into its
// own report, merged in name order) and records their outcome without
// durations, so the result is stable.
func winRunAll(t *testing.T, env *Env) inventory.Content {
	t.Helper()
	var out inventory.Content
	var runs []inventory.CollectorRun
	for _, c := range windowsCollectors {
		var part inventory.Report
		err := c.fn(context.Background(), env, &part)
		run := inventory.CollectorRun{Name: c.name}
		if err != nil {
			run.Error = err.Error()
			run.NoData = errors.Is(err, ErrNoData)
		}
		runs = append(runs, run)
		mergeContent(&out, &part.Content)
	}
	out.Parc = &inventory.ParcExtension{SchemaVersion: inventory.SchemaVersion, Collectors: runs}
	return out
}

// TestWindowsMachines runs all Windows collectors against each recorded
// machine, validates the report against the GLPI schema and compares it
// with the machine's golden.json.
func TestWindowsMachines(t *testing.T) {
	dirs, err := os.ReadDir(winFixtures)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			content := winRunAll(t, winEnv(t, d.Name()))
			content.VersionClient = "Parc-Agent_v0.0.0-test"
			rep := inventory.Report{
				Action:   inventory.ActionInventory,
				DeviceID: content.Hardware.Name + "-2026-11-23-10-04-12",
				ItemType: "Computer",
				Content:  content,
			}
			if err := schema.ValidateValue(rep); err != nil {
				t.Errorf("schema: %v", err)
			}
			if err := rep.Validate(); err != nil {
				t.Errorf("Validate: %v", err)
			}
			winGolden(t, filepath.Join(winFixtures, d.Name(), "golden.json"), rep)
		})
	}
}

func winGolden(t *testing.T, path string, v any) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, path, buf.Bytes())
}

// TestWindowsCollectorsWithoutSources checks every Windows collector says
// "no data" rather than failing or panicking on a machine without registry
// and WMI, as on Linux.
func TestWindowsCollectorsWithoutSources(t *testing.T) {
	old := winAccountsSource
	winAccountsSource = nil
	t.Cleanup(func() { winAccountsSource = old })
	env := &Env{Root: winFixtures, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	for _, c := range windowsCollectors {
		t.Run(c.name, func(t *testing.T) {
			var r inventory.Report
			err := c.fn(context.Background(), env, &r)
			if !errors.Is(err, ErrNoData) {
				t.Errorf("got %v; want ErrNoData", err)
			}
		})
	}
}
