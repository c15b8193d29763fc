package web

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

func init() { pageNames = append(pageNames, "ticket_bulk") }

// maxBulk bounds the tickets of one bulk action (a page of the queue).
const maxBulk = 200

// bulkResult is one ticket's outcome in a bulk action.
type bulkResult struct {
	ID     int64
	Reason string // why it was refused, translated; "" when done
}

type bulkData struct {
	Action        string
	Done, Refused []bulkResult
	Back          string
}

// ticketBulk applies one action to the checked tickets ("ids"): assign
// to a user or group, put on hold, resume, or solve with one solution.
// Each ticket goes through the same checks and history as the single
// action, in its own transaction: the ones refused are listed with why,
// the others are done.
func (s *Server) ticketBulk(w http.ResponseWriter, r *http.Request) {
	ids, err := bulkIDs(r)
	if err != nil {
		s.ticketError(w, r, err)
		return
	}
	action := r.PostForm.Get("action")
	ch, err := s.bulkChange(r, action)
	if err != nil {
		s.ticketError(w, r, err)
		return
	}
	d := bulkData{Action: action, Back: localPath(r.PostForm.Get("back"))}
	lang := state(r).lang
	for _, id := range ids {
		err := s.st.WithTx(r.Context(), func(q store.Queries) error {
			_, err := s.applyTicketID(r, q, id, ch)
			return err
		})
		if err != nil {
			if reason := bulkReason(lang, err); reason != "" {
				d.Refused = append(d.Refused, bulkResult{ID: id, Reason: reason})
				continue
			}
			s.serverError(w, r, fmt.Errorf("bulk %s on ticket %d: %w", action, id, err))
			return
		}
		d.Done = append(d.Done, bulkResult{ID: id})
	}
	s.log.Info("bulk ticket action", "action", action, "done", len(d.Done), "refused", len(d.Refused), "by", actor(r))
	status := http.StatusOK
	if len(d.Refused) > 0 {
		status = http.StatusConflict
	}
	s.render(w, r, status, "ticket_bulk", s.newPage(r, "ticket.bulk_title", "tickets", d))
}

// bulkIDs reads the checked tickets.
func bulkIDs(r *http.Request) ([]int64, error) {
	raw := r.PostForm["ids"]
	if len(raw) == 0 || len(raw) > maxBulk {
		return nil, fmt.Errorf("bulk: %d tickets, want 1 to %d: %w", len(raw), maxBulk, errBadInput)
	}
	var ids []int64
	for _, v := range raw {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return nil, fmt.Errorf("bulk: ticket %q: %w", v, errBadInput)
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// bulkChange is the single action a bulk action repeats.
func (s *Server) bulkChange(r *http.Request, action string) (ticketChange, error) {
	f := r.PostForm
	switch action {
	case "assign":
		userID, _ := strconv.ParseInt(f.Get("user"), 10, 64)
		groupID, _ := strconv.ParseInt(f.Get("group"), 10, 64)
		if (userID > 0) == (groupID > 0) {
			return ticketChange{}, fmt.Errorf("bulk assign: one user or one group: %w", errBadInput)
		}
		return s.assignChange(r, userID, groupID), nil
	case "pending":
		return ticketChange{ev: helpdesk.Event{Action: helpdesk.ActPending}}, nil
	case "resume":
		return ticketChange{ev: helpdesk.Event{Action: helpdesk.ActResume}}, nil
	case "solve":
		content, err := formText(r, "content")
		if err != nil {
			return ticketChange{}, err
		}
		typ := f.Get("type")
		if !slices.Contains(solutionTypes, typ) {
			return ticketChange{}, fmt.Errorf("solution type %q: %w", typ, errBadInput)
		}
		return s.solveChange(r, typ, content), nil
	}
	return ticketChange{}, fmt.Errorf("bulk action %q: %w", action, errBadInput)
}

// bulkReason says why one ticket was refused, or "" for an error that is
// not the user's (the bulk action then fails as a whole).
func bulkReason(lang string, err error) string {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return i18n.T(lang, "error.not_found")
	case errors.Is(err, helpdesk.ErrForbidden):
		return i18n.T(lang, "error.forbidden")
	case errors.Is(err, helpdesk.ErrStatus):
		return i18n.T(lang, "ticket.error_status")
	case errors.Is(err, store.ErrConflict):
		return i18n.T(lang, "ticket.error_duplicate")
	case errors.Is(err, errBadInput):
		return i18n.T(lang, "error.bad_form")
	}
	return ""
}
