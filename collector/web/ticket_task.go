package web

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// maxTaskMinutes bounds a task's duration (a working week).
const maxTaskMinutes = 5 * 24 * 60

// ticketTask adds a task with its duration (minutes) and, optionally, its
// planning (start and end, "2006-01-02T15:04" in the server's time zone,
// as <input type="datetime-local"> sends). A planned task plans the ticket.
func (s *Server) ticketTask(w http.ResponseWriter, r *http.Request) {
	content, err := formText(r, "content")
	if err != nil {
		s.ticketError(w, r, err)
		return
	}
	minutes, err := formInt(r, "minutes", 0)
	if err == nil && (minutes < 0 || minutes > maxTaskMinutes) {
		err = fmt.Errorf("minutes %d: %w", minutes, errBadInput)
	}
	start, err2 := formTime(r, "start")
	end, err3 := formTime(r, "end")
	for _, e := range []error{err, err2, err3} {
		if e != nil {
			s.ticketError(w, r, e)
			return
		}
	}
	if !end.IsZero() && (start.IsZero() || end.Before(start)) {
		s.ticketError(w, r, fmt.Errorf("task ends before it starts: %w", errBadInput))
		return
	}
	state := store.TaskToDo
	if r.PostForm.Get("done") == "1" {
		state = store.TaskDone
	}
	s.doTicket(w, r, ticketChange{
		ev: helpdesk.Event{Action: helpdesk.ActTask, Planned: !start.IsZero() && state != store.TaskDone},
		write: func(ctx context.Context, tq store.TicketQueries, lt *loadedTicket) error {
			return tq.AddTask(ctx, &store.Task{TicketID: lt.t.ID, UserID: stateUserID(r), Content: content,
				Duration: time.Duration(minutes) * time.Minute, PlannedStart: start, PlannedEnd: end,
				State: state, Private: true, CreatedAt: s.now()})
		},
		field: "task", value: fmt.Sprintf("%d min", minutes),
	})
}

// formTime reads a datetime-local field; the zero time when empty.
func formTime(r *http.Request, name string) (time.Time, error) {
	v := r.PostForm.Get(name)
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02T15:04", v, time.Local)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q: %w", name, v, errBadInput)
	}
	return t.UTC(), nil
}

func stateUserID(r *http.Request) int64 { return state(r).user.ID }
