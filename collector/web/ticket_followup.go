package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// maxTextBytes bounds a followup, task, solution or description.
const maxTextBytes = 64 << 10

// formText reads a required text field of at most maxTextBytes.
func formText(r *http.Request, name string) (string, error) {
	v := strings.TrimSpace(r.PostForm.Get(name))
	if v == "" || len(v) > maxTextBytes {
		return "", fmt.Errorf("%s: empty or too long: %w", name, errBadInput)
	}
	return v, nil
}

// ticketFollowup adds a followup: public, or private (staff only). A
// requester's followup on a pending ticket puts it back into processing.
func (s *Server) ticketFollowup(w http.ResponseWriter, r *http.Request) {
	content, err := formText(r, "content")
	if err != nil {
		s.ticketError(w, r, err)
		return
	}
	private := r.PostForm.Get("private") == "1"
	act := helpdesk.ActFollowup
	if private {
		act = helpdesk.ActPrivateFollowup
	}
	s.doTicket(w, r, ticketChange{
		ev: helpdesk.Event{Action: act},
		write: func(ctx context.Context, tq store.TicketQueries, lt *loadedTicket) error {
			return tq.AddFollowup(ctx, &store.Followup{TicketID: lt.t.ID, UserID: state(r).user.ID,
				Content: content, Private: private, CreatedAt: s.now()})
		},
		field: "followup",
	})
}
