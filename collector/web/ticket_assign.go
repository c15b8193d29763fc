package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// ticketAssign adds an assignee, a user ("user" field, a technician or
// more) or a group ("group" field).
func (s *Server) ticketAssign(w http.ResponseWriter, r *http.Request) {
	userID, _ := strconv.ParseInt(r.PostForm.Get("user"), 10, 64)
	groupID, _ := strconv.ParseInt(r.PostForm.Get("group"), 10, 64)
	if (userID > 0) == (groupID > 0) {
		s.ticketError(w, r, errBadInput)
		return
	}
	s.doTicket(w, r, s.assignChange(r, userID, groupID))
}

// assignChange adds the user or group as an assignee (a single or bulk
// assignment).
func (s *Server) assignChange(r *http.Request, userID, groupID int64) ticketChange {
	return ticketChange{
		ev: helpdesk.Event{Action: helpdesk.ActAssign},
		prepare: func(ctx context.Context, tq store.TicketQueries, lt *loadedTicket, st helpdesk.State, ev *helpdesk.Event) error {
			who, err := s.assigneeName(ctx, tq, userID, groupID)
			if err != nil {
				return err
			}
			ev.Assignees = st.Assignees + 1
			if err := tq.AddTicketActor(ctx, &store.TicketActor{TicketID: lt.t.ID, Kind: store.ActorAssignee,
				UserID: userID, GroupID: groupID}); err != nil {
				return err
			}
			return tq.AddTicketHistory(ctx, []store.TicketHistoryEntry{{TicketID: lt.t.ID, Actor: actor(r),
				Field: "assignee", NewValue: who, At: s.now()}})
		},
	}
}

// assigneeName checks a would-be assignee exists and may work tickets,
// and names it for the history.
func (s *Server) assigneeName(ctx context.Context, tq store.TicketQueries, userID, groupID int64) (string, error) {
	if userID > 0 {
		u, err := s.st.GetUser(ctx, userID)
		if err != nil {
			return "", fmt.Errorf("assignee %d: %w", userID, errBadInput)
		}
		if !helpdesk.ParseRole(u.Role).Staff() || u.Disabled {
			return "", fmt.Errorf("assignee %s is not a technician: %w", u.Login, errBadInput)
		}
		return u.Login, nil
	}
	groups, err := tq.ListGroups(ctx)
	if err != nil {
		return "", err
	}
	for _, g := range groups {
		if g.ID == groupID && !g.NotAssignable {
			return g.Name, nil
		}
	}
	return "", fmt.Errorf("group %d: %w", groupID, errBadInput)
}
