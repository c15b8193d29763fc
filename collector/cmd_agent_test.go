package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/apiserver"
	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
)

// TestAgentRemoveLetsAReinstalledPCEnrolAgain: a deviceid that reports is
// refused a second enrolment (409) until `agent remove`; then it enrols
// again and its asset is still in the park.
func TestAgentRemoveLetsAReinstalledPCEnrolAgain(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	data := "--data=" + dir
	if code, _, errs := runCmd(t, "", "migrate", data); code != 0 {
		t.Fatalf("migrate: got %d %q", code, errs)
	}
	st, err := store.Open(ctx, store.Options{DSN: filepath.Join(dir, "parc.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const secret = "parc_e_cmd-test"
	if err := st.SetSetting(ctx, store.SettingEnrollSecret, secret); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ing, err := ingest.New(st, nil, log)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(apiserver.New(st, ing, log, apiserver.Options{ContactEvery: time.Hour,
		FullEvery: 24 * time.Hour, MaxBodyBytes: 1 << 20, MaxInflatedBytes: 4 << 20}).Handler())
	defer srv.Close()
	enroll := func() int {
		body, _ := json.Marshal(api.EnrollRequest{Secret: secret, DeviceID: "pc-42-2026-11-23", Hostname: "pc-42"})
		resp, err := http.Post(srv.URL+api.PathEnroll, "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := enroll(); got != http.StatusOK {
		t.Fatalf("first enrolment: got %d; want 200", got)
	}
	a, err := st.GetAgentByDeviceID(ctx, "pc-42-2026-11-23")
	if err != nil {
		t.Fatal(err)
	}
	asset := &store.Asset{Type: store.TypeComputer, Name: "pc-42"}
	if err := st.CreateAsset(ctx, asset); err != nil {
		t.Fatal(err)
	}
	if err := st.SetAgentAsset(ctx, a.ID, asset.ID); err != nil { // as its first report does
		t.Fatal(err)
	}
	if got := enroll(); got != http.StatusConflict {
		t.Fatalf("second enrolment of a reporting deviceid: got %d; want 409", got)
	}

	code, out, errs := runCmd(t, "", "agent", "list", data)
	if code != 0 || !strings.Contains(out, "DEVICEID") || !regexpLine(out, `pc-42-2026-11-23\s+pc-42\s+`+itoa(asset.ID)+`\s`) {
		t.Fatalf("agent list: got %d %q %q; want the agent with its asset", code, out, errs)
	}
	for _, tt := range []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"no subcommand", []string{"agent"}, 2, "agent list"},
		{"unknown subcommand", []string{"agent", "purge"}, 2, "agent list"},
		{"no deviceid", []string{"agent", "remove", data}, 1, "--deviceid is required"},
		{"unknown deviceid", []string{"agent", "remove", data, "--deviceid", "nope"}, 1, `no agent with deviceid "nope"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if code, _, errs := runCmd(t, "", tt.args...); code != tt.code || !strings.Contains(errs, tt.err) {
				t.Errorf("got %d %q; want %d and %q", code, errs, tt.code, tt.err)
			}
		})
	}
	code, out, errs = runCmd(t, "", "agent", "remove", data, "--deviceid", "pc-42-2026-11-23")
	if code != 0 || !strings.Contains(out, "removed agent pc-42-2026-11-23") || !strings.Contains(out, "asset "+itoa(asset.ID)+" stays") {
		t.Fatalf("agent remove: got %d %q %q", code, out, errs)
	}
	if _, err := st.GetAgentByDeviceID(ctx, "pc-42-2026-11-23"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after remove: got %v; want ErrNotFound", err)
	}
	if _, err := st.GetAsset(ctx, asset.ID); err != nil {
		t.Errorf("the asset went with its agent: %v", err)
	}
	if got := enroll(); got != http.StatusOK {
		t.Errorf("enrolment after remove: got %d; want 200", got)
	}
	if _, out, _ := runCmd(t, "", "agent", "list", data); !regexpLine(out, `pc-42-2026-11-23\s+pc-42\s+-\s`) {
		t.Errorf("agent list after re-enrolment: got %q; want the new agent without asset yet", out)
	}
}

// regexpLine reports whether a line of out matches pattern.
func regexpLine(out, pattern string) bool {
	re := regexp.MustCompile(`(?m)^` + pattern)
	return re.MatchString(out)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
