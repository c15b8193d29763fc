package web

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sort"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

// BenchmarkAssetList measures the park list page, rendered through the
// whole handler chain (session, CSRF, role, store, template), on a SQLite
// park of 100,000 assets. It reports p50 and p95 per query kind.
//
//	go test -run '^$' -bench AssetList -benchtime 50x ./collector/web
func BenchmarkAssetList(b *testing.B) {
	st := storetest.Open(b, "sqlite")
	seedPark(b, st, 100_000)
	srv, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)), Options{})
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	u := &store.User{Login: "bench", Role: store.RoleObserver, PasswordHash: "x"}
	if err := st.CreateUser(ctx, u); err != nil {
		b.Fatal(err)
	}
	token, hash, _ := auth.NewToken(auth.PrefixSession)
	now := time.Now()
	if err := st.CreateSession(ctx, &store.Session{IDHash: hash, UserID: u.ID, CSRFToken: "c", CreatedAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{"", "page=1000", "sort=last_inventory&dir=desc", "type=computer&os=windows",
		"q=pc-04217", "q=dell+latitude", "manufacturer=HP&seen=30"} {
		b.Run("q="+q, func(b *testing.B) {
			var lat []time.Duration
			for i := 0; i < b.N; i++ {
				req := httptest.NewRequest(http.MethodGet, "/assets?"+q, nil)
				req.AddCookie(&http.Cookie{Name: cookieSession, Value: token})
				rec := httptest.NewRecorder()
				t0 := time.Now()
				h.ServeHTTP(rec, req)
				lat = append(lat, time.Since(t0))
				if rec.Code != http.StatusOK {
					b.Fatalf("got status %d", rec.Code)
				}
			}
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
		})
	}
}

// seedPark fills st with n varied assets, in large transactions.
func seedPark(b *testing.B, st store.Store, n int) {
	b.Helper()
	makers := []struct{ m, model, os string }{{"Dell", "Latitude 5440", "Windows 11 Pro"}, {"HP", "EliteDesk 800 G6", "Windows 10 Pro"},
		{"Lenovo", "ThinkPad T14", "Debian GNU/Linux 12"}, {"Apple", "MacBook Air", "macOS 14"}}
	now := time.Now()
	for start := 0; start < n; start += 5000 {
		err := st.WithTx(ctx, func(q store.Queries) error {
			for i := start; i < min(start+5000, n); i++ {
				mk := makers[i%len(makers)]
				a := &store.Asset{Type: store.TypeComputer, Name: fmt.Sprintf("pc-%05d", i), Serial: fmt.Sprintf("SN%07d", i*7919%10_000_000),
					Manufacturer: mk.m, Model: mk.model, OSName: mk.os, LastUser: fmt.Sprintf("user%d", i%3000),
					IP: fmt.Sprintf("10.%d.%d.%d", i/65536%256, i/256%256, i%256), MemoryMB: 8192,
					LastInventoryAt: now.Add(-time.Duration(i%90) * 24 * time.Hour)}
				if i%10 == 0 {
					a.Type = store.TypeMonitor
				}
				if err := q.CreateAsset(ctx, a); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
