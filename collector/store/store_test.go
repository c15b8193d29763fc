package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

func TestConformance(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			storetest.Run(t, func(t *testing.T) store.Store { return storetest.Open(t, d) })
		})
	}
}

// TestMigrations migrates from empty and from every earlier version to the
// latest, and checks each path gives the same schema as a fresh one.
func TestMigrations(t *testing.T) {
	ctx := context.Background()
	latest := store.LatestVersion()
	if latest == 0 {
		t.Fatal("got no migrations; want at least one")
	}
	for _, d := range storetest.Dialects {
		for from := 0; from < latest; from++ {
			t.Run(fmt.Sprintf("%s/from_%d", d, from), func(t *testing.T) {
				st := storetest.OpenEmpty(t, d)
				m := st.(store.Migrator)
				if err := m.MigrateTo(ctx, from); err != nil {
					t.Fatalf("migrate to %d: %v", from, err)
				}
				v, err := st.SchemaVersion(ctx)
				if err != nil || (from > 0 && v != from) {
					t.Fatalf("got version %d, %v; want %d", v, err, from)
				}
				if err := st.Migrate(ctx); err != nil {
					t.Fatalf("migrate from %d: %v", from, err)
				}
				if err := st.Migrate(ctx); err != nil { // idempotent
					t.Fatalf("migrate again: %v", err)
				}
				if v, _ := st.SchemaVersion(ctx); v != latest {
					t.Fatalf("got version %d; want %d", v, latest)
				}
				got := storetest.Schema(t, st)
				want := storetest.Schema(t, storetest.Open(t, d))
				if got != want {
					t.Errorf("schema from version %d differs from a fresh one:\n%s\nwant:\n%s", from, got, want)
				}
			})
		}
	}
}
