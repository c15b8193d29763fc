package runner

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"

	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/inventory/schema"
)

// fakeCollector implements the agent API as pkg/api documents it, keeping
// what it stores so tests can check what arrived and how often.
type fakeCollector struct {
	t      *testing.T
	secret string

	mu         sync.Mutex
	tokens     map[string]bool
	enrolls    int
	contact    string                      // Inventory answered by Contact
	stored     map[string]inventory.Report // report ID -> report, stored once
	order      []string                    // report IDs in the order stored
	requests   int                         // inventory requests received
	failNext   int                         // answer the next N inventory requests with failCode
	failCode   int
	retryHdr   string
	dropAfter  bool // store, then drop the connection without answering
	dropBefore bool // drop the connection before reading the report
	// refuseReenrol answers 409 to a second enrolment, as the real
	// collector does for a deviceid that already reports.
	refuseReenrol bool
}

func newFakeCollector(t *testing.T) *fakeCollector {
	return &fakeCollector{t: t, secret: "site-secret", tokens: map[string]bool{}, contact: api.InventoryNone, stored: map[string]inventory.Report{}}
}

func (f *fakeCollector) reply(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

func (f *fakeCollector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if r.URL.Path == api.PathEnroll {
		var req api.EnrollRequest
		json.NewDecoder(r.Body).Decode(&req)
		if req.Secret != f.secret {
			f.reply(w, 403, api.Error{Error: "wrong secret"})
			return
		}
		if f.refuseReenrol && f.enrolls > 0 {
			f.reply(w, 409, api.Error{Error: "this deviceid is already enrolled and reporting; an administrator must remove that agent before it enrols again"})
			return
		}
		f.enrolls++
		tok := "tok-" + string(rune('a'+f.enrolls))
		f.tokens[tok] = true
		f.reply(w, 200, api.EnrollResponse{AgentID: "agent-1", Token: tok})
		return
	}
	tok, _ := cutBearer(r.Header.Get("Authorization"))
	if !f.tokens[tok] {
		f.reply(w, 401, api.Error{Error: "unknown token"})
		return
	}
	switch r.URL.Path {
	case api.PathContact:
		f.reply(w, 200, api.ContactResponse{Inventory: f.contact})
	case api.PathInventory:
		f.inventory(w, r)
	default:
		f.reply(w, 404, api.Error{Error: "no such path"})
	}
}

func cutBearer(h string) (string, bool) {
	const p = "Bearer "
	if len(h) < len(p) || h[:len(p)] != p {
		return "", false
	}
	return h[len(p):], true
}

func (f *fakeCollector) inventory(w http.ResponseWriter, r *http.Request) {
	f.requests++
	if f.failNext > 0 {
		f.failNext--
		if f.retryHdr != "" {
			w.Header().Set("Retry-After", f.retryHdr)
		}
		f.reply(w, f.failCode, api.Error{Error: "refused by the test", Fields: []api.FieldError{{Field: "content.softwares[0].name", Reason: "is required"}}})
		return
	}
	id := r.Header.Get(api.HeaderReportID)
	if f.dropBefore {
		drop(w)
		return
	}
	zr, err := gzip.NewReader(r.Body)
	if err != nil {
		f.reply(w, 400, api.Error{Error: "not gzip"})
		return
	}
	body, err := io.ReadAll(zr)
	if err != nil {
		f.reply(w, 400, api.Error{Error: "bad body"})
		return
	}
	if err := schema.Validate(body); err != nil {
		f.t.Errorf("report %s does not pass the GLPI schema: %v", id, err)
	}
	_, dup := f.stored[id]
	if !dup {
		var rep inventory.Report
		if err := json.Unmarshal(body, &rep); err != nil {
			f.reply(w, 400, api.Error{Error: "bad JSON"})
			return
		}
		f.stored[id] = rep
		f.order = append(f.order, id)
	}
	if f.dropAfter {
		// The collector dies after committing, before answering.
		drop(w)
		return
	}
	f.reply(w, 200, api.InventoryResponse{AssetID: "1", Duplicate: dup})
}

// drop cuts the connection with a reset, as a killed process does.
func drop(w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	conn.Close()
}

// reports returns the stored reports in the order they were stored.
func (f *fakeCollector) reports() []inventory.Report {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]inventory.Report, len(f.order))
	for i, id := range f.order {
		out[i] = f.stored[id]
	}
	return out
}

func (f *fakeCollector) set(fn func(f *fakeCollector)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(f)
}

// serve runs f on l until the returned stop function is called; stop
// closes the listener and every connection at once, like a killed process.
func serve(f http.Handler, l net.Listener) (stop func()) {
	srv := &http.Server{Handler: f}
	done := make(chan struct{})
	go func() { srv.Serve(l); close(done) }()
	return func() { srv.Close(); <-done }
}
