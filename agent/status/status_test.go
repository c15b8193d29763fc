package status

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parcproject/parc/agent/runner"
)

type fakeSource struct {
	mu   sync.Mutex
	snap runner.Snapshot
	runs int
}

func (f *fakeSource) Snapshot() runner.Snapshot { f.mu.Lock(); defer f.mu.Unlock(); return f.snap }
func (f *fakeSource) RunNow() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.runs++
	return true
}

func newTest(t *testing.T) (*fakeSource, *Server, *httptest.Server) {
	src := &fakeSource{snap: runner.Snapshot{
		Version: "0.1.0", DeviceID: "PC-ACCUEIL-02-2026-01-02-03-04-05", Server: "https://parc.example.org",
		LastFull: time.Date(2026, 11, 23, 10, 4, 12, 0, time.Local), LastError: "cannot reach the collector <script>",
		LastErrorAt: time.Now(), SpoolReports: 2,
	}}
	s := New(src, Options{})
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return src, s, ts
}

func get(t *testing.T, u string, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	for k, v := range hdr {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

func TestPage(t *testing.T) {
	_, _, ts := newTest(t)
	tests := []struct {
		lang string
		want []string
	}{
		{"", []string{"Run an inventory now", "Open a ticket for this PC", "Last inventory", "2026-11-23 10:04:12", "never"}},
		{"fr-FR,fr;q=0.9,en;q=0.8", []string{"Lancer un inventaire maintenant", "Ouvrir un ticket pour ce PC", "jamais", `lang="fr"`}},
		{"de-DE,en;q=0.5,fr;q=0.4", []string{"Run an inventory now", `lang="en"`}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			resp, body := get(t, ts.URL+"/", map[string]string{"Accept-Language": tt.lang})
			if resp.StatusCode != 200 {
				t.Fatalf("status: got %d; want 200", resp.StatusCode)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if !strings.Contains(body, `href="https://parc.example.org/tickets/new?device=PC-ACCUEIL-02-2026-01-02-03-04-05"`) {
				t.Error("ticket link missing or wrong")
			}
			if strings.Contains(body, "<script>") {
				t.Error("the last error is not escaped")
			}
			if resp.Header.Get("X-Frame-Options") != "DENY" || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
				t.Error("anti-framing headers missing")
			}
			if !csrfRe.MatchString(body) {
				t.Error("no CSRF token in the form")
			}
		})
	}
}

func TestRunNow(t *testing.T) {
	src, _, ts := newTest(t)
	_, body := get(t, ts.URL+"/", nil)
	token := csrfRe.FindStringSubmatch(body)[1]
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	tests := []struct {
		name     string
		token    string
		origin   string
		host     string
		wantCode int
		wantRuns int
	}{
		{"no token", "", "", "", 403, 0},
		{"wrong token", strings.Repeat("0", 64), "", "", 403, 0},
		{"foreign origin", token, "https://evil.example", "", 403, 0},
		{"rebinding host", token, "", "evil.example:62354", 403, 0},
		{"same origin", token, ts.URL, "", 303, 1},
		{"no origin header", token, "", "", 303, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, ts.URL+"/run", strings.NewReader(url.Values{"csrf": {tt.token}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if tt.origin != "" {
				req.Header.Set("Origin", tt.origin)
			}
			if tt.host != "" {
				req.Host = tt.host
			}
			resp, err := noRedirect.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.wantCode {
				t.Errorf("status: got %d; want %d", resp.StatusCode, tt.wantCode)
			}
			if src.runs != tt.wantRuns {
				t.Errorf("runs: got %d; want %d", src.runs, tt.wantRuns)
			}
		})
	}
	if _, body := get(t, ts.URL+"/?requested=1", nil); !strings.Contains(body, "An inventory was requested") {
		t.Error("no confirmation after the redirect")
	}
}

func TestHostCheck(t *testing.T) {
	_, _, ts := newTest(t)
	tests := []struct {
		host string
		want int
	}{
		{"127.0.0.1:62354", 200},
		{"localhost:62354", 200},
		{"[::1]:62354", 200},
		{"evil.example", 403},
		{"192.168.1.10:62354", 403},
	}
	for _, tt := range tests {
		resp, _ := get(t, ts.URL+"/status.json", map[string]string{"Host": tt.host})
		if resp.StatusCode != tt.want {
			t.Errorf("Host %s: got %d; want %d", tt.host, resp.StatusCode, tt.want)
		}
	}
}

func TestStatusJSONAndNow(t *testing.T) {
	src, _, ts := newTest(t)
	_, body := get(t, ts.URL+"/status.json", nil)
	var snap runner.Snapshot
	if err := json.Unmarshal([]byte(body), &snap); err != nil {
		t.Fatal(err)
	}
	if snap.DeviceID != "PC-ACCUEIL-02-2026-01-02-03-04-05" || snap.SpoolReports != 2 {
		t.Errorf("status.json: got %+v", snap)
	}
	resp, body := get(t, ts.URL+"/now", nil)
	if resp.StatusCode != 200 || strings.TrimSpace(body) != "OK" || src.runs != 1 {
		t.Errorf("/now: got %d %q runs=%d; want 200 OK and one run", resp.StatusCode, body, src.runs)
	}
}

func TestNowRefusedFromAfar(t *testing.T) {
	src := &fakeSource{}
	s := New(src, Options{AllowRemote: true})
	req := httptest.NewRequest(http.MethodGet, "http://192.168.1.10:62354/now", nil)
	req.RemoteAddr = "192.168.1.20:5555"
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, req)
	if w.Code != 403 || src.runs != 0 {
		t.Errorf("got %d runs=%d; want 403 and no run", w.Code, src.runs)
	}
}

func TestTicketURL(t *testing.T) {
	tests := []struct{ server, id, want string }{
		{"https://parc.example.org", "PC 1&x", "https://parc.example.org/tickets/new?device=PC+1%26x"},
		{"https://parc.example.org/parc/", "pc", "https://parc.example.org/parc/tickets/new?device=pc"},
		{"", "pc", ""},
		{"javascript:alert(1)", "pc", ""},
	}
	for _, tt := range tests {
		if got := TicketURL(tt.server, tt.id); got != tt.want {
			t.Errorf("TicketURL(%q): got %q; want %q", tt.server, got, tt.want)
		}
	}
}

func TestPickLang(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "en"},
		{"fr", "fr"},
		{"fr-CA", "fr"},
		{"en-US,fr;q=0.9", "en"},
		{"fr;q=0.2,en;q=0.8", "en"},
		{"de,fr;q=0.1", "fr"},
		{"fr;q=0", "en"},
		{"fr;q=abc,en;q=0.1", "en"},
	}
	for _, tt := range tests {
		if got := pickLang(tt.in); got != tt.want {
			t.Errorf("pickLang(%q): got %q; want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzPickLang(f *testing.F) {
	f.Add("fr-FR,fr;q=0.9,en;q=0.8")
	f.Add("en;q=x,,;")
	f.Fuzz(func(t *testing.T, h string) {
		if got := pickLang(h); got != "en" && got != "fr" {
			t.Fatalf("pickLang(%q) = %q", h, got)
		}
	})
}

func TestListenAndServe(t *testing.T) {
	src := &fakeSource{}
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := l.Addr().String()
	l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ListenAndServe(ctx, addr, New(src, Options{}).Handler()) }()
	deadline := time.Now().Add(5 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/status.json")
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal(err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("got %v; want nil after cancel", err)
	}
	// A taken port gives an error that says what to change.
	busy, _ := net.Listen("tcp", "127.0.0.1:0")
	defer busy.Close()
	err := ListenAndServe(context.Background(), busy.Addr().String(), http.NotFoundHandler())
	if err == nil || !strings.Contains(err.Error(), "status_listen") {
		t.Errorf("busy port: got %v; want an error naming status_listen", err)
	}
}
