package storetest

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// Run runs the conformance suite; open must return a fresh, migrated store.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, st store.Store)
	}{
		{"Users", testUsers},
		{"Tokens", testTokens},
		{"Sessions", testSessions},
		{"Settings", testSettings},
		{"Agents", testAgents},
		{"Assets", testAssets},
		{"AssetList", testAssetList},
		{"FindAssets", testFindAssets},
		{"AssetPeopleFields", testAssetPeopleFields},
		{"Roles", testRoles},
		{"Components", testComponents},
		{"Software", testSoftware},
		{"History", testHistory},
		{"Locks", testLocks},
		{"Reports", testReports},
		{"Transactions", testTransactions},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open(t)) })
	}
}

var ctx = context.Background()

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func wantErr(t *testing.T, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("got error %v; want %v", err, want)
	}
}

func testUsers(t *testing.T, st store.Store) {
	u := &store.User{Login: "alice", Name: "Alice", Role: store.RoleAdmin, PasswordHash: "h1"}
	must(t, st.CreateUser(ctx, u))
	if u.ID == 0 {
		t.Fatal("got ID 0 after CreateUser; want the new ID")
	}
	wantErr(t, st.CreateUser(ctx, &store.User{Login: "alice", Role: store.RoleAdmin, PasswordHash: "x"}), store.ErrConflict)
	got, err := st.GetUserByLogin(ctx, "alice")
	must(t, err)
	if got.ID != u.ID || got.Name != "Alice" || got.Role != store.RoleAdmin || got.CreatedAt.IsZero() {
		t.Errorf("got %+v; want %+v", got, u)
	}
	_, err = st.GetUserByLogin(ctx, "bob")
	wantErr(t, err, store.ErrNotFound)
	must(t, st.SetUserPassword(ctx, u.ID, "h2"))
	got, err = st.GetUser(ctx, u.ID)
	must(t, err)
	if got.PasswordHash != "h2" {
		t.Errorf("got password hash %q; want h2", got.PasswordHash)
	}
	wantErr(t, st.SetUserPassword(ctx, 9999, "x"), store.ErrNotFound)
	must(t, st.CreateUser(ctx, &store.User{Login: "bob", Role: store.RoleTechnician, PasswordHash: "x"}))
	n, err := st.CountUsers(ctx)
	must(t, err)
	list, err := st.ListUsers(ctx)
	must(t, err)
	if n != 2 || len(list) != 2 || list[0].Login != "alice" || list[1].Login != "bob" {
		t.Errorf("got %d users %+v; want alice, bob", n, list)
	}
}

func testTokens(t *testing.T, st store.Store) {
	u := &store.User{Login: "alice", Role: store.RoleAdmin, PasswordHash: "h"}
	must(t, st.CreateUser(ctx, u))
	tok := &store.APIToken{UserID: u.ID, Name: "ci", TokenHash: "abc"}
	must(t, st.CreateAPIToken(ctx, tok))
	wantErr(t, st.CreateAPIToken(ctx, &store.APIToken{UserID: u.ID, TokenHash: "abc"}), store.ErrConflict)
	now := time.UnixMilli(time.Now().UnixMilli()).UTC()
	must(t, st.TouchAPIToken(ctx, tok.ID, now))
	got, err := st.GetAPITokenByHash(ctx, "abc")
	must(t, err)
	if got.ID != tok.ID || got.UserID != u.ID || !got.LastUsedAt.Equal(now) {
		t.Errorf("got %+v; want id %d used at %v", got, tok.ID, now)
	}
	list, err := st.ListAPITokens(ctx, u.ID)
	must(t, err)
	if len(list) != 1 {
		t.Errorf("got %d tokens; want 1", len(list))
	}
	must(t, st.DeleteAPIToken(ctx, tok.ID))
	_, err = st.GetAPITokenByHash(ctx, "abc")
	wantErr(t, err, store.ErrNotFound)
}

