package collect

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var swView64 = uninstallView{root: "HKLM", path: uninstallKey, arch: winArch64}

func TestMapUninstallVisibility(t *testing.T) {
	base := func(extra map[string]any) map[string]any {
		v := map[string]any{"DisplayName": "App", "UninstallString": `"C:\App\unins000.exe"`}
		for k, x := range extra {
			v[k] = x
		}
		return v
	}
	tests := []struct {
		name     string
		key      string
		vals     map[string]any
		want     bool
		category string
	}{
		{"plain program", "App_is1", base(nil), true, categoryApplication},
		{"no display name", "App", map[string]any{"UninstallString": "x"}, false, ""},
		{"blank display name", "App", base(map[string]any{"DisplayName": "  "}), false, ""},
		{"system component", "App", base(map[string]any{"SystemComponent": uint64(1)}), false, ""},
		{"system component as string", "App", base(map[string]any{"SystemComponent": "1"}), false, ""},
		{"system component zero", "App", base(map[string]any{"SystemComponent": uint64(0)}), true, categoryApplication},
		{"no uninstall string", "App", map[string]any{"DisplayName": "App"}, false, ""},
		{"MSI without uninstall string", "App", map[string]any{"DisplayName": "App", "WindowsInstaller": uint64(1)}, true, categoryApplication},
		{"child component", "A_B", base(map[string]any{"ParentKeyName": "Office16.STANDARD"}), false, ""},
		{"child KB update", "A_B", base(map[string]any{"DisplayName": "Update for Microsoft Office 2016 (KB5002469) 64-Bit Edition", "ParentKeyName": "Office16.STANDARD"}), true, categoryUpdate},
		{"KB in key name", "KB2504637", base(map[string]any{"DisplayName": "Mise à jour pour Windows", "ReleaseType": "Hotfix"}), true, categoryHotfix},
		{"update without KB", "X", base(map[string]any{"ReleaseType": "Update"}), false, ""},
		{"security update", "X", base(map[string]any{"DisplayName": "Security Update for Windows (KB958655)", "ReleaseType": "Security Update"}), true, categorySecurityUpdate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := mapUninstall(tt.key, tt.vals, swView64)
			if ok != tt.want {
				t.Fatalf("shown = %v; want %v", ok, tt.want)
			}
			if ok && s.SystemCategory != tt.category {
				t.Errorf("category = %q; want %q", s.SystemCategory, tt.category)
			}
		})
	}
}

func TestMapUninstallFields(t *testing.T) {
	vals := map[string]any{
		"DisplayName":     "  Notepad++ (64-bit x64)\x00junk",
		"DisplayVersion":  "8.6.8\x01",
		"UninstallString": `"C:\Program Files\Notepad++\uninstall.exe"`,
		"EstimatedSize":   "0x1F4",
		"InstallDate":     "20240229",
		"MajorVersion":    uint64(8),
		"VersionMinor":    "6",
		"NoRemove":        uint64(1),
	}
	s, ok := mapUninstall("{6B6B1E5A-3C0F-4C5A-9D4E-2A1B3C4D5E6F}", vals, uninstallView{arch: winArch32, sid: "S-1-5-21-1-2-3-1001", user: "jdupont"})
	if !ok {
		t.Fatal("entry hidden; want it shown")
	}
	checks := []struct{ field, got, want string }{
		{"name", s.Name, "Notepad++ (64-bit x64)"},
		{"version", s.Version, "8.6.8"},
		{"install_date", s.InstallDate, "2024-02-29"},
		{"guid", s.GUID, "{6B6B1E5A-3C0F-4C5A-9D4E-2A1B3C4D5E6F}"},
		{"version_major", s.VersionMajor, "8"},
		{"version_minor", s.VersionMinor, "6"},
		{"arch", s.Arch, winArch32},
		{"username", s.Username, "jdupont"},
		{"userid", s.UserID, "S-1-5-21-1-2-3-1001"},
		{"from", s.From, "registry"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q; want %q", c.field, c.got, c.want)
		}
	}
	if s.FileSize != 500*1024 {
		t.Errorf("filesize = %d; want %d", s.FileSize, 500*1024)
	}
	if s.NoRemove == nil || !*s.NoRemove {
		t.Errorf("no_remove = %v; want true", s.NoRemove)
	}
	if s, _ := mapUninstall("7-Zip", map[string]any{"DisplayName": "7-Zip", "UninstallString": "u"}, swView64); s.GUID != "" || s.NoRemove != nil {
		t.Errorf("got guid %q no_remove %v; want neither for a named key without NoRemove", s.GUID, s.NoRemove)
	}
}

