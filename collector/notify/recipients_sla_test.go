package notify

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// TestSLAWarningRecipients: an SLA warning goes to the assignees (users
// and group members alike); with no assignee it escalates to the named
// supervisors, never to the requester.
func TestSLAWarningRecipients(t *testing.T) {
	person := func(id int64, kinds ...int) store.Recipient {
		return store.Recipient{UserID: id, Login: "u", Email: "u@x.fr", Kinds: kinds}
	}
	supervisors := []store.Recipient{person(8), person(9)}
	tests := []struct {
		name   string
		people []store.Recipient
		want   []int64
	}{
		{"assignees only", []store.Recipient{person(1, store.ActorRequester), person(3, store.ActorAssignee),
			person(4, store.ActorObserver, store.ActorAssignee)}, []int64{3, 4}},
		{"nobody assigned: the supervisors", []store.Recipient{person(1, store.ActorRequester)}, []int64{8, 9}},
		{"the only assignee opted out: the supervisors", []store.Recipient{{UserID: 3, Email: "a@x.fr", OptedOut: true,
			Kinds: []int{store.ActorAssignee}}}, []int64{8, 9}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []int64
			for _, r := range Recipients(Event{Kind: SLAWarning, SLA: "tto"}, tt.people, supervisors) {
				got = append(got, r.UserID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v; want %v", got, tt.want)
			}
		})
	}
}

// TestSLAWarningMail: the warning says which deadline and when, in the
// recipient's language.
func TestSLAWarningMail(t *testing.T) {
	due := time.Date(2026, 12, 2, 10, 30, 0, 0, time.Local)
	tests := []struct {
		lang, sla, want string
	}{
		{"fr", "ttr", "Le ticket n° 7 doit être résolu avant le 2026-12-02 10:30."},
		{"en", "tto", "Ticket #7 must be taken in charge by 2026-12-02 10:30."},
	}
	for _, tt := range tests {
		m, err := Render(Event{Kind: SLAWarning, TicketID: 7, SLA: tt.sla, Due: due},
			ticketInfo{ID: 7, Title: "Imprimante", Status: 2}, store.Recipient{UserID: 3, Email: "a@x.fr", Lang: tt.lang},
			"parc@mairie.example.fr", "mairie.example.fr")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(m.Text, tt.want) {
			t.Errorf("%s %s mail: got %q; want it to contain %q", tt.lang, tt.sla, m.Text, tt.want)
		}
	}
}
