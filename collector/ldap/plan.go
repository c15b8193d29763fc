package ldap

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// Actions of an import.
const (
	ActionCreate  = "create"
	ActionUpdate  = "update"
	ActionDisable = "disable"
)

// Change is one user an import creates, updates or disables.
type Change struct {
	Action string
	Login  string
	Fields []string // the fields an update changes, e.g. ["email", "role"]
	user   store.DirectoryUser
}

// String is the change as the import command prints it.
func (c Change) String() string {
	s := c.Action + " " + c.Login
	switch c.Action {
	case ActionCreate:
		s += fmt.Sprintf(" (%s, %s)", c.user.Name, c.user.Role)
	case ActionUpdate:
		s += " (" + strings.Join(c.Fields, ", ") + ")"
	}
	return s
}

// ImportResult is what an import did, or would do in a dry run.
type ImportResult struct {
	DryRun    bool
	Changes   []Change
	Unchanged int
	Skipped   []string // entries and logins left alone, with the reason
}

// Count is the number of changes of one action.
func (r ImportResult) Count(action string) int {
	n := 0
	for _, c := range r.Changes {
		if c.Action == action {
			n++
		}
	}
	return n
}

// plan compares the directory's people with the users of the database:
// ldapUsers have source ldap; local are the logins of local accounts,
// which an import never takes over.
func (d *Directory) plan(l Listing, ldapUsers []store.DirectoryUser, local map[string]bool, now time.Time) ImportResult {
	res := ImportResult{Skipped: append([]string(nil), l.Skipped...)}
	existing := make(map[string]store.DirectoryUser, len(ldapUsers))
	for _, u := range ldapUsers {
		existing[u.Login] = u
	}
	people := append([]Person(nil), l.People...)
	sort.SliceStable(people, func(i, j int) bool { return people[i].Login < people[j].Login })
	seen := map[string]string{} // login -> DN
	for _, p := range people {
		if dn, dup := seen[p.Login]; dup {
			res.Skipped = append(res.Skipped, fmt.Sprintf("%s: login %q already taken by %s", p.DN, p.Login, dn))
			continue
		}
		seen[p.Login] = p.DN
		if local[p.Login] {
			res.Skipped = append(res.Skipped, fmt.Sprintf("%s: a local account %q exists; it keeps its own password", p.DN, p.Login))
			continue
		}
		u, ok := existing[p.Login]
		if !ok {
			res.Changes = append(res.Changes, Change{Action: ActionCreate, Login: p.Login, user: d.newUser(p, now)})
			continue
		}
		if fields := d.merge(&u, p); len(fields) > 0 {
			u.SyncedAt = now
			res.Changes = append(res.Changes, Change{Action: ActionUpdate, Login: p.Login, Fields: fields, user: u})
		} else {
			res.Unchanged++
		}
	}
	for _, u := range ldapUsers {
		if _, ok := seen[u.Login]; ok || u.Disabled {
			continue
		}
		u.Disabled, u.Gone, u.SyncedAt = true, true, now
		res.Changes = append(res.Changes, Change{Action: ActionDisable, Login: u.Login, user: u})
	}
	return res
}

// newUser is the account of a person seen for the first time.
func (d *Directory) newUser(p Person, now time.Time) store.DirectoryUser {
	return store.DirectoryUser{
		User:   store.User{Login: p.Login, Name: p.Name, Email: p.Email, Role: p.Role, PasswordHash: store.NoPassword, CreatedAt: now},
		Source: store.SourceLDAP, DN: p.DN, Phone: p.Phone, Department: p.Department, SyncedAt: now,
	}
}

// merge copies p into u and names the fields that changed. The role comes
// from the directory only when group_roles is set: otherwise an
// administrator sets it in Parc. A user an import disabled because they
// had left comes back enabled; a user an administrator disabled stays so.
func (d *Directory) merge(u *store.DirectoryUser, p Person) []string {
	var fields []string
	set := func(name string, dst *string, v string) {
		if *dst != v {
			*dst = v
			fields = append(fields, name)
		}
	}
	set("name", &u.Name, p.Name)
	set("email", &u.Email, p.Email)
	set("phone", &u.Phone, p.Phone)
	set("department", &u.Department, p.Department)
	set("dn", &u.DN, p.DN)
	if len(d.roles) > 0 {
		set("role", &u.Role, p.Role)
	}
	if u.Gone {
		u.Gone, u.Disabled = false, false
		fields = append(fields, "enabled")
	}
	return fields
}
