package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWriteKeys(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		initial string // "" means no file
		values  map[string]string
		want    []string // substrings of the result
		wantErr string
	}{
		{"new file", "", map[string]string{"server": "https://parc.example.org", "enroll_secret": "s"},
			[]string{"server: https://parc.example.org", "enroll_secret: s"}, ""},
		{"keeps comments and other keys", "# site config\ntag: mairie # the town hall\nserver: https://old.example\n",
			map[string]string{"server": "https://new.example"},
			[]string{"# site config", "tag: mairie # the town hall", "server: https://new.example"}, ""},
		{"flag names accepted", "", map[string]string{"contact-interval": "30m"}, []string{"contact_interval: 30m"}, ""},
		{"bad value refused", "", map[string]string{"contact_interval": "often"}, nil, "contact_interval: want"},
		{"unknown key refused", "", map[string]string{"nope": "x"}, nil, `unknown key "nope"`},
		{"empty file", "\n", map[string]string{"tag": "x"}, []string{"tag: x"}, ""},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, string(rune('a'+i)), "agent.yaml")
			if tt.initial != "" {
				os.MkdirAll(filepath.Dir(path), 0o755)
				os.WriteFile(path, []byte(tt.initial), 0o644)
			}
			err := WriteKeys(path, tt.values)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got %v; want an error containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			data, _ := os.ReadFile(path)
			for _, w := range tt.want {
				if !strings.Contains(string(data), w) {
					t.Errorf("file lacks %q:\n%s", w, data)
				}
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
				t.Errorf("mode: got %o; want 600", fi.Mode().Perm())
			}
			// What was written loads back.
			if _, err := Load(Sources{File: path, FileRequired: true, LookupEnv: envOf(nil)}); err != nil {
				t.Errorf("written file does not load: %v", err)
			}
		})
	}
	c, _ := Load(Sources{File: filepath.Join(dir, "c", "agent.yaml"), LookupEnv: envOf(nil)})
	if c.ContactInterval != 30*time.Minute {
		t.Errorf("contact_interval: got %v; want 30m", c.ContactInterval)
	}
}
