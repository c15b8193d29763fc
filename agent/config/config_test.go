package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeFile(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "agent.yaml")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func envOf(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func TestDefaults(t *testing.T) {
	c, err := Load(Sources{File: filepath.Join(t.TempDir(), "absent.yaml"), LookupEnv: envOf(nil)})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"full_inventory_interval", c.FullInventoryInterval, 24 * time.Hour},
		{"contact_interval", c.ContactInterval, time.Hour},
		{"full_max_age", c.FullMaxAge, 7 * 24 * time.Hour},
		{"jitter", c.Jitter, Jitter{Fraction: 0.1}},
		{"status_listen", c.StatusListen, "127.0.0.1:62354"},
		{"spool_max_bytes", c.SpoolMaxBytes, int64(64 << 20)},
		{"state_dir", c.StateDir, DefaultStateDir()},
		{"log_level", c.LogLevel, "info"},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("%s: got %v; want %v", ch.name, ch.got, ch.want)
		}
	}
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		env     map[string]string
		flags   map[string]string
		check   func(*Config) string
		wantErr string
	}{
		{
			name: "file values",
			file: "server: https://parc.example.org\ncontact_interval: 30m\nfull_max_age: 3d\njitter: 5m\ntag: mairie\nspool_max_bytes: 10MB\n",
			check: func(c *Config) string {
				if c.Server != "https://parc.example.org" || c.ContactInterval != 30*time.Minute ||
					c.FullMaxAge != 72*time.Hour || c.Jitter.Fixed != 5*time.Minute || c.Tag != "mairie" || c.SpoolMaxBytes != 10_000_000 {
					return "file values not applied"
				}
				return ""
			},
		},
		{
			name:  "env beats file, flag beats env",
			file:  "tag: from-file\nserver: https://file.example\ncontact_interval: 2h\n",
			env:   map[string]string{"PARC_TAG": "from-env", "PARC_SERVER": "https://env.example"},
			flags: map[string]string{"server": "https://flag.example"},
			check: func(c *Config) string {
				if c.Tag != "from-env" || c.Server != "https://flag.example" || c.ContactInterval != 2*time.Hour {
					return "precedence wrong: tag=" + c.Tag + " server=" + c.Server
				}
				return ""
			},
		},
		{name: "empty file", file: "", check: func(c *Config) string { return "" }},
		{name: "comments only", file: "# nothing\n", check: func(c *Config) string { return "" }},
		{name: "null value means empty", file: "server:\n", check: func(c *Config) string {
			if c.Server != "" {
				return "server not empty"
			}
			return ""
		}},
		{name: "bad duration", file: "contact_interval: often\n",
			wantErr: `agent.yaml:1: contact_interval: want a positive duration such as "1h", "30m" or "7d", got "often"`},
		{name: "zero interval", file: "contact_interval: 0\n", wantErr: "contact_interval: want a positive duration"},
		{name: "unknown key", file: "server: https://x.example\ncontact_intervall: 1h\n",
			wantErr: `agent.yaml:2: unknown key "contact_intervall"; known keys: server,`},
		{name: "dashed key refused in file", file: "contact-interval: 1h\n", wantErr: `unknown key "contact-interval"`},
		{name: "duplicate key", file: "tag: a\ntag: b\n", wantErr: "tag: given twice (first on line 1)"},
		{name: "nested value", file: "server:\n  url: x\n", wantErr: "agent.yaml:2: server: want a URL such as \"https://parc.example.org\", got a list or mapping"},
		{name: "not a mapping", file: "- a\n- b\n", wantErr: "want a mapping of key: value lines"},
		{name: "bad yaml", file: "server: [\n", wantErr: "not valid YAML"},
		{name: "bad server URL", file: "server: parc.example.org\n",
			wantErr: `server: want a URL such as "https://parc.example.org", got "parc.example.org"`},
		{name: "bad jitter", file: "jitter: lots\n", wantErr: `jitter: want a percentage or a duration such as "10%" or "5m", got "lots"`},
		{name: "jitter over 100%", file: "jitter: 150%\n", wantErr: "jitter: want"},
		{name: "bad bool", file: "tls_insecure_skip_verify: maybe\n", wantErr: `tls_insecure_skip_verify: want true or false, got "maybe"`},
		{name: "bad log level", file: "log_level: loud\n", wantErr: `log_level: want one of debug, info, warn, error, got "loud"`},
		{name: "bad size", file: "spool_max_bytes: huge\n", wantErr: "spool_max_bytes: want a size"},
		{name: "bad int", file: "spool_max_reports: -3\n", wantErr: "spool_max_reports: want a whole number of at least 1"},
		{name: "env error names variable", env: map[string]string{"PARC_CONTACT_INTERVAL": "x"},
			wantErr: `environment PARC_CONTACT_INTERVAL: contact_interval: want`},
		{name: "flag error names flag", flags: map[string]string{"full_max_age": "soon"},
			wantErr: `flag --full-max-age: full_max_age: want`},
		{name: "remote status page refused", file: "status_listen: 0.0.0.0:62354\n",
			wantErr: `status_listen: "0.0.0.0:62354" is not a loopback address`},
		{name: "remote status page allowed", file: "status_listen: 0.0.0.0:62354\nstatus_allow_remote: yes\n",
			check: func(c *Config) string { return "" }},
		{name: "status page disabled", file: `status_listen: ""` + "\n", check: func(c *Config) string {
			if c.StatusListen != "" {
				return "status_listen not empty"
			}
			return ""
		}},
		{name: "retry_max below retry_min", file: "retry_min: 2h\nretry_max: 1h\n", wantErr: "retry_max: want at least retry_min"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(Sources{File: writeFile(t, tt.file), LookupEnv: envOf(tt.env), Flags: tt.flags})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v; want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v; want none", err)
			}
			if msg := tt.check(c); msg != "" {
				t.Error(msg)
			}
		})
	}
}

