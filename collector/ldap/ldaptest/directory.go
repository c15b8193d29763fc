package ldaptest

import (
	"github.com/go-ldap/ldap/v3"
)

// Person is a test user.
type Person struct {
	UID, Name, Email, Phone, Department string
}

// Seeded users: Alice is a technician (group Parc-Techs), Carol an
// administrator (Parc-Admins and Parc-Techs), Bob in no group.
var (
	Alice = Person{"alice", "Alice Martin", "alice.martin@mairie.local", "+33 1 23 45 67 01", "Informatique"}
	Bob   = Person{"bob", "Bob Durand", "bob.durand@mairie.local", "+33 1 23 45 67 02", "Etat civil"}
	Carol = Person{"carol", "Carol Petit", "carol.petit@mairie.local", "", "Direction"}
)

// Password is a test user's password.
func Password(uid string) string { return uid + "-password-123" }

// UserDN is a test user's DN.
func UserDN(uid string) string { return "uid=" + ldap.EscapeDN(uid) + "," + PeopleDN }

// GroupDN is a test group's DN.
func GroupDN(cn string) string { return "cn=" + ldap.EscapeDN(cn) + "," + GroupsDN }

// Seed loads the organisation, the service account, Alice, Bob, Carol and
// the groups Parc-Techs and Parc-Admins.
func (s *Server) Seed() {
	s.t.Helper()
	c := s.Admin()
	add := func(dn string, attrs map[string][]string) {
		req := ldap.NewAddRequest(dn, nil)
		for k, v := range attrs {
			req.Attribute(k, v)
		}
		if err := c.Add(req); err != nil {
			s.t.Fatalf("add %s: %v", dn, err)
		}
	}
	add(BaseDN, map[string][]string{"objectClass": {"dcObject", "organization"}, "o": {"Mairie"}, "dc": {"mairie"}})
	for _, ou := range []string{"people", "groups", "services"} {
		add("ou="+ou+","+BaseDN, map[string][]string{"objectClass": {"organizationalUnit"}, "ou": {ou}})
	}
	add(ServiceDN, map[string][]string{"objectClass": {"organizationalRole", "simpleSecurityObject"},
		"cn": {"parc"}, "userPassword": {ServicePW}})
	for _, p := range []Person{Alice, Bob, Carol} {
		s.AddUser(p)
	}
	s.AddGroup("Parc-Techs", Alice.UID, Carol.UID)
	s.AddGroup("Parc-Admins", Carol.UID)
}

// AddUser adds an inetOrgPerson under ou=people with Password(p.UID).
func (s *Server) AddUser(p Person) {
	s.t.Helper()
	req := ldap.NewAddRequest(UserDN(p.UID), nil)
	req.Attribute("objectClass", []string{"inetOrgPerson"})
	req.Attribute("uid", []string{p.UID})
	req.Attribute("cn", []string{p.Name})
	req.Attribute("sn", []string{p.Name})
	req.Attribute("userPassword", []string{Password(p.UID)})
	for attr, v := range map[string]string{"mail": p.Email, "telephoneNumber": p.Phone, "departmentNumber": p.Department} {
		if v != "" {
			req.Attribute(attr, []string{v})
		}
	}
	if err := s.Admin().Add(req); err != nil {
		s.t.Fatalf("add user %s: %v", p.UID, err)
	}
}

// AddGroup adds a groupOfNames under ou=groups (at least one member).
func (s *Server) AddGroup(cn string, uids ...string) {
	s.t.Helper()
	req := ldap.NewAddRequest(GroupDN(cn), nil)
	req.Attribute("objectClass", []string{"groupOfNames"})
	req.Attribute("cn", []string{cn})
	var members []string
	for _, uid := range uids {
		members = append(members, UserDN(uid))
	}
	req.Attribute("member", members)
	if err := s.Admin().Add(req); err != nil {
		s.t.Fatalf("add group %s: %v", cn, err)
	}
}

// SetAttr replaces one attribute of a user.
func (s *Server) SetAttr(uid, attr string, values ...string) {
	s.t.Helper()
	req := ldap.NewModifyRequest(UserDN(uid), nil)
	req.Replace(attr, values)
	if err := s.Admin().Modify(req); err != nil {
		s.t.Fatalf("modify %s of %s: %v", attr, uid, err)
	}
}

// AddMember adds a user to a group.
func (s *Server) AddMember(cn, uid string) {
	s.t.Helper()
	req := ldap.NewModifyRequest(GroupDN(cn), nil)
	req.Add("member", []string{UserDN(uid)})
	if err := s.Admin().Modify(req); err != nil {
		s.t.Fatalf("add %s to %s: %v", uid, cn, err)
	}
}

// DeleteUser removes a user's entry.
func (s *Server) DeleteUser(uid string) {
	s.t.Helper()
	if err := s.Admin().Del(ldap.NewDelRequest(UserDN(uid), nil)); err != nil {
		s.t.Fatalf("delete user %s: %v", uid, err)
	}
}
