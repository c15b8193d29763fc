package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

func TestDirectoryUsers(t *testing.T) {
	ctx := context.Background()
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			st := storetest.Open(t, d)
			dq, err := store.Directory(st)
			if err != nil {
				t.Fatal(err)
			}
			local := &store.User{Login: "admin", Role: store.RoleAdmin, PasswordHash: "x"}
			if err := st.CreateUser(ctx, local); err != nil {
				t.Fatal(err)
			}
			got, err := dq.GetDirectoryUser(ctx, "admin")
			if err != nil || got.Source != store.SourceLocal || got.ID != local.ID {
				t.Fatalf("got %+v, %v; want the local admin with source local", got, err)
			}
			synced := time.UnixMilli(1700000000000).UTC()
			u := &store.DirectoryUser{
				User:   store.User{Login: "alice", Name: "Alice", Email: "a@x", Role: store.RoleSelfService, PasswordHash: store.NoPassword},
				Source: store.SourceLDAP, DN: "uid=alice,dc=x", Phone: "01", Department: "Etat civil", SyncedAt: synced,
			}
			if err := dq.CreateDirectoryUser(ctx, u); err != nil {
				t.Fatal(err)
			}
			if err := dq.CreateDirectoryUser(ctx, u); !errors.Is(err, store.ErrConflict) {
				t.Errorf("second create: got %v; want ErrConflict", err)
			}
			u.Name, u.Role, u.Disabled, u.Gone, u.Department = "Alice B", store.RoleTechnician, true, true, "DSI"
			if err := dq.UpdateDirectoryUser(ctx, u); err != nil {
				t.Fatal(err)
			}
			list, err := dq.ListDirectoryUsers(ctx, store.SourceLDAP)
			if err != nil || len(list) != 1 {
				t.Fatalf("got %d ldap users, %v; want 1", len(list), err)
			}
			g := list[0]
			if g.Name != "Alice B" || g.Role != store.RoleTechnician || !g.Disabled || !g.Gone || g.Department != "DSI" ||
				g.DN != "uid=alice,dc=x" || !g.SyncedAt.Equal(synced) || g.PasswordHash != store.NoPassword {
				t.Errorf("got %+v; want the updated alice", g)
			}
			missing := &store.DirectoryUser{User: store.User{ID: 9999, Login: "ghost"}}
			if err := dq.UpdateDirectoryUser(ctx, missing); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("update of a missing user: got %v; want ErrNotFound", err)
			}
			if _, err := dq.GetDirectoryUser(ctx, "ghost"); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("get ghost: got %v; want ErrNotFound", err)
			}
			err = st.WithTx(ctx, func(q store.Queries) error {
				_, err := store.Directory(q)
				return err
			})
			if err != nil {
				t.Errorf("directory queries inside a transaction: %v", err)
			}
		})
	}
}
