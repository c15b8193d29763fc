package web

import (
	"context"
	"net/http"
	"slices"
	"sort"
	"time"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// timelineItem is one followup, task or solution, in time order.
type timelineItem struct {
	Kind     string // "followup", "task", "solution"
	At       time.Time
	Author   string
	Content  string
	Private  bool
	Task     *store.Task
	Solution *store.Solution
}

type ticketViewData struct {
	T          ticketRow
	Requesters []store.TicketActor
	Observers  []store.TicketActor
	Assignees  []store.TicketActor
	Timeline   []timelineItem
	Documents  []store.Document
	History    []store.TicketHistoryEntry
	Machines   []machineFacts
	Solution   *store.Solution // the latest, nil if none
	Can        map[string]bool // by helpdesk.Action
	Staff      []store.User
	Groups     []store.Group
	SolTypes   []string
	MaxUpload  int64
	Edit       *ticketEditChoices // nil unless the user may edit
	Late       bool               // open and past its due date
	Survey     *surveyView        // closed tickets: the satisfaction survey
	FormName   string             // the catalogue form that created it, "" if none
	SLA        *ticketSLAView     // the deadlines, nil without an SLA
	Approvals  *approvalPanel     // nil when nobody was asked and the user may not ask
	KB         []store.KBArticle  // staff: the knowledge base articles saved from it
}

// ticketEditChoices are the edit form's choices.
type ticketEditChoices struct {
	Categories   []store.Category
	Levels       []int
	Priorities   []int
	SetsPriority bool   // supervisors and administrators may override the matrix
	Due          string // the due date as a datetime-local value
}

// ticketView shows a ticket: what was asked, its actors and machines, the
// followups, tasks and solutions, and the forms the user may use.
func (s *Server) ticketView(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	lt, err := s.getTicket(ctx, r, tq)
	if err != nil {
		s.ticketError(w, r, err)
		return
	}
	limit, err := s.uploadLimit(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := &ticketViewData{T: newTicketRow(*lt.t), Can: map[string]bool{},
		SolTypes: solutionTypes, MaxUpload: limit >> 20,
		Late: helpdesk.Late(helpdesk.Status(lt.t.Status), lt.t.DueAt, s.now())}
	for _, act := range []helpdesk.Action{helpdesk.ActFollowup, helpdesk.ActPrivateFollowup, helpdesk.ActDocument,
		helpdesk.ActTake, helpdesk.ActAssign, helpdesk.ActTask, helpdesk.ActPending, helpdesk.ActResume,
		helpdesk.ActSolve, helpdesk.ActApprove, helpdesk.ActRefuse, helpdesk.ActCancel, helpdesk.ActViewPrivate,
		helpdesk.ActEdit, helpdesk.ActUnassign} {
		d.Can[string(act)] = lt.can(act)
	}
	d.Can["take"] = d.Can["take"] && !lt.rel.Assignee
	if err := s.fillTicketView(ctx, tq, lt, d); err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.FormName, err = s.ticketFormName(ctx, lt.t.ID, state(r).lang); err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.Survey, err = s.surveyFor(ctx, lt, d.Can[string(helpdesk.ActViewPrivate)]); err != nil {
		s.serverError(w, r, err)
		return
	}
	if err := s.fillTicketSLA(ctx, lt.t, d); err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.Approvals, err = s.approvalPanelFor(ctx, tq, lt, state(r).user.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.KB, err = s.ticketKBArticles(ctx, r, lt.t.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newPage(r, "ticket.title", "helpdesk", d)
	p.Title = "#" + itoa64(lt.t.ID) + " " + lt.t.Title
	s.render(w, r, http.StatusOK, "ticket_view", p)
}

func (s *Server) fillTicketView(ctx context.Context, tq store.TicketQueries, lt *loadedTicket, d *ticketViewData) error {
	id, staff := lt.t.ID, d.Can[string(helpdesk.ActViewPrivate)]
	actors, err := tq.TicketActors(ctx, id)
	if err != nil {
		return err
	}
	for _, a := range actors {
		switch a.Kind {
		case store.ActorRequester:
			d.Requesters = append(d.Requesters, a)
		case store.ActorObserver:
			d.Observers = append(d.Observers, a)
		case store.ActorAssignee:
			d.Assignees = append(d.Assignees, a)
		}
	}
	fus, err := tq.Followups(ctx, id, staff)
	if err != nil {
		return err
	}
	for _, f := range fus {
		d.Timeline = append(d.Timeline, timelineItem{Kind: "followup", At: f.CreatedAt, Author: f.Author, Content: f.Content, Private: f.Private})
	}
	if staff {
		tasks, err := tq.Tasks(ctx, id)
		if err != nil {
			return err
		}
		for i := range tasks {
			k := &tasks[i]
			d.Timeline = append(d.Timeline, timelineItem{Kind: "task", At: k.CreatedAt, Author: k.Author, Content: k.Content, Private: k.Private, Task: k})
		}
		if d.History, err = tq.TicketHistory(ctx, id); err != nil {
			return err
		}
	}
	sols, err := tq.Solutions(ctx, id)
	if err != nil {
		return err
	}
	for i := range sols {
		so := &sols[i]
		d.Timeline = append(d.Timeline, timelineItem{Kind: "solution", At: so.CreatedAt, Author: so.Author, Content: so.Content, Solution: so})
		d.Solution = so
	}
	sort.SliceStable(d.Timeline, func(i, j int) bool { return d.Timeline[i].At.Before(d.Timeline[j].At) })
	if d.Documents, err = tq.Documents(ctx, id); err != nil {
		return err
	}
	assets, err := tq.TicketAssets(ctx, id)
	if err != nil {
		return err
	}
	for _, a := range assets {
		if !staff {
			d.Machines = append(d.Machines, machineFacts{Asset: a})
			continue
		}
		m, err := s.machineFacts(ctx, tq, a, id)
		if err != nil {
			return err
		}
		d.Machines = append(d.Machines, m)
	}
	if d.Can[string(helpdesk.ActEdit)] {
		cats, err := activeCategories(ctx, tq)
		if err != nil {
			return err
		}
		if c := lt.t.CategoryID; c != 0 && !slices.ContainsFunc(cats, func(x store.Category) bool { return x.ID == c }) {
			// An inactive category stays selectable on its own tickets.
			cats = append(cats, store.Category{ID: c, Path: lt.t.CategoryPath})
		}
		d.Edit = &ticketEditChoices{Categories: cats, Levels: []int{1, 2, 3, 4, 5}, Priorities: []int{1, 2, 3, 4, 5, 6},
			SetsPriority: helpdesk.SetsPriority(lt.actor.Role)}
		if !lt.t.DueAt.IsZero() {
			d.Edit.Due = lt.t.DueAt.Format("2006-01-02T15:04")
		}
	}
	if d.Can[string(helpdesk.ActAssign)] {
		return s.fillAssignChoices(ctx, tq, d)
	}
	return nil
}

// fillAssignChoices lists who a ticket can be assigned to.
func (s *Server) fillAssignChoices(ctx context.Context, tq store.TicketQueries, d *ticketViewData) error {
	users, err := s.st.ListUsers(ctx)
	if err != nil {
		return err
	}
	for _, u := range users {
		if helpdesk.ParseRole(u.Role).Staff() && !u.Disabled {
			d.Staff = append(d.Staff, u)
		}
	}
	groups, err := tq.ListGroups(ctx)
	for _, g := range groups {
		if !g.NotAssignable {
			d.Groups = append(d.Groups, g)
		}
	}
	return err
}
