package apiserver

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/notify"
	"github.com/parcproject/parc/collector/store"
)

// TestTicketAPINotifies: tickets created and worked through the REST API
// queue the same mail events as the web UI, in the same transaction.
func TestTicketAPINotifies(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		te := newTicketEnv(t, e)
		d := te.open(store.RoleSelfService, TicketInput{Title: "No sound", Content: "since Monday", Assets: []int64{te.alicePC}})
		path := fmt.Sprintf("%s/%d", PathTickets, d.Ticket.ID)
		if code := te.call(store.RoleTechnician, "POST", path+"/followups", FollowupInput{Content: "on my way"}, nil); code != 201 {
			t.Fatalf("followup: got %d; want 201", code)
		}
		if code := te.call(store.RoleTechnician, "POST", path+"/solution", SolutionInput{Content: "cable replaced"}, nil); code != 201 {
			t.Fatalf("solution: got %d; want 201", code)
		}
		jq, err := store.Jobs(e.st)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for {
			j, err := jq.ClaimJob(context.Background(), []string{notify.JobEvent}, "test", time.Now().Add(time.Minute), time.Minute)
			if err != nil {
				break // none left
			}
			var ev notify.Event
			if err := json.Unmarshal([]byte(j.Payload), &ev); err != nil {
				t.Fatal(err)
			}
			if ev.TicketID != d.Ticket.ID {
				t.Errorf("event %+v is for ticket %d; want %d", ev, ev.TicketID, d.Ticket.ID)
			}
			got = append(got, string(ev.Kind)+":"+ev.Text)
		}
		want := []string{string(notify.Created) + ":since Monday", string(notify.Followup) + ":on my way", string(notify.Solved) + ":cable replaced"}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("got events %q; want %q", got, want)
		}
	})
}