func testSessions(t *testing.T, st store.Store) {
	u := &store.User{Login: "alice", Role: store.RoleAdmin, PasswordHash: "h"}
	must(t, st.CreateUser(ctx, u))
	now := time.Now().UTC()
	must(t, st.CreateSession(ctx, &store.Session{IDHash: "s1", UserID: u.ID, CSRFToken: "c", ExpiresAt: now.Add(time.Hour)}))
	must(t, st.CreateSession(ctx, &store.Session{IDHash: "s2", UserID: u.ID, ExpiresAt: now.Add(-time.Minute)}))
	got, err := st.GetSession(ctx, "s1")
	must(t, err)
	if got.UserID != u.ID || got.CSRFToken != "c" {
		t.Errorf("got %+v; want user %d csrf c", got, u.ID)
	}
	n, err := st.DeleteExpiredSessions(ctx, now)
	must(t, err)
	if n != 1 {
		t.Errorf("got %d expired sessions deleted; want 1", n)
	}
	_, err = st.GetSession(ctx, "s2")
	wantErr(t, err, store.ErrNotFound)
	must(t, st.DeleteSession(ctx, "s1"))
	wantErr(t, st.DeleteSession(ctx, "s1"), store.ErrNotFound)
}

func testSettings(t *testing.T, st store.Store) {
	_, err := st.GetSetting(ctx, "k")
	wantErr(t, err, store.ErrNotFound)
	v, err := st.SetSettingIfAbsent(ctx, "k", "first")
	must(t, err)
	v2, err := st.SetSettingIfAbsent(ctx, "k", "second")
	must(t, err)
	if v != "first" || v2 != "first" {
		t.Errorf("got %q then %q; want first twice", v, v2)
	}
	must(t, st.SetSetting(ctx, "k", "third"))
	got, err := st.GetSetting(ctx, "k")
	must(t, err)
	if got != "third" {
		t.Errorf("got %q; want third", got)
	}
}

func testAgents(t *testing.T, st store.Store) {
	a := &store.Agent{DeviceID: "pc-1-2026", Hostname: "pc-1", TokenHash: "t1"}
	must(t, st.CreateAgent(ctx, a))
	wantErr(t, st.CreateAgent(ctx, &store.Agent{DeviceID: "pc-1-2026", TokenHash: "t2"}), store.ErrConflict)
	got, err := st.GetAgentByTokenHash(ctx, "t1")
	must(t, err)
	if got.ID != a.ID || got.AssetID != 0 || got.EnrolledAt.IsZero() || !got.LastContactAt.IsZero() {
		t.Errorf("got %+v; want fresh agent %d", got, a.ID)
	}
	asset := &store.Asset{Type: store.TypeComputer, Name: "pc-1"}
	must(t, st.CreateAsset(ctx, asset))
	must(t, st.SetAgentAsset(ctx, a.ID, asset.ID))
	b := &store.Agent{DeviceID: "pc-2", TokenHash: "t3"}
	must(t, st.CreateAgent(ctx, b))
	wantErr(t, st.SetAgentAsset(ctx, b.ID, asset.ID), store.ErrConflict)
	now := time.UnixMilli(time.Now().UnixMilli()).UTC()
	must(t, st.TouchAgentContact(ctx, a.ID, now, "0.2.0"))
	must(t, st.TouchAgentContact(ctx, a.ID, now, ""))
	must(t, st.SetAgentLastFull(ctx, a.ID, now))
	must(t, st.UpdateAgentToken(ctx, a.ID, "t9"))
	got, err = st.GetAgentByAsset(ctx, asset.ID)
	must(t, err)
	if got.ID != a.ID || got.Version != "0.2.0" || !got.LastContactAt.Equal(now) || !got.LastFullAt.Equal(now) || got.TokenHash != "t9" {
		t.Errorf("got %+v; want agent %d version 0.2.0 contact %v token t9", got, a.ID, now)
	}
	_, err = st.GetAgentByDeviceID(ctx, "nope")
	wantErr(t, err, store.ErrNotFound)
	list, err := st.ListAgents(ctx)
	must(t, err)
	if len(list) != 2 {
		t.Errorf("got %d agents; want 2", len(list))
	}
	must(t, st.WithTx(ctx, func(q store.Queries) error { return q.LockAgent(ctx, a.ID) }))
}

