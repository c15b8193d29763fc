package rpm

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestParseRecorded reads the output of the real rpm binary run with
// QueryFormat (see testdata/record.sh), which also proves that rpm
// understands the format and gives ten fields.
func TestParseRecorded(t *testing.T) {
	out, err := os.ReadFile("testdata/rocky9-qa.txt")
	if err != nil {
		t.Fatal(err)
	}
	pkgs, skipped, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if skipped != 0 || len(pkgs) != 15 {
		t.Fatalf("got %d packages, %d skipped; want 15, 0", len(pkgs), skipped)
	}
	want := Package{
		Name:        "bash",
		Arch:        "x86_64",
		Version:     "5.1.8-9.el9",
		InstallTime: time.Unix(1795438740, 0),
		Size:        7738634,
		Vendor:      "Rocky Enterprise Software Foundation",
		Packager:    "Rocky Linux Build System (Peridot) <releng@rockylinux.org>",
		Summary:     "The GNU Bourne Again shell",
		Group:       "Unspecified",
		URL:         "https://www.gnu.org/software/bash",
	}
	if !pkgs[0].InstallTime.Equal(want.InstallTime) {
		t.Errorf("InstallTime = %v; want %v", pkgs[0].InstallTime, want.InstallTime)
	}
	pkgs[0].InstallTime = want.InstallTime
	if pkgs[0] != want {
		t.Errorf("got %+v; want %+v", pkgs[0], want)
	}
	i := slices.IndexFunc(pkgs, func(p Package) bool { return p.Name == "mairie-scripts" })
	if p := pkgs[i]; p.Vendor != "" || p.Packager != "" || p.URL != "" {
		t.Errorf("(none) kept: vendor %q packager %q url %q; want empty", p.Vendor, p.Packager, p.URL)
	}
	i = slices.IndexFunc(pkgs, func(p Package) bool { return p.IsPubKey() })
	if i < 0 || pkgs[i].Arch != "" || pkgs[i].Group != "Public Keys" {
		t.Errorf("gpg-pubkey row not parsed as expected: %+v", pkgs[i])
	}
}

func TestParseLines(t *testing.T) {
	full := "a\tx86_64\t1-1\t1700000000\t100\tV\tP\tSum\tGrp\thttps://a\n"
	tests := []struct {
		name        string
		in          string
		wantN, skip int
		check       func(t *testing.T, p Package)
	}{
		{"empty", "", 0, 0, nil},
		{"blank lines", "\n\n" + full + "\n", 1, 0, nil},
		{"CRLF", strings.ReplaceAll(full, "\n", "\r\n"), 1, 0, func(t *testing.T, p Package) {
			if p.URL != "https://a" {
				t.Errorf("URL = %q; want https://a", p.URL)
			}
		}},
		{"too few fields", "a\tx86_64\t1-1\n", 0, 1, nil},
		{"no name", "\tx86_64\t1-1\t0\t0\tV\tP\tS\tG\tU\n", 0, 1, nil},
		{"tab in summary", "a\tx86_64\t1-1\t1700000000\t100\tV\tP\tPart one\tpart two\tGrp\thttps://a\n", 1, 0, func(t *testing.T, p Package) {
			if p.Summary != "Part one part two" || p.Group != "Grp" || p.URL != "https://a" {
				t.Errorf("got summary %q group %q url %q; want rejoined summary", p.Summary, p.Group, p.URL)
			}
		}},
		{"junk numbers", "a\tx86_64\t1-1\tsoon\t-3\tV\tP\tS\tG\tU\n", 1, 0, func(t *testing.T, p Package) {
			if !p.InstallTime.IsZero() || p.Size != 0 {
				t.Errorf("got time %v size %d; want zero values", p.InstallTime, p.Size)
			}
		}},
		{"none everywhere", "a\t(none)\t(none)\t(none)\t(none)\t(none)\t(none)\t(none)\t(none)\t(none)\n", 1, 0, func(t *testing.T, p Package) {
			if (p != Package{Name: "a"}) {
				t.Errorf("got %+v; want only the name", p)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pkgs, skipped, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if len(pkgs) != tt.wantN || skipped != tt.skip {
				t.Fatalf("got %d packages, %d skipped; want %d, %d", len(pkgs), skipped, tt.wantN, tt.skip)
			}
			if tt.check != nil {
				tt.check(t, pkgs[0])
			}
		})
	}
}

func TestArgs(t *testing.T) {
	args := Args()
	if len(args) != 3 || args[0] != "-qa" || strings.Count(args[2], `\t`) != nfields-1 {
		t.Errorf("Args() = %q; want -qa --queryformat with %d fields", args, nfields)
	}
}
