package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parcproject/parc/collector/store"
)

// surveyWindow is how long after closing the requester may answer the
// satisfaction survey, or change the answer (GLPI's survey validity).
const surveyWindow = 30 * 24 * time.Hour

// maxSurveyComment bounds the survey's comment, in characters.
const maxSurveyComment = 2000

// surveyOpen reports whether the survey of t may be answered at now.
func surveyOpen(t *store.Ticket, now time.Time) bool {
	return t.Status == 6 && !t.ClosedAt.IsZero() && now.Sub(t.ClosedAt) <= surveyWindow
}

// satisfactionAnswer records the requester's rating (1..5) and comment
// of a closed ticket, then goes back to the ticket. Only a requester of
// the ticket (directly or through a group) answers; staff read it.
func (s *Server) satisfactionAnswer(w http.ResponseWriter, r *http.Request) {
	ctx, user := r.Context(), state(r).user
	tq, err := store.Tickets(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	sq, err := store.Satisfactions(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	t, err := tq.GetTicket(ctx, pathID(r))
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	} else if err != nil {
		s.serverError(w, r, err)
		return
	}
	rel, err := tq.TicketRelations(ctx, t.ID, user.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	// Only a requester answers (403); a requester whose ticket is not
	// closed, or closed too long ago, meets a state conflict (409), as
	// the other ticket actions do.
	switch {
	case !rel.Requester:
		s.errorPage(w, r, http.StatusForbidden, "error.forbidden")
		return
	case !surveyOpen(t, s.now()):
		s.errorPage(w, r, http.StatusConflict, "satisfaction.err_closed")
		return
	}
	rating, err := strconv.Atoi(r.PostFormValue("rating"))
	if err != nil || rating < 1 || rating > 5 {
		s.errorPage(w, r, http.StatusBadRequest, "satisfaction.err_rating")
		return
	}
	comment := strings.TrimSpace(r.PostFormValue("comment"))
	if utf8.RuneCountInString(comment) > maxSurveyComment {
		s.errorPage(w, r, http.StatusBadRequest, "satisfaction.err_comment")
		return
	}
	a := &store.Satisfaction{TicketID: t.ID, UserID: user.ID, Rating: rating, Comment: comment, AnsweredAt: s.now()}
	if err := sq.SetSatisfaction(ctx, a); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("satisfaction answered", "ticket_id", t.ID, "user_id", user.ID, "rating", rating)
	redirect(w, r, "/tickets/"+strconv.FormatInt(t.ID, 10))
}
