package apiserver

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
)

// apiToken creates a user of the role with one API token, and returns
// the token.
func (e *env) apiToken(login, role string) string {
	e.t.Helper()
	ctx := context.Background()
	u := &store.User{Login: login, Name: login, Role: role, PasswordHash: "x"}
	if err := e.st.CreateUser(ctx, u); err != nil {
		e.t.Fatal(err)
	}
	tok, hash, err := auth.NewToken(auth.PrefixAPI)
	if err != nil {
		e.t.Fatal(err)
	}
	if err := e.st.CreateAPIToken(ctx, &store.APIToken{UserID: u.ID, Name: "test", TokenHash: hash}); err != nil {
		e.t.Fatal(err)
	}
	return tok
}

// seedPark reports two PCs through the agent API and adds a monitor by
// hand; it returns the first PC's asset ID.
func (e *env) seedPark() int64 {
	e.t.Helper()
	var first int64
	for i, name := range []string{"PC-ALPHA", "PC-BRAVO"} {
		dev := fmt.Sprintf("pc-%d", i)
		tok := e.enroll(dev)
		var r api.InventoryResponse
		if code := e.do("POST", api.PathInventory, bearer(tok, "r1"), report(dev, name, fmt.Sprintf("SN%d", i)), &r); code != 200 {
			e.t.Fatalf("inventory %s: got %d; want 200", name, code)
		}
		if i == 0 {
			fmt.Sscan(r.AssetID, &first)
		}
	}
	mon := &store.Asset{Type: store.TypeMonitor, Name: "DELL U2419H", Manufacturer: "Dell", Source: "manual"}
	if err := e.st.CreateAsset(context.Background(), mon); err != nil {
		e.t.Fatal(err)
	}
	if first == 0 {
		e.t.Fatal("no asset ID from the first report")
	}
	return first
}

func auth2(tok string) map[string]string {
	if tok == "" {
		return nil
	}
	return map[string]string{"Authorization": "Bearer " + tok}
}

func TestRESTRoles(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		id := e.seedPark()
		toks := map[string]string{"anonymous": "", "bogus": "parc_t_not-a-token"}
		for _, role := range []string{store.RoleSelfService, store.RoleObserver, store.RoleTechnician, store.RoleAdmin} {
			toks[role] = e.apiToken("u-"+role, role)
		}
		want := map[string]int{"anonymous": 401, "bogus": 401, store.RoleSelfService: 403,
			store.RoleObserver: 200, store.RoleTechnician: 200, store.RoleAdmin: 200}
		paths := []string{PathAssets, fmt.Sprintf("%s/%d", PathAssets, id), PathSoftware, PathSoftware + "/1"}
		for _, p := range paths {
			for who, tok := range toks {
				var body map[string]any
				code := e.do("GET", p, auth2(tok), nil, &body)
				if code != want[who] {
					t.Errorf("GET %s as %s: got %d; want %d", p, who, code, want[who])
				}
				if code >= 400 && body["error"] == nil {
					t.Errorf("GET %s as %s: got body %v; want an api.Error", p, who, body)
				}
			}
		}
	})
}

func TestRESTTokenLifecycle(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		tok := e.apiToken("obs", store.RoleObserver)
		if code := e.do("GET", PathAssets, auth2(tok), nil, nil); code != 200 {
			t.Fatalf("valid token: got %d; want 200", code)
		}
		got, err := e.st.GetAPITokenByHash(ctx, auth.HashToken(tok))
		if err != nil {
			t.Fatal(err)
		}
		if time.Since(got.LastUsedAt) > time.Minute {
			t.Errorf("last_used_at: got %v; want just now", got.LastUsedAt)
		}
		u, _ := e.st.GetUserByLogin(ctx, "obs")
		toks, _ := e.st.ListAPITokens(ctx, u.ID)
		if err := e.st.DeleteAPIToken(ctx, toks[0].ID); err != nil {
			t.Fatal(err)
		}
		if code := e.do("GET", PathAssets, auth2(tok), nil, nil); code != 401 {
			t.Errorf("revoked token: got %d; want 401", code)
		}
		if code := e.do("GET", PathAssets, map[string]string{"Authorization": "Basic b2JzOng="}, nil, nil); code != 401 {
			t.Errorf("basic auth: got %d; want 401", code)
		}
	})
}

