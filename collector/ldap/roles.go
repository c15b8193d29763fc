package ldap

import (
	"fmt"
	"sort"
	"strings"

	"github.com/go-ldap/ldap/v3"

	"github.com/parcproject/parc/collector/store"
)

// groupRole maps one group, named by DN or by CN, to a role.
type groupRole struct {
	dn   *ldap.DN // nil when the group is named by its CN
	cn   string
	role string
}

// parseGroupRoles checks the roles and parses the DNs of a group_roles map.
// A key with "=" is a DN; otherwise it is a CN.
func parseGroupRoles(m map[string]string) ([]groupRole, error) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]groupRole, 0, len(m))
	for _, k := range keys {
		role := strings.TrimSpace(m[k])
		if !store.ValidRole(role) {
			return nil, fmt.Errorf("group %q: role %q must be one of %s", k, role, strings.Join(store.Roles, ", "))
		}
		name := strings.TrimSpace(k)
		if name == "" {
			return nil, fmt.Errorf("empty group name for role %s", role)
		}
		g := groupRole{cn: name, role: role}
		if strings.Contains(name, "=") {
			dn, err := ldap.ParseDN(name)
			if err != nil || len(dn.RDNs) == 0 {
				return nil, fmt.Errorf("group %q is not a DN such as CN=Parc-Techs,OU=Groups,DC=mairie,DC=local", k)
			}
			g.dn, g.cn = dn, ""
		}
		out = append(out, g)
	}
	return out, nil
}

// ParseGroupRoles reads the one-line form of group_roles used in the
// PARC_LDAP_GROUP_ROLES variable: "GROUP=role;GROUP=role", where GROUP is
// a CN or a DN (which has its own "=" and ","), so each pair splits at its
// last "=".
func ParseGroupRoles(s string) (map[string]string, error) {
	out := map[string]string{}
	for _, pair := range strings.Split(s, ";") {
		if strings.TrimSpace(pair) == "" {
			continue
		}
		i := strings.LastIndex(pair, "=")
		if i <= 0 {
			return nil, fmt.Errorf("%q must be GROUP=role, e.g. Parc-Techs=technician", pair)
		}
		group, role := strings.TrimSpace(pair[:i]), strings.TrimSpace(pair[i+1:])
		if !store.ValidRole(role) {
			return nil, fmt.Errorf("%q: role %q must be one of %s", pair, role, strings.Join(store.Roles, ", "))
		}
		out[group] = role
	}
	if _, err := parseGroupRoles(out); err != nil {
		return nil, err
	}
	return out, nil
}

// roleFor returns the most powerful role of the groups (DNs) a user is a
// member of, or def when none is mapped.
func roleFor(rules []groupRole, groups []string, def string) string {
	best := def
	for _, g := range groups {
		dn, err := ldap.ParseDN(g)
		if err != nil || len(dn.RDNs) == 0 {
			continue
		}
		cn := firstValue(dn)
		for _, r := range rules {
			match := (r.dn != nil && r.dn.EqualFold(dn)) || (r.dn == nil && strings.EqualFold(r.cn, cn))
			if match && store.RoleRank(r.role) > store.RoleRank(best) {
				best = r.role
			}
		}
	}
	return best
}

// firstValue is the value of a DN's first RDN: "Parc-Techs" for
// "CN=Parc-Techs,OU=Groups,DC=mairie,DC=local".
func firstValue(dn *ldap.DN) string {
	if len(dn.RDNs[0].Attributes) == 0 {
		return ""
	}
	return dn.RDNs[0].Attributes[0].Value
}
