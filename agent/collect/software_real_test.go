//go:build linux

package collect

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/inventory/schema"
)

// TestSoftwaresDpkgRealMachine runs the dpkg collector on this machine and
// checks it finds exactly the packages dpkg-query reports as installed
// (status "installed", whatever the selection: install or hold).
func TestSoftwaresDpkgRealMachine(t *testing.T) {
	out, err := exec.Command("dpkg-query", "-W", "-f", `${db:Status-Abbrev}\n`).Output()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("dpkg-query: %v (CI runs on Debian)", err)
		}
		t.Skipf("no dpkg-query here: %v", err)
	}
	want := 0
	for _, line := range bytes.Split(out, []byte("\n")) {
		if len(line) >= 2 && line[1] == 'i' {
			want++
		}
	}
	env := NewEnv(nil)
	defer env.Close()
	var r inventory.Report
	start := time.Now()
	if err := softwaresDpkg(context.Background(), env, &r); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d packages in %v", len(r.Content.Softwares), time.Since(start))
	if got := len(r.Content.Softwares); got != want {
		t.Errorf("got %d packages; dpkg-query lists %d installed", got, want)
	}
	dated := 0
	for _, s := range r.Content.Softwares {
		if s.InstallDate != "" {
			dated++
		}
	}
	if dated < want*9/10 {
		t.Errorf("%d of %d packages have an install date; want nearly all (.list files)", dated, want)
	}
	rep := inventory.Report{Action: "inventory", DeviceID: "real-2024-06-20-09-00-00", ItemType: "Computer",
		Content: inventory.Content{VersionClient: "Parc-Agent_v0.0.0-test", Softwares: r.Content.Softwares}}
	if err := schema.ValidateValue(rep); err != nil {
		t.Errorf("schema: %v", err)
	}
	if err := rep.Validate(); err != nil {
		t.Error(err)
	}
}
