package glpicompat

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

func newServer(t *testing.T, opts Options) (*httptest.Server, store.Store) {
	t.Helper()
	st := storetest.Open(t, "sqlite")
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ing, err := ingest.New(st, nil, log)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(ing, log, opts))
	t.Cleanup(srv.Close)
	return srv, st
}

func zlibBytes(b []byte) []byte {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// post sends body and returns the status and the decompressed answer.
func post(t *testing.T, url, ctype string, body []byte, user, pass string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", url, bytes.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	if user != "" {
		req.SetBasicAuth(user, pass)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if zr, err := zlib.NewReader(bytes.NewReader(data)); err == nil {
		if d, err := io.ReadAll(zr); err == nil {
			data = d
		}
	}
	return resp.StatusCode, string(data)
}

func TestFusionInventoryXML(t *testing.T) {
	srv, st := newServer(t, Options{})
	prolog := []byte(`<?xml version="1.0" encoding="UTF-8" ?><REQUEST><DEVICEID>vm-2026-11-23-11-44-31</DEVICEID><QUERY>PROLOG</QUERY><TOKEN>12345678</TOKEN></REQUEST>`)
	code, ans := post(t, srv.URL+"/glpi/plugins/fusioninventory/", "application/x-compress-zlib", zlibBytes(prolog), "", "")
	if code != 200 || !strings.Contains(ans, "<RESPONSE>SEND</RESPONSE>") || !strings.Contains(ans, "<PROLOG_FREQ>24</PROLOG_FREQ>") {
		t.Fatalf("PROLOG: got %d %q; want SEND", code, ans)
	}
	body, err := os.ReadFile(fixtures + "captured/fusioninventory-002-INVENTORY.body.zlib")
	if err != nil {
		t.Fatal(err)
	}
	code, ans = post(t, srv.URL+"/", "application/x-compress-zlib", body, "", "")
	if code != 200 || !strings.Contains(ans, "no_account_update") {
		t.Fatalf("INVENTORY: got %d %q", code, ans)
	}
	page, err := st.ListAssets(context.Background(), store.AssetFilter{})
	if err != nil || page.Total != 1 {
		t.Fatalf("got %d assets, %v; want 1", page.Total, err)
	}
	ins, _ := st.Installations(context.Background(), page.Assets[0].ID)
	if len(ins) < 700 || page.Assets[0].Source != "glpi" || page.Assets[0].Name != "vm" {
		t.Errorf("got asset %q from %q with %d installations; want vm with its software", page.Assets[0].Name, page.Assets[0].Source, len(ins))
	}
}

func TestGLPIAgentJSON(t *testing.T) {
	srv, st := newServer(t, Options{})
	code, ans := post(t, srv.URL+"/front/inventory.php", "application/x-compress-zlib",
		zlibBytes([]byte(`{"action":"contact","deviceid":"glpixps-2020","name":"GLPI-Agent","version":"1.7","enabled-tasks":["inventory"]}`)), "", "")
	var contact map[string]any
	if code != 200 || json.Unmarshal([]byte(ans), &contact) != nil || contact["status"] != "ok" || contact["expiration"] != float64(24) || contact["tasks"] == nil {
		t.Fatalf("contact: got %d %q", code, ans)
	}
	report, err := os.ReadFile(fixtures + "glpi-inventory-format/examples/computer_1.json")
	if err != nil {
		t.Fatal(err)
	}
	code, ans = post(t, srv.URL+"/front/inventory.php", "application/json", report, "", "")
	if code != 200 || !strings.Contains(ans, `"status":"ok"`) {
		t.Fatalf("inventory: got %d %q", code, ans)
	}
	page, _ := st.ListAssets(context.Background(), store.AssetFilter{Query: "glpixps"})
	if page.Total != 1 {
		t.Errorf("got %d assets named glpixps; want 1", page.Total)
	}
	code, ans = post(t, srv.URL+"/", "application/json", []byte(`{"action":"inventory","content":{}}`), "", "")
	if code != 400 || !strings.Contains(ans, "deviceid") {
		t.Errorf("report without deviceid: got %d %q; want 400 naming deviceid", code, ans)
	}
}

func TestAccessControl(t *testing.T) {
	_, local, _ := net.ParseCIDR("127.0.0.0/8")
	_, other, _ := net.ParseCIDR("10.0.0.0/8")
	prolog := []byte(`<REQUEST><DEVICEID>d</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>`)
	tests := []struct {
		name       string
		opts       Options
		user, pass string
		want       int
	}{
		{"open", Options{}, "", "", 200},
		{"network allowed", Options{AllowedNets: []*net.IPNet{local}}, "", "", 200},
		{"network refused", Options{AllowedNets: []*net.IPNet{other}}, "", "", 403},
		{"basic auth ok", Options{Username: "glpi", Password: "s3cret"}, "glpi", "s3cret", 200},
		{"basic auth wrong", Options{Username: "glpi", Password: "s3cret"}, "glpi", "nope", 401},
		{"basic auth missing", Options{Username: "glpi", Password: "s3cret"}, "", "", 401},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv, _ := newServer(t, tc.opts)
			if code, _ := post(t, srv.URL+"/", "application/xml", prolog, tc.user, tc.pass); code != tc.want {
				t.Errorf("got %d; want %d", code, tc.want)
			}
		})
	}
}

func TestAgentOwnedAssetRefused(t *testing.T) {
	srv, st := newServer(t, Options{})
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ing, _ := ingest.New(st, nil, log)
	ag := &store.Agent{DeviceID: "parc-pc", TokenHash: "h"}
	if err := st.CreateAgent(ctx, ag); err != nil {
		t.Fatal(err)
	}
	report, err := os.ReadFile(fixtures + "glpi-inventory-format/examples/computer_1.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ing.IngestJSON(ctx, ingest.Source{AgentID: ag.ID, Origin: "agent"}, report); err != nil {
		t.Fatal(err)
	}
	if code, _ := post(t, srv.URL+"/", "application/json", report, "", ""); code != 403 {
		t.Errorf("got %d; want 403 for an asset a Parc agent owns", code)
	}
}
