package web

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// autoCloseBatch bounds the tickets one CloseSolvedTickets run reads.
const autoCloseBatch = 500

// CloseSolvedTickets closes the solved tickets whose requester neither
// approved nor refused the solution within the site's delay (setting
// SettingAutoCloseDays, 7 days by default, -1 never), as GLPI's automatic
// action does; the solution counts as accepted. It returns how many it
// closed. Several collectors may run it at once: each ticket is closed by
// one of them only (store.UpdateTicketIf). The serve command should call
// it periodically, e.g. hourly.
func (s *Server) CloseSolvedTickets(ctx context.Context) (int, error) {
	delay, err := s.autoCloseDelay(ctx)
	if err != nil || delay < 0 {
		return 0, err
	}
	tq, err := s.tickets()
	if err != nil {
		return 0, err
	}
	now := s.now()
	page, err := tq.ListTickets(ctx, store.TicketFilter{Statuses: []int{int(helpdesk.StatusSolved)},
		SolvedBefore: now.Add(-delay).Add(time.Millisecond), Sort: "id", Limit: autoCloseBatch})
	if err != nil {
		return 0, err
	}
	closed := 0
	for i := range page.Tickets {
		ok, err := s.closeSolved(ctx, &page.Tickets[i], now, delay)
		if err != nil {
			return closed, fmt.Errorf("close solved ticket %d: %w", page.Tickets[i].ID, err)
		}
		if ok {
			closed++
		}
	}
	if closed > 0 {
		s.log.Info("closed solved tickets", "count", closed, "delay", delay)
	}
	return closed, nil
}

func (s *Server) closeSolved(ctx context.Context, t *store.Ticket, now time.Time, delay time.Duration) (bool, error) {
	st := helpdesk.State{Status: helpdesk.Status(t.Status), Approval: helpdesk.Approval(t.Approval), SolvedAt: t.SolvedAt}
	after, ok := helpdesk.AutoClose(st, now, delay)
	if !ok {
		return false, nil
	}
	wrote := false
	err := s.st.WithTx(ctx, func(q store.Queries) error {
		tq, err := store.Tickets(q)
		if err != nil {
			return err
		}
		t.Status, t.Approval, t.ClosedAt, t.UpdatedAt = int(after.Status), int(after.Approval), after.ClosedAt, now
		if wrote, err = tq.UpdateTicketIf(ctx, t, int(helpdesk.StatusSolved)); err != nil || !wrote {
			return err
		}
		if sol, err := tq.LatestSolution(ctx, t.ID); err == nil {
			if err := tq.SetSolutionApproval(ctx, sol.ID, int(helpdesk.ApprovalAccepted), 0, "", now); err != nil {
				return err
			}
		}
		return tq.AddTicketHistory(ctx, []store.TicketHistoryEntry{{TicketID: t.ID, Actor: "autoclose", Field: "status",
			OldValue: strconv.Itoa(int(helpdesk.StatusSolved)), NewValue: strconv.Itoa(t.Status), At: now}})
	})
	return wrote, err
}
