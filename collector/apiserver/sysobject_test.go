package apiserver

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
	"github.com/parcproject/parc/pkg/api"
)

// TestSysObjectIDs serves the file to enrolled agents only, with an ETag
// that turns a repeat into a 304, a new ETag once the file changes, and a
// 404 that says what to do when there is none.
func TestSysObjectIDs(t *testing.T) {
	st := storetest.Open(t, "sqlite")
	if err := st.SetSetting(context.Background(), store.SettingEnrollSecret, secret); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ing, err := ingest.New(st, nil, log)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sysobject.ids")
	s := New(st, ing, log, Options{SysObjectIDs: path})
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	e := &env{t: t, st: st, srv: srv}
	tok := e.enroll("SITE-AGENT-2026-11-23-10-00-00")
	c, err := api.NewClient(api.ClientOptions{Server: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	if _, err := c.SysObjectIDs(ctx, tok, ""); err == nil || !isStatus(err, http.StatusNotFound) {
		t.Fatalf("no file: got %v; want a 404", err)
	}
	v1 := "# test\n9\tCisco\tNETWORKING\n11\tHewlett-Packard\n"
	if err := os.WriteFile(path, []byte(v1), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := c.SysObjectIDs(ctx, tok, "")
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Data) != v1 || got.ETag == "" || got.NotModified {
		t.Fatalf("got %+v; want the file with an ETag", got)
	}
	again, err := c.SysObjectIDs(ctx, tok, got.ETag)
	if err != nil || !again.NotModified {
		t.Fatalf("same ETag: got %+v, %v; want 304", again, err)
	}
	if _, err := c.SysObjectIDs(ctx, "not-a-token", ""); !isStatus(err, http.StatusUnauthorized) {
		t.Errorf("unknown token: got %v; want 401", err)
	}

	v2 := v1 + "2636\tJuniper\tNETWORKING\n"
	if err := os.WriteFile(path, []byte(v2), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(path, time.Now().Add(time.Minute), time.Now().Add(time.Minute))
	newer, err := c.SysObjectIDs(ctx, tok, got.ETag)
	if err != nil || newer.NotModified || string(newer.Data) != v2 || newer.ETag == got.ETag {
		t.Errorf("changed file: got %+v, %v; want the new file with a new ETag", newer, err)
	}

	// A file that is not sysobject.ids is not served.
	if err := os.WriteFile(path, []byte("<html>oops</html>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(path, time.Now().Add(2*time.Minute), time.Now().Add(2*time.Minute))
	if _, err := c.SysObjectIDs(ctx, tok, ""); !isStatus(err, http.StatusInternalServerError) {
		t.Errorf("bad file: got %v; want 500", err)
	}
}

func isStatus(err error, code int) bool {
	var se *api.StatusError
	return errors.As(err, &se) && se.StatusCode == code
}

// TestOpenAPISysObjectIDs keeps the endpoint documented in openapi.yaml.
func TestOpenAPISysObjectIDs(t *testing.T) {
	data, err := os.ReadFile("../../pkg/api/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if _, ok := doc.Paths[api.PathSysObjectIDs]["get"]; !ok {
		t.Errorf("openapi.yaml lacks GET %s", api.PathSysObjectIDs)
	}
}
