package osrelease

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestParseFiles(t *testing.T) {
	tests := []struct {
		file string
		want Info
	}{
		{"debian12", Info{ID: "debian", Name: "Debian GNU/Linux", PrettyName: "Debian GNU/Linux 12 (bookworm)",
			Version: "12 (bookworm)", VersionID: "12", VersionCodename: "bookworm"}},
		{"ubuntu2204", Info{ID: "ubuntu", IDLike: "debian", Name: "Ubuntu", PrettyName: "Ubuntu 22.04.4 LTS",
			Version: "22.04.4 LTS (Jammy Jellyfish)", VersionID: "22.04", VersionCodename: "jammy"}},
		{"rhel9", Info{ID: "rhel", IDLike: "fedora", Name: "Red Hat Enterprise Linux",
			PrettyName: "Red Hat Enterprise Linux 9.3 (Plow)", Version: "9.3 (Plow)", VersionID: "9.3"}},
		{"arch", Info{ID: "arch", Name: "Arch Linux", PrettyName: "Arch Linux", BuildID: "rolling"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got := *Parse(b)
			got.Vars = nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v; want %+v", got, tt.want)
			}
		})
	}
}

func TestQuoting(t *testing.T) {
	tests := []struct {
		line, want string
	}{
		{`X=plain`, "plain"},
		{`X="double quoted"`, "double quoted"},
		{`X='single $quoted'`, "single $quoted"},
		{`X="esc \"q\" \$HOME \\ \x"`, `esc "q" $HOME \ \x`},
		{`X=word\ with\ spaces`, "word with spaces"},
		{`X="a"'b'c`, "abc"},
		{`X=value # comment`, "value"},
		{`X="unterminated`, "unterminated"},
		{`X=`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := Parse([]byte(tt.line)).Vars["X"]; got != tt.want {
				t.Errorf("got %q; want %q", got, tt.want)
			}
		})
	}
}

func TestSkipsJunk(t *testing.T) {
	in := "# comment\n\nnot an assignment\n1BAD=x\nBAD KEY=x\n  ID=debian  \nID=ubuntu\n"
	got := Parse([]byte(in))
	if got.ID != "ubuntu" || len(got.Vars) != 1 {
		t.Errorf("got %+v; want only ID=ubuntu (last one wins)", got.Vars)
	}
}
