package apiserver

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
	"github.com/parcproject/parc/pkg/api"
)

const secret = "parc_e_test-secret"

type env struct {
	t   *testing.T
	st  store.Store
	srv *httptest.Server
}

func forEachDialect(t *testing.T, fn func(t *testing.T, e *env)) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			st := storetest.Open(t, d)
			if err := st.SetSetting(context.Background(), store.SettingEnrollSecret, secret); err != nil {
				t.Fatal(err)
			}
			log := slog.New(slog.NewTextHandler(io.Discard, nil))
			ing, err := ingest.New(st, nil, log)
			if err != nil {
				t.Fatal(err)
			}
			s := New(st, ing, log, Options{ContactEvery: time.Hour, FullEvery: 7 * 24 * time.Hour, MaxBodyBytes: 1 << 20, MaxInflatedBytes: 4 << 20})
			srv := httptest.NewServer(s.Handler())
			t.Cleanup(srv.Close)
			fn(t, &env{t: t, st: st, srv: srv})
		})
	}
}

// do sends a request and decodes the JSON answer into out (if not nil).
func (e *env) do(method, path string, hdr map[string]string, body []byte, out any) int {
	e.t.Helper()
	req, _ := http.NewRequest(method, e.srv.URL+path, bytes.NewReader(body))
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			e.t.Fatalf("%s %s: answer %q: %v", method, path, data, err)
		}
	}
	return resp.StatusCode
}

func (e *env) enroll(deviceid string) string {
	e.t.Helper()
	var got api.EnrollResponse
	body, _ := json.Marshal(api.EnrollRequest{Secret: secret, DeviceID: deviceid, Hostname: "PC"})
	if code := e.do("POST", api.PathEnroll, nil, body, &got); code != 200 || got.Token == "" {
		e.t.Fatalf("enroll: got %d %+v; want 200 and a token", code, got)
	}
	return got.Token
}

func report(deviceid, name, serial string) []byte {
	return []byte(`{"action":"inventory","deviceid":"` + deviceid + `","itemtype":"Computer","content":{"versionclient":"Parc-Agent_v0.1.0",
		"hardware":{"name":"` + name + `","uuid":"uuid-` + serial + `-0001"},"bios":{"ssn":"` + serial + `","smanufacturer":"LENOVO"},
		"softwares":[{"name":"firefox-esr","version":"115.5.0esr-1","publisher":"Debian Mozilla Team"}]}}`)
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func zlibbed(b []byte) []byte {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func bearer(tok, reportID string, extra ...string) map[string]string {
	h := map[string]string{"Authorization": "Bearer " + tok, api.HeaderReportID: reportID, "Content-Type": "application/json"}
	for i := 0; i+1 < len(extra); i += 2 {
		h[extra[i]] = extra[i+1]
	}
	return h
}

func TestEnroll(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		var apiErr api.Error
		body, _ := json.Marshal(api.EnrollRequest{Secret: "wrong", DeviceID: "pc-1"})
		if code := e.do("POST", api.PathEnroll, nil, body, &apiErr); code != 401 {
			t.Errorf("wrong secret: got %d; want 401", code)
		}
		body, _ = json.Marshal(api.EnrollRequest{Secret: secret})
		if code := e.do("POST", api.PathEnroll, nil, body, &apiErr); code != 400 || apiErr.Fields[0].Field != "deviceid" {
			t.Errorf("no deviceid: got %d %+v; want 400 naming deviceid", code, apiErr)
		}
		tok1 := e.enroll("pc-1")
		tok2 := e.enroll("pc-1") // the first answer was lost: enrol again
		if code := e.do("POST", api.PathContact, bearer(tok1, ""), []byte(`{"deviceid":"pc-1"}`), nil); code != 401 {
			t.Errorf("replaced token: got %d; want 401", code)
		}
		if code := e.do("POST", api.PathInventory, bearer(tok2, "r1"), report("pc-1", "PC-1", "SN1"), nil); code != 200 {
			t.Fatalf("inventory: got %d; want 200", code)
		}
		body, _ = json.Marshal(api.EnrollRequest{Secret: secret, DeviceID: "pc-1"})
		if code := e.do("POST", api.PathEnroll, nil, body, &apiErr); code != 409 {
			t.Errorf("re-enrol after reporting: got %d; want 409", code)
		}
	})
}

func TestContact(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		tok := e.enroll("pc-1")
		var c api.ContactResponse
		if code := e.do("POST", api.PathContact, bearer(tok, ""), []byte(`{"deviceid":"pc-1","version":"0.1.0"}`), &c); code != 200 ||
			c.Inventory != api.InventoryFull || c.NextContactSeconds != 3600 || c.FullEverySeconds != 7*86400 {
			t.Fatalf("first contact: got %d %+v; want full, 3600, 604800", code, c)
		}
		if code := e.do("POST", api.PathInventory, bearer(tok, "r1"), report("pc-1", "PC-1", "SN1"), nil); code != 200 {
			t.Fatalf("inventory: got %d", code)
		}
		if code := e.do("POST", api.PathContact, bearer(tok, ""), []byte(`{"deviceid":"pc-1"}`), &c); code != 200 || c.Inventory != api.InventoryPartial {
			t.Errorf("after a full inventory: got %d %+v; want partial", code, c)
		}
		if code := e.do("POST", api.PathContact, bearer(tok, ""), []byte(`{"deviceid":"pc-2"}`), nil); code != 403 {
			t.Errorf("other deviceid: got %d; want 403", code)
		}
		if code := e.do("POST", api.PathContact, nil, []byte(`{}`), nil); code != 401 {
			t.Errorf("no token: got %d; want 401", code)
		}
		a, _ := e.st.GetAgentByDeviceID(context.Background(), "pc-1")
		if a.Version != "0.1.0" || a.LastContactAt.IsZero() {
			t.Errorf("got agent %+v; want version 0.1.0 and a contact time", a)
		}
	})
}

