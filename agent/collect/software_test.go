package collect

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/agent/collect/collecttest"
	"github.com/parcproject/parc/agent/internal/rpm"
	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/inventory/schema"
)

const swFixtures = "testdata/software"

// swEnv returns an Env rooted at a temporary copy of a fixture machine,
// with a UTC clock so that install dates do not depend on the test
// machine's zone.
func swEnv(t *testing.T, machine string) *Env {
	t.Helper()
	root := t.TempDir()
	swCopyTree(t, filepath.Join(swFixtures, machine), root)
	swSetMtimes(t, root)
	return &Env{
		Root:   root,
		Now:    func() time.Time { return time.Date(2024, 6, 20, 9, 0, 0, 0, time.UTC) },
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
}

// swCopyTree copies files, directories and symbolic links (as links).
func swCopyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			link, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(link, to)
		case d.IsDir():
			return os.MkdirAll(to, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// swSetMtimes gives the files of a fixture copy the modification times
// its mtimes.txt lists, creating listed files git cannot hold.
func swSetMtimes(t *testing.T, root string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "mtimes.txt"))
	if err != nil {
		return
	}
	times := map[string]time.Time{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		tm, err := time.Parse(time.RFC3339, f[1])
		if err != nil {
			t.Fatalf("mtimes.txt: %v", err)
		}
		times[f[0]] = tm
	}
	def, ok := times["*"]
	if !ok {
		t.Fatal(`mtimes.txt: no default line "* <time>"`)
	}
	delete(times, "*")
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.Type()&fs.ModeSymlink != 0 {
			return err
		}
		return os.Chtimes(p, def, def)
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, tm := range times {
		full := filepath.Join(root, p)
		if _, err := os.Stat(full); os.IsNotExist(err) {
			if err := os.WriteFile(full, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Chtimes(full, tm, tm); err != nil {
			t.Fatal(err)
		}
	}
}

// swRun runs one collector function into a fresh report.
func swRun(t *testing.T, fn Func, env *Env) []inventory.Software {
	t.Helper()
	var r inventory.Report
	if err := fn(context.Background(), env, &r); err != nil {
		t.Fatalf("collector: %v", err)
	}
	return r.Content.Softwares
}

// swCheck validates the list inside a complete report against the GLPI
// schema and Parc's own rules, then compares it with its golden file.
func swCheck(t *testing.T, golden string, sw []inventory.Software) {
	t.Helper()
	rep := inventory.Report{
		Action:   "inventory",
		DeviceID: "pc-mairie-07-2024-06-20-09-00-00",
		ItemType: "Computer",
		Content:  inventory.Content{VersionClient: "Parc-Agent_v0.0.0-test", Softwares: sw},
	}
	if err := schema.ValidateValue(rep); err != nil {
		t.Errorf("schema: %v", err)
	}
	if err := rep.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	got, err := json.MarshalIndent(sw, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, filepath.Join(swFixtures, golden+".golden.json"), got)
}

func swNames(sw []inventory.Software) []string {
	var out []string
	for _, s := range sw {
		out = append(out, s.Name)
	}
	return out
}

func TestSoftwaresDpkgFixture(t *testing.T) {
	sw := swRun(t, softwaresDpkg, swEnv(t, "debian12"))
	// 13 real stanzas plus a held package; the config-files leftover is out.
	if len(sw) != 14 {
		t.Errorf("got %d packages; want 14: %q", len(sw), swNames(sw))
	}
	swCheck(t, "debian12-dpkg", sw)
}

func TestSoftwaresFlatpakFixture(t *testing.T) {
	sw := swRun(t, softwaresFlatpak, swEnv(t, "debian12"))
	want := []string{"GNU Image Manipulation Program", "LibreOffice", "org.freedesktop.Platform", "Zoom"}
	if got := swNames(sw); !slices.Equal(got, want) {
		t.Errorf("got %q; want %q", got, want)
	}
	swCheck(t, "debian12-flatpak", sw)
}

func TestSoftwaresSnapFixture(t *testing.T) {
	env := swEnv(t, "ubuntu2404")
	sw := swRun(t, softwaresSnap, env)
	want := []string{"firefox", "gtk-common-themes", "thunderbird"}
	if got := swNames(sw); !slices.Equal(got, want) {
		t.Errorf("got %q; want %q (bases, snapd and broken mounts left out)", got, want)
	}
	swCheck(t, "ubuntu2404-snap", sw)
	swCheck(t, "ubuntu2404-dpkg", swRun(t, softwaresDpkg, env))
}

func TestSoftwaresRPMFixture(t *testing.T) {
	env := swEnv(t, "rocky9")
	out, err := os.ReadFile(filepath.Join(swFixtures, "rocky9", "rpm-qa.txt"))
	if err != nil {
		t.Fatal(err)
	}
	env.Command = func(_ context.Context, name string, args ...string) ([]byte, error) {
		if name != "rpm" || !slices.Equal(args, rpm.Args()) {
			t.Errorf("ran %s %q; want rpm %q", name, args, rpm.Args())
		}
		return out, nil
	}
	sw := swRun(t, softwaresRPM, env)
	if len(sw) != 14 || slices.Contains(swNames(sw), "gpg-pubkey") {
		t.Errorf("got %q; want the 14 packages without gpg-pubkey", swNames(sw))
	}
	swCheck(t, "rocky9-rpm", sw)
}

func TestSoftwaresWindowsFixture(t *testing.T) {
	reg, err := collecttest.LoadRegistry(filepath.Join(swFixtures, "win11-fr", "registry.json"))
	if err != nil {
		t.Fatal(err)
	}
	wmi, err := collecttest.LoadWMI(filepath.Join(swFixtures, "win11-fr", "wmi.json"))
	if err != nil {
		t.Fatal(err)
	}
	env := swEnv(t, "win11-fr")
	env.Registry, env.WMI = reg, wmi
	sw := swRun(t, softwaresWindows, env)
	names := swNames(sw)
	for _, hidden := range []string{
		"Should not appear", "Should not appear either", // .DEFAULT and SYSTEM hives
		"Microsoft Visual C++ 2022 X86 Minimum Runtime - 14.38.33135", // system component
		"Microsoft Office Proofing Tools 2016 - Français",             // child of Office, not a KB
	} {
		if slices.Contains(names, hidden) {
			t.Errorf("%q is listed; Programs and Features hides it", hidden)
		}
	}
	if n := len(slices.DeleteFunc(slices.Clone(names), func(s string) bool { return s != "Microsoft Office Standard 2016" })); n != 1 {
		t.Errorf("Office is listed %d times; want once (its MSI product key is a system component)", n)
	}
	swCheck(t, "win11-fr-registry", sw)

	updates := swRun(t, updatesWindows, env)
	if got, want := swNames(updates), []string{"KB5027397", "KB5031274", "KB5037591", "KB5039212", "KB5039338"}; !slices.Equal(got, want) {
		t.Errorf("updates: got %q; want %q", got, want)
	}
	swCheck(t, "win11-fr-updates", updates)
}

// TestSoftwaresNoData checks that each collector says "no data" on a
// machine without its source, rather than failing or listing nothing.
func TestSoftwaresNoData(t *testing.T) {
	empty := &Env{Root: t.TempDir(), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	for name, fn := range map[string]Func{
		"dpkg": softwaresDpkg, "rpm": softwaresRPM, "snap": softwaresSnap, "flatpak": softwaresFlatpak,
		"windows": softwaresWindows, "updates": updatesWindows,
	} {
		t.Run(name, func(t *testing.T) {
			var r inventory.Report
			err := fn(context.Background(), empty, &r)
			if !errors.Is(err, ErrNoData) || len(r.Content.Softwares) != 0 {
				t.Errorf("got %v with %d entries; want ErrNoData and none", err, len(r.Content.Softwares))
			}
		})
	}
}

// swWriteFile writes a file below root, creating its directories.
func swWriteFile(t *testing.T, root, p, content string) {
	t.Helper()
	full := filepath.Join(root, p)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
