package ldap

import (
	"fmt"
	"strings"

	"github.com/go-ldap/ldap/v3"
)

// Person is a user as the directory describes them.
type Person struct {
	DN         string
	Login      string
	Name       string
	Email      string
	Phone      string
	Department string
	Groups     []string // group DNs
	Role       string   // from Groups and Config.GroupRoles, else DefaultRole
}

// attributes are the attributes to request for a user entry.
func (d *Directory) attributes() []string {
	a := d.cfg.Attributes
	return []string{a.Login, a.Name, a.Email, a.Phone, a.Department, a.Groups}
}

// userFilter is the user filter for one login, escaped so that a login
// such as "*)(uid=*" matches nobody rather than everybody.
func (d *Directory) userFilter(login string) string {
	return strings.Replace(d.cfg.UserFilter, "%s", ldap.EscapeFilter(login), 1)
}

// allUsersFilter is the user filter with * for the login: every user.
func (d *Directory) allUsersFilter() string {
	return strings.Replace(d.cfg.UserFilter, "%s", "*", 1)
}

// person maps an entry; extraGroups come from the group search. An entry
// without a login attribute cannot log in and is refused.
func (d *Directory) person(e *ldap.Entry, extraGroups []string) (Person, error) {
	a := d.cfg.Attributes
	p := Person{
		DN:         e.DN,
		Login:      strings.TrimSpace(e.GetEqualFoldAttributeValue(a.Login)),
		Name:       strings.TrimSpace(e.GetEqualFoldAttributeValue(a.Name)),
		Email:      strings.TrimSpace(e.GetEqualFoldAttributeValue(a.Email)),
		Phone:      strings.TrimSpace(e.GetEqualFoldAttributeValue(a.Phone)),
		Department: strings.TrimSpace(e.GetEqualFoldAttributeValue(a.Department)),
	}
	if p.Login == "" {
		return p, fmt.Errorf("entry %s has no %s attribute; check ldap.attributes.login", e.DN, a.Login)
	}
	if p.Name == "" {
		p.Name = p.Login
	}
	p.Groups = append(e.GetEqualFoldAttributeValues(a.Groups), extraGroups...)
	p.Role = roleFor(d.roles, p.Groups, d.cfg.DefaultRole)
	return p, nil
}