func TestInventory(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		tok := e.enroll("pc-1")
		var r1, r2 api.InventoryResponse
		rep := report("pc-1", "PC-1", "SN1")
		if code := e.do("POST", api.PathInventory, bearer(tok, "r1", "Content-Encoding", "gzip"), gzipped(rep), &r1); code != 200 || r1.AssetID == "" || r1.Duplicate {
			t.Fatalf("gzip: got %d %+v; want 200 with an asset", code, r1)
		}
		if code := e.do("POST", api.PathInventory, bearer(tok, "r1", "Content-Encoding", "gzip"), gzipped(rep), &r2); code != 200 || !r2.Duplicate || r2.AssetID != r1.AssetID {
			t.Errorf("resend: got %d %+v; want the same asset, duplicate", code, r2)
		}
		r2 = api.InventoryResponse{}
		if code := e.do("POST", api.PathInventory, bearer(tok, "r2", "Content-Type", "application/x-compress-zlib"), zlibbed(rep), &r2); code != 200 || r2.Duplicate || r2.AssetID != r1.AssetID {
			t.Errorf("zlib: got %d %+v; want the same asset", code, r2)
		}
		if code := e.do("POST", api.PathInventory, bearer(tok, "r3", "Content-Encoding", "deflate"), zlibbed(rep), &r2); code != 200 {
			t.Errorf("deflate: got %d; want 200", code)
		}
		var apiErr api.Error
		bad := []byte(`{"deviceid":"pc-1","content":{"versionclient":"v","softwares":[{"version":"1"}]}}`)
		if code := e.do("POST", api.PathInventory, bearer(tok, "r4"), bad, &apiErr); code != 400 || len(apiErr.Fields) != 1 || apiErr.Fields[0].Field != "content.softwares[0].name" {
			t.Errorf("invalid: got %d %+v; want 400 naming content.softwares[0].name", code, apiErr)
		}
		if code := e.do("POST", api.PathInventory, bearer(tok, "r5"), report("pc-9", "PC-1", "SN1"), nil); code != 403 {
			t.Errorf("other deviceid: got %d; want 403", code)
		}
		if code := e.do("POST", api.PathInventory, bearer(tok, "bad id!"), rep, nil); code != 400 {
			t.Errorf("bad report id: got %d; want 400", code)
		}
		bomb := gzipped(bytes.Repeat([]byte(" "), 8<<20))
		if code := e.do("POST", api.PathInventory, bearer(tok, "r6", "Content-Encoding", "gzip"), bomb, nil); code != 413 {
			t.Errorf("zip bomb: got %d; want 413", code)
		}
		if code := e.do("POST", api.PathInventory, bearer(tok, "r7"), bytes.Repeat([]byte(" "), 2<<20), nil); code != 413 {
			t.Errorf("big body: got %d; want 413", code)
		}
		// A second agent whose machine reconciles onto the first one's asset.
		tok2 := e.enroll("pc-2")
		if code := e.do("POST", api.PathInventory, bearer(tok2, "r1"), report("pc-2", "PC-1", "SN1"), &apiErr); code != 403 || !strings.Contains(apiErr.Error, "another agent") {
			t.Errorf("foreign asset: got %d %+v; want 403", code, apiErr)
		}
	})
}

func TestCapturedBodyDecodes(t *testing.T) {
	// The real FusionInventory body is XML: the JSON endpoint refuses it
	// cleanly with 400, it does not fail to decompress it.
	body, err := os.ReadFile("../../../shared/fixtures/captured/fusioninventory-002-INVENTORY.body.zlib")
	if err != nil {
		t.Fatal(err)
	}
	forEachDialect(t, func(t *testing.T, e *env) {
		tok := e.enroll("pc-1")
		var apiErr api.Error
		if code := e.do("POST", api.PathInventory, bearer(tok, "r1", "Content-Type", "application/x-compress-zlib"), body, &apiErr); code != 400 || !strings.Contains(apiErr.Fields[0].Reason, "JSON") {
			t.Errorf("got %d %+v; want 400 not valid JSON", code, apiErr)
		}
	})
}

func TestProbesAndMetrics(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		if code := e.do("GET", "/healthz", nil, nil, nil); code != 200 {
			t.Errorf("healthz: got %d", code)
		}
		var ready map[string]string
		if code := e.do("GET", "/readyz", nil, nil, &ready); code != 200 || ready["status"] != "ready" {
			t.Errorf("readyz: got %d %v", code, ready)
		}
		tok := e.enroll("pc-1")
		e.do("POST", api.PathInventory, bearer(tok, "r1"), report("pc-1", "PC-1", "SN1"), nil)
		resp, err := http.Get(e.srv.URL + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		for _, want := range []string{`parc_ingest_reports_total{result="created"} 1`, "parc_ingest_duration_seconds_bucket", "parc_database_ping_seconds", `parc_enrollments_total{result="ok"} 1`} {
			if !strings.Contains(string(data), want) {
				t.Errorf("metrics lack %q", want)
			}
		}
		if code := e.do("GET", "/nope", nil, nil, nil); code != 404 {
			t.Errorf("unknown path: got %d; want 404", code)
		}
	})
}
