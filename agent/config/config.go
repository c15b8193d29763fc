// Package config is parc-agent's configuration: one Config, read from a
// YAML file, then PARC_* environment variables, then command-line flags, in
// that order of precedence (a flag wins over the environment, which wins
// over the file).
//
// Every key is described once, in Keys, with its default, its environment
// variable, its flag and its help text; the file parser, the environment
// reader, the flags and `parc-agent help` are all driven by that table, so
// they cannot disagree.
package config

import (
	"fmt"
	"net"
	"net/url"
	"time"
)

// Config is the agent's whole configuration, validated by Load.
type Config struct {
	// Server is the collector's base URL, e.g. "https://parc.mairie.fr".
	Server string
	// EnrollSecret is the site enrolment secret; needed for the first run only.
	EnrollSecret string
	// Tag is the administrator's free label sent with every report.
	Tag string
	// StateDir holds the identity, the credential, the checksums and the spool.
	StateDir string

	// FullInventoryInterval is how often an inventory is made (partial when
	// possible).
	FullInventoryInterval time.Duration
	// ContactInterval is how often the collector is asked what to do.
	ContactInterval time.Duration
	// FullMaxAge is the longest time between two full (not partial) reports.
	FullMaxAge time.Duration
	// Jitter spreads every wait by a random amount up to this.
	Jitter Jitter

	// SpoolMaxReports and SpoolMaxBytes bound the spool of unsent reports.
	SpoolMaxReports int
	SpoolMaxBytes   int64
	// RejectedMax bounds how many refused reports are kept for inspection.
	RejectedMax int
	// RetryMin and RetryMax bound the exponential backoff of resends.
	RetryMin, RetryMax time.Duration

	// StatusListen is the status page's address; "" disables it.
	StatusListen string
	// StatusAllowRemote lets StatusListen be a non-loopback address.
	StatusAllowRemote bool

	// TLSCAFile is a PEM bundle trusted in addition to the system roots.
	TLSCAFile string
	// TLSInsecureSkipVerify disables certificate checks (tests only).
	TLSInsecureSkipVerify bool
	// Proxy is an HTTP(S) proxy URL; "" uses HTTPS_PROXY/HTTP_PROXY.
	Proxy string
	// RequestTimeout bounds one HTTP exchange with the collector.
	RequestTimeout time.Duration
	// CollectTimeout bounds one inventory collection.
	CollectTimeout time.Duration

	// NetworkTasks lets the collector give this agent SNMP discovery and
	// inventory tasks for its site (printers, switches); on by default.
	NetworkTasks bool

	// LogLevel is debug, info, warn or error; LogFormat is text or json.
	LogLevel  string
	LogFormat string

	// Notes are what Load skipped (an unreadable default file), for the
	// caller to log once it has a logger.
	Notes []string
}

// Default returns the configuration with every key at its default.
func Default() *Config {
	c := &Config{}
	for _, k := range Keys {
		if err := k.set(c, k.Default); err != nil {
			panic("config: bad default for " + k.Name + ": " + err.Error())
		}
	}
	return c
}

// Validate checks the relations between keys that no single key can check.
func (c *Config) Validate() error {
	if c.Server != "" {
		u, err := url.Parse(c.Server)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("server: want a URL such as \"https://parc.example.org\", got %q", c.Server)
		}
	}
	if c.StateDir == "" {
		return fmt.Errorf("state_dir: want a directory, got \"\"")
	}
	if c.RetryMax < c.RetryMin {
		return fmt.Errorf("retry_max: want at least retry_min (%s), got %s", c.RetryMin, c.RetryMax)
	}
	if c.StatusListen != "" {
		host, _, err := net.SplitHostPort(c.StatusListen)
		if err != nil {
			return fmt.Errorf("status_listen: want host:port such as \"127.0.0.1:62354\", got %q", c.StatusListen)
		}
		if !c.StatusAllowRemote && !IsLoopbackHost(host) {
			return fmt.Errorf("status_listen: %q is not a loopback address; the status page can start an inventory, so it listens on 127.0.0.1 unless status_allow_remote is true", c.StatusListen)
		}
	}
	return nil
}

// IsLoopbackHost says whether host is "localhost" or a loopback IP.
func IsLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
