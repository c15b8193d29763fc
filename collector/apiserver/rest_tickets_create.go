package apiserver

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/notify"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
)

// createTicket opens a ticket requested by the caller, linked to assets
// (a self-service user's own devices only), assigned to its category's
// default group, with the priority of the site's matrix.
func (s *Server) createTicket(w http.ResponseWriter, r *http.Request) {
	var in TicketInput
	if err := decodeSmall(w, r, &in); err != nil {
		writeError(w, http.StatusBadRequest, err.Error(), nil)
		return
	}
	fields := in.validate()
	u, ctx := userFrom(r), r.Context()
	staff := helpdesk.ParseRole(u.Role).Staff()
	if !staff && in.Impact != 3 {
		fields = append(fields, api.FieldError{Field: "impact", Reason: "only technicians judge the impact; leave it out"})
	}
	tq, err := store.Tickets(s.st)
	if err != nil {
		s.internalError(w, "REST tickets", err)
		return
	}
	var cat *store.Category
	if len(fields) == 0 {
		var more []api.FieldError
		cat, more, err = s.checkTicketRefs(ctx, tq, u, staff, &in)
		if err != nil {
			s.internalError(w, "REST create ticket", err)
			return
		}
		fields = append(fields, more...)
	}
	if len(fields) > 0 {
		writeError(w, http.StatusBadRequest, "invalid ticket", fields)
		return
	}
	m, err := s.priorityMatrix(ctx)
	if err != nil {
		s.internalError(w, "REST priority matrix", err)
		return
	}
	prio, _ := m.Priority(in.Urgency, in.Impact)
	var d *TicketDetailJSON
	err = s.st.WithTx(ctx, func(q store.Queries) error {
		var err error
		d, err = insertTicket(ctx, q, u, &in, cat, prio)
		return err
	})
	if err != nil {
		s.internalError(w, "REST create ticket", err)
		return
	}
	s.log.Info("ticket created", "ticket_id", d.Ticket.ID, "by", u.Login, "via", "api")
	w.Header().Set("Location", PathTickets+"/"+strconv.FormatInt(d.Ticket.ID, 10))
	writeJSON(w, http.StatusCreated, d)
}

// checkTicketRefs checks the category (active) and the assets (existing;
// the caller's own devices unless staff).
func (s *Server) checkTicketRefs(ctx context.Context, tq store.TicketQueries, u *store.User, staff bool, in *TicketInput) (*store.Category, []api.FieldError, error) {
	var fields []api.FieldError
	var cat *store.Category
	if in.CategoryID != 0 {
		c, err := tq.GetCategory(ctx, in.CategoryID)
		switch {
		case errors.Is(err, store.ErrNotFound) || (err == nil && c.Inactive):
			fields = append(fields, api.FieldError{Field: "category_id", Reason: "no such active category"})
		case err != nil:
			return nil, nil, err
		default:
			cat = c
		}
	}
	var own map[int64]bool
	if !staff {
		devs, err := tq.UserDevices(ctx, u.ID, u.Login)
		if err != nil {
			return nil, nil, err
		}
		own = map[int64]bool{}
		for _, a := range devs {
			own[a.ID] = true
		}
	}
	for i, id := range in.Assets {
		name := fmt.Sprintf("assets[%d]", i)
		if own != nil && !own[id] {
			fields = append(fields, api.FieldError{Field: name, Reason: "not one of your devices"})
			continue
		}
		if _, err := s.st.GetAsset(ctx, id); errors.Is(err, store.ErrNotFound) {
			fields = append(fields, api.FieldError{Field: name, Reason: "no such asset"})
		} else if err != nil {
			return nil, nil, err
		}
	}
	return cat, fields, nil
}

// insertTicket writes the new ticket, its actors, asset links and first
// history row, and returns its detail.
func insertTicket(ctx context.Context, q store.Queries, u *store.User, in *TicketInput, cat *store.Category, prio int) (*TicketDetailJSON, error) {
	tq, err := store.Tickets(q)
	if err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	st := helpdesk.State{Status: helpdesk.StatusNew}
	if cat != nil && cat.GroupID != 0 {
		st = helpdesk.AutoAssign(st, 1, now)
	}
	t := &store.Ticket{Title: strings.TrimSpace(in.Title), Content: strings.TrimSpace(in.Content), Type: in.Type,
		Status: int(st.Status), Urgency: in.Urgency, Impact: in.Impact, Priority: prio, CategoryID: in.CategoryID,
		CreatedBy: u.ID, OpenedAt: now, TakenAt: st.TakenAt, UpdatedAt: now}
	if err := tq.CreateTicket(ctx, t); err != nil {
		return nil, err
	}
	if err := tq.AddTicketActor(ctx, &store.TicketActor{TicketID: t.ID, Kind: store.ActorRequester, UserID: u.ID}); err != nil {
		return nil, err
	}
	if cat != nil && cat.GroupID != 0 {
		if err := tq.AddTicketActor(ctx, &store.TicketActor{TicketID: t.ID, Kind: store.ActorAssignee, GroupID: cat.GroupID}); err != nil {
			return nil, err
		}
	}
	for _, id := range in.Assets {
		if err := tq.LinkTicketAsset(ctx, t.ID, id); err != nil && !errors.Is(err, store.ErrConflict) {
			return nil, err
		}
	}
	if err := tq.AddTicketHistory(ctx, []store.TicketHistoryEntry{{TicketID: t.ID, Actor: u.Login, Field: "created",
		NewValue: strconv.Itoa(t.Status), At: now}}); err != nil {
		return nil, err
	}
	if err := notify.Record(ctx, q, notify.Event{Kind: notify.Created, TicketID: t.ID, AuthorID: u.ID, Text: t.Content, At: now}); err != nil {
		return nil, err
	}
	rt, err := loadTicket(ctx, tq, u, t.ID)
	if err != nil {
		return nil, err
	}
	return ticketDetail(ctx, tq, rt)
}

// priorityMatrix is the site's matrix (helpdesk.SettingPriorityMatrix).
func (s *Server) priorityMatrix(ctx context.Context) (helpdesk.Matrix, error) {
	v, err := s.st.GetSetting(ctx, helpdesk.SettingPriorityMatrix)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return helpdesk.Matrix{}, err
	}
	return helpdesk.ParseMatrix(v)
}
