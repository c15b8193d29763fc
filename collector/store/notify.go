package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Preferences of a user that notifications read (user_prefs keys).
const (
	// PrefLang is the user's language ("fr", "en").
	PrefLang = "lang"
	// PrefNotifyMail is "off" when the user asked for no email about
	// tickets; absent means on.
	PrefNotifyMail = "notify_mail"
)

// Recipient is a user who may hear about a ticket by email, with how
// they stand on it.
type Recipient struct {
	UserID      int64
	Login, Name string
	Email       string
	Lang        string // PrefLang, "" when unset
	OptedOut    bool   // PrefNotifyMail is "off"
	Disabled    bool
	// Kinds are the actor kinds (ActorRequester...) the user holds on the
	// ticket, directly or through a group; none for an approver named by id.
	Kinds []int
}

// InboundMail is one mail the collector's mailbox delivered.
type InboundMail struct {
	MessageID  string
	Sender     string
	TicketID   int64  // the ticket it opened or followed, 0 when none
	Outcome    string // e.g. "ticket", "followup", "refused_sender"
	ReceivedAt time.Time
}

// NotifyQueries are what email notifications and mail to ticket need.
// Every Store opened by Open implements them; use Notify to get them.
type NotifyQueries interface {
	// TicketRecipients lists the users tied to a ticket: its requester,
	// observer and assignee users, and the members of its actor groups,
	// each once with all their kinds, by user id.
	TicketRecipients(ctx context.Context, ticketID int64) ([]Recipient, error)
	// UsersAsRecipients describes the given users (approvers), by user id;
	// unknown ids are left out.
	UsersAsRecipients(ctx context.Context, ids []int64) ([]Recipient, error)
	// UserByEmail finds the enabled user with that address, case
	// insensitively; ErrNotFound when none, ErrConflict when several.
	UserByEmail(ctx context.Context, email string) (*User, error)
	// RecordInboundMail stores m; ErrConflict when its MessageID was
	// already recorded (the mail was handled before).
	RecordInboundMail(ctx context.Context, m *InboundMail) error
	// GetInboundMail returns the record of a Message-ID.
	GetInboundMail(ctx context.Context, messageID string) (*InboundMail, error)
}

// Notify returns the notification queries of a Store, or of the Queries
// a WithTx function receives.
func Notify(x any) (NotifyQueries, error) {
	n, ok := x.(NotifyQueries)
	if !ok {
		return nil, fmt.Errorf("store %T has no notification queries", x)
	}
	return n, nil
}

var _ NotifyQueries = (*queries)(nil)

// recipientColumns reads a user with their two preferences; it expects
// the users table as u.
const recipientColumns = `u.id, u.login, u.name, u.email, u.disabled,
	COALESCE((SELECT p.value FROM user_prefs p WHERE p.user_id = u.id AND p.key = 'lang'), ''),
	COALESCE((SELECT p.value FROM user_prefs p WHERE p.user_id = u.id AND p.key = 'notify_mail'), '')`

func (q *queries) TicketRecipients(ctx context.Context, ticketID int64) ([]Recipient, error) {
	rows, err := q.query(ctx, `SELECT x.kind, `+recipientColumns+` FROM (
			SELECT a.kind, a.user_id FROM ticket_actors a WHERE a.ticket_id = ? AND a.user_id IS NOT NULL
			UNION
			SELECT a.kind, m.user_id FROM ticket_actors a JOIN user_group_members m ON m.group_id = a.group_id
			WHERE a.ticket_id = ?
		) x JOIN users u ON u.id = x.user_id ORDER BY u.id, x.kind`, ticketID, ticketID)
	if err != nil {
		return nil, fmt.Errorf("recipients of ticket %d: %w", ticketID, err)
	}
	var out []Recipient
	err = scanEach(rows, func(s scanner) error {
		var kind int
		r, err := scanRecipient(s, &kind)
		if err != nil {
			return err
		}
		if n := len(out); n > 0 && out[n-1].UserID == r.UserID {
			out[n-1].Kinds = append(out[n-1].Kinds, kind)
			return nil
		}
		r.Kinds = []int{kind}
		out = append(out, *r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("recipients of ticket %d: %w", ticketID, err)
	}
	return out, nil
}

func scanRecipient(s scanner, first ...any) (*Recipient, error) {
	var r Recipient
	var optout string
	dest := append(first, &r.UserID, &r.Login, &r.Name, &r.Email, &r.Disabled, &r.Lang, &optout)
	if err := s.Scan(dest...); err != nil {
		return nil, err
	}
	r.OptedOut = optout == "off"
	return &r, nil
}

func (q *queries) UsersAsRecipients(ctx context.Context, ids []int64) ([]Recipient, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")
	rows, err := q.query(ctx, "SELECT "+recipientColumns+" FROM users u WHERE u.id IN ("+marks+") ORDER BY u.id", args...)
	if err != nil {
		return nil, fmt.Errorf("users %v as recipients: %w", ids, err)
	}
	var out []Recipient
	err = scanEach(rows, func(s scanner) error {
		r, err := scanRecipient(s)
		if err == nil {
			out = append(out, *r)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("users %v as recipients: %w", ids, err)
	}
	return out, nil
}

func (q *queries) UserByEmail(ctx context.Context, email string) (*User, error) {
	rows, err := q.query(ctx, "SELECT "+userColumns+" FROM users WHERE LOWER(email) = LOWER(?) AND NOT disabled ORDER BY id LIMIT 2",
		strings.TrimSpace(email))
	if err != nil {
		return nil, fmt.Errorf("user with email %q: %w", email, err)
	}
	var out []*User
	err = scanEach(rows, func(s scanner) error {
		u, err := scanUser(s)
		if err == nil {
			out = append(out, u)
		}
		return err
	})
	switch {
	case err != nil:
		return nil, fmt.Errorf("user with email %q: %w", email, err)
	case len(out) == 0:
		return nil, fmt.Errorf("user with email %q: %w", email, ErrNotFound)
	case len(out) > 1:
		return nil, fmt.Errorf("user with email %q: several users share it: %w", email, ErrConflict)
	}
	return out[0], nil
}

func (q *queries) RecordInboundMail(ctx context.Context, m *InboundMail) error {
	if m.ReceivedAt.IsZero() {
		m.ReceivedAt = time.Now().UTC()
	}
	_, err := q.exec(ctx, `INSERT INTO mail_inbound (message_id, sender, ticket_id, outcome, received_at)
		VALUES (?, ?, ?, ?, ?)`, m.MessageID, m.Sender, nullID(m.TicketID), m.Outcome, ms(m.ReceivedAt))
	return q.conflict(err, fmt.Sprintf("record inbound mail %q", m.MessageID))
}

func (q *queries) GetInboundMail(ctx context.Context, messageID string) (*InboundMail, error) {
	var m InboundMail
	var ticket, at sql.NullInt64
	err := q.queryRow(ctx, `SELECT message_id, sender, ticket_id, outcome, received_at FROM mail_inbound
		WHERE message_id = ?`, messageID).Scan(&m.MessageID, &m.Sender, &ticket, &m.Outcome, &at)
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("inbound mail %q", messageID))
	}
	m.TicketID, m.ReceivedAt = ticket.Int64, fromMS(at)
	return &m, nil
}