func TestMissingRequiredFile(t *testing.T) {
	_, err := Load(Sources{File: filepath.Join(t.TempDir(), "nope.yaml"), FileRequired: true, LookupEnv: envOf(nil)})
	if err == nil || !strings.Contains(err.Error(), "nope.yaml") {
		t.Fatalf("got %v; want an error naming the file", err)
	}
}

func TestKeysRoundTrip(t *testing.T) {
	// Every key's printed value must parse back to the same value, so that
	// `parc-agent help` shows defaults a user can copy into agent.yaml.
	c := Default()
	for _, k := range Keys {
		t.Run(k.Name, func(t *testing.T) {
			c2 := Default()
			if err := k.Set(c2, k.Value(c)); err != nil {
				t.Fatalf("got %v; want the printed default %q to parse", err, k.Value(c))
			}
			if k.Value(c2) != k.Value(c) {
				t.Errorf("got %q; want %q", k.Value(c2), k.Value(c))
			}
			if k.Help == "" || k.Want == "" {
				t.Error("key has no help or no Want")
			}
		})
	}
}

func TestJitter(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration // Max of a 1h interval
	}{
		{"10%", 6 * time.Minute},
		{"0%", 0},
		{"5m", 5 * time.Minute},
		{"0", 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			j, err := parseJitter(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := j.Max(time.Hour); got != tt.want {
				t.Errorf("got %v; want %v", got, tt.want)
			}
			for range 100 {
				if d := j.Apply(time.Hour); d < time.Hour || d > time.Hour+tt.want {
					t.Fatalf("got %v; want within [1h, 1h+%v]", d, tt.want)
				}
			}
		})
	}
}

func TestUnreadableDefaultFile(t *testing.T) {
	if os.Geteuid() == 0 {
		runAsNobody(t, "TestUnreadableDefaultFile") // root reads any file
		return
	}
	p := writeFile(t, "server: https://x.example\n")
	os.Chmod(p, 0)
	c, err := Load(Sources{File: p, LookupEnv: envOf(nil)})
	if err != nil || len(c.Notes) != 1 || c.Server != "" {
		t.Fatalf("got %v, notes %v; want defaults and one note", err, c.Notes)
	}
	if _, err := Load(Sources{File: p, FileRequired: true, LookupEnv: envOf(nil)}); err == nil {
		t.Error("an unreadable --config file: got nil; want an error")
	}
}
