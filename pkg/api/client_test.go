package api

import (
	"context"
	"encoding/json"
	"encoding/pem"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestClientContract(t *testing.T) {
	srv := newContractServer(t)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	c := newClient(t, ClientOptions{Server: ts.URL + "/"})
	ctx := context.Background()

	if _, err := c.Enroll(ctx, EnrollRequest{Secret: "wrong", DeviceID: "pc-1"}); err == nil {
		t.Fatal("enrol with a wrong secret: got nil; want an error")
	} else {
		var se *StatusError
		if !errors.As(err, &se) || se.StatusCode != 403 || se.Retryable() || se.Body.Error != "wrong enrolment secret" {
			t.Fatalf("got %#v; want a non-retryable 403 with the body", err)
		}
	}
	enr, err := c.Enroll(ctx, EnrollRequest{Secret: "site-secret", DeviceID: "pc-1", Hostname: "pc"})
	if err != nil {
		t.Fatal(err)
	}
	if enr.Token != "tok-123" || enr.AgentID != "a1" {
		t.Fatalf("got %+v; want token tok-123 agent a1", enr)
	}

	if _, err := c.Contact(ctx, "revoked", ContactRequest{DeviceID: "pc-1"}); err == nil {
		t.Fatal("contact with a bad token: got nil; want 401")
	} else if se := (*StatusError)(nil); !errors.As(err, &se) || !se.Unauthorized() {
		t.Fatalf("got %v; want Unauthorized", err)
	}
	cr, err := c.Contact(ctx, enr.Token, ContactRequest{DeviceID: "pc-1", Version: "0.1.0"})
	if err != nil {
		t.Fatal(err)
	}
	if cr.Inventory != InventoryFull || cr.NextContactSeconds != 3600 {
		t.Fatalf("got %+v; want full and 3600", cr)
	}

	body, err := GzipJSON(map[string]any{"deviceid": "pc-1", "content": map[string]any{"versionclient": "x"}})
	if err != nil {
		t.Fatal(err)
	}
	for i, wantDup := range []bool{false, true} {
		ir, err := c.SendInventory(ctx, enr.Token, "0123456789abcdef0123456789abcdef", body)
		if err != nil {
			t.Fatal(err)
		}
		if ir.Duplicate != wantDup || ir.AssetID != "42" {
			t.Errorf("send %d: got %+v; want duplicate=%v asset 42", i, ir, wantDup)
		}
	}
	if len(srv.reports) != 1 {
		t.Errorf("stored reports: got %d; want 1", len(srv.reports))
	}
	h := srv.headers
	for k, want := range map[string]string{
		"User-Agent":       "Parc-Agent/0.1.0",
		HeaderAgentVersion: "0.1.0",
		"Content-Type":     "application/json",
		"Content-Encoding": "gzip",
		"Authorization":    "Bearer tok-123",
		HeaderReportID:     "0123456789abcdef0123456789abcdef",
	} {
		if got := h.Get(k); got != want {
			t.Errorf("header %s: got %q; want %q", k, got, want)
		}
	}
}

func TestClientErrors(t *testing.T) {
	tests := []struct {
		name      string
		handler   http.HandlerFunc
		retryable bool
		retryIn   time.Duration
		contains  string
	}{
		{"503 with Retry-After seconds", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "7")
			writeErr(w, 503, Error{Error: "database is busy"})
		}, true, 7 * time.Second, "503 Service Unavailable: database is busy"},
		{"429", func(w http.ResponseWriter, r *http.Request) { writeErr(w, 429, Error{Error: "slow down"}) }, true, 0, "429"},
		{"408", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(408) }, true, 0, "408"},
		{"422 with fields", func(w http.ResponseWriter, r *http.Request) {
			writeErr(w, 422, Error{Error: "invalid inventory", Fields: []FieldError{{Field: "content.softwares[3].name", Reason: "is required"}}})
		}, false, 0, "content.softwares[3].name: is required"},
		{"plain text 500", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "upstream exploded", 502)
		}, true, 0, "502 Bad Gateway: upstream exploded"},
		{"200 but not JSON", func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, "<html>login page</html>")
		}, false, 0, "not the expected JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := httptest.NewServer(tt.handler)
			defer ts.Close()
			c := newClient(t, ClientOptions{Server: ts.URL})
			_, err := c.SendInventory(context.Background(), "t", "id", []byte{})
			if err == nil || !strings.Contains(err.Error(), tt.contains) {
				t.Fatalf("got %v; want an error containing %q", err, tt.contains)
			}
			if got := IsRetryable(err); got != tt.retryable {
				t.Errorf("IsRetryable: got %v; want %v", got, tt.retryable)
			}
			var se *StatusError
			if errors.As(err, &se) && se.RetryAfter != tt.retryIn {
				t.Errorf("RetryAfter: got %v; want %v", se.RetryAfter, tt.retryIn)
			}
		})
	}
}

