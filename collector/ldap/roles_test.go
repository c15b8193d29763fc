package ldap

import (
	"maps"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

func TestParseGroupRoles(t *testing.T) {
	tests := []struct {
		in      string
		want    map[string]string
		wantErr string
	}{
		{"", map[string]string{}, ""},
		{"Parc-Techs=technician", map[string]string{"Parc-Techs": "technician"}, ""},
		{"CN=Parc-Techs,OU=Groups,DC=mairie,DC=local=technician; Parc-Admins = admin ;",
			map[string]string{"CN=Parc-Techs,OU=Groups,DC=mairie,DC=local": "technician", "Parc-Admins": "admin"}, ""},
		{"Parc-Techs", nil, "must be GROUP=role"},
		{"=admin", nil, "must be GROUP=role"},
		{"Parc-Techs=root", nil, `role "root"`},
		{"CN=,=admin", nil, "not a DN"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseGroupRoles(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got %v, %v; want an error containing %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || !maps.Equal(got, tt.want) {
				t.Fatalf("got %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}

func TestRoleFor(t *testing.T) {
	rules, err := parseGroupRoles(map[string]string{
		"Parc-Techs": store.RoleTechnician,
		"CN=Parc-Admins,OU=Groups,DC=mairie,DC=local": store.RoleAdmin,
		"Parc-Observers": store.RoleObserver,
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		groups []string
		want   string
	}{
		{"no group", nil, store.RoleSelfService},
		{"unmapped group", []string{"CN=Compta,OU=Groups,DC=mairie,DC=local"}, store.RoleSelfService},
		{"by CN, any case", []string{"cn=parc-techs,ou=Other,dc=mairie,dc=local"}, store.RoleTechnician},
		{"by DN, spacing and case differ", []string{"cn=parc-admins, ou=groups, dc=MAIRIE, dc=local"}, store.RoleAdmin},
		{"DN rule needs the whole DN", []string{"CN=Parc-Admins,OU=Elsewhere,DC=mairie,DC=local"}, store.RoleSelfService},
		{"most powerful wins", []string{"CN=Parc-Observers,DC=x", "CN=Parc-Admins,OU=Groups,DC=mairie,DC=local", "CN=Parc-Techs,DC=x"}, store.RoleAdmin},
		{"garbage group ignored", []string{"not a dn", "", "CN=Parc-Techs,DC=x"}, store.RoleTechnician},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := roleFor(rules, tt.groups, store.RoleSelfService); got != tt.want {
				t.Errorf("got %q; want %q", got, tt.want)
			}
		})
	}
}

// FuzzParseGroupRoles checks that any PARC_LDAP_GROUP_ROLES value parses
// or errs without panicking, that every role it accepts is valid, and
// that a member of an accepted group gets a valid role.
func FuzzParseGroupRoles(f *testing.F) {
	f.Add("Parc-Techs=technician")
	f.Add("CN=Parc-Techs,OU=Groups,DC=mairie,DC=local=technician;Parc-Admins=admin")
	f.Add("cn=a\\,b,dc=x=observer")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseGroupRoles(s)
		if err != nil {
			return
		}
		rules, err := parseGroupRoles(m)
		if err != nil {
			t.Fatalf("ParseGroupRoles accepted %q but the rules fail: %v", s, err)
		}
		for g := range m {
			if r := roleFor(rules, []string{g, "cn=" + g}, store.RoleSelfService); !store.ValidRole(r) {
				t.Fatalf("got role %q for %q; want a valid role", r, g)
			}
		}
	})
}
