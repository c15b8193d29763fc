package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLayers(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "collector.yaml")
	os.WriteFile(file, []byte("listen: 0.0.0.0:9000\ninventory:\n  full_every: 48h\nlimits:\n  max_body_bytes: 2097152\n"), 0o600)
	c := Default()
	if err := c.LoadFile(file); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"PARC_LISTEN": "127.0.0.1:9001", "PARC_INVENTORY_CONTACT_EVERY": "30m"}
	if err := c.ApplyEnv(func(k string) (string, bool) { v, ok := env[k]; return v, ok }); err != nil {
		t.Fatal(err)
	}
	if err := c.Set("data", dir); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.Listen != "127.0.0.1:9001" || c.Inventory.FullEvery.Duration != 48*time.Hour ||
		c.Inventory.ContactEvery.Duration != 30*time.Minute || c.Limits.MaxBodyBytes != 2<<20 || c.DSN() != filepath.Join(dir, "parc.db") {
		t.Errorf("got %+v; want file, env and flag layered", c)
	}
}

func TestErrorsNameTheKey(t *testing.T) {
	tests := []struct {
		name string
		mod  func(c *Config) error
		want string
	}{
		{"listen", func(c *Config) error { c.Listen = "8080"; return nil }, "listen:"},
		{"database", func(c *Config) error { c.Database = "mysql://u:secret@h/db"; return nil }, "database:"},
		{"base_url", func(c *Config) error { c.BaseURL = "parc.local"; return nil }, "base_url:"},
		{"log_level", func(c *Config) error { c.LogLevel = "loud"; return nil }, "log_level:"},
		{"full_every", func(c *Config) error { return c.Set("inventory.full_every", "soon") }, "inventory.full_every:"},
		{"unknown", func(c *Config) error { return c.Set("nope", "1") }, `"nope"`},
		{"glpi nets", func(c *Config) error { return c.Set("glpi_compat.allowed_networks", "10.0.0.0/8, mairie") }, "glpi_compat.allowed_networks:"},
		{"glpi auth", func(c *Config) error { return c.Set("glpi_compat.username", "glpi") }, "glpi_compat.password:"},
		{"glpi enabled", func(c *Config) error { return c.Set("glpi_compat.enabled", "maybe") }, "glpi_compat.enabled:"},
		{"smtp ca_file", func(c *Config) error {
			c.Mail.From, c.Mail.SMTP.Host, c.Mail.SMTP.CAFile = "parc@mairie.fr", "smtp.mairie.fr", "/nonexistent/ca.pem"
			return nil
		}, "mail.smtp.ca_file:"},
		{"env", func(c *Config) error {
			return c.ApplyEnv(func(k string) (string, bool) { return "x", k == "PARC_LIMITS_MAX_BODY_BYTES" })
		}, "PARC_LIMITS_MAX_BODY_BYTES"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := Default()
			err := tc.mod(&c)
			if err == nil {
				err = c.Validate()
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v; want an error naming %s", err, tc.want)
			}
			if err != nil && strings.Contains(err.Error(), "secret") {
				t.Errorf("error %q leaks the password", err)
			}
		})
	}
}

func TestUnknownFileKey(t *testing.T) {
	file := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(file, []byte("listen: 127.0.0.1:1\nlistne: x\n"), 0o600)
	c := Default()
	if err := c.LoadFile(file); err == nil || !strings.Contains(err.Error(), "listne") {
		t.Errorf("got %v; want an error naming listne", err)
	}
}

func TestGLPICompatKeys(t *testing.T) {
	c := Default()
	env := map[string]string{"PARC_GLPI_COMPAT_ENABLED": "true", "PARC_GLPI_COMPAT_ALLOWED_NETWORKS": "10.0.0.0/8,192.168.1.7"}
	if err := c.ApplyEnv(func(k string) (string, bool) { v, ok := env[k]; return v, ok }); err != nil {
		t.Fatal(err)
	}
	nets, err := c.AllowedNets()
	if err != nil || !c.GLPICompat.Enabled || len(nets) != 2 || nets[1].String() != "192.168.1.7/32" {
		t.Errorf("got enabled %v, nets %v, %v; want enabled with 2 networks", c.GLPICompat.Enabled, nets, err)
	}
}
