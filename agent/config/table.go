package config

import (
	"fmt"
	"strconv"
	"time"
)

// Keys is every configuration key, in the order --help lists them.
var Keys = []Key{
	want(strKey("server", "", "URL of the collector; empty means inventory only, no network.",
		func(c *Config) *string { return &c.Server }), `a URL such as "https://parc.example.org"`),
	func() Key {
		k := strKey("enroll_secret", "", "site enrolment secret (from `parc-collector enroll-secret`); used once, to obtain this agent's own token.",
			func(c *Config) *string { return &c.EnrollSecret })
		k.Secret = true
		return k
	}(),
	strKey("tag", "", "free label sent with every report, e.g. mairie-annexe.",
		func(c *Config) *string { return &c.Tag }),
	want(strKey("state_dir", DefaultStateDir(), "directory for the agent's identity, token, checksums and spool (created 0700).",
		func(c *Config) *string { return &c.StateDir }), "a directory path"),
	posDurKey("full_inventory_interval", "24h", "how often an inventory is made and sent (partial when only some sections changed).",
		func(c *Config) *timeDur { return &c.FullInventoryInterval }),
	posDurKey("contact_interval", "1h", "how often the agent asks the collector whether it wants an inventory.",
		func(c *Config) *timeDur { return &c.ContactInterval }),
	posDurKey("full_max_age", "7d", "longest time between two full (not partial) inventories.",
		func(c *Config) *timeDur { return &c.FullMaxAge }),
	{Name: "jitter", Default: "10%", Want: `a percentage or a duration such as "10%" or "5m"`,
		Help: "random delay added to every wait, as a share of the interval or a duration, so a park rebooting at once does not hit the collector at once.",
		set: func(c *Config, v string) error {
			j, err := parseJitter(v)
			c.Jitter = j
			return err
		},
		get: func(c *Config) string { return c.Jitter.String() }},
	intKey("spool_max_reports", "50", "most unsent reports kept on disk; the oldest is dropped beyond it.",
		func(c *Config) *int { return &c.SpoolMaxReports }),
	{Name: "spool_max_bytes", Default: "64MiB", Want: `a size such as "64MiB" or "500MB"`,
		Help: "most disk space used by unsent reports (compressed); the oldest is dropped beyond it.",
		set: func(c *Config, v string) error {
			n, err := parseBytes(v)
			if err == nil && n < 1024 {
				err = fmt.Errorf("too small")
			}
			c.SpoolMaxBytes = n
			return err
		},
		get: func(c *Config) string { return strconv.FormatInt(c.SpoolMaxBytes, 10) }},
	intKey("rejected_max", "10", "most reports refused by the collector kept in spool/rejected for inspection.",
		func(c *Config) *int { return &c.RejectedMax }),
	posDurKey("retry_min", "30s", "first wait before resending after a network or server error; doubles on each failure.",
		func(c *Config) *timeDur { return &c.RetryMin }),
	posDurKey("retry_max", "1h", "longest wait between two resends.",
		func(c *Config) *timeDur { return &c.RetryMax }),
	want(strKey("status_listen", "127.0.0.1:62354", `address of the local status page; "" disables it.`,
		func(c *Config) *string { return &c.StatusListen }), `host:port such as "127.0.0.1:62354", or ""`),
	boolKey("status_allow_remote", "false", "let status_listen be a non-loopback address (the page can start an inventory).",
		func(c *Config) *bool { return &c.StatusAllowRemote }),
	want(strKey("tls_ca_file", "", "PEM file of CA certificates trusted for the collector, besides the system ones.",
		func(c *Config) *string { return &c.TLSCAFile }), "a PEM file path"),
	boolKey("tls_insecure_skip_verify", "false", "do not check the collector's certificate (for tests only: anyone on the path can read the reports).",
		func(c *Config) *bool { return &c.TLSInsecureSkipVerify }),
	want(strKey("proxy", "", "HTTP proxy URL for the collector, e.g. http://proxy:3128; empty uses HTTPS_PROXY/HTTP_PROXY/NO_PROXY.",
		func(c *Config) *string { return &c.Proxy }), `a URL such as "http://proxy:3128"`),
	posDurKey("request_timeout", "60s", "longest time for one exchange with the collector.",
		func(c *Config) *timeDur { return &c.RequestTimeout }),
	posDurKey("collect_timeout", "5m", "longest time for collecting one inventory.",
		func(c *Config) *timeDur { return &c.CollectTimeout }),
	boolKey("network_tasks", "true", "run the SNMP discovery and inventory tasks the collector gives this agent for its site (printers, switches); false refuses them.",
		func(c *Config) *bool { return &c.NetworkTasks }),
	enumKey("log_level", "info", "least severe log lines written.", []string{"debug", "info", "warn", "error"},
		func(c *Config) *string { return &c.LogLevel }),
	enumKey("log_format", "text", "log line format on stderr.", []string{"text", "json"},
		func(c *Config) *string { return &c.LogFormat }),
}

// timeDur keeps the table's lines short.
type timeDur = time.Duration

// want replaces a key's description of a good value.
func want(k Key, w string) Key {
	k.Want = w
	return k
}
