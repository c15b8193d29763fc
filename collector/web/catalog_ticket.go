package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/parcproject/parc/collector/approval"
	"github.com/parcproject/parc/collector/forms"
	"github.com/parcproject/parc/collector/store"
)

// formSubmission is a checked submission, ready to become a ticket.
type formSubmission struct {
	sf    *store.Form
	def   *forms.Form
	kept  forms.Answers
	opts  forms.Options
	files map[string][]upload
}

// createFormTicket creates the ticket a submission asks for, on q (the
// caller's transaction): title and description from the answers, the
// form's type, category and urgency, the submitter as requester, the
// target's groups and observers, the devices answered, the files, the
// answers themselves, the creation's notification and history and, if
// the form says so, the approval request.
func (s *Server) createFormTicket(ctx context.Context, r *http.Request, q store.Queries, sub formSubmission) (int64, error) {
	tq, err := store.Tickets(q)
	if err != nil {
		return 0, err
	}
	tg, u, lang, now := sub.def.Target, state(r).user, state(r).lang, s.now()
	cat, err := findCategory(ctx, tq, tg.CategoryID)
	if err != nil {
		return 0, err
	}
	assignee := tg.AssigneeGroupID
	if assignee == 0 {
		assignee = cat.GroupID
	}
	groups, err := existingGroups(ctx, tq)
	if err != nil {
		return 0, err
	}
	if !groups[assignee] {
		assignee = 0 // deleted since the form was built
	}
	requester := u.Name
	if requester == "" {
		requester = u.Login
	}
	f := &ticketForm{Type: tg.Type, Urgency: tg.Urgency, Title: forms.Title(sub.def, sub.kept, sub.opts, requester, lang),
		Content: forms.Description(sub.def, sub.kept, sub.opts, lang)}
	f.CategoryID = cat.ID
	// The category's own group is assigned by createTicket; another group
	// chosen by the form is added after it.
	id, err := s.createTicket(ctx, r, q, f, &store.Category{ID: f.CategoryID, GroupID: assignee})
	if err != nil {
		return 0, err
	}
	var actors []store.TicketActor
	if tg.ObserverGroupID != 0 && groups[tg.ObserverGroupID] {
		actors = append(actors, store.TicketActor{TicketID: id, Kind: store.ActorObserver, GroupID: tg.ObserverGroupID})
	}
	for _, uid := range tg.ObserverUserIDs {
		if _, err := q.GetUser(ctx, uid); err == nil {
			actors = append(actors, store.TicketActor{TicketID: id, Kind: store.ActorObserver, UserID: uid})
		}
	}
	for i := range actors {
		if err := tq.AddTicketActor(ctx, &actors[i]); err != nil {
			return 0, err
		}
	}
	if err := s.linkFormAssets(ctx, tq, id, u.ID, sub); err != nil {
		return 0, err
	}
	if err := addFormAnswer(ctx, q, id, u.ID, sub, now); err != nil {
		return 0, err
	}
	return id, s.requestFormApproval(ctx, q, id, u.ID, sub, lang)
}

// linkFormAssets links the devices answered and attaches the files.
func (s *Server) linkFormAssets(ctx context.Context, tq store.TicketQueries, id, userID int64, sub formSubmission) error {
	linked := map[int64]bool{}
	for _, qu := range sub.def.Questions() {
		if qu.Type != forms.TypeDevices {
			continue
		}
		for _, v := range sub.kept[qu.Key] {
			aid, err := strconv.ParseInt(v, 10, 64)
			if err != nil || linked[aid] {
				continue
			}
			linked[aid] = true
			if err := tq.LinkTicketAsset(ctx, id, aid); err != nil {
				return err
			}
		}
	}
	for _, qu := range sub.def.Questions() {
		for _, f := range sub.files[qu.Key] {
			d := &store.Document{TicketID: id, UserID: userID, Filename: f.name, MIME: f.mime, SHA256: f.sum, Content: f.data,
				CreatedAt: s.now()}
			if err := tq.AddDocument(ctx, d); err != nil {
				return err
			}
		}
	}
	return nil
}

// addFormAnswer keeps the answers with the ticket.
func addFormAnswer(ctx context.Context, q store.Queries, id, userID int64, sub formSubmission, now time.Time) error {
	fq, err := store.Forms(q)
	if err != nil {
		return err
	}
	data, err := json.Marshal(sub.kept)
	if err != nil {
		return err
	}
	return fq.AddFormAnswer(ctx, &store.FormAnswer{TicketID: id, FormID: sub.sf.ID, FormNameFR: sub.def.Name.FR,
		FormNameEN: sub.def.Name.EN, UserID: userID, Answers: string(data), SubmittedAt: now})
}

// requestFormApproval asks the form's approvers, if any: a fixed user, a
// group, or the user answered to a "user" question.
func (s *Server) requestFormApproval(ctx context.Context, q store.Queries, id, requester int64, sub formSubmission, lang string) error {
	a := sub.def.Target.Approval
	var target store.ApprovalTarget
	switch a.Kind {
	case forms.ApprovalUser:
		target.UserID = a.UserID
	case forms.ApprovalGroup:
		target.GroupID = a.GroupID
	case forms.ApprovalQuestion:
		uid, err := strconv.ParseInt(sub.kept.First(a.Question), 10, 64)
		if err != nil {
			return nil // the question was hidden or left empty: nobody to ask
		}
		target.UserID = uid
	default:
		return nil
	}
	_, err := approval.Request(ctx, q, store.ApprovalRequest{TicketID: id, RequestedBy: requester, Targets: []store.ApprovalTarget{target},
		MinPercent: a.MinPercent, Comment: sub.def.Name.In(lang), At: s.now()}, "form:"+sub.def.Name.In(lang))
	return err
}

// findCategory returns the active category id; the zero Category when
// id is 0 or the category was deleted or deactivated since the form was
// built.
func findCategory(ctx context.Context, tq store.TicketQueries, id int64) (store.Category, error) {
	if id == 0 {
		return store.Category{}, nil
	}
	cats, err := activeCategories(ctx, tq)
	for _, c := range cats {
		if c.ID == id {
			return c, err
		}
	}
	return store.Category{}, err
}

func existingGroups(ctx context.Context, tq store.TicketQueries) (map[int64]bool, error) {
	gs, err := tq.ListGroups(ctx)
	out := map[int64]bool{}
	for _, g := range gs {
		out[g.ID] = true
	}
	return out, err
}
