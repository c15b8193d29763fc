package dpkg

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
)

func parseAll(t testing.TB, data []byte) []Package {
	t.Helper()
	var out []Package
	if err := Parse(bytes.NewReader(data), func(p Package) error {
		out = append(out, p)
		return nil
	}); err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return out
}

// TestParseRealExcerpt reads 13 stanzas copied from a Debian 12 machine.
func TestParseRealExcerpt(t *testing.T) {
	data, err := os.ReadFile("testdata/status")
	if err != nil {
		t.Fatal(err)
	}
	pkgs := parseAll(t, data)
	if got, want := len(pkgs), 13; got != want {
		t.Fatalf("got %d packages; want %d", got, want)
	}
	i := slices.IndexFunc(pkgs, func(p Package) bool { return p.Name == "libc6" })
	if i < 0 {
		t.Fatal("libc6 not found")
	}
	want := Package{
		Name:          "libc6",
		Version:       "2.36-9+deb12u14",
		Arch:          "amd64",
		Maintainer:    "GNU Libc Maintainers <debian-glibc@lists.debian.org>",
		Section:       "libs",
		Summary:       "GNU C Library: Shared libraries",
		Homepage:      "https://www.gnu.org/software/libc/libc.html",
		InstalledSize: 13001 * 1024,
		MultiArchSame: true,
	}
	if pkgs[i] != want {
		t.Errorf("got %+v; want %+v", pkgs[i], want)
	}
	if got, want := pkgs[i].ListFiles(), []string{"libc6:amd64.list", "libc6.list"}; !slices.Equal(got, want) {
		t.Errorf("ListFiles() = %q; want %q", got, want)
	}
	adduser := Package{Name: "adduser", Arch: "all"}
	if got, want := adduser.ListFiles(), []string{"adduser.list", "adduser:all.list"}; !slices.Equal(got, want) {
		t.Errorf("ListFiles() = %q; want %q", got, want)
	}
}

func TestParseEdgeCases(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // name=version of the packages found
	}{
		{"empty", "", nil},
		{"no trailing newline", "Package: a\nStatus: install ok installed\nVersion: 1", []string{"a=1"}},
		{"several blank lines", "\n\n\nPackage: a\nStatus: install ok installed\nVersion: 1\n\n\n\nPackage: b\nStatus: install ok installed\nVersion: 2\n\n", []string{"a=1", "b=2"}},
		{"whitespace-only separator", "Package: a\nStatus: install ok installed\n \t\nPackage: b\nStatus: install ok installed\n", []string{"a=", "b="}},
		{"CRLF line ends", "Package: a\r\nStatus: install ok installed\r\nVersion: 1\r\n\r\nPackage: b\r\nStatus: install ok installed\r\n", []string{"a=1", "b="}},
		{"config files only", "Package: a\nStatus: deinstall ok config-files\nVersion: 1\n", nil},
		{"half installed", "Package: a\nStatus: install reinstreq half-installed\n", nil},
		{"not installed", "Package: a\nStatus: purge ok not-installed\n", nil},
		{"held is installed", "Package: a\nStatus: hold ok installed\nVersion: 1\n", []string{"a=1"}},
		{"reinstreq but installed", "Package: a\nStatus: install reinstreq installed\nVersion: 1\n", []string{"a=1"}},
		{"triggers pending", "Package: a\nStatus: install ok triggers-pending\n", nil},
		{"no status", "Package: a\nVersion: 1\n", nil},
		{"no package name", "Status: install ok installed\nVersion: 1\n", nil},
		{"status before package", "Status: install ok installed\nPackage: a\n", []string{"a="}},
		{"line without colon", "Package: a\ngarbage here\nStatus: install ok installed\n", []string{"a="}},
		{"leading colon", ": x\nPackage: a\nStatus: install ok installed\n", []string{"a="}},
		{"continuation only", " . \n continuation\n", nil},
		{"description continuation", "Package: a\nStatus: install ok installed\nDescription: one\n Version: 9\n", []string{"a="}},
		{"unknown field case", "package: a\nStatus: install ok installed\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range parseAll(t, []byte(tt.in)) {
				got = append(got, p.Name+"="+p.Version)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q; want %q", got, tt.want)
			}
		})
	}
}

func TestParseFields(t *testing.T) {
	in := "Package: zoom\nStatus: install ok installed\nInstalled-Size: junk\nArchitecture: amd64\n" +
		"Description:   Zoom Cloud Meetings  \n Long text\nHomepage: https://zoom.us\n\n" +
		"Package: big\nStatus: install ok installed\nInstalled-Size: -5\n"
	pkgs := parseAll(t, []byte(in))
	if len(pkgs) != 2 {
		t.Fatalf("got %d packages; want 2", len(pkgs))
	}
	if got, want := pkgs[0].Summary, "Zoom Cloud Meetings"; got != want {
		t.Errorf("Summary = %q; want %q", got, want)
	}
	if pkgs[0].InstalledSize != 0 || pkgs[1].InstalledSize != 0 {
		t.Errorf("junk Installed-Size gave %d, %d; want 0, 0", pkgs[0].InstalledSize, pkgs[1].InstalledSize)
	}
	if got, want := pkgs[0].Homepage, "https://zoom.us"; got != want {
		t.Errorf("Homepage = %q; want %q", got, want)
	}
}

func TestParseCallbackError(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Parse(strings.NewReader("Package: a\nStatus: install ok installed\n\nPackage: b\nStatus: install ok installed\n"),
		func(Package) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("got err %v after %d calls; want stop after 1", err, n)
	}
}

func TestParseLineTooLong(t *testing.T) {
	in := "Package: a\nDepends: " + strings.Repeat("x", maxLine+10) + "\n"
	err := Parse(strings.NewReader(in), func(Package) error { return nil })
	if err == nil {
		t.Fatal("got nil error for an over-long line; want one")
	}
}

// BenchmarkDpkgStatus parses ~1,000 packages (the real excerpt repeated
// under distinct names), the size of a desktop install.
func BenchmarkDpkgStatus(b *testing.B) {
	excerpt, err := os.ReadFile("testdata/status")
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	for i := range 77 {
		buf.Write(bytes.ReplaceAll(excerpt, []byte("Package: "), []byte("Package: r"+string(rune('a'+i%26))+string(rune('a'+i/26))+"-")))
		buf.WriteString("\n")
	}
	data := buf.Bytes()
	if n := len(parseAll(b, data)); n < 1000 {
		b.Fatalf("benchmark input has %d packages; want >= 1000", n)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		if err := Parse(bytes.NewReader(data), func(Package) error { n++; return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