func TestRESTListAssets(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		e.seedPark()
		tok := e.apiToken("obs", store.RoleObserver)
		tests := []struct {
			query string
			names string // comma-separated, in order
			total int
		}{
			{"", "DELL U2419H,PC-ALPHA,PC-BRAVO", 3},
			{"type=computer", "PC-ALPHA,PC-BRAVO", 2},
			{"type=computer&sort=name&desc=true", "PC-BRAVO,PC-ALPHA", 2},
			{"q=bravo", "PC-BRAVO", 1},
			{"manufacturer=Dell", "DELL U2419H", 1},
			{"has_software=firefox", "PC-ALPHA,PC-BRAVO", 2},
			{"has_software=chrome", "", 0},
			{"seen_after=2000-01-01", "PC-ALPHA,PC-BRAVO", 2},
			{"seen_before=2000-01-01T00:00:00Z", "DELL U2419H", 1}, // never inventoried
			{"limit=1&offset=1", "PC-ALPHA", 3},
		}
		for _, tt := range tests {
			t.Run(tt.query, func(t *testing.T) {
				var got AssetListJSON
				if code := e.do("GET", PathAssets+"?"+tt.query, auth2(tok), nil, &got); code != 200 {
					t.Fatalf("got %d; want 200", code)
				}
				var names []string
				for _, a := range got.Items {
					names = append(names, a.Name)
				}
				if strings.Join(names, ",") != tt.names || got.Total != tt.total {
					t.Errorf("got %v total %d; want %s total %d", names, got.Total, tt.names, tt.total)
				}
			})
		}
	})
}

func TestRESTBadParameters(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		tok := e.apiToken("obs", store.RoleObserver)
		for _, tt := range []struct{ path, param string }{
			{PathAssets + "?type=spaceship", "type"},
			{PathAssets + "?sort=colour", "sort"},
			{PathAssets + "?desc=maybe", "desc"},
			{PathAssets + "?limit=0", "limit"},
			{PathAssets + "?limit=5000", "limit"},
			{PathAssets + "?offset=-1", "offset"},
			{PathAssets + "?location=abc", "location"},
			{PathAssets + "?state=-3", "state"},
			{PathAssets + "?owner=1.5", "owner"},
			{PathAssets + "?seen_before=" + url.QueryEscape("last tuesday"), "seen_before"},
			{PathAssets + "?seen_after=2024-13-01", "seen_after"},
			{PathAssets + "?warranty_before=2024/01/01", "warranty_before"},
			{PathAssets + "/abc", "id"},
			{PathAssets + "/0", "id"},
			{PathSoftware + "?limit=x", "limit"},
			{PathSoftware + "/1?offset=x", "offset"},
			{PathSoftware + "/-1", "id"},
		} {
			var got api.Error
			code := e.do("GET", tt.path, auth2(tok), nil, &got)
			if code != 400 || len(got.Fields) != 1 || got.Fields[0].Field != tt.param || !strings.Contains(got.Error, tt.param) {
				t.Errorf("GET %s: got %d %+v; want 400 naming %s", tt.path, code, got, tt.param)
			}
		}
		for _, p := range []string{PathAssets + "/999999", PathSoftware + "/999999"} {
			if code := e.do("GET", p, auth2(tok), nil, nil); code != 404 {
				t.Errorf("GET %s: got %d; want 404", p, code)
			}
		}
	})
}

