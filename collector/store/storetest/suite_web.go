package storetest

import (
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// RunWeb runs the conformance suite of store.WebQueries; open must return
// a fresh, migrated store.
func RunWeb(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, st store.Store, w store.WebQueries)
	}{
		{"LoginThrottle", testLoginThrottle},
		{"SessionExpiry", testSessionExpiry},
		{"UserPrefs", testUserPrefs},
		{"CountAssetsBy", testCountAssetsBy},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := open(t)
			w, err := store.Web(st)
			must(t, err)
			tc.fn(t, st, w)
		})
	}
}

func testLoginThrottle(t *testing.T, _ store.Store, w store.WebQueries) {
	_, err := w.LoginThrottle(ctx, "login:bob")
	wantErr(t, err, store.ErrNotFound)
	t0 := time.UnixMilli(1_700_000_000_000).UTC()
	block := func(n int) time.Time {
		if n < 3 {
			return time.Time{}
		}
		return t0.Add(time.Duration(n) * time.Minute)
	}
	var th *store.Throttle
	for i := 1; i <= 3; i++ {
		th, err = w.RecordLoginFailure(ctx, "login:bob", t0.Add(time.Duration(i)*time.Second), time.Hour, block)
		must(t, err)
		if th.Failures != i {
			t.Fatalf("got %d failures; want %d", th.Failures, i)
		}
	}
	got, err := w.LoginThrottle(ctx, "login:bob")
	must(t, err)
	if got.Failures != 3 || !got.BlockedUntil.Equal(t0.Add(3*time.Minute)) {
		t.Errorf("got %+v; want 3 failures blocked until %v", got, t0.Add(3*time.Minute))
	}
	// A failure long after the last one starts a new count.
	th, err = w.RecordLoginFailure(ctx, "login:bob", t0.Add(2*time.Hour), time.Hour, block)
	must(t, err)
	if th.Failures != 1 || !th.BlockedUntil.IsZero() {
		t.Errorf("got %+v; want 1 failure, not blocked", th)
	}
	_, err = w.RecordLoginFailure(ctx, "ip:127.0.0.1", t0, time.Hour, block)
	must(t, err)
	n, err := w.PruneLoginThrottle(ctx, t0.Add(time.Minute))
	must(t, err)
	if n != 1 {
		t.Errorf("got %d pruned; want 1 (the old ip counter)", n)
	}
	must(t, w.ClearLoginFailures(ctx, "login:bob"))
	_, err = w.LoginThrottle(ctx, "login:bob")
	wantErr(t, err, store.ErrNotFound)
}

func testSessionExpiry(t *testing.T, st store.Store, w store.WebQueries) {
	u := &store.User{Login: "alice", Role: store.RoleAdmin, PasswordHash: "h"}
	must(t, st.CreateUser(ctx, u))
	now := time.Now().UTC().Truncate(time.Millisecond)
	must(t, st.CreateSession(ctx, &store.Session{IDHash: "s1", UserID: u.ID, ExpiresAt: now.Add(time.Minute)}))
	must(t, st.CreateSession(ctx, &store.Session{IDHash: "s2", UserID: u.ID, ExpiresAt: now.Add(time.Minute)}))
	must(t, w.ExtendSession(ctx, "s1", now.Add(time.Hour)))
	s, err := st.GetSession(ctx, "s1")
	must(t, err)
	if !s.ExpiresAt.Equal(now.Add(time.Hour)) {
		t.Errorf("got expiry %v; want %v", s.ExpiresAt, now.Add(time.Hour))
	}
	wantErr(t, w.ExtendSession(ctx, "nope", now), store.ErrNotFound)
	must(t, w.DeleteUserSessions(ctx, u.ID))
	_, err = st.GetSession(ctx, "s2")
	wantErr(t, err, store.ErrNotFound)
}

func testUserPrefs(t *testing.T, st store.Store, w store.WebQueries) {
	u := &store.User{Login: "alice", Role: store.RoleAdmin, PasswordHash: "h"}
	must(t, st.CreateUser(ctx, u))
	must(t, w.SetUserPref(ctx, u.ID, "lang", "fr"))
	must(t, w.SetUserPref(ctx, u.ID, "lang", "en"))
	must(t, w.SetUserPref(ctx, u.ID, "columns", "name,serial"))
	must(t, w.SetUserPref(ctx, u.ID, "columns", ""))
	got, err := w.UserPrefs(ctx, u.ID)
	must(t, err)
	if len(got) != 1 || got["lang"] != "en" {
		t.Errorf("got %v; want only lang=en", got)
	}
}

func testCountAssetsBy(t *testing.T, st store.Store, w store.WebQueries) {
	for _, a := range []store.Asset{
		{Type: store.TypeComputer, Name: "a", Manufacturer: "Dell", PurchaseDate: "2021-03-04"},
		{Type: store.TypeComputer, Name: "b", Manufacturer: "Dell", PurchaseDate: "2021-11-30"},
		{Type: store.TypeComputer, Name: "c", Manufacturer: "HP"},
		{Type: store.TypeMonitor, Name: "d", Manufacturer: "HP"},
	} {
		must(t, st.CreateAsset(ctx, &a))
	}
	got, err := w.CountAssetsBy(ctx, "manufacturer", store.TypeComputer, 10)
	must(t, err)
	if len(got) != 2 || got[0] != (store.GroupCount{Value: "Dell", Count: 2}) || got[1] != (store.GroupCount{Value: "HP", Count: 1}) {
		t.Errorf("got %v; want Dell 2, HP 1", got)
	}
	got, err = w.CountAssetsBy(ctx, "manufacturer", "", 1)
	must(t, err)
	if len(got) != 1 || got[0].Count != 2 {
		t.Errorf("got %v; want one group of 2", got)
	}
	got, err = w.CountAssetsBy(ctx, "purchase_year", store.TypeComputer, 10)
	must(t, err)
	if len(got) != 2 || got[0] != (store.GroupCount{Value: "2021", Count: 2}) || got[1] != (store.GroupCount{Value: "", Count: 1}) {
		t.Errorf("got %v; want 2021: 2, unknown: 1", got)
	}
	if _, err := w.CountAssetsBy(ctx, "password_hash", "", 1); err == nil {
		t.Error("got no error for an unknown column; want one")
	}
}
