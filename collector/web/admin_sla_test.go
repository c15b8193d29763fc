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

// TestAdminSLA: an administrator saves the town hall's calendar and two
// rules; bad hours, zones and durations are refused naming the field; a
// calendar a rule uses cannot be deleted; other roles get no access.
func TestAdminSLA(t *testing.T) {
	e := newEnv(t)
	sq, _ := store.SLAs(e.st)
	c := e.as("admin")
	wantStatus(t, first(c.post("/admin/sla/calendars", url.Values{"name": {"Mairie"}, "timezone": {"Europe/Paris"},
		"segments": {"mon-fri 08:30-12:00 13:30-17:30"}, "holidays": {"05-01 Fête du travail\n2026-12-25"}})), http.StatusSeeOther)
	cals, _ := sq.ListSLACalendars(ctx)
	if len(cals) != 1 || len(cals[0].Segments) != 10 || len(cals[0].Holidays) != 2 {
		t.Fatalf("got calendars %+v; want Mairie with 10 segments and 2 holidays", cals)
	}
	cal := cals[0].ID
	bad := []struct {
		name string
		form url.Values
		want string
	}{
		{"bad hours", url.Values{"name": {"X"}, "segments": {"mon 18:00-08:00"}}, "Opening hours: line 1"},
		{"bad zone", url.Values{"name": {"X"}, "timezone": {"Europe/Atlantis"}}, "Time zone"},
		{"bad holiday", url.Values{"name": {"X"}, "holidays": {"2026-02-30"}}, "Holidays: line 1"},
		{"no name", url.Values{"name": {" "}}, "The name is missing"},
	}
	for _, tt := range bad {
		resp, body := c.post("/admin/sla/calendars", tt.form)
		wantStatus(t, resp, http.StatusBadRequest)
		if !strings.Contains(body, tt.want) {
			t.Errorf("%s: the page does not say %q", tt.name, tt.want)
		}
	}
	wantStatus(t, first(c.post("/admin/sla/calendars", url.Values{"name": {"Mairie"}})), http.StatusConflict)

	wantStatus(t, first(c.post("/admin/sla/rules", url.Values{"name": {"Prise en charge"}, "kind": {"tto"}, "hours": {"0,5"},
		"calendar": {fmt.Sprint(cal)}, "warn": {"10"}})), http.StatusSeeOther)
	wantStatus(t, first(c.post("/admin/sla/rules", url.Values{"name": {"Urgent"}, "kind": {"ttr"}, "hours": {"4"},
		"priority": {"5"}})), http.StatusSeeOther)
	rules, _ := sq.ListSLARules(ctx)
	if len(rules) != 2 || rules[0].Duration != 30*time.Minute || rules[0].WarnBefore != 10*time.Minute ||
		rules[0].CalendarID != cal || rules[1].Priority != 5 {
		t.Fatalf("got rules %+v; want a 30 min TTO on the calendar, warned 10 min before, and a 4 h TTR for priority 5", rules)
	}
	badRules := []struct {
		form url.Values
		want string
	}{
		{url.Values{"name": {"X"}, "kind": {"soon"}, "hours": {"1"}}, "Kind:"},
		{url.Values{"name": {"X"}, "kind": {"ttr"}, "hours": {"-1"}}, "Hours:"},
		{url.Values{"name": {"X"}, "kind": {"ttr"}, "hours": {"NaN"}}, "Hours:"},
		{url.Values{"name": {"X"}, "kind": {"ttr"}, "hours": {"1"}, "warn": {"90"}}, "Warning:"},
		{url.Values{"name": {"X"}, "kind": {"ttr"}, "hours": {"1"}, "priority": {"9"}}, "Priority:"},
	}
	for _, tt := range badRules {
		resp, body := c.post("/admin/sla/rules", tt.form)
		wantStatus(t, resp, http.StatusBadRequest)
		if !strings.Contains(body, tt.want) {
			t.Errorf("rule %v: the page does not say %q", tt.form, tt.want)
		}
	}
	wantStatus(t, first(c.post("/admin/sla/rules", url.Values{"name": {"X"}, "kind": {"ttr"}, "hours": {"1"},
		"calendar": {"999"}})), http.StatusNotFound)
	wantStatus(t, first(c.post(fmt.Sprintf("/admin/sla/calendars/%d/delete", cal), nil)), http.StatusConflict)
	_, body := c.get("/admin/sla")
	for _, want := range []string{"mon 08:30-12:00 13:30-17:30", "05-01 Fête du travail", "Prise en charge", `value="0.5"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the page does not show %q", want)
		}
	}
	wantStatus(t, first(c.post(fmt.Sprintf("/admin/sla/rules/%d", rules[0].ID), url.Values{"name": {"Prise en charge"},
		"kind": {"tto"}, "hours": {"1"}})), http.StatusSeeOther)
	wantStatus(t, first(c.post(fmt.Sprintf("/admin/sla/rules/%d/delete", rules[0].ID), nil)), http.StatusSeeOther)
	wantStatus(t, first(c.post(fmt.Sprintf("/admin/sla/calendars/%d/delete", cal), nil)), http.StatusSeeOther)
	wantStatus(t, first(c.post(fmt.Sprintf("/admin/sla/calendars/%d/delete", cal), nil)), http.StatusNotFound)
	for _, role := range []string{"technician", "supervisor"} {
		wantStatus(t, first(e.as(role).get("/admin/sla")), http.StatusForbidden)
	}
}
