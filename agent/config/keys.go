package config

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Key describes one configuration key: its name in agent.yaml, its
// environment variable, its flag, its default and its help.
type Key struct {
	Name    string // in agent.yaml, e.g. "contact_interval"
	Default string // as written in the file, e.g. "1h"
	Want    string // what a good value looks like, for errors, e.g. `a duration such as "1h"`
	Help    string // one sentence for --help
	Secret  bool   // never printed back (enroll_secret)
	IsBool  bool   // a flag without a value means true
	set     func(c *Config, v string) error
	get     func(c *Config) string
}

// Env is the environment variable that overrides the key, e.g. PARC_CONTACT_INTERVAL.
func (k Key) Env() string { return "PARC_" + strings.ToUpper(k.Name) }

// Flag is the command-line flag that overrides the key, e.g. contact-interval.
func (k Key) Flag() string { return strings.ReplaceAll(k.Name, "_", "-") }

// Value returns the key's value in c as it would be written in the file.
func (k Key) Value(c *Config) string { return k.get(c) }

// Set parses v into c, or returns an error naming the key and what it wants.
func (k Key) Set(c *Config, v string) error {
	if err := k.set(c, v); err != nil {
		return fmt.Errorf("%s: want %s, got %q", k.Name, k.Want, v)
	}
	return nil
}

// Lookup finds a key by its file name ("contact_interval") or flag name
// ("contact-interval").
func Lookup(name string) (Key, bool) {
	name = strings.ReplaceAll(name, "-", "_")
	i := slices.IndexFunc(Keys, func(k Key) bool { return k.Name == name })
	if i < 0 {
		return Key{}, false
	}
	return Keys[i], true
}

// Names lists every key name, for "unknown key" errors.
func Names() []string {
	out := make([]string, len(Keys))
	for i, k := range Keys {
		out[i] = k.Name
	}
	return out
}

func strKey(name, def, help string, p func(*Config) *string) Key {
	return Key{Name: name, Default: def, Want: "a string", Help: help,
		set: func(c *Config, v string) error { *p(c) = strings.TrimSpace(v); return nil },
		get: func(c *Config) string { return *p(c) }}
}

func durKey(name, def, help string, p func(*Config) *time.Duration) Key {
	return Key{Name: name, Default: def, Want: `a duration such as "1h", "30m" or "7d"`, Help: help,
		set: func(c *Config, v string) error {
			d, err := parseDuration(v)
			*p(c) = d
			return err
		},
		get: func(c *Config) string { return formatDuration(*p(c)) }}
}

func posDurKey(name, def, help string, p func(*Config) *time.Duration) Key {
	k := durKey(name, def, help, p)
	k.Want = `a positive duration such as "1h", "30m" or "7d"`
	set := k.set
	k.set = func(c *Config, v string) error {
		if err := set(c, v); err != nil {
			return err
		}
		if *p(c) <= 0 {
			return fmt.Errorf("must be positive")
		}
		return nil
	}
	return k
}

func intKey(name, def, help string, p func(*Config) *int) Key {
	return Key{Name: name, Default: def, Want: "a whole number of at least 1", Help: help,
		set: func(c *Config, v string) error {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err == nil && n < 1 {
				err = fmt.Errorf("too small")
			}
			*p(c) = n
			return err
		},
		get: func(c *Config) string { return strconv.Itoa(*p(c)) }}
}

func boolKey(name, def, help string, p func(*Config) *bool) Key {
	return Key{Name: name, Default: def, Want: "true or false", Help: help, IsBool: true,
		set: func(c *Config, v string) error {
			b, err := parseBool(v)
			*p(c) = b
			return err
		},
		get: func(c *Config) string { return strconv.FormatBool(*p(c)) }}
}

func enumKey(name, def, help string, allowed []string, p func(*Config) *string) Key {
	return Key{Name: name, Default: def, Want: "one of " + strings.Join(allowed, ", "), Help: help,
		set: func(c *Config, v string) error {
			v = strings.ToLower(strings.TrimSpace(v))
			if !slices.Contains(allowed, v) {
				return fmt.Errorf("not allowed")
			}
			*p(c) = v
			return nil
		},
		get: func(c *Config) string { return *p(c) }}
}
