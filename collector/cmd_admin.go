package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/version"
)

func runUser(args []string, s stdio) error {
	if len(args) == 0 || args[0] != "add" {
		fmt.Fprintln(s.err, "Usage: parc-collector user add --login L --role admin|technician|observer [--name N] [--email E] [--must-change] < password")
		return errUsage
	}
	f := newFlags(s, "user add", "user add --login L --role R [--name N] [--email E] [--must-change]  (password on stdin)")
	login := f.fs.String("login", "", "login of the new user (required)")
	role := f.fs.String("role", store.RoleTechnician, "role: admin, technician or observer")
	name := f.fs.String("name", "", "full name")
	email := f.fs.String("email", "", "e-mail address")
	mustChange := f.fs.Bool("must-change", false, "the user must set a new password at their first login")
	cfg, err := f.parse(args[1:])
	if err != nil {
		return err
	}
	if strings.TrimSpace(*login) == "" {
		return errors.New("--login is required")
	}
	if !store.ValidRole(*role) {
		return fmt.Errorf("--role %q must be admin, technician or observer", *role)
	}
	pw, err := bufio.NewReader(s.in).ReadString('\n')
	if err != nil && pw == "" {
		return errors.New("give the password on standard input, e.g. `echo 'long password' | parc-collector user add ...`")
	}
	hash, err := auth.HashPassword(strings.TrimRight(pw, "\r\n"))
	if err != nil {
		return err
	}
	return withStore(cfg, func(ctx context.Context, st store.Store) error {
		u := &store.User{Login: strings.TrimSpace(*login), Name: *name, Email: *email, Role: *role, PasswordHash: hash,
			MustChangePassword: *mustChange}
		if err := st.CreateUser(ctx, u); err != nil {
			if errors.Is(err, store.ErrConflict) {
				return fmt.Errorf("a user %q already exists", u.Login)
			}
			return err
		}
		fmt.Fprintf(s.out, "created user %s (%s)\n", u.Login, u.Role)
		if u.MustChangePassword {
			fmt.Fprintln(s.out, "they must choose a new password at their first login")
		}
		return nil
	})
}

func runToken(args []string, s stdio) error {
	if len(args) == 0 || args[0] != "create" {
		fmt.Fprintln(s.err, "Usage: parc-collector token create --login L [--name N]")
		return errUsage
	}
	f := newFlags(s, "token create", "token create --login L [--name N]")
	login := f.fs.String("login", "", "user the token acts as (required)")
	name := f.fs.String("name", "", "what the token is for, e.g. \"inventory export\"")
	cfg, err := f.parse(args[1:])
	if err != nil {
		return err
	}
	return withStore(cfg, func(ctx context.Context, st store.Store) error {
		u, err := st.GetUserByLogin(ctx, *login)
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("no user %q; create it with `parc-collector user add`", *login)
		}
		if err != nil {
			return err
		}
		tok, hash, err := auth.NewToken(auth.PrefixAPI)
		if err != nil {
			return err
		}
		if err := st.CreateAPIToken(ctx, &store.APIToken{UserID: u.ID, Name: *name, TokenHash: hash}); err != nil {
			return err
		}
		fmt.Fprintln(s.out, tok)
		return nil
	})
}

func runEnrollSecret(args []string, s stdio) error {
	f := newFlags(s, "enroll-secret", "enroll-secret [--rotate]")
	rotate := f.fs.Bool("rotate", false, "replace the secret (agents already enrolled keep working; new ones need the new secret)")
	cfg, err := f.parse(args)
	if err != nil {
		return err
	}
	return withStore(cfg, func(ctx context.Context, st store.Store) error {
		var secret string
		if *rotate {
			secret, _, err = auth.NewToken(auth.PrefixEnroll)
			if err == nil {
				err = st.SetSetting(ctx, store.SettingEnrollSecret, secret)
			}
		} else {
			secret, err = ensureSecret(ctx, st)
		}
		if err != nil {
			return err
		}
		fmt.Fprintln(s.out, secret)
		return nil
	})
}

func runMigrate(args []string, s stdio) error {
	f := newFlags(s, "migrate", "migrate")
	cfg, err := f.parse(args)
	if err != nil {
		return err
	}
	return withStore(cfg, func(ctx context.Context, st store.Store) error {
		v, err := st.SchemaVersion(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(s.out, "database schema at version %d (%s)\n", v, st.Dialect())
		return nil
	})
}

func runBackup(args []string, s stdio) error {
	f := newFlags(s, "backup", "backup FILE")
	cfg, err := f.parse(args)
	if err != nil {
		return err
	}
	if f.fs.NArg() != 1 {
		f.fs.Usage()
		return errUsage
	}
	if store.IsPostgres(cfg.DSN()) {
		return store.ErrBackupUnsupported
	}
	return withStore(cfg, func(ctx context.Context, st store.Store) error {
		if err := st.Backup(ctx, f.fs.Arg(0)); err != nil {
			return err
		}
		fmt.Fprintf(s.out, "backup written to %s\n", f.fs.Arg(0))
		return nil
	})
}

func runVersion(args []string, s stdio) error {
	fmt.Fprintf(s.out, "parc-collector %s (commit %s)\n", version.Version, version.Commit())
	return nil
}
