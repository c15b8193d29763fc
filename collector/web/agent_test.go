package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// agentsEnv enrols three agents: pc-ok (called just now, owns
// computer_1.json's asset, one refused report), pc-never (never called)
// and pc-old (last call 3 hours ago, late with the default 1 h period).
func agentsEnv(t *testing.T) (*env, map[string]*store.Agent) {
	t.Helper()
	e := newEnv(t)
	e.ingestExamples("computer_1.json")
	if err := e.st.SetSetting(ctx, store.SettingEnrollSecret, "parc_e_site-secret"); err != nil {
		t.Fatal(err)
	}
	now := e.srv.now()
	agents := map[string]*store.Agent{}
	for i, id := range []string{"pc-ok", "pc-never", "pc-old"} {
		a := &store.Agent{DeviceID: id, Hostname: "host-" + id, TokenHash: fmt.Sprint("hash", i), Version: "0.3.0"}
		if err := e.st.CreateAgent(ctx, a); err != nil {
			t.Fatal(err)
		}
		agents[id] = a
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(e.st.TouchAgentContact(ctx, agents["pc-ok"].ID, now, "0.3.0"))
	must(e.st.TouchAgentContact(ctx, agents["pc-old"].ID, now.Add(-3*time.Hour), "0.2.0"))
	must(e.st.SetAgentAsset(ctx, agents["pc-ok"].ID, e.assets["computer_1.json"]))
	ap, err := store.AgentPages(e.st)
	must(err)
	must(ap.RecordAgentRefusal(ctx, agents["pc-ok"].ID, "invalid: content.hardware.name is too long", now))
	return e, agents
}

func TestAgentList(t *testing.T) {
	e, agents := agentsEnv(t)
	tech := e.as("technician")
	resp, body := tech.get("/agents")
	wantStatus(t, resp, http.StatusOK)
	for _, want := range []string{"pc-ok", "pc-never", "pc-old", fmt.Sprintf(`<a href="/assets/%d">`, e.assets["computer_1.json"]),
		`id="late-count" href="/agents?late=1">2 late`, "content.hardware.name is too long",
		"parc-agent run --server " + e.ts.URL + " --enroll-secret SECRET"} {
		if !strings.Contains(body, want) {
			t.Errorf("agents page lacks %q", want)
		}
	}
	if got := strings.Count(body, `late">late</span>`); got != 2 {
		t.Errorf("got %d late badges; want 2 (pc-never, pc-old)", got)
	}
	if strings.Contains(body, "parc_e_site-secret") || strings.Contains(body, "/revoke") {
		t.Error("a technician is shown the enrolment secret or a revoke button")
	}
	_, body = tech.get("/agents?late=1")
	if strings.Contains(body, `id="agent-`+fmt.Sprint(agents["pc-ok"].ID)+`"`) || !strings.Contains(body, "pc-old") {
		t.Error("late=1 does not keep only the late agents")
	}
	_, body = tech.get("/agents?q=HOST-PC-OL")
	if !strings.Contains(body, "pc-old") || strings.Contains(body, "pc-never") {
		t.Error("q= does not search the host name")
	}
	_, body = e.as("admin").get("/agents")
	for _, want := range []string{"--enroll-secret parc_e_site-secret", fmt.Sprintf(`href="/agents/%d/revoke"`, agents["pc-old"].ID)} {
		if !strings.Contains(body, want) {
			t.Errorf("an administrator's agents page lacks %q", want)
		}
	}
}

// TestAgentListFrench renders the page in French.
func TestAgentListFrench(t *testing.T) {
	e, _ := agentsEnv(t)
	c := e.as("technician")
	c.get("/agents")
	c.post("/lang", url.Values{"lang": {"fr"}, "next": {"/agents"}})
	_, body := c.get("/agents")
	for _, want := range []string{"Dernier contact", `late">en retard</span>`, "2 en retard", "Inscrire un ordinateur"} {
		if !strings.Contains(body, want) {
			t.Errorf("French agents page lacks %q", want)
		}
	}
}

func TestAgentRevoke(t *testing.T) {
	e, agents := agentsEnv(t)
	old := agents["pc-old"]
	path := fmt.Sprintf("/agents/%d/revoke", old.ID)
	admin := e.as("admin")
	resp, body := admin.get(path)
	wantStatus(t, resp, http.StatusOK)
	if !strings.Contains(body, `id="revoke-form"`) || !strings.Contains(body, "pc-old") {
		t.Fatalf("the confirmation page lacks the form or the deviceid")
	}
	resp, _ = admin.post(path, url.Values{"csrf": {"forged"}})
	wantStatus(t, resp, http.StatusForbidden)
	if _, err := e.st.GetAgent(ctx, old.ID); err != nil {
		t.Fatalf("a forged revoke removed the agent: %v", err)
	}
	resp, _ = e.as("technician").post(path, nil)
	wantStatus(t, resp, http.StatusForbidden)
	resp, _ = admin.post(path, nil)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/agents" {
		t.Fatalf("got %d to %q; want 303 to /agents", resp.StatusCode, resp.Header.Get("Location"))
	}
	if _, err := e.st.GetAgentByDeviceID(ctx, "pc-old"); err == nil {
		t.Error("the revoked agent is still enrolled")
	}
	resp, _ = admin.post(path, nil)
	wantStatus(t, resp, http.StatusNotFound)
	resp, _ = admin.get("/agents/0/revoke")
	wantStatus(t, resp, http.StatusNotFound)
}
