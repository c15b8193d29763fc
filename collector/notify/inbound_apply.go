package notify

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// Outcomes of an inbound mail, as mail_inbound records them.
const (
	OutTicket    = "ticket"   // opened a ticket
	OutFollowup  = "followup" // added a followup
	OutAuto      = "ignored_auto"
	OutLoop      = "ignored_loop"   // our own mail came back
	OutStranger  = "refused_sender" // no enabled user has that address
	OutForbidden = "refused_ticket" // the ticket is unknown or not theirs
	OutStatus    = "refused_status" // the ticket takes no followup (closed)
)

// apply turns a parsed mail into a ticket or a followup. The record of
// its Message-ID is written in the same transaction, so a mail is acted
// on once whatever happens after (the IMAP flag may fail to stick).
func (in *Inbound) apply(ctx context.Context, m *inMail, now time.Time) (*store.InboundMail, error) {
	rec := &store.InboundMail{MessageID: m.MessageID, Sender: m.From, ReceivedAt: now}
	switch {
	case m.From == in.self:
		rec.Outcome = OutLoop
	case m.Auto != "":
		rec.Outcome = OutAuto
	}
	if rec.Outcome != "" {
		return rec, in.record(ctx, in.st, rec)
	}
	nq, err := store.Notify(in.st)
	if err != nil {
		return nil, err
	}
	u, err := nq.UserByEmail(ctx, m.From)
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrConflict) {
		rec.Outcome = OutStranger
		return rec, in.record(ctx, in.st, rec)
	}
	if err != nil {
		return nil, err
	}
	err = in.st.WithTx(ctx, func(q store.Queries) error {
		tid := ThreadTicket(in.domain, m.InReplyTo, m.References)
		if tid == 0 {
			tid = TicketRef(m.Subject)
		}
		var err error
		if tid != 0 {
			rec.Outcome, err = in.followup(ctx, q, u, tid, m, now)
			if rec.Outcome == OutFollowup {
				rec.TicketID = tid
			}
		} else {
			rec.TicketID, err = in.open(ctx, q, u, m, now)
			rec.Outcome = OutTicket
		}
		if err != nil {
			return err
		}
		return in.record(ctx, q, rec)
	})
	return rec, err
}

// record stores rec; one already there means another poll got the mail
// first, which is no error (the caller's transaction then rolls back).
func (in *Inbound) record(ctx context.Context, q any, rec *store.InboundMail) error {
	nq, err := store.Notify(q)
	if err != nil {
		return err
	}
	return nq.RecordInboundMail(ctx, rec)
}

// open creates a ticket from a mail; u is its requester.
func (in *Inbound) open(ctx context.Context, q store.Queries, u *store.User, m *inMail, now time.Time) (int64, error) {
	tq, err := store.Tickets(q)
	if err != nil {
		return 0, err
	}
	matrix, err := helpdesk.ParseMatrix(in.setting(ctx, q, helpdesk.SettingPriorityMatrix))
	if err != nil {
		return 0, err
	}
	const urgency, impact = 3, 3
	prio, err := matrix.Priority(urgency, impact)
	if err != nil {
		return 0, err
	}
	title := strings.TrimSpace(oneLine(m.Subject))
	if title == "" {
		title = "(" + m.From + ")"
	}
	if r := []rune(title); len(r) > 250 {
		title = string(r[:250])
	}
	t := &store.Ticket{Title: title, Content: m.Text, Type: 1, Status: int(helpdesk.StatusNew), Urgency: urgency,
		Impact: impact, Priority: prio, CreatedBy: u.ID, OpenedAt: now, UpdatedAt: now}
	if err := tq.CreateTicket(ctx, t); err != nil {
		return 0, err
	}
	if err := tq.AddTicketActor(ctx, &store.TicketActor{TicketID: t.ID, Kind: store.ActorRequester, UserID: u.ID}); err != nil {
		return 0, err
	}
	if err := in.attach(ctx, q, tq, t.ID, 0, u, m, now); err != nil {
		return 0, err
	}
	err = tq.AddTicketHistory(ctx, []store.TicketHistoryEntry{{TicketID: t.ID, Actor: u.Login, Field: "created",
		NewValue: strconv.Itoa(t.Status), At: now}})
	if err != nil {
		return 0, err
	}
	return t.ID, Record(ctx, q, Event{Kind: Created, TicketID: t.ID, AuthorID: u.ID, Text: m.Text, At: now})
}

// followup adds a mail to ticket tid as u's public followup, when the
// helpdesk's rules let u do so; it returns the outcome.
func (in *Inbound) followup(ctx context.Context, q store.Queries, u *store.User, tid int64, m *inMail, now time.Time) (string, error) {
	tq, err := store.Tickets(q)
	if err != nil {
		return "", err
	}
	t, err := tq.GetTicket(ctx, tid)
	if errors.Is(err, store.ErrNotFound) {
		return OutForbidden, nil
	}
	if err != nil {
		return "", err
	}
	rel, err := tq.TicketRelations(ctx, tid, u.ID)
	if err != nil {
		return "", err
	}
	actor := helpdesk.Actor{Role: helpdesk.ParseRole(u.Role)}
	if rel.Requester {
		actor.Rel |= helpdesk.RelRequester
	}
	if rel.Observer {
		actor.Rel |= helpdesk.RelObserver
	}
	if rel.Assignee {
		actor.Rel |= helpdesk.RelAssignee
	}
	if !helpdesk.Can(actor, helpdesk.ActView, helpdesk.Status(t.Status)) {
		return OutForbidden, nil
	}
	before, err := ticketState(ctx, tq, t)
	if err != nil {
		return "", err
	}
	after, err := helpdesk.Apply(actor, before, helpdesk.Event{Action: helpdesk.ActFollowup, ByRequester: rel.Requester}, now)
	if errors.Is(err, helpdesk.ErrStatus) || errors.Is(err, helpdesk.ErrForbidden) {
		return OutStatus, nil
	}
	if err != nil {
		return "", err
	}
	f := &store.Followup{TicketID: tid, UserID: u.ID, Content: m.Text, CreatedAt: now}
	if err := tq.AddFollowup(ctx, f); err != nil {
		return "", err
	}
	if err := in.attach(ctx, q, tq, tid, f.ID, u, m, now); err != nil {
		return "", err
	}
	t.Status, t.UpdatedAt = int(after.Status), now
	if err := tq.UpdateTicket(ctx, t); err != nil {
		return "", err
	}
	if after.Status != before.Status {
		err := tq.AddTicketHistory(ctx, []store.TicketHistoryEntry{{TicketID: tid, Actor: u.Login, Field: "status",
			OldValue: strconv.Itoa(int(before.Status)), NewValue: strconv.Itoa(int(after.Status)), At: now}})
		if err != nil {
			return "", err
		}
	}
	return OutFollowup, Record(ctx, q, Event{Kind: Followup, TicketID: tid, AuthorID: u.ID, Text: m.Text, At: now})
}

// ticketState is the rules' view of a stored ticket.
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
		return s, fmt.Errorf("ticket %d: %w", t.ID, err)
	}
	for _, k := range tasks {
		if !k.PlannedStart.IsZero() && k.State != store.TaskDone {
			s.PlannedTasks++
		}
	}
	return s, nil
}

// setting reads a helpdesk setting, "" when unset or unreadable (the
// parser then applies its default).
func (in *Inbound) setting(ctx context.Context, q store.Queries, key string) string {
	v, err := q.GetSetting(ctx, key)
	if err != nil {
		return ""
	}
	return v
}
