package ldap

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/go-ldap/ldap/v3"
)

// Authenticate checks a login and password against the directory: it
// searches the login's entry as the service account, then binds as that
// entry with password. It returns ErrInvalidCredentials (wrapped) for an
// empty password, an unknown login or a wrong password; any other error
// means the directory could not answer.
func (d *Directory) Authenticate(ctx context.Context, login, password string) (Person, error) {
	// An LDAP simple bind with a DN and no password is an "unauthenticated
	// bind" that many servers accept as anonymous: never send one.
	if password == "" {
		return Person{}, fmt.Errorf("empty password refused: %w", ErrInvalidCredentials)
	}
	login = strings.TrimSpace(login)
	if login == "" {
		return Person{}, fmt.Errorf("empty login: %w", ErrInvalidCredentials)
	}
	conn, done, err := d.dial(ctx)
	if err != nil {
		return Person{}, err
	}
	defer done()
	p, err := d.authenticate(conn, login, password)
	if err != nil && ctx.Err() != nil {
		return Person{}, fmt.Errorf("LDAP login of %s: %w", login, ctx.Err())
	}
	return p, err
}

func (d *Directory) authenticate(conn *ldap.Conn, login, password string) (Person, error) {
	if err := d.serviceBind(conn); err != nil {
		return Person{}, err
	}
	e, err := d.findUser(conn, login)
	if err != nil {
		return Person{}, err
	}
	if err := conn.Bind(e.DN, password); err != nil {
		if ldap.IsErrorWithCode(err, ldap.LDAPResultInvalidCredentials) {
			return Person{}, fmt.Errorf("bind as %s: %w", e.DN, ErrInvalidCredentials)
		}
		return Person{}, fmt.Errorf("LDAP bind as %s failed: %s", e.DN, describe(err))
	}
	var groups []string
	if d.cfg.GroupFilter != "" {
		// The user may not read groups: search them as the service account.
		if err := d.serviceBind(conn); err != nil {
			return Person{}, err
		}
		if groups, err = d.groups(conn, e.DN); err != nil {
			return Person{}, err
		}
	}
	return d.person(e, groups)
}

// findUser returns the one entry the user filter matches for login.
func (d *Directory) findUser(conn *ldap.Conn, login string) (*ldap.Entry, error) {
	req := ldap.NewSearchRequest(d.cfg.BaseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases,
		2, int(d.cfg.Timeout.Seconds()), false, d.userFilter(login), d.attributes(), nil)
	res, err := conn.Search(req)
	if ldap.IsErrorWithCode(err, ldap.LDAPResultSizeLimitExceeded) || (err == nil && len(res.Entries) > 1) {
		return nil, fmt.Errorf("ldap.user_filter matches several entries for %q; make it match one user: %w", login, ErrInvalidCredentials)
	}
	if ldap.IsErrorWithCode(err, ldap.LDAPResultNoSuchObject) {
		return nil, fmt.Errorf("search users: base %s does not exist; check ldap.base_dn", d.cfg.BaseDN)
	}
	if err != nil {
		return nil, fmt.Errorf("search user %q under %s: %s", login, d.cfg.BaseDN, describe(err))
	}
	if len(res.Entries) == 0 {
		return nil, fmt.Errorf("no directory user %q: %w", login, ErrInvalidCredentials)
	}
	return res.Entries[0], nil
}

// groups returns the DNs of the groups GroupFilter finds for a user DN.
func (d *Directory) groups(conn *ldap.Conn, userDN string) ([]string, error) {
	filter := strings.Replace(d.cfg.GroupFilter, "%s", ldap.EscapeFilter(userDN), 1)
	req := ldap.NewSearchRequest(d.cfg.GroupBaseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases,
		0, int(d.cfg.Timeout.Seconds()), false, filter, []string{"1.1"}, nil)
	res, err := conn.Search(req)
	if err != nil {
		return nil, fmt.Errorf("search groups of %s: %s; check ldap.group_filter and ldap.group_base_dn", userDN, describe(err))
	}
	out := make([]string, 0, len(res.Entries))
	for _, e := range res.Entries {
		out = append(out, e.DN)
	}
	return out, nil
}

// IsInvalidCredentials reports whether err is a refused login rather than
// a directory that could not answer.
func IsInvalidCredentials(err error) bool { return errors.Is(err, ErrInvalidCredentials) }