func TestClientUnreachable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	c := newClient(t, ClientOptions{Server: "http://" + addr})
	_, err = c.Contact(context.Background(), "t", ContactRequest{})
	var ne *NetError
	if !errors.As(err, &ne) || !IsRetryable(err) {
		t.Fatalf("got %v; want a retryable NetError", err)
	}
	want := "cannot reach the collector at http://" + addr + ": "
	if !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "refused") || strings.Contains(err.Error(), "Post ") {
		t.Errorf("got %q; want it to start with %q and say refused", err, want)
	}
}

func TestClientTimeout(t *testing.T) {
	release := make(chan struct{})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-release }))
	defer ts.Close()
	defer close(release)
	c := newClient(t, ClientOptions{Server: ts.URL, Timeout: 100 * time.Millisecond})
	start := time.Now()
	_, err := c.Contact(context.Background(), "t", ContactRequest{})
	if !IsRetryable(err) {
		t.Fatalf("got %v; want a retryable timeout", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v; want about 100ms", d)
	}
}

func TestClientTLS(t *testing.T) {
	srv := newContractServer(t)
	ts := httptest.NewTLSServer(srv)
	defer ts.Close()
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	pemData := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ts.Certificate().Raw})
	if err := os.WriteFile(caFile, pemData, 0o600); err != nil {
		t.Fatal(err)
	}
	badCA := filepath.Join(t.TempDir(), "bad.pem")
	os.WriteFile(badCA, []byte("not a certificate"), 0o600)

	tests := []struct {
		name    string
		opts    ClientOptions
		wantErr string
	}{
		{"unknown CA refused", ClientOptions{}, "certificate"},
		{"custom CA trusted", ClientOptions{CAFile: caFile}, ""},
		{"skip verify", ClientOptions{InsecureSkipVerify: true}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Server = ts.URL
			c := newClient(t, tt.opts)
			_, err := c.Contact(context.Background(), srv.token, ContactRequest{DeviceID: "pc"})
			if tt.wantErr == "" && err != nil {
				t.Fatalf("got %v; want success", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("got %v; want an error containing %q", err, tt.wantErr)
			}
		})
	}
	if _, err := NewClient(ClientOptions{Server: ts.URL, CAFile: badCA}); err == nil || !strings.Contains(err.Error(), "want PEM certificates") {
		t.Errorf("bad CA file: got %v; want a PEM error", err)
	}
}

func TestClientProxy(t *testing.T) {
	var got string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.URL.String() // a proxy sees the absolute URL
		json.NewEncoder(w).Encode(ContactResponse{Inventory: InventoryNone})
	}))
	defer proxy.Close()
	c := newClient(t, ClientOptions{Server: "http://collector.invalid:8080", Proxy: proxy.URL})
	if _, err := c.Contact(context.Background(), "t", ContactRequest{}); err != nil {
		t.Fatal(err)
	}
	if want := "http://collector.invalid:8080" + PathContact; got != want {
		t.Errorf("proxy saw %q; want %q", got, want)
	}
}

func TestNewClientBadOptions(t *testing.T) {
	for _, o := range []ClientOptions{{Server: "parc.example.org"}, {Server: "ftp://x"}, {Server: "http://x", Proxy: "::"}} {
		if _, err := NewClient(o); err == nil {
			t.Errorf("NewClient(%+v): got nil; want an error", o)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"120", 2 * time.Minute},
		{"-1", 0},
		{"soon", 0},
		{"Mon, 23 Nov 2026 10:00:30 GMT", 30 * time.Second},
		{"Mon, 23 Nov 2026 09:00:00 GMT", 0},
	}
	for _, tt := range tests {
		if got := parseRetryAfter(tt.in, now); got != tt.want {
			t.Errorf("parseRetryAfter(%q): got %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseRetryAfterCapped(t *testing.T) {
	if got := parseRetryAfter("99999999999999999", time.Now()); got != 24*time.Hour {
		t.Errorf("got %v; want 24h", got)
	}
}