func testReports(t *testing.T, st store.Store) {
	a := &store.Agent{DeviceID: "pc-1", TokenHash: "t1"}
	must(t, st.CreateAgent(ctx, a))
	old := time.Now().Add(-48 * time.Hour).UTC()
	must(t, st.PutProcessedReport(ctx, store.ProcessedReport{AgentID: a.ID, ReportID: "r1", AssetID: 7, Response: `{"asset_id":"7"}`, At: old}))
	wantErr(t, st.PutProcessedReport(ctx, store.ProcessedReport{AgentID: a.ID, ReportID: "r1", Response: "{}", At: old}), store.ErrConflict)
	must(t, st.PutProcessedReport(ctx, store.ProcessedReport{AgentID: a.ID, ReportID: "r2", Response: "{}", At: time.Now()}))
	got, err := st.GetProcessedReport(ctx, a.ID, "r1")
	must(t, err)
	if got.AssetID != 7 || got.Response != `{"asset_id":"7"}` {
		t.Errorf("got %+v; want asset 7 and the first response", got)
	}
	n, err := st.PruneProcessedReports(ctx, time.Now().Add(-24*time.Hour))
	must(t, err)
	if n != 1 {
		t.Errorf("got %d pruned; want 1", n)
	}
	_, err = st.GetProcessedReport(ctx, a.ID, "r1")
	wantErr(t, err, store.ErrNotFound)
}

func testTransactions(t *testing.T, st store.Store) {
	boom := errors.New("boom")
	err := st.WithTx(ctx, func(q store.Queries) error {
		must(t, q.CreateUser(ctx, &store.User{Login: "ghost", Role: store.RoleAdmin, PasswordHash: "h"}))
		return boom
	})
	wantErr(t, err, boom)
	_, err = st.GetUserByLogin(ctx, "ghost")
	wantErr(t, err, store.ErrNotFound)
	must(t, st.WithTx(ctx, func(q store.Queries) error {
		if err := q.CreateUser(ctx, &store.User{Login: "real", Role: store.RoleAdmin, PasswordHash: "h"}); err != nil {
			return err
		}
		_, err := q.GetUserByLogin(ctx, "real") // read your own write inside the transaction
		return err
	}))
	_, err = st.GetUserByLogin(ctx, "real")
	must(t, err)
	testConcurrentTx(t, st)
}

// testConcurrentTx runs transactions at once (grouped into shared commits
// on SQLite): each failing one loses only its own writes.
func testConcurrentTx(t *testing.T, st store.Store) {
	const n = 40
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		go func() {
			errs <- st.WithTx(ctx, func(q store.Queries) error {
				if err := q.CreateUser(ctx, &store.User{Login: fmt.Sprintf("u%02d", i), Role: store.RoleObserver, PasswordHash: "h"}); err != nil {
					return err
				}
				if i%5 == 0 {
					return errors.New("boom")
				}
				return nil
			})
		}()
	}
	failed := 0
	for i := 0; i < n; i++ {
		if err := <-errs; err != nil {
			failed++
		}
	}
	users, err := st.ListUsers(ctx)
	must(t, err)
	kept := 0
	for _, u := range users {
		var i int
		if _, err := fmt.Sscanf(u.Login, "u%02d", &i); err == nil {
			kept++
			if i%5 == 0 {
				t.Errorf("got user %s from a failed transaction", u.Login)
			}
		}
	}
	if failed != n/5 || kept != n-n/5 {
		t.Errorf("got %d failed, %d kept; want %d, %d", failed, kept, n/5, n-n/5)
	}
}
