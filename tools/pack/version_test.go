package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestPkgVersion(t *testing.T) {
	tests := []struct{ in, pkg, msi string }{
		{"v1.2.3", "1.2.3", "1.2.3"},
		{"1.2.3", "1.2.3", "1.2.3"},
		{"v1.2.3-rc1", "1.2.3~rc1", "1.2.3"},
		{"v1.2.3-4-gabc1234", "1.2.3+4.gabc1234", "1.2.3"},
		{"v1.2.3-rc.2-4-gabc1234-dirty", "1.2.3~rc.2+4.gabc1234.dirty", "1.2.3"},
		{"v1.2.3-dirty", "1.2.3+dirty", "1.2.3"},
		{"abc1234", "0.0.0~git.abc1234", "0.0.0"},
		{"abc1234-dirty", "0.0.0~git.abc1234.dirty", "0.0.0"},
		{"dev", "0.0.0~dev", "0.0.0"},
		{"", "0.0.0~dev", "0.0.0"},
		{"v255.255.65535", "255.255.65535", "255.255.65535"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got, err := pkgVersion(tt.in); err != nil || got != tt.pkg {
				t.Errorf("pkgVersion(%q) = %q, %v; want %q", tt.in, got, err, tt.pkg)
			}
			if got, err := msiVersion(tt.in); err != nil || got != tt.msi {
				t.Errorf("msiVersion(%q) = %q, %v; want %q", tt.in, got, err, tt.msi)
			}
		})
	}
	for _, bad := range []string{"v1.2", "release-7", "v1.2.3-4-gXYZ", "1.2.3 4"} {
		if got, err := pkgVersion(bad); err == nil {
			t.Errorf("pkgVersion(%q) = %q; want an error", bad, got)
		}
	}
	if got, err := msiVersion("v256.0.0"); err == nil {
		t.Errorf("msiVersion(v256.0.0) = %q; want an error (major above 255)", got)
	}
}

// TestPkgVersionOrder checks with dpkg that the versions sort as releases do.
func TestPkgVersionOrder(t *testing.T) {
	if _, err := exec.LookPath("dpkg"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("dpkg is missing (CI runs on Debian)")
		}
		t.Skip("dpkg is missing")
	}
	order := []string{"abc1234", "v1.2.3-rc1", "v1.2.3", "v1.2.3-4-gabc1234", "v1.2.4"}
	for i := 1; i < len(order); i++ {
		a, _ := pkgVersion(order[i-1])
		b, _ := pkgVersion(order[i])
		if out, err := exec.Command("dpkg", "--compare-versions", a, "lt", b).CombinedOutput(); err != nil {
			t.Errorf("dpkg: got %s >= %s; want lower (%s)", a, b, strings.TrimSpace(string(out)))
		}
	}
}

func FuzzPkgVersion(f *testing.F) {
	for _, s := range []string{"v1.2.3", "v1.2.3-rc1-4-gabc-dirty", "abc1234", "dev", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := pkgVersion(s)
		if err != nil {
			return
		}
		// dpkg and rpm both accept these characters only.
		if strings.Trim(v, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.+~") != "" || v[0] < '0' || v[0] > '9' {
			t.Errorf("pkgVersion(%q) = %q; want digits first and only [A-Za-z0-9.+~]", s, v)
		}
		msiVersion(s)
	})
}
