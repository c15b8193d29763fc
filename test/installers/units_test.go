package installers

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestSystemdUnits runs systemd-analyze verify on the packaged units (any
// warning fails) and holds their exposure score (systemd-analyze
// security) under a ceiling, so a lost hardening option is noticed.
func TestSystemdUnits(t *testing.T) {
	needTool(t, "systemd-analyze")
	tests := []struct {
		unit, bin   string
		build       func(*testing.T) string
		maxExposure float64
	}{
		// The agent runs as root (SMBIOS) and reads home directories.
		{"agent/parc-agent.service", "/usr/bin/parc-agent", agentLinux, 3.0},
		{"collector/parc-collector.service", "/usr/bin/parc-collector", collector, 2.0},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.unit), func(t *testing.T) {
			src := readFile(t, filepath.Join(repo, "installers/linux", tt.unit))
			if !strings.Contains(src, "ExecStart="+tt.bin+" ") {
				t.Fatalf("%s does not start %s", tt.unit, tt.bin)
			}
			// verify checks that ExecStart exists: point it at a built binary.
			unit := filepath.Join(t.TempDir(), filepath.Base(tt.unit))
			if err := os.WriteFile(unit, []byte(strings.ReplaceAll(src, tt.bin, tt.build(t))), 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := runErr(nil, "systemd-analyze", "verify", unit); err != nil || strings.TrimSpace(out) != "" {
				t.Errorf("systemd-analyze verify %s: %v\n%s", tt.unit, err, out)
			}
			out := run(t, nil, "systemd-analyze", "security", "--offline=yes", unit)
			m := regexp.MustCompile(`Overall exposure level for \S+: ([0-9.]+)`).FindStringSubmatch(out)
			if m == nil {
				t.Fatalf("no exposure level in:\n%s", out)
			}
			if got, _ := strconv.ParseFloat(m[1], 64); got > tt.maxExposure {
				t.Errorf("got exposure %.1f; want at most %.1f:\n%s", got, tt.maxExposure, out)
			}
		})
	}
}
