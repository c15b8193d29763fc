package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/notify"
	"github.com/parcproject/parc/collector/store"
)

// maxTitleRunes bounds a ticket's title (GLPI's is 255).
const maxTitleRunes = 250

// defaultImpact is a new ticket's impact: requesters choose the urgency,
// technicians judge the impact.
const defaultImpact = 3

// ticketCreate opens a ticket requested by the logged-in user, about one
// of their devices; a category with a default group assigns it.
func (s *Server) ticketCreate(w http.ResponseWriter, r *http.Request) {
	ctx, lang := r.Context(), state(r).lang
	f := &ticketForm{Title: strings.TrimSpace(r.PostForm.Get("title")), Content: strings.TrimSpace(r.PostForm.Get("content"))}
	f.Type, _ = strconv.Atoi(r.PostForm.Get("type"))
	f.Urgency, _ = strconv.Atoi(r.PostForm.Get("urgency"))
	f.CategoryID, _ = strconv.ParseInt(r.PostForm.Get("category"), 10, 64)
	f.AssetID, _ = strconv.ParseInt(r.PostForm.Get("asset"), 10, 64)
	if err := s.fillTicketForm(ctx, r, f); err != nil {
		s.serverError(w, r, err)
		return
	}
	var cat *store.Category
	for i := range f.Categories {
		if f.Categories[i].ID == f.CategoryID {
			cat = &f.Categories[i]
		}
	}
	switch {
	case f.Title == "" || utf8.RuneCountInString(f.Title) > maxTitleRunes:
		f.Error = i18n.T(lang, "ticket.error_title", maxTitleRunes)
	case f.Content == "" || len(f.Content) > maxTextBytes:
		f.Error = i18n.T(lang, "ticket.error_content")
	case !helpdesk.Type(f.Type).Valid() || !helpdesk.ValidLevel(f.Urgency):
		f.Error = i18n.T(lang, "error.bad_form")
	case f.CategoryID != 0 && cat == nil, f.AssetID != 0 && !containsAsset(f.Devices, f.AssetID):
		f.Error = i18n.T(lang, "error.bad_form")
	}
	if f.Error != "" {
		s.render(w, r, http.StatusBadRequest, "ticket_new", s.newPage(r, "ticket.new_title", "helpdesk", f))
		return
	}
	var id int64
	err := s.st.WithTx(ctx, func(q store.Queries) error {
		var err error
		id, err = s.createTicket(ctx, r, q, f, cat)
		return err
	})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, ticketURL(id))
}

func (s *Server) createTicket(ctx context.Context, r *http.Request, q store.Queries, f *ticketForm, cat *store.Category) (int64, error) {
	tq, err := store.Tickets(q)
	if err != nil {
		return 0, err
	}
	m, err := s.priorityMatrix(ctx)
	if err != nil {
		return 0, err
	}
	prio, err := m.Priority(f.Urgency, defaultImpact)
	if err != nil {
		return 0, err
	}
	now, u := s.now(), state(r).user
	st := helpdesk.State{Status: helpdesk.StatusNew}
	if cat != nil && cat.GroupID != 0 {
		st = helpdesk.AutoAssign(st, 1, now)
	}
	t := &store.Ticket{Title: f.Title, Content: f.Content, Type: f.Type, Status: int(st.Status), Urgency: f.Urgency,
		Impact: defaultImpact, Priority: prio, CategoryID: f.CategoryID, CreatedBy: u.ID, OpenedAt: now,
		TakenAt: st.TakenAt, UpdatedAt: now}
	if err := tq.CreateTicket(ctx, t); err != nil {
		return 0, err
	}
	if err := tq.AddTicketActor(ctx, &store.TicketActor{TicketID: t.ID, Kind: store.ActorRequester, UserID: u.ID}); err != nil {
		return 0, err
	}
	if cat != nil && cat.GroupID != 0 {
		if err := tq.AddTicketActor(ctx, &store.TicketActor{TicketID: t.ID, Kind: store.ActorAssignee, GroupID: cat.GroupID}); err != nil {
			return 0, err
		}
	}
	if f.AssetID != 0 {
		if err := tq.LinkTicketAsset(ctx, t.ID, f.AssetID); err != nil {
			return 0, err
		}
	}
	if err := notify.Record(ctx, q, notify.Event{Kind: notify.Created, TicketID: t.ID, AuthorID: u.ID, Text: t.Content, At: now}); err != nil {
		return 0, err
	}
	return t.ID, tq.AddTicketHistory(ctx, []store.TicketHistoryEntry{{TicketID: t.ID, Actor: u.Login,
		Field: "created", NewValue: strconv.Itoa(t.Status), At: now}})
}
