package apiserver

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
	"github.com/parcproject/parc/pkg/api"
)

// A sysobject.ids an administrator uploads through one collector is what
// another collector of the same database serves its agents next, with a
// new ETag.
func TestSysObjectIDsFromAnotherCollector(t *testing.T) {
	st := storetest.Open(t, "postgres")
	ctx := context.Background()
	if err := st.SetSetting(ctx, store.SettingEnrollSecret, secret); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ing, err := ingest.New(st, nil, log)
	if err != nil {
		t.Fatal(err)
	}
	key, err := snmppoll.LoadKey(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	shipped := "../../../shared/fixtures/sysobject.ids"
	var svcs [2]*snmppoll.Service
	var dirs [2]string
	for i := range svcs {
		dirs[i] = t.TempDir()
		if svcs[i], err = snmppoll.New(st, ing, log, snmppoll.Options{DataDir: dirs[i], Key: key, SysObjectIDs: shipped}); err != nil {
			t.Fatal(err)
		}
	}
	s := New(st, ing, log, Options{Tasks: svcs[1],
		SysObjectPath: func() string { return snmppoll.SysObjectPath(dirs[1], shipped) },
		SysObjectSync: svcs[1].SyncSysObjectIDs})
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	e := &env{t: t, st: st, srv: srv}
	tok := e.enroll("SITE-AGENT-2026-11-23-11-00-00")
	c, err := api.NewClient(api.ClientOptions{Server: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	orig, err := os.ReadFile(shipped)
	if err != nil {
		t.Fatal(err)
	}
	first, err := c.SysObjectIDs(ctx, tok, "")
	if err != nil || !bytes.Equal(first.Data, orig) {
		t.Fatalf("before the upload: %d bytes, %v; want the shipped file", len(first.Data), err)
	}
	up := append(append([]byte{}, orig...), []byte("99999.8\tParc Test\tNetworking\tTS-8\n")...)
	if _, err := svcs[0].UploadSysObjectIDs(ctx, up, "alice"); err != nil {
		t.Fatal(err)
	}
	got, err := c.SysObjectIDs(ctx, tok, first.ETag)
	if err != nil || got.NotModified || !bytes.Equal(got.Data, up) || got.ETag == first.ETag {
		t.Fatalf("after the upload on the other collector: %d bytes, 304 %v, %v; want the uploaded file with a new ETag",
			len(got.Data), got.NotModified, err)
	}
}