func TestSwParseDate(t *testing.T) {
	tests := map[string]string{
		"20240612":   "2024-06-12",
		" 20240612 ": "2024-06-12",
		"2024-06-12": "2024-06-12",
		"6/12/2024":  "2024-06-12",
		"2024/06/12": "2024-06-12",
		"12.06.2024": "2024-06-12",
		"20241345":   "",
		"16/06/2024": "", // day first: ambiguous in general, rejected
		"19700101":   "",
		"0":          "",
		"":           "",
		"2024061":    "",
		"yesterday":  "",
	}
	for in, want := range tests {
		if got := swParseDate(in); got != want {
			t.Errorf("swParseDate(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestSwRegUint(t *testing.T) {
	tests := []struct {
		in   any
		want uint64
		ok   bool
	}{
		{uint64(5), 5, true}, {int64(7), 7, true}, {int64(-1), 0, false},
		{"12", 12, true}, {" 0x1F ", 31, true}, {"0XfF", 255, true},
		{"", 0, false}, {"-3", 0, false}, {"0x", 0, false}, {[]byte{1}, 0, false}, {nil, 0, false},
	}
	for _, tt := range tests {
		got, ok := swRegUint(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("swRegUint(%#v) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestHotfixes(t *testing.T) {
	rows := []map[string]any{
		{"HotFixID": "kb5039212", "Description": "Security Update", "InstalledOn": "6/12/2024"},
		{"HotFixID": "KB890830", "Description": "Correctif", "InstalledOn": nil},
		{"HotFixID": "KB123", "Description": "Update"}, // too short to be a KB
		{"HotFixID": nil, "Description": "Update"},
		{"HotFixID": "KB5000001", "Description": "Service Pack", "InstalledOn": "ffffffffffffffff"},
	}
	got := mapHotfixes(rows, winArch32)
	if len(got) != 3 {
		t.Fatalf("got %d updates; want 3: %+v", len(got), got)
	}
	want := []struct{ name, release, category, date string }{
		{"KB5000001", "", categoryUpdate, ""},
		{"KB5039212", "Security Update", categorySecurityUpdate, "2024-06-12"},
		{"KB890830", "Hotfix", categoryHotfix, ""},
	}
	for i, w := range want {
		s := got[i]
		if s.Name != w.name || s.ReleaseType != w.release || s.SystemCategory != w.category || s.InstallDate != w.date || s.Arch != winArch32 {
			t.Errorf("update %d = %+v; want %+v", i, s, w)
		}
	}
}

func TestParseMetainfo(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want metainfo
	}{
		{"translations skipped", `<component><name xml:lang="fr">Nom</name><name>Name</name><summary>Sum</summary></component>`,
			metainfo{name: "Name", summary: "Sum"}},
		{"developer element", `<component><developer id="x"><name xml:lang="de">Entwickler</name><name>Dev</name></developer></component>`,
			metainfo{developer: "Dev"}},
		{"first release only", `<component><releases><release version="2"/><release version="1"/></releases></component>`,
			metainfo{version: "2"}},
		{"nested name ignored", `<component><provides><name>lib</name></provides><name>App</name></component>`,
			metainfo{name: "App"}},
		{"whitespace folded", "<component><summary>\n  A   b\n </summary><url type=\"bugtracker\">b</url><url type=\"homepage\">h</url></component>",
			metainfo{summary: "A b", homepage: "h"}},
		{"legacy root", `<application><name>Old</name></application>`, metainfo{name: "Old"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseMetainfo([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %+v; want %+v", got, tt.want)
			}
		})
	}
	if _, err := parseMetainfo([]byte("<component><name>unterminated")); err == nil {
		t.Error("got nil error for broken XML; want one")
	}
}

func TestOSDistributor(t *testing.T) {
	for id, want := range map[string]string{"debian": "Debian", `"ubuntu"`: "Ubuntu", "linuxmint": "Linuxmint", `""`: ""} {
		root := t.TempDir()
		env := &Env{Root: root}
		swWriteFile(t, root, "/usr/lib/os-release", "NAME=x\nID="+id+"\n")
		if got := osDistributor(env); got != want {
			t.Errorf("ID=%s: got %q; want %q", id, got, want)
		}
	}
}

// FuzzUninstallMapping feeds arbitrary strings where installers put dates,
// sizes, versions and flags; the mapping must not panic and must only
// produce values the inventory accepts.
func FuzzUninstallMapping(f *testing.F) {
	f.Add("7-Zip", "20240612", "5735", "23.01", "1", "{23170F69-40C1-2702-2301-000001000000}")
	f.Add("App\x00x", "6/12/2024", "0x1F4", "1.0\x01", "0x0", "KB5002537")
	f.Add("Ünïcødé", "2024-13-45", "-1", "", "yes", "")
	f.Fuzz(func(t *testing.T, name, date, size, version, flag, key string) {
		vals := map[string]any{
			"DisplayName": name, "InstallDate": date, "EstimatedSize": size, "DisplayVersion": version,
			"NoRemove": flag, "SystemComponent": flag, "UninstallString": "u", "ParentKeyName": key,
		}
		s, ok := mapUninstall(key, vals, swView64)
		if !ok {
			return
		}
		if s.Name == "" || s.FileSize < 0 || s.FileSize%1024 != 0 {
			t.Errorf("bad entry %+v", s)
		}
		if s.InstallDate != "" && (len(s.InstallDate) != 10 || s.InstallDate[4] != '-' || s.InstallDate[7] != '-') {
			t.Errorf("install_date %q is not YYYY-MM-DD", s.InstallDate)
		}
		if strings.ContainsFunc(s.Name+s.Version, func(r rune) bool { return r < 0x20 && r != '\t' }) {
			t.Errorf("control character kept in %q / %q", s.Name, s.Version)
		}
		if utf8.ValidString(name) && !utf8.ValidString(s.Name) {
			t.Errorf("valid UTF-8 name %q became invalid %q", name, s.Name)
		}
		if d := parseHotfixDate(date); d != "" && len(d) != 10 {
			t.Errorf("parseHotfixDate(%q) = %q", date, d)
		}
	})
}

// FuzzMetainfo checks the AppStream reader never panics on broken XML.
func FuzzMetainfo(f *testing.F) {
	f.Add([]byte(`<component><name>A</name><developer><name>D</name></developer><releases><release version="1"/></releases></component>`))
	f.Add([]byte(`<component><name xml:lang="fr">`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = parseMetainfo(data)
	})
}
