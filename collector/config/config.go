// Package config is parc-collector's configuration: defaults, then a YAML
// file, then PARC_* environment variables, then command-line flags, each
// overriding the previous. Validate names the offending key.
package config

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parcproject/parc/collector/store"
)

// Config is the whole configuration of one collector.
type Config struct {
	Listen    string    `yaml:"listen"`     // address to listen on, e.g. "127.0.0.1:8080"
	Data      string    `yaml:"data"`       // data directory (SQLite database, backups)
	Database  string    `yaml:"database"`   // "postgres://..." DSN; empty means SQLite in Data
	BaseURL   string    `yaml:"base_url"`   // public URL, e.g. "https://parc.mairie.fr"
	LogLevel  string    `yaml:"log_level"`  // debug, info, warn, error
	LogFormat string    `yaml:"log_format"` // text or json
	Inventory Inventory `yaml:"inventory"`
	Limits    Limits    `yaml:"limits"`
	Normalise Normalise `yaml:"normalise"`
	// GLPICompat is the endpoint for GLPI Agent and FusionInventory/OCS
	// agents (POST / and /front/inventory.php), off by default.
	GLPICompat GLPICompat `yaml:"glpi_compat"`
	// LDAP is login and user import from a directory, off by default.
	LDAP LDAP `yaml:"ldap"`
	// SecretKey seals the secrets kept in the database (SNMP communities
	// and passphrases): 32 random bytes in base64 (`openssl rand -base64
	// 32`). Empty: a key file created in Data at first start. Collectors
	// sharing one PostgreSQL must all be given the same key.
	SecretKey string `yaml:"secret_key"`
	// SNMP configures network discovery.
	SNMP SNMP `yaml:"snmp"`
	// Mail is email notifications (SMTP) and mail to ticket (IMAP).
	Mail Mail `yaml:"mail"`
}

// SNMP configures network discovery.
type SNMP struct {
	// SysObjectIDs is the sysobject.ids file used when the data directory
	// has no copy of its own, e.g. "/usr/share/parc/sysobject.ids".
	SysObjectIDs string `yaml:"sysobject_ids"`
}

// GLPICompat configures the GLPI-compatible endpoint.
type GLPICompat struct {
	Enabled         bool     `yaml:"enabled"`
	Username        string   `yaml:"username"`         // HTTP basic auth user; empty for none
	Password        string   `yaml:"password"`         // HTTP basic auth password
	AllowedNetworks []string `yaml:"allowed_networks"` // CIDRs, e.g. ["10.0.0.0/8"]; empty allows all
}

// Inventory settings sent to agents.
type Inventory struct {
	ContactEvery Duration `yaml:"contact_every"` // how often agents call contact
	FullEvery    Duration `yaml:"full_every"`    // longest time between full inventories
}

// Limits bound requests.
type Limits struct {
	MaxBodyBytes     int64 `yaml:"max_body_bytes"`     // compressed inventory body
	MaxInflatedBytes int64 `yaml:"max_inflated_bytes"` // inventory once decompressed
}

// Normalise configures name normalisation.
type Normalise struct {
	Dictionary string `yaml:"dictionary"` // extra YAML dictionary file, optional
}

// Duration is a time.Duration written "24h", "90m" in YAML.
type Duration struct{ time.Duration }

// UnmarshalYAML reads a Go duration string.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := time.ParseDuration(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %q is not a duration such as 24h or 90m", n.Line, n.Value)
	}
	d.Duration = v
	return nil
}

// Default is the configuration without any file, variable or flag.
func Default() Config {
	return Config{
		Listen: "127.0.0.1:8080", Data: "./data", LogLevel: "info", LogFormat: "text",
		Inventory: Inventory{ContactEvery: Duration{time.Hour}, FullEvery: Duration{7 * 24 * time.Hour}},
		Limits:    Limits{MaxBodyBytes: 32 << 20, MaxInflatedBytes: 64 << 20},
	}
}

// LoadFile reads a YAML file over c; unknown keys are errors.
func (c *Config) LoadFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("config file: %w", err)
	}
	defer f.Close()
	dec := yaml.NewDecoder(f)
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("config file %s: %w", path, err)
	}
	return nil
}

// keys are the settable keys, by their YAML path.
var keys = map[string]func(c *Config, v string) error{
	"listen":                    func(c *Config, v string) error { c.Listen = v; return nil },
	"data":                      func(c *Config, v string) error { c.Data = v; return nil },
	"database":                  func(c *Config, v string) error { c.Database = v; return nil },
	"base_url":                  func(c *Config, v string) error { c.BaseURL = v; return nil },
	"log_level":                 func(c *Config, v string) error { c.LogLevel = v; return nil },
	"log_format":                func(c *Config, v string) error { c.LogFormat = v; return nil },
	"normalise.dictionary":      func(c *Config, v string) error { c.Normalise.Dictionary = v; return nil },
	"secret_key":                func(c *Config, v string) error { c.SecretKey = v; return nil },
	"snmp.sysobject_ids":        func(c *Config, v string) error { c.SNMP.SysObjectIDs = v; return nil },
	"inventory.contact_every":   durationKey(func(c *Config) *Duration { return &c.Inventory.ContactEvery }),
	"inventory.full_every":      durationKey(func(c *Config) *Duration { return &c.Inventory.FullEvery }),
	"limits.max_body_bytes":     intKey(func(c *Config) *int64 { return &c.Limits.MaxBodyBytes }),
	"limits.max_inflated_bytes": intKey(func(c *Config) *int64 { return &c.Limits.MaxInflatedBytes }),
	"glpi_compat.enabled": func(c *Config, v string) error {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("%q must be true or false", v)
		}
		c.GLPICompat.Enabled = b
		return nil
	},
	"glpi_compat.username": func(c *Config, v string) error { c.GLPICompat.Username = v; return nil },
	"glpi_compat.password": func(c *Config, v string) error { c.GLPICompat.Password = v; return nil },
	"glpi_compat.allowed_networks": func(c *Config, v string) error {
		c.GLPICompat.AllowedNetworks = nil
		for _, n := range strings.Split(v, ",") {
			if n = strings.TrimSpace(n); n != "" {
				c.GLPICompat.AllowedNetworks = append(c.GLPICompat.AllowedNetworks, n)
			}
		}
		return nil
	},
}

