package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLDAPFromFileAndEnv(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parc.yaml")
	yaml := `ldap:
  enabled: true
  url: ldap://dc1.mairie.local
  start_tls: true
  bind_dn: cn=parc,ou=services,dc=mairie,dc=local
  base_dn: ou=people,dc=mairie,dc=local
  user_filter: (&(objectCategory=person)(sAMAccountName=%s))
  timeout: 5s
  attributes:
    email: userPrincipalName
  group_roles:
    CN=Parc-Techs,OU=Groups,DC=mairie,DC=local: technician
`
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	c := Default()
	if err := c.LoadFile(path); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{
		"PARC_LDAP_BIND_PASSWORD": "from-the-environment",
		"PARC_LDAP_GROUP_ROLES":   "Parc-Admins=admin;CN=Parc-Techs,OU=Groups,DC=mairie,DC=local=supervisor",
	}
	if err := c.ApplyEnv(func(k string) (string, bool) { v, ok := env[k]; return v, ok }); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	d := c.LDAP.Directory()
	if d.BindPassword != "from-the-environment" || d.Timeout != 5*time.Second || d.Attributes.Email != "userPrincipalName" ||
		d.GroupRoles["Parc-Admins"] != "admin" || d.GroupRoles["CN=Parc-Techs,OU=Groups,DC=mairie,DC=local"] != "supervisor" {
		t.Errorf("got %+v; want the file's settings with the environment's password and roles", d)
	}
}

func TestLDAPValidate(t *testing.T) {
	tests := []struct {
		key, value, wantErr string
	}{
		{"ldap.enabled", "maybe", "true or false"},
		{"ldap.group_roles", "Techs=root", "root"},
		{"ldap.timeout", "ten", "duration"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			c := Default()
			if err := c.Set(tt.key, tt.value); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("got %v; want an error containing %q", err, tt.wantErr)
			}
		})
	}
	c := Default()
	for k, v := range map[string]string{"ldap.enabled": "true", "ldap.url": "ldap://dc1", "ldap.base_dn": "dc=x", "ldap.user_filter": "(uid=%s)", "ldap.timeout": "1ms"} {
		if err := c.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "ldap.timeout") {
		t.Errorf("got %v; want ldap.timeout refused", err)
	}
	c.LDAP.Timeout.Duration = 0
	c.LDAP.URL = "dc1"
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "ldap.url") {
		t.Errorf("got %v; want ldap.url refused", err)
	}
}
