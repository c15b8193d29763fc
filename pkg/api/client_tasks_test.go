package api

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// taskServer records what the task calls send and serves a sysobject.ids
// with an ETag, as the contract says.
type taskServer struct {
	mu       sync.Mutex
	paths    []string
	taskIDs  []string
	progress []TaskProgress
}

const testSysObjects = "9\tCisco\tNETWORKING\n"

func (s *taskServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer tok" {
		writeErr(w, 401, Error{Error: "bad token"})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.paths = append(s.paths, r.Method+" "+r.URL.EscapedPath())
	switch {
	case r.URL.Path == PathSysObjectIDs && r.Method == http.MethodGet:
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Write([]byte(testSysObjects))
	case r.URL.Path == PathInventory:
		s.taskIDs = append(s.taskIDs, r.Header.Get(HeaderTaskID))
		json.NewEncoder(w).Encode(InventoryResponse{AssetID: "7"})
	case r.Method == http.MethodPost:
		var p TaskProgress
		if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
			writeErr(w, 400, Error{Error: "not JSON"})
			return
		}
		s.progress = append(s.progress, p)
		w.WriteHeader(http.StatusNoContent)
	default:
		writeErr(w, 404, Error{Error: "no such path"})
	}
}

func TestClientTaskCalls(t *testing.T) {
	srv := &taskServer{}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	c := newClient(t, ClientOptions{Server: ts.URL})
	ctx := context.Background()

	body, err := GzipJSON(map[string]string{"action": "netdiscovery"})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.SendTaskReport(ctx, "tok", "run/42", "0123456789abcdef0123456789abcdef", body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.AssetID != "7" {
		t.Errorf("got asset %q; want 7", resp.AssetID)
	}
	if err := c.PostTaskProgress(ctx, "tok", "run/42", TaskProgress{Done: 3, Total: 254, Found: 1, Finished: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SendTaskReport(ctx, "tok", "", "0123456789abcdef0123456789abcdef", body); err == nil {
		t.Error("got no error for an empty task ID; want one")
	}

	got, err := c.SysObjectIDs(ctx, "tok", "")
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Data) != testSysObjects || got.ETag != `"v1"` || got.NotModified {
		t.Errorf("got %+v; want the file with ETag \"v1\"", got)
	}
	again, err := c.SysObjectIDs(ctx, "tok", got.ETag)
	if err != nil {
		t.Fatal(err)
	}
	if !again.NotModified || again.Data != nil || again.ETag != `"v1"` {
		t.Errorf("got %+v; want NotModified with the same ETag", again)
	}
	_, err = c.SysObjectIDs(ctx, "wrong", "")
	var se *StatusError
	if !errors.As(err, &se) || !se.Unauthorized() {
		t.Errorf("got %v; want a 401 StatusError", err)
	}

	srv.mu.Lock()
	defer srv.mu.Unlock()
	want := []string{"POST /api/v1/inventory", "POST /api/v1/tasks/run%2F42/progress",
		"GET /api/v1/sysobject-ids", "GET /api/v1/sysobject-ids"}
	if len(srv.paths) != len(want) {
		t.Fatalf("got requests %q; want %q", srv.paths, want)
	}
	for i := range want {
		if srv.paths[i] != want[i] {
			t.Errorf("request %d: got %q; want %q", i, srv.paths[i], want[i])
		}
	}
	if len(srv.taskIDs) != 1 || srv.taskIDs[0] != "run/42" {
		t.Errorf("got task ID headers %q; want [run/42]", srv.taskIDs)
	}
	if len(srv.progress) != 1 || srv.progress[0] != (TaskProgress{Done: 3, Total: 254, Found: 1, Finished: true}) {
		t.Errorf("got progress %+v; want one finished post", srv.progress)
	}
}
