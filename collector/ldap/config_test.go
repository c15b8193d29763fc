package ldap

import (
	"log/slog"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

func validConfig() Config {
	return Config{Enabled: true, URL: "ldap://dc1.mairie.local", StartTLS: true, BaseDN: "dc=mairie,dc=local",
		UserFilter: "(&(objectClass=person)(uid=%s))", BindDN: "cn=parc,dc=mairie,dc=local", BindPassword: "s3cret-service"}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(c *Config)
		wantErr string
	}{
		{"valid", func(c *Config) {}, ""},
		{"disabled is never checked", func(c *Config) { c.Enabled, c.URL = false, "" }, ""},
		{"http URL", func(c *Config) { c.URL = "http://dc1" }, "ldap.url"},
		{"ldaps and StartTLS", func(c *Config) { c.URL = "ldaps://dc1" }, "ldap.start_tls"},
		{"no base", func(c *Config) { c.BaseDN = "" }, "ldap.base_dn"},
		{"filter without %s", func(c *Config) { c.UserFilter = "(uid=alice)" }, "ldap.user_filter"},
		{"filter with two %s", func(c *Config) { c.UserFilter = "(|(uid=%s)(mail=%s))" }, "ldap.user_filter"},
		{"group filter without %s", func(c *Config) { c.GroupFilter = "(objectClass=group)" }, "ldap.group_filter"},
		{"bind DN without password", func(c *Config) { c.BindPassword = "" }, "ldap.bind_password"},
		{"unknown default role", func(c *Config) { c.DefaultRole = "boss" }, "ldap.default_role"},
		{"unknown mapped role", func(c *Config) { c.GroupRoles = map[string]string{"Techs": "boss"} }, "ldap.group_roles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validConfig()
			tt.edit(&c)
			err := c.Validate()
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("got %v; want %q", err, tt.wantErr)
			}
		})
	}
}

func TestDefaults(t *testing.T) {
	c := validConfig().withDefaults()
	if c.Attributes.Login != "uid" || c.Attributes.Groups != "memberOf" || c.DefaultRole != store.RoleSelfService || c.GroupBaseDN != c.BaseDN {
		t.Errorf("got %+v; want OpenLDAP defaults", c)
	}
	ad := validConfig()
	ad.UserFilter = "(&(objectCategory=person)(sAMAccountName=%s))"
	ad.Attributes.Email = "userPrincipalName"
	c = ad.withDefaults()
	if c.Attributes.Login != "sAMAccountName" || c.Attributes.Name != "displayName" || c.Attributes.Email != "userPrincipalName" {
		t.Errorf("got %+v; want Active Directory defaults, mail as configured", c.Attributes)
	}
}

func TestLogValueHidesPassword(t *testing.T) {
	var sb strings.Builder
	slog.New(slog.NewTextHandler(&sb, nil)).Info("ldap", "config", validConfig())
	if strings.Contains(sb.String(), "s3cret-service") || !strings.Contains(sb.String(), "dc1.mairie.local") {
		t.Errorf("got log %q; want the URL and no password", sb.String())
	}
}
