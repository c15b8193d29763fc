package ldap

import (
	"context"
	"fmt"

	"github.com/go-ldap/ldap/v3"
)

// pageSize is the paged-results page: below Active Directory's default
// MaxPageSize of 1000, so large directories list completely.
const pageSize = 500

// Listing is every user the directory lists, and the entries skipped.
type Listing struct {
	People  []Person
	Skipped []string // why an entry was left out, e.g. no login attribute
}

// Users lists every user the user filter matches (the login replaced by
// *), page by page, as the service account.
func (d *Directory) Users(ctx context.Context) (Listing, error) {
	return d.list(ctx, 0)
}

// Sample lists at most n users, to show that the settings find people.
func (d *Directory) Sample(ctx context.Context, n int) (Listing, error) {
	return d.list(ctx, n)
}

func (d *Directory) list(ctx context.Context, limit int) (Listing, error) {
	conn, done, err := d.dial(ctx)
	if err != nil {
		return Listing{}, err
	}
	defer done()
	if err := d.serviceBind(conn); err != nil {
		return Listing{}, err
	}
	req := ldap.NewSearchRequest(d.cfg.BaseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases,
		limit, 0, false, d.allUsersFilter(), d.attributes(), nil)
	var res *ldap.SearchResult
	if limit > 0 {
		res, err = conn.Search(req)
		if ldap.IsErrorWithCode(err, ldap.LDAPResultSizeLimitExceeded) && res != nil {
			err = nil // the first n entries are what was asked for
		}
	} else {
		res, err = conn.SearchWithPaging(req, pageSize)
	}
	if err != nil {
		if ctx.Err() != nil {
			return Listing{}, fmt.Errorf("list LDAP users: %w", ctx.Err())
		}
		return Listing{}, fmt.Errorf("list users under %s with %s: %s; check ldap.base_dn and ldap.user_filter",
			d.cfg.BaseDN, d.allUsersFilter(), describe(err))
	}
	var out Listing
	for _, e := range res.Entries {
		var groups []string
		if d.cfg.GroupFilter != "" {
			if groups, err = d.groups(conn, e.DN); err != nil {
				return Listing{}, err
			}
		}
		p, err := d.person(e, groups)
		if err != nil {
			out.Skipped = append(out.Skipped, err.Error())
			continue
		}
		out.People = append(out.People, p)
	}
	return out, nil
}
