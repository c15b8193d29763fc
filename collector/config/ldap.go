package config

import (
	"fmt"
	"strconv"
	"time"

	"github.com/parcproject/parc/collector/ldap"
)

// LDAP configures login and user import from an LDAP directory or Active
// Directory (see package ldap for each key). Off by default.
type LDAP struct {
	ldap.Config `yaml:",inline"`
	Timeout     Duration `yaml:"timeout"` // connect and request timeout, e.g. "10s"
}

// Directory is the ldap package's configuration.
func (l LDAP) Directory() ldap.Config {
	c := l.Config
	c.Timeout = l.Timeout.Duration
	return c
}

func init() {
	for k, set := range ldapKeys {
		keys[k] = set
	}
}

// ldapKeys are the ldap.* keys; the bind password is best given as
// PARC_LDAP_BIND_PASSWORD rather than in the file.
var ldapKeys = map[string]func(c *Config, v string) error{
	"ldap.enabled":               boolKey(func(c *Config) *bool { return &c.LDAP.Enabled }),
	"ldap.url":                   stringKey(func(c *Config) *string { return &c.LDAP.URL }),
	"ldap.start_tls":             boolKey(func(c *Config) *bool { return &c.LDAP.StartTLS }),
	"ldap.ca_file":               stringKey(func(c *Config) *string { return &c.LDAP.CAFile }),
	"ldap.insecure_skip_verify":  boolKey(func(c *Config) *bool { return &c.LDAP.InsecureSkipVerify }),
	"ldap.bind_dn":               stringKey(func(c *Config) *string { return &c.LDAP.BindDN }),
	"ldap.bind_password":         stringKey(func(c *Config) *string { return &c.LDAP.BindPassword }),
	"ldap.base_dn":               stringKey(func(c *Config) *string { return &c.LDAP.BaseDN }),
	"ldap.user_filter":           stringKey(func(c *Config) *string { return &c.LDAP.UserFilter }),
	"ldap.group_filter":          stringKey(func(c *Config) *string { return &c.LDAP.GroupFilter }),
	"ldap.group_base_dn":         stringKey(func(c *Config) *string { return &c.LDAP.GroupBaseDN }),
	"ldap.default_role":          stringKey(func(c *Config) *string { return &c.LDAP.DefaultRole }),
	"ldap.create_on_login":       boolKey(func(c *Config) *bool { return &c.LDAP.CreateOnLogin }),
	"ldap.timeout":               durationKey(func(c *Config) *Duration { return &c.LDAP.Timeout }),
	"ldap.attributes.login":      stringKey(func(c *Config) *string { return &c.LDAP.Attributes.Login }),
	"ldap.attributes.name":       stringKey(func(c *Config) *string { return &c.LDAP.Attributes.Name }),
	"ldap.attributes.email":      stringKey(func(c *Config) *string { return &c.LDAP.Attributes.Email }),
	"ldap.attributes.phone":      stringKey(func(c *Config) *string { return &c.LDAP.Attributes.Phone }),
	"ldap.attributes.department": stringKey(func(c *Config) *string { return &c.LDAP.Attributes.Department }),
	"ldap.attributes.groups":     stringKey(func(c *Config) *string { return &c.LDAP.Attributes.Groups }),
	// "CN=Parc-Techs,OU=Groups,DC=mairie,DC=local=technician;Parc-Admins=admin"
	"ldap.group_roles": func(c *Config, v string) error {
		m, err := ldap.ParseGroupRoles(v)
		if err != nil {
			return err
		}
		c.LDAP.GroupRoles = m
		return nil
	},
}

func stringKey(field func(*Config) *string) func(*Config, string) error {
	return func(c *Config, v string) error { *field(c) = v; return nil }
}

func boolKey(field func(*Config) *bool) func(*Config, string) error {
	return func(c *Config, v string) error {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("%q must be true or false", v)
		}
		*field(c) = b
		return nil
	}
}

// validateLDAP checks the ldap.* keys of an enabled directory.
func (c *Config) validateLDAP() error {
	if !c.LDAP.Enabled {
		return nil
	}
	if err := c.LDAP.Directory().Validate(); err != nil {
		return err
	}
	if t := c.LDAP.Timeout.Duration; t != 0 && (t < time.Second || t > 5*time.Minute) {
		return fmt.Errorf("ldap.timeout: %v must be between 1s and 5m", t)
	}
	return nil
}
