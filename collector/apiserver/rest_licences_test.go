package apiserver

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
)

// firefoxID returns the catalogue ID of the firefox-esr that seedPark
// installed on two PCs.
func (e *env) firefoxID(tok string) int64 {
	e.t.Helper()
	var list SoftwareListJSON
	if code := e.do("GET", PathSoftware+"?q=firefox", auth2(tok), nil, &list); code != 200 || len(list.Items) != 1 {
		e.t.Fatalf("software: got %d %+v; want firefox-esr", code, list)
	}
	return list.Items[0].ID
}

func licenceBody(sw int64, name string, seats int, expires string) []byte {
	b, _ := json.Marshal(LicenceInput{SoftwareID: sw, Name: name, Seats: seats, ExpiresOn: expires})
	return b
}

func TestRESTLicenceRoles(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		e.seedPark()
		toks := map[string]string{"anonymous": ""}
		for _, role := range []string{store.RoleSelfService, store.RoleObserver, store.RoleTechnician, store.RoleAdmin} {
			toks[role] = e.apiToken("u-"+role, role)
		}
		sw := e.firefoxID(toks[store.RoleAdmin])
		read := map[string]int{"anonymous": 401, store.RoleSelfService: 403, store.RoleObserver: 200, store.RoleTechnician: 200, store.RoleAdmin: 200}
		write := map[string]int{"anonymous": 401, store.RoleSelfService: 403, store.RoleObserver: 403, store.RoleTechnician: 201, store.RoleAdmin: 201}
		del := map[string]int{"anonymous": 401, store.RoleSelfService: 403, store.RoleObserver: 403, store.RoleTechnician: 204, store.RoleAdmin: 204}
		for who, tok := range toks {
			if code := e.do("GET", PathLicences, auth2(tok), nil, nil); code != read[who] {
				t.Errorf("GET as %s: got %d; want %d", who, code, read[who])
			}
			var l LicenceJSON
			code := e.do("POST", PathLicences, auth2(tok), licenceBody(sw, "by "+who, 5, ""), &l)
			if code != write[who] {
				t.Errorf("POST as %s: got %d; want %d", who, code, write[who])
			}
			if code != 201 {
				l.ID = 1 // whatever exists: the role is checked first
			}
			if code := e.do("DELETE", fmt.Sprintf("%s/%d", PathLicences, l.ID), auth2(tok), nil, nil); code != del[who] {
				t.Errorf("DELETE as %s: got %d; want %d", who, code, del[who])
			}
		}
	})
}

func TestRESTLicenceOveruse(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		e.seedPark()
		tok := e.apiToken("tech", store.RoleTechnician)
		sw := e.firefoxID(tok)
		var first LicenceJSON
		if code := e.do("POST", PathLicences, auth2(tok), licenceBody(sw, "Firefox support", 1, "2099-12-31"), &first); code != 201 {
			t.Fatalf("create: got %d; want 201", code)
		}
		if first.Used != 2 || first.Seats != 1 || first.SoftwareSeats != 1 || !first.Over || first.SoftwareName != "firefox-esr" || first.Expired {
			t.Errorf("one seat for two PCs: got %+v; want used 2, over", first)
		}
		list := func(query string) string {
			t.Helper()
			var got LicenceListJSON
			if code := e.do("GET", PathLicences+query, auth2(tok), nil, &got); code != 200 || got.Total != len(got.Items) {
				t.Fatalf("GET %s: got %d %+v; want 200", query, code, got)
			}
			var parts []string
			for _, l := range got.Items {
				parts = append(parts, fmt.Sprintf("%s:%d/%d:%v:%v", l.Name, l.Used, l.SoftwareSeats, l.Over, l.Expired))
			}
			return strings.Join(parts, " ")
		}
		if got, want := list("?over=true"), "Firefox support:2/1:true:false"; got != want {
			t.Errorf("over-used: got %q; want %q", got, want)
		}
		e.do("POST", PathLicences, auth2(tok), licenceBody(sw, "old contract", 10, "2001-01-01"), nil)
		if got, want := list(""), "Firefox support:2/1:true:false old contract:2/1:true:true"; got != want {
			t.Errorf("with an expired licence: got %q; want %q", got, want)
		}
		e.do("POST", PathLicences, auth2(tok), licenceBody(sw, "top-up", 1, ""), nil)
		if got, want := list("?over=1"), ""; got != want {
			t.Errorf("after a top-up: got %q; want no over-use", got)
		}
		if got, want := list(fmt.Sprintf("?software=%d", sw+1000)), ""; got != want {
			t.Errorf("other software: got %q; want none", got)
		}
		if code := e.do("DELETE", fmt.Sprintf("%s/%d", PathLicences, first.ID), auth2(tok), nil, nil); code != 204 {
			t.Errorf("delete: got %d; want 204", code)
		}
		if code := e.do("DELETE", fmt.Sprintf("%s/%d", PathLicences, first.ID), auth2(tok), nil, nil); code != 404 {
			t.Errorf("delete again: got %d; want 404", code)
		}
	})
}

func TestRESTLicenceInvalid(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		e.seedPark()
		tok := e.apiToken("tech", store.RoleTechnician)
		sw := e.firefoxID(tok)
		for _, tt := range []struct {
			body  string
			field string
		}{
			{string(licenceBody(0, "x", 1, "")), "software_id"},
			{string(licenceBody(sw+1000, "x", 1, "")), "software_id"},
			{string(licenceBody(sw, "  ", 1, "")), "name"},
			{string(licenceBody(sw, "x", -2, "")), "seats"},
			{string(licenceBody(sw, "x", 1, "31/12/2027")), "expires_on"},
			{`{"software_id":` + fmt.Sprint(sw) + `,"name":"x","comment":"` + strings.Repeat("c", 4001) + `"}`, "comment"},
		} {
			var got api.Error
			code := e.do("POST", PathLicences, auth2(tok), []byte(tt.body), &got)
			if code != 400 || len(got.Fields) != 1 || got.Fields[0].Field != tt.field {
				t.Errorf("POST %.60s: got %d %+v; want 400 naming %s", tt.body, code, got, tt.field)
			}
		}
		if code := e.do("POST", PathLicences, auth2(tok), []byte(`{"seats":`), nil); code != 400 {
			t.Errorf("bad JSON: got %d; want 400", code)
		}
		for _, q := range []string{"?over=perhaps", "?software=abc"} {
			if code := e.do("GET", PathLicences+q, auth2(tok), nil, nil); code != 400 {
				t.Errorf("GET %s: got %d; want 400", q, code)
			}
		}
	})
}
