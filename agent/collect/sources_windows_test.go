package collect

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"testing"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/inventory/schema"
)

// These tests run only on Windows, against the live registry and WMI.

func TestLiveRegistry(t *testing.T) {
	r := liveRegistry{}
	v, err := r.Values("HKLM", regCurrentVersion)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := v["CurrentBuild"].(string); !ok {
		t.Errorf("CurrentBuild: got %T; want string", v["CurrentBuild"])
	}
	if _, ok := v["InstallDate"].(uint64); !ok {
		t.Errorf("InstallDate (REG_DWORD): got %T; want uint64", v["InstallDate"])
	}
	if _, err := r.Values("HKLM", `SOFTWARE\Parc\No\Such\Key`); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing key: got %v; want fs.ErrNotExist", err)
	}
	keys, err := r.SubKeys("HKLM", `SYSTEM\CurrentControlSet\Control`)
	if err != nil || len(keys) < 10 {
		t.Errorf("subkeys of Control: got %d, %v", len(keys), err)
	}
}

func TestLiveWMI(t *testing.T) {
	env := NewEnv(nil)
	defer env.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	rows, err := env.WMI.Query(ctx, nsCIMV2, qOperatingSystem)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || wStr(rows[0], "Caption") == "" {
		t.Fatalf("Win32_OperatingSystem: got %v", rows)
	}
	if _, ok := rows[0]["OSLanguage"].(int64); !ok {
		t.Errorf("OSLanguage (uint32): got %T; want int64", rows[0]["OSLanguage"])
	}
	if _, err := env.WMI.Query(ctx, `root\ParcNoSuchNamespace`, "SELECT Name FROM Win32_BIOS"); !errors.Is(err, ErrNoData) {
		t.Errorf("missing namespace: got %v; want ErrNoData", err)
	}
	// Windows says WBEM_E_INVALID_CLASS; Wine answers with no instance.
	if rows, err := env.WMI.Query(ctx, nsCIMV2, "SELECT Name FROM Parc_NoSuchClass"); !errors.Is(err, ErrNoData) && (err != nil || len(rows) != 0) {
		t.Errorf("missing class: got %v, %v; want ErrNoData or no row", rows, err)
	}
}

// TestLiveInventory runs every collector on this machine and validates the
// report against the GLPI schema.
func TestLiveInventory(t *testing.T) {
	env := NewEnv(nil)
	defer env.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	content := Run(ctx, env)
	content.VersionClient = "Parc-Agent_v0.0.0-test"
	rep := inventory.Report{Action: inventory.ActionInventory, DeviceID: "live-2026-01-01-00-00-00", ItemType: "Computer", Content: content}
	if err := schema.ValidateValue(rep); err != nil {
		t.Errorf("schema: %v", err)
	}
	for _, run := range content.Parc.Collectors {
		if run.Error != "" && !run.NoData {
			t.Errorf("collector %s failed: %s", run.Name, run.Error)
		}
		t.Logf("%-20s %8.1f ms %s", run.Name, run.DurationMS, run.Error)
	}
	if out, err := json.MarshalIndent(rep, "", "  "); err == nil {
		t.Logf("report:\n%s", out)
	}
	if content.Hardware == nil || content.OperatingSystem == nil || len(content.CPUs) == 0 {
		t.Error("hardware, operatingsystem or cpus missing")
	}
}
