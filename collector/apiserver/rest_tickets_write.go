package apiserver

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/notify"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
)

// maxTicketText bounds a description, followup or solution (as the web
// forms do).
const maxTicketText = 64 << 10

// solutionTypes are the kinds of solution (the web UI's list).
var solutionTypes = []string{"fixed", "workaround", "replaced", "explained", "not_reproducible", "duplicate", "other"}

// ticketAction runs one rules-checked action on the ticket {id} in one
// transaction: load it for the caller, apply the rules, write the rows,
// store the new state and the history. It answers the ticket's detail.
func (s *Server) ticketAction(w http.ResponseWriter, r *http.Request, ev helpdesk.Event, field, value string,
	write func(ctx context.Context, tq store.TicketQueries, t *store.Ticket, now time.Time) error) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	u := userFrom(r)
	var d *TicketDetailJSON
	err := s.st.WithTx(r.Context(), func(q store.Queries) error {
		ctx, now := r.Context(), time.Now().UTC()
		tq, err := store.Tickets(q)
		if err != nil {
			return err
		}
		rt, err := loadTicket(ctx, tq, u, id)
		if err != nil {
			return err
		}
		before, err := ticketState(ctx, tq, rt.t)
		if err != nil {
			return err
		}
		ev.ByRequester = rt.rel.Requester
		after, err := helpdesk.Apply(rt.actor, before, ev, now)
		if err != nil {
			return err
		}
		if err := write(ctx, tq, rt.t, now); err != nil {
			return err
		}
		t := rt.t
		t.Status, t.Approval, t.TakenAt, t.SolvedAt, t.ClosedAt, t.UpdatedAt =
			int(after.Status), int(after.Approval), after.TakenAt, after.SolvedAt, after.ClosedAt, now
		if err := tq.UpdateTicket(ctx, t); err != nil {
			return err
		}
		hist := []store.TicketHistoryEntry{{TicketID: id, Actor: u.Login, Field: field, NewValue: value, At: now}}
		if after.Status != before.Status {
			hist = append(hist, store.TicketHistoryEntry{TicketID: id, Actor: u.Login, Field: "status",
				OldValue: strconv.Itoa(int(before.Status)), NewValue: strconv.Itoa(int(after.Status)), At: now})
		}
		if err := tq.AddTicketHistory(ctx, hist); err != nil {
			return err
		}
		if err := notify.RecordAction(ctx, q, tq, ev.Action, t, u.ID, before.Status); err != nil {
			return err
		}
		d, err = ticketDetail(ctx, tq, rt)
		return err
	})
	if s.ticketFailed(w, id, err) {
		return
	}
	writeJSON(w, http.StatusCreated, d)
}

// addTicketFollowup adds a public followup, or a private one (staff
// only). A requester's followup on a pending ticket resumes it.
func (s *Server) addTicketFollowup(w http.ResponseWriter, r *http.Request) {
	var in FollowupInput
	if err := decodeSmall(w, r, &in); err != nil {
		writeError(w, http.StatusBadRequest, err.Error(), nil)
		return
	}
	in.Content = strings.TrimSpace(in.Content)
	if in.Content == "" || len(in.Content) > maxTicketText {
		writeError(w, http.StatusBadRequest, "invalid followup", []api.FieldError{{Field: "content", Reason: "is required, at most 64 KiB"}})
		return
	}
	act := helpdesk.ActFollowup
	if in.Private {
		act = helpdesk.ActPrivateFollowup
	}
	u := userFrom(r)
	s.ticketAction(w, r, helpdesk.Event{Action: act}, "followup", "", func(ctx context.Context, tq store.TicketQueries, t *store.Ticket, now time.Time) error {
		return tq.AddFollowup(ctx, &store.Followup{TicketID: t.ID, UserID: u.ID, Content: in.Content, Private: in.Private, CreatedAt: now})
	})
}

// solveTicket proposes a solution (staff); the ticket is solved and waits
// for the requester's approval.
func (s *Server) solveTicket(w http.ResponseWriter, r *http.Request) {
	var in SolutionInput
	if err := decodeSmall(w, r, &in); err != nil {
		writeError(w, http.StatusBadRequest, err.Error(), nil)
		return
	}
	var fields []api.FieldError
	if in.Type == "" {
		in.Type = "fixed"
	}
	if !slices.Contains(solutionTypes, in.Type) {
		fields = append(fields, api.FieldError{Field: "type", Reason: "want one of " + strings.Join(solutionTypes, ", ")})
	}
	if in.Content = strings.TrimSpace(in.Content); in.Content == "" || len(in.Content) > maxTicketText {
		fields = append(fields, api.FieldError{Field: "content", Reason: "is required, at most 64 KiB"})
	}
	if len(fields) > 0 {
		writeError(w, http.StatusBadRequest, "invalid solution", fields)
		return
	}
	u := userFrom(r)
	s.ticketAction(w, r, helpdesk.Event{Action: helpdesk.ActSolve}, "solution", in.Type, func(ctx context.Context, tq store.TicketQueries, t *store.Ticket, now time.Time) error {
		return tq.AddSolution(ctx, &store.Solution{TicketID: t.ID, UserID: u.ID, Type: in.Type, Content: in.Content,
			Status: int(helpdesk.ApprovalWaiting), CreatedAt: now})
	})
}

// validate names each wrong field of a new ticket.
func (in *TicketInput) validate() []api.FieldError {
	var out []api.FieldError
	bad := func(field, reason string) { out = append(out, api.FieldError{Field: field, Reason: reason}) }
	if t := strings.TrimSpace(in.Title); t == "" || utf8.RuneCountInString(t) > 250 {
		bad("title", "is required, at most 250 characters")
	}
	if c := strings.TrimSpace(in.Content); c == "" || len(c) > maxTicketText {
		bad("content", "is required, at most 64 KiB")
	}
	if in.Type == 0 {
		in.Type = int(helpdesk.TypeIncident)
	}
	if !helpdesk.Type(in.Type).Valid() {
		bad("type", "want 1 (incident) or 2 (request)")
	}
	if in.Urgency == 0 {
		in.Urgency = 3
	}
	if !helpdesk.ValidLevel(in.Urgency) {
		bad("urgency", "want 1 to 5")
	}
	if in.Impact == 0 {
		in.Impact = 3
	}
	if !helpdesk.ValidLevel(in.Impact) {
		bad("impact", "want 1 to 5")
	}
	if in.CategoryID < 0 {
		bad("category_id", "want a category ID")
	}
	if len(in.Assets) > 20 {
		bad("assets", "at most 20 assets")
	}
	return out
}
