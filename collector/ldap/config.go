// Package ldap logs users in against an LDAP directory or Active Directory
// and imports them: the collector searches the user's entry as a service
// account, then binds as that entry with the typed password, and copies
// name, e-mail, phone, department and a role (from group membership) into
// its own users table. Users gone from the directory are disabled, never
// deleted, so their tickets and history keep their author.
package ldap

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// Config is how to reach and read the directory.
type Config struct {
	Enabled bool `yaml:"enabled"`
	// URL is ldap://host:389 or ldaps://host:636, e.g. "ldaps://dc1.mairie.local".
	URL string `yaml:"url"`
	// StartTLS upgrades an ldap:// connection to TLS before binding.
	StartTLS bool `yaml:"start_tls"`
	// CAFile is a PEM file of the CAs that sign the server's certificate;
	// empty trusts the system's CAs.
	CAFile string `yaml:"ca_file"`
	// InsecureSkipVerify accepts any server certificate: for tests only,
	// it lets anyone on the path read every password.
	InsecureSkipVerify bool `yaml:"insecure_skip_verify"`
	// BindDN and BindPassword are the service account that searches the
	// directory, e.g. "cn=parc,ou=services,dc=mairie,dc=local". The
	// password is better given as PARC_LDAP_BIND_PASSWORD; it is never logged.
	BindDN       string `yaml:"bind_dn"`
	BindPassword string `yaml:"bind_password"`
	// BaseDN is where users are searched, e.g. "ou=people,dc=mairie,dc=local".
	BaseDN string `yaml:"base_dn"`
	// UserFilter finds one user; %s is the escaped login. OpenLDAP:
	// "(&(objectClass=person)(uid=%s))"; Active Directory:
	// "(&(objectCategory=person)(objectClass=user)(sAMAccountName=%s))".
	// Import lists the users by putting * in place of %s.
	UserFilter string `yaml:"user_filter"`
	// GroupFilter, for directories without memberOf, finds a user's groups
	// under GroupBaseDN (default BaseDN); %s is the escaped user DN, e.g.
	// "(&(objectClass=groupOfNames)(member=%s))".
	GroupFilter string `yaml:"group_filter"`
	GroupBaseDN string `yaml:"group_base_dn"`
	// Attributes name the attributes copied into Parc.
	Attributes Attributes `yaml:"attributes"`
	// GroupRoles gives a Parc role to the members of a group, named by its
	// DN or its CN, e.g. {"CN=Parc-Techs,OU=Groups,DC=mairie,DC=local":
	// technician}. A member of several groups gets the most powerful role.
	// When set, the directory decides roles at each login and import.
	GroupRoles map[string]string `yaml:"group_roles"`
	// DefaultRole is the role of a user in no mapped group (self-service).
	DefaultRole string `yaml:"default_role"`
	// CreateOnLogin creates the account of a directory user at their
	// first login; without it, only imported users may log in.
	CreateOnLogin bool `yaml:"create_on_login"`
	// Timeout bounds connecting and each request (default 10s).
	Timeout time.Duration `yaml:"-"`
}

// Attributes are the directory attributes read for each user.
type Attributes struct {
	Login      string `yaml:"login"`      // uid; AD: sAMAccountName
	Name       string `yaml:"name"`       // cn; AD: displayName
	Email      string `yaml:"email"`      // mail
	Phone      string `yaml:"phone"`      // telephoneNumber
	Department string `yaml:"department"` // departmentNumber; AD: department
	Groups     string `yaml:"groups"`     // memberOf
}

// isAD guesses Active Directory from the filter, for attribute defaults.
func (c *Config) isAD() bool {
	return strings.Contains(strings.ToLower(c.UserFilter), "samaccountname")
}

// withDefaults fills the empty fields: OpenLDAP attribute names, or
// Active Directory's when the filter uses sAMAccountName.
func (c Config) withDefaults() Config {
	a := &c.Attributes
	def := Attributes{Login: "uid", Name: "cn", Email: "mail", Phone: "telephoneNumber", Department: "departmentNumber", Groups: "memberOf"}
	if c.isAD() {
		def.Login, def.Name, def.Department = "sAMAccountName", "displayName", "department"
	}
	for _, f := range []struct {
		v *string
		d string
	}{
		{&a.Login, def.Login}, {&a.Name, def.Name}, {&a.Email, def.Email},
		{&a.Phone, def.Phone}, {&a.Department, def.Department}, {&a.Groups, def.Groups},
	} {
		if *f.v == "" {
			*f.v = f.d
		}
	}
	if c.DefaultRole == "" {
		c.DefaultRole = store.RoleSelfService
	}
	if c.GroupBaseDN == "" {
		c.GroupBaseDN = c.BaseDN
	}
	if c.Timeout <= 0 {
		c.Timeout = 10 * time.Second
	}
	return c
}

// Validate checks the configuration of an enabled directory and names the
// wrong key.
func (c Config) Validate() error {
	if !c.Enabled {
		return nil
	}
	u, err := url.Parse(c.URL)
	if err != nil || (u.Scheme != "ldap" && u.Scheme != "ldaps") || u.Host == "" {
		return fmt.Errorf("ldap.url: %q must look like ldap://dc1.mairie.local:389 or ldaps://dc1.mairie.local", c.URL)
	}
	if c.StartTLS && u.Scheme == "ldaps" {
		return errors.New("ldap.start_tls: an ldaps:// URL is already encrypted; use ldap:// with start_tls, or ldaps:// without")
	}
	if c.BaseDN == "" {
		return errors.New("ldap.base_dn: required, e.g. ou=people,dc=mairie,dc=local")
	}
	if strings.Count(c.UserFilter, "%s") != 1 || !strings.HasPrefix(c.UserFilter, "(") {
		return fmt.Errorf("ldap.user_filter: %q must be a filter with one %%s for the login, e.g. (&(objectClass=person)(uid=%%s))", c.UserFilter)
	}
	if c.GroupFilter != "" && strings.Count(c.GroupFilter, "%s") != 1 {
		return fmt.Errorf("ldap.group_filter: %q must have one %%s for the user DN, e.g. (&(objectClass=groupOfNames)(member=%%s))", c.GroupFilter)
	}
	if (c.BindDN == "") != (c.BindPassword == "") {
		return errors.New("ldap.bind_password: bind_dn and bind_password go together (the password is best set in PARC_LDAP_BIND_PASSWORD)")
	}
	if c.DefaultRole != "" && !store.ValidRole(c.DefaultRole) {
		return fmt.Errorf("ldap.default_role: %q must be one of %s", c.DefaultRole, strings.Join(store.Roles, ", "))
	}
	if _, err := parseGroupRoles(c.GroupRoles); err != nil {
		return fmt.Errorf("ldap.group_roles: %w", err)
	}
	return nil
}

// LogValue shows the configuration without the bind password.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(slog.String("url", c.URL), slog.Bool("start_tls", c.StartTLS),
		slog.String("bind_dn", c.BindDN), slog.String("base_dn", c.BaseDN), slog.String("user_filter", c.UserFilter))
}
