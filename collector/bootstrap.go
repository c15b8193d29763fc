package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/store"
)

// bootstrap creates, on the first start, the admin account (its random
// password printed once) and the site enrolment secret. Collectors that
// start together on one PostgreSQL race safely: the unique login and
// INSERT ... ON CONFLICT keep the first.
func bootstrap(ctx context.Context, st store.Store, s stdio) error {
	n, err := st.CountUsers(ctx)
	if err != nil {
		return err
	}
	if n == 0 {
		pw, err := auth.RandomPassword()
		if err != nil {
			return err
		}
		hash, err := auth.HashPassword(pw)
		if err != nil {
			return err
		}
		err = st.CreateUser(ctx, &store.User{Login: "admin", Name: "Administrator", Role: store.RoleAdmin, PasswordHash: hash})
		switch {
		case errors.Is(err, store.ErrConflict): // another collector did it
		case err != nil:
			return err
		default:
			fmt.Fprintf(s.out, "First start: created the administrator account.\n  login:    admin\n  password: %s\n", pw)
			fmt.Fprintln(s.out, "  This password is shown only once. Change it in the web UI, or add your own account with")
			fmt.Fprintln(s.out, "  `parc-collector user add --login LOGIN --role admin` (password on stdin).")
		}
	}
	if _, err := st.GetSetting(ctx, store.SettingEnrollSecret); errors.Is(err, store.ErrNotFound) {
		if _, err := ensureSecret(ctx, st); err != nil {
			return err
		}
		fmt.Fprintln(s.out, "Created the site enrolment secret; print it for agents with `parc-collector enroll-secret`.")
	} else if err != nil {
		return err
	}
	return nil
}

// ensureSecret returns the enrolment secret, creating it if needed.
func ensureSecret(ctx context.Context, st store.Store) (string, error) {
	tok, _, err := auth.NewToken(auth.PrefixEnroll)
	if err != nil {
		return "", err
	}
	return st.SetSettingIfAbsent(ctx, store.SettingEnrollSecret, tok)
}
