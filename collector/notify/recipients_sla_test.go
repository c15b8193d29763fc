package notify

import (
	"slices"
	"testing"

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
