package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// Settings of the helpdesk an administrator may change (package
// helpdesk names and reads them).
const (
	SettingPriorityMatrix = helpdesk.SettingPriorityMatrix
	SettingAutoCloseDays  = helpdesk.SettingAutoCloseDays
	SettingMaxUploadMB    = helpdesk.SettingMaxUploadMB
)

func init() {
	layoutFiles = append(layoutFiles, "ticket_partials.html")
	pageNames = append(pageNames, "selfservice_home", "selfservice_list", "ticket_new", "ticket_view", "ticket_queue")
}

// tickets returns the helpdesk queries of the server's store.
func (s *Server) tickets() (store.TicketQueries, error) { return store.Tickets(s.st) }

// setting reads a setting, "" when absent.
func (s *Server) setting(ctx context.Context, key string) (string, error) {
	v, err := s.st.GetSetting(ctx, key)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	return v, err
}

// priorityMatrix is the matrix in force.
func (s *Server) priorityMatrix(ctx context.Context) (helpdesk.Matrix, error) {
	v, err := s.setting(ctx, SettingPriorityMatrix)
	if err != nil {
		return helpdesk.Matrix{}, err
	}
	return helpdesk.ParseMatrix(v)
}

// autoCloseDelay is the delay in force for closing solved tickets.
func (s *Server) autoCloseDelay(ctx context.Context) (time.Duration, error) {
	v, err := s.setting(ctx, SettingAutoCloseDays)
	if err != nil {
		return 0, err
	}
	return helpdesk.ParseAutoCloseDays(v)
}

// uploadLimit is the largest attachment in force, in bytes.
func (s *Server) uploadLimit(ctx context.Context) (int64, error) {
	v, err := s.setting(ctx, SettingMaxUploadMB)
	if err != nil {
		return 0, err
	}
	mb, err := helpdesk.ParseMaxUploadMB(v)
	return int64(mb) << 20, err
}

// ticketActor is the logged-in user as the rules see them on a ticket.
func ticketActor(r *http.Request, rel store.Relations) helpdesk.Actor {
	a := helpdesk.Actor{}
	if u := state(r).user; u != nil {
		a.Role = helpdesk.ParseRole(u.Role)
	}
	if rel.Requester {
		a.Rel |= helpdesk.RelRequester
	}
	if rel.Observer {
		a.Rel |= helpdesk.RelObserver
	}
	if rel.Assignee {
		a.Rel |= helpdesk.RelAssignee
	}
	if rel.Approver {
		a.Rel |= helpdesk.RelApprover
	}
	return a
}

// loadedTicket is a ticket with the logged-in user's standing on it.
type loadedTicket struct {
	t     *store.Ticket
	rel   store.Relations
	actor helpdesk.Actor
}

func (lt *loadedTicket) can(act helpdesk.Action) bool {
	return helpdesk.Can(lt.actor, act, helpdesk.Status(lt.t.Status))
}

// getTicket loads the ticket of the {id} URL parameter. A ticket the user
// may not view is "not found", so its existence is not revealed.
func (s *Server) getTicket(ctx context.Context, r *http.Request, tq store.TicketQueries) (*loadedTicket, error) {
	return s.getTicketID(ctx, r, tq, pathID(r))
}

// getTicketID is getTicket for a ticket named otherwise than by the URL
// (a bulk action's checkbox).
func (s *Server) getTicketID(ctx context.Context, r *http.Request, tq store.TicketQueries, id int64) (*loadedTicket, error) {
	if id <= 0 {
		return nil, store.ErrNotFound
	}
	t, err := tq.GetTicket(ctx, id)
	if err != nil {
		return nil, err
	}
	rel, err := tq.TicketRelations(ctx, id, state(r).user.ID)
	if err != nil {
		return nil, err
	}
	lt := &loadedTicket{t: t, rel: rel, actor: ticketActor(r, rel)}
	if !lt.can(helpdesk.ActView) {
		return nil, fmt.Errorf("ticket %d: %w", id, store.ErrNotFound)
	}
	return lt, nil
}

// ticketState builds the rules' view of a ticket.
func ticketState(ctx context.Context, tq store.TicketQueries, t *store.Ticket) (helpdesk.State, error) {
	s := helpdesk.State{Status: helpdesk.Status(t.Status), Approval: helpdesk.Approval(t.Approval),
		TakenAt: t.TakenAt, SolvedAt: t.SolvedAt, ClosedAt: t.ClosedAt}
	actors, err := tq.TicketActors(ctx, t.ID)
	if err != nil {
		return s, err
	}
	for _, a := range actors {
		if a.Kind == store.ActorAssignee {
			s.Assignees++
		}
	}
	tasks, err := tq.Tasks(ctx, t.ID)
	if err != nil {
		return s, err
	}
	for _, k := range tasks {
		if !k.PlannedStart.IsZero() && k.State != store.TaskDone {
			s.PlannedTasks++
		}
	}
	return s, nil
}

// ticketError answers a failed ticket action with the page that says why.
func (s *Server) ticketError(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
	case errors.Is(err, helpdesk.ErrForbidden):
		s.errorPage(w, r, http.StatusForbidden, "error.forbidden")
	case errors.Is(err, helpdesk.ErrStatus):
		s.errorPage(w, r, http.StatusConflict, "ticket.error_status")
	case errors.Is(err, helpdesk.ErrReason):
		s.errorPage(w, r, http.StatusBadRequest, "ticket.error_reason")
	case errors.Is(err, errBadInput):
		s.errorPage(w, r, http.StatusBadRequest, "error.bad_form")
	case errors.Is(err, store.ErrConflict):
		s.errorPage(w, r, http.StatusConflict, "ticket.error_duplicate")
	default:
		s.serverError(w, r, err)
	}
}

// errBadInput marks a form value that cannot be used.
var errBadInput = errors.New("bad input")

// ticketURL is a ticket's page.
func ticketURL(id int64) string { return "/tickets/" + strconv.FormatInt(id, 10) }

// formInt reads a whole number from a posted form, def when absent.
func formInt(r *http.Request, name string, def int) (int, error) {
	v := r.PostForm.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("%s %q: %w", name, v, errBadInput)
	}
	return n, nil
}
