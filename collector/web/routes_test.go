package web

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

// TestRoleMatrix calls every route as anonymous and as every role, and
// checks who gets in: anonymous visitors of a page are sent to the login
// form, anonymous data requests get 401, too low a role gets 403.
func TestRoleMatrix(t *testing.T) {
	e := newEnv(t)
	e.ingestExamples("computer_1.json")
	swPage, err := e.st.ListSoftware(ctx, store.SoftwareFilter{Limit: 1})
	if err != nil || len(swPage.Software) == 0 {
		t.Fatalf("got %v, %v; want software from computer_1.json", swPage, err)
	}
	ids := strings.NewReplacer("{id}", fmt.Sprint(e.assets["computer_1.json"]))
	for _, rt := range e.srv.routes() {
		path := ids.Replace(rt.pattern)
		if strings.HasPrefix(path, "/software/") {
			path = fmt.Sprintf("/software/%d", swPage.Software[0].ID)
		}
		for _, role := range append([]string{""}, store.Roles...) {
			path := path
			if strings.HasPrefix(rt.pattern, "/tickets/{id}") {
				path = e.ticketPath(rt.pattern, role) // the user's own ticket
			}
			name := role
			if name == "" {
				name = "anonymous"
			}
			t.Run(rt.method+" "+rt.pattern+"/"+name, func(t *testing.T) {
				c := e.as(role)
				var resp *http.Response
				if rt.method == http.MethodGet {
					resp, _ = c.get(path)
				} else {
					resp, _ = c.post(path, nil)
				}
				allowed := rt.role == rolePublic || (role != "" && store.RoleRank(role) >= store.RoleRank(rt.role))
				loc := resp.Header.Get("Location")
				switch {
				case allowed:
					// A public form may answer 401 to an empty login; a
					// protected route must not.
					unauth := resp.StatusCode == http.StatusUnauthorized && rt.role != rolePublic
					if resp.StatusCode == http.StatusForbidden || unauth || resp.StatusCode >= 500 || strings.HasPrefix(loc, "/login?") {
						t.Errorf("got status %d (location %q); want access", resp.StatusCode, loc)
					}
				case role == "" && rt.kind == kindData:
					wantStatus(t, resp, http.StatusUnauthorized)
				case role == "":
					if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/login") {
						t.Errorf("got status %d location %q; want 303 to /login", resp.StatusCode, loc)
					}
				default:
					wantStatus(t, resp, http.StatusForbidden)
				}
			})
		}
	}
}

// TestRoutesDeclareRoles checks every route names a known role or is
// explicitly public, so none is open by mistake.
func TestRoutesDeclareRoles(t *testing.T) {
	e := newEnv(t)
	public := map[string]bool{"GET /login": true, "POST /login": true, "POST /lang": true}
	for _, rt := range e.srv.routes() {
		key := rt.method + " " + rt.pattern
		if rt.role == rolePublic && !public[key] {
			t.Errorf("%s is public; want a role", key)
		}
		if rt.role != rolePublic && store.RoleRank(rt.role) < 0 {
			t.Errorf("%s needs unknown role %q", key, rt.role)
		}
	}
}