func TestRESTAssetDetail(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		id := e.seedPark()
		tok := e.apiToken("obs", store.RoleObserver)
		var got AssetDetailJSON
		if code := e.do("GET", fmt.Sprintf("%s/%d", PathAssets, id), auth2(tok), nil, &got); code != 200 {
			t.Fatalf("got %d; want 200", code)
		}
		if got.Asset.ID != id || got.Asset.Name != "PC-ALPHA" || got.Asset.Serial != "SN0" || got.Asset.LastInventoryAt == nil {
			t.Errorf("asset: got %+v; want PC-ALPHA, serial SN0, inventoried", got.Asset)
		}
		var bios map[string]any
		if len(got.Sections["bios"]) != 1 || json.Unmarshal(got.Sections["bios"][0], &bios) != nil || bios["ssn"] != "SN0" {
			t.Errorf("sections: got %v; want bios with ssn SN0", got.Sections)
		}
		if len(got.Software) != 1 || got.Software[0].Name != "firefox-esr" || got.Software[0].Version != "115.5.0esr-1" || got.Software[0].SoftwareID == 0 {
			t.Errorf("software: got %+v; want firefox-esr 115.5.0esr-1", got.Software)
		}
		if got.Agent == nil || got.Agent.DeviceID != "pc-0" || got.Agent.LastContactAt == nil && got.Agent.EnrolledAt == nil {
			t.Errorf("agent: got %+v; want deviceid pc-0", got.Agent)
		}

		var list AssetListJSON
		e.do("GET", PathAssets+"?type=monitor", auth2(tok), nil, &list)
		var raw map[string]json.RawMessage
		if code := e.do("GET", fmt.Sprintf("%s/%d", PathAssets, list.Items[0].ID), auth2(tok), nil, &raw); code != 200 {
			t.Fatalf("monitor: got %d; want 200", code)
		}
		for key, want := range map[string]string{"agent": "null", "software": "[]", "sections": "{}"} {
			if string(raw[key]) != want {
				t.Errorf("monitor %s: got %s; want %s", key, raw[key], want)
			}
		}
	})
}

func TestRESTSoftware(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		e.seedPark()
		tok := e.apiToken("obs", store.RoleObserver)
		var list SoftwareListJSON
		if code := e.do("GET", PathSoftware+"?q=FIREFOX", auth2(tok), nil, &list); code != 200 {
			t.Fatalf("list: got %d; want 200", code)
		}
		if list.Total != 1 || len(list.Items) != 1 || list.Items[0].Name != "firefox-esr" || list.Items[0].Installs != 2 || list.Items[0].Versions != 1 {
			t.Fatalf("list: got %+v; want firefox-esr, 1 version, 2 installs", list)
		}
		e.do("GET", PathSoftware+"?q=libreoffice", auth2(tok), nil, &list)
		if list.Total != 0 || list.Items == nil || len(list.Items) != 0 {
			t.Errorf("no match: got %+v; want total 0 and an empty list", list)
		}
		var got SoftwareDetailJSON
		e.do("GET", PathSoftware+"?q=firefox", auth2(tok), nil, &list)
		path := fmt.Sprintf("%s/%d", PathSoftware, list.Items[0].ID)
		if code := e.do("GET", path, auth2(tok), nil, &got); code != 200 {
			t.Fatalf("detail: got %d; want 200", code)
		}
		if got.Software.Name != "firefox-esr" || len(got.Versions) != 1 || got.Versions[0].Installs != 2 {
			t.Errorf("detail: got %+v; want firefox-esr with one version installed twice", got)
		}
		var names []string
		for _, in := range got.Installations {
			names = append(names, in.AssetName+"@"+in.Version)
		}
		if strings.Join(names, ",") != "PC-ALPHA@115.5.0esr-1,PC-BRAVO@115.5.0esr-1" {
			t.Errorf("installations: got %v; want both PCs", names)
		}
		got = SoftwareDetailJSON{}
		e.do("GET", path+"?limit=1&offset=1", auth2(tok), nil, &got)
		if len(got.Installations) != 1 || got.Installations[0].AssetName != "PC-BRAVO" {
			t.Errorf("second page: got %+v; want PC-BRAVO only", got.Installations)
		}
	})
}
