package e2e

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/parcproject/parc/pkg/api"
)

// crashProxy forwards agent requests to the collector. When armed, it lets
// the next inventory reach the collector and be answered, then kills the
// collector and drops the agent's connection before the answer gets back:
// the hardest case for exactly-once (stored, but the agent never learns).
type crashProxy struct {
	srv      *httptest.Server
	target   *url.URL
	mu       sync.Mutex
	armed    bool
	onCrash  func()
	reportID string // the X-Parc-Report-Id of the report cut off
	seen     []string
}

func newCrashProxy(t *testing.T, target string) *crashProxy {
	t.Helper()
	u, err := url.Parse("http://" + target)
	if err != nil {
		t.Fatal(err)
	}
	p := &crashProxy{target: u}
	p.srv = httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(p.srv.Close)
	return p
}

func (p *crashProxy) arm(onCrash func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.armed, p.onCrash = true, onCrash
}

func (p *crashProxy) serve(w http.ResponseWriter, r *http.Request) {
	out := r.Clone(r.Context())
	out.URL.Scheme, out.URL.Host, out.Host, out.RequestURI = p.target.Scheme, p.target.Host, p.target.Host, ""
	resp, err := http.DefaultTransport.RoundTrip(out)
	if err != nil {
		http.Error(w, "collector unreachable: "+err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()

	p.mu.Lock()
	isInv := r.URL.Path == api.PathInventory
	if isInv {
		p.seen = append(p.seen, r.Header.Get(api.HeaderReportID))
	}
	crash := isInv && p.armed && resp.StatusCode == http.StatusOK
	if crash {
		p.armed = false
		p.reportID = r.Header.Get(api.HeaderReportID)
	}
	onCrash := p.onCrash
	p.mu.Unlock()

	if crash {
		io.Copy(io.Discard, resp.Body)
		onCrash()
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				if tc, ok := conn.(*net.TCPConn); ok {
					tc.SetLinger(0) // a reset, as a dead peer gives
				}
				conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler)
	}
	for k, vs := range resp.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

func (p *crashProxy) inventoryIDs() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.seen...)
}