func durationKey(field func(*Config) *Duration) func(*Config, string) error {
	return func(c *Config, v string) error {
		d, err := time.ParseDuration(v)
		if err != nil {
			return fmt.Errorf("%q is not a duration such as 24h or 90m", v)
		}
		field(c).Duration = d
		return nil
	}
}

func intKey(field func(*Config) *int64) func(*Config, string) error {
	return func(c *Config, v string) error {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return fmt.Errorf("%q is not a whole number of bytes", v)
		}
		*field(c) = n
		return nil
	}
}

// Set sets one key ("inventory.full_every") from its text form.
func (c *Config) Set(key, value string) error {
	set, ok := keys[key]
	if !ok {
		return fmt.Errorf("unknown configuration key %q", key)
	}
	if err := set(c, value); err != nil {
		return fmt.Errorf("%s: %w", key, err)
	}
	return nil
}

// Keys lists every configuration key, sorted ("glpi_compat.enabled",
// "ldap.url", "mail.smtp.host"...), for --help.
func Keys() []string {
	out := make([]string, 0, len(keys))
	for k := range keys {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// EnvName is the environment variable of a key: "inventory.full_every" ->
// "PARC_INVENTORY_FULL_EVERY".
func EnvName(key string) string {
	return "PARC_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// ApplyEnv sets every key whose PARC_* variable is set.
func (c *Config) ApplyEnv(lookup func(string) (string, bool)) error {
	for key := range keys {
		if v, ok := lookup(EnvName(key)); ok {
			if err := c.Set(key, v); err != nil {
				return fmt.Errorf("%s: %w", EnvName(key), err)
			}
		}
	}
	return nil
}

// DSN is the database to open: Database, or the SQLite file in Data.
func (c *Config) DSN() string {
	if c.Database != "" {
		return c.Database
	}
	return filepath.Join(c.Data, "parc.db")
}

// Validate checks every key and names the first wrong one.
func (c *Config) Validate() error {
	if _, _, err := net.SplitHostPort(c.Listen); err != nil {
		return fmt.Errorf("listen: %q must be host:port, e.g. 127.0.0.1:8080", c.Listen)
	}
	if c.Database == "" && c.Data == "" {
		return errors.New("data: must name a directory when database is not set")
	}
	if c.Database != "" && !store.IsPostgres(c.Database) {
		return fmt.Errorf("database: %q must be a postgres:// URL (leave it empty for SQLite in data)", redact(c.Database))
	}
	if c.BaseURL != "" {
		u, err := url.Parse(c.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("base_url: %q must be an http:// or https:// URL", c.BaseURL)
		}
	}
	if c.SecretKey != "" {
		if k, err := base64.StdEncoding.DecodeString(strings.TrimSpace(c.SecretKey)); err != nil || len(k) != 32 {
			return errors.New("secret_key: must be 32 random bytes in base64, e.g. the output of `openssl rand -base64 32`")
		}
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		return fmt.Errorf("log_level: %q must be debug, info, warn or error", c.LogLevel)
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("log_format: %q must be text or json", c.LogFormat)
	}
	if c.Inventory.ContactEvery.Duration < time.Minute {
		return fmt.Errorf("inventory.contact_every: %v must be at least 1m", c.Inventory.ContactEvery.Duration)
	}
	if c.Inventory.FullEvery.Duration < c.Inventory.ContactEvery.Duration {
		return fmt.Errorf("inventory.full_every: %v must be at least inventory.contact_every", c.Inventory.FullEvery.Duration)
	}
	if c.Limits.MaxBodyBytes < 1<<20 {
		return fmt.Errorf("limits.max_body_bytes: %d must be at least 1048576 (1 MiB)", c.Limits.MaxBodyBytes)
	}
	if (c.GLPICompat.Username == "") != (c.GLPICompat.Password == "") {
		return errors.New("glpi_compat.password: username and password go together; set both or neither")
	}
	if _, err := c.AllowedNets(); err != nil {
		return err
	}
	if c.Limits.MaxInflatedBytes < c.Limits.MaxBodyBytes {
		return fmt.Errorf("limits.max_inflated_bytes: %d must be at least limits.max_body_bytes", c.Limits.MaxInflatedBytes)
	}
	if err := c.validateMail(); err != nil {
		return err
	}
	return c.validateLDAP()
}

// redact hides a password in a DSN for error messages.
func redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		return u.Redacted()
	}
	return dsn
}

// AllowedNets parses glpi_compat.allowed_networks; a bare address is one host.
func (c *Config) AllowedNets() ([]*net.IPNet, error) {
	var out []*net.IPNet
	for _, n := range c.GLPICompat.AllowedNetworks {
		if !strings.Contains(n, "/") {
			if ip := net.ParseIP(n); ip != nil && ip.To4() != nil {
				n += "/32"
			} else {
				n += "/128"
			}
		}
		_, ipn, err := net.ParseCIDR(n)
		if err != nil {
			return nil, fmt.Errorf("glpi_compat.allowed_networks: %q is not a network such as 10.0.0.0/8", n)
		}
		out = append(out, ipn)
	}
	return out, nil
}
