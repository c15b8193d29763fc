package ldap

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// Accounts ties the directory to the collector's users: a directory login
// creates or refreshes the user's row, and Import syncs every user.
type Accounts struct {
	dir *Directory
	st  store.Store
	log *slog.Logger
	now func() time.Time
}

// NewAccounts returns the directory accounts of st.
func NewAccounts(dir *Directory, st store.Store, log *slog.Logger) (*Accounts, error) {
	if _, err := store.Directory(st); err != nil {
		return nil, err
	}
	return &Accounts{dir: dir, st: st, log: log.With("component", "ldap"), now: time.Now}, nil
}

// Authenticate logs a user in against the directory. ok is false when the
// directory refuses the password, when the user has no account here and
// ldap.create_on_login is off, when an administrator disabled the account,
// or when the login belongs to a local account. err is only for a
// directory or database that could not answer.
func (a *Accounts) Authenticate(ctx context.Context, login, password string) (u *store.User, ok bool, err error) {
	p, err := a.dir.Authenticate(ctx, login, password)
	if IsInvalidCredentials(err) {
		a.log.Info("LDAP login refused", "login", login, "reason", err.Error())
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	var du *store.DirectoryUser
	err = a.st.WithTx(ctx, func(q store.Queries) error {
		du, err = a.provision(ctx, q, p)
		return err
	})
	if err != nil || du == nil {
		return nil, false, err
	}
	return &du.User, true, nil
}

// provision creates or refreshes the row of a person the directory has
// just accepted; nil means the person may not log in here.
func (a *Accounts) provision(ctx context.Context, q store.Queries, p Person) (*store.DirectoryUser, error) {
	dq, err := store.Directory(q)
	if err != nil {
		return nil, err
	}
	now := a.now().UTC()
	u, err := dq.GetDirectoryUser(ctx, p.Login)
	switch {
	case errors.Is(err, store.ErrNotFound):
		if !a.dir.cfg.CreateOnLogin {
			a.log.Info("LDAP login refused: no account here", "login", p.Login,
				"hint", "run parc-collector ldap import, or set ldap.create_on_login")
			return nil, nil
		}
		nu := a.dir.newUser(p, now)
		if err := dq.CreateDirectoryUser(ctx, &nu); err != nil {
			return nil, err
		}
		a.log.Info("LDAP user created at first login", "login", nu.Login, "role", nu.Role)
		return &nu, nil
	case err != nil:
		return nil, err
	case u.Source != store.SourceLDAP:
		a.log.Warn("LDAP login refused: a local account has this login", "login", p.Login, "dn", p.DN)
		return nil, nil
	}
	if fields := a.dir.merge(u, p); len(fields) > 0 {
		a.log.Info("LDAP user updated at login", "login", u.Login, "fields", fields)
	}
	u.SyncedAt = now
	if err := dq.UpdateDirectoryUser(ctx, u); err != nil {
		return nil, err
	}
	if u.Disabled {
		a.log.Info("LDAP login refused: account disabled in Parc", "login", u.Login)
		return nil, nil
	}
	return u, nil
}

// Import syncs the directory's users into the database: it creates the
// new ones, updates the changed ones, and disables (never deletes) those
// the directory no longer lists, ending their sessions. A dry run only
// reports. An empty directory listing disables nobody: it is far more
// likely a wrong base DN or filter than an empty town hall.
func (a *Accounts) Import(ctx context.Context, dryRun bool) (ImportResult, error) {
	l, err := a.dir.Users(ctx)
	if err != nil {
		return ImportResult{}, err
	}
	dq, _ := store.Directory(a.st) // checked by NewAccounts
	ldapUsers, err := dq.ListDirectoryUsers(ctx, store.SourceLDAP)
	if err != nil {
		return ImportResult{}, err
	}
	localUsers, err := dq.ListDirectoryUsers(ctx, store.SourceLocal)
	if err != nil {
		return ImportResult{}, err
	}
	if len(l.People) == 0 && len(ldapUsers) > 0 {
		return ImportResult{}, fmt.Errorf("the directory listed no user under %s with %s; nothing changed (check ldap.base_dn and ldap.user_filter)",
			a.dir.cfg.BaseDN, a.dir.allUsersFilter())
	}
	local := make(map[string]bool, len(localUsers))
	for _, u := range localUsers {
		local[u.Login] = true
	}
	res := a.dir.plan(l, ldapUsers, local, a.now().UTC())
	res.DryRun = dryRun
	if dryRun || len(res.Changes) == 0 {
		return res, nil
	}
	err = a.st.WithTx(ctx, func(q store.Queries) error { return apply(ctx, q, res.Changes) })
	if err != nil {
		return ImportResult{}, fmt.Errorf("import LDAP users: %w", err)
	}
	a.log.Info("LDAP import", "created", res.Count(ActionCreate), "updated", res.Count(ActionUpdate),
		"disabled", res.Count(ActionDisable), "unchanged", res.Unchanged, "skipped", len(res.Skipped))
	return res, nil
}

// apply writes the changes of a plan in one transaction.
func apply(ctx context.Context, q store.Queries, changes []Change) error {
	dq, err := store.Directory(q)
	if err != nil {
		return err
	}
	wq, ok := q.(store.WebQueries)
	if !ok {
		return fmt.Errorf("store %T cannot end sessions", q)
	}
	for i := range changes {
		u := &changes[i].user
		switch changes[i].Action {
		case ActionCreate:
			err = dq.CreateDirectoryUser(ctx, u)
		case ActionUpdate:
			err = dq.UpdateDirectoryUser(ctx, u)
		case ActionDisable:
			if err = dq.UpdateDirectoryUser(ctx, u); err == nil {
				err = wq.DeleteUserSessions(ctx, u.ID)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}
