package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

func (q *queries) AddDocument(ctx context.Context, d *Document) error {
	if d.CreatedAt.IsZero() {
		d.CreatedAt = time.Now().UTC()
	}
	d.Size = int64(len(d.Content))
	err := q.writeRow(ctx, `INSERT INTO ticket_documents (ticket_id, followup_id, user_id, filename, mime, size,
		sha256, content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		d.TicketID, nullID(d.FollowupID), nullID(d.UserID), d.Filename, d.MIME, d.Size, d.SHA256, d.Content,
		ms(d.CreatedAt)).Scan(&d.ID)
	if err != nil {
		return fmt.Errorf("add document to ticket %d: %w", d.TicketID, err)
	}
	return nil
}

const documentColumns = `d.id, d.ticket_id, d.followup_id, d.user_id, d.filename, d.mime, d.size, d.sha256,
	d.created_at, ` + authorName

func scanDocument(s scanner, content *[]byte) (*Document, error) {
	var d Document
	var followup, user, created sql.NullInt64
	dest := []any{&d.ID, &d.TicketID, &followup, &user, &d.Filename, &d.MIME, &d.Size, &d.SHA256, &created, &d.Author}
	if content != nil {
		dest = append(dest, content)
	}
	if err := s.Scan(dest...); err != nil {
		return nil, err
	}
	d.FollowupID, d.UserID, d.CreatedAt = followup.Int64, user.Int64, fromMS(created)
	return &d, nil
}

func (q *queries) Documents(ctx context.Context, ticketID int64) ([]Document, error) {
	rows, err := q.query(ctx, "SELECT "+documentColumns+` FROM ticket_documents d
		LEFT JOIN users u ON u.id = d.user_id WHERE d.ticket_id = ? ORDER BY d.id`, ticketID)
	if err != nil {
		return nil, fmt.Errorf("documents of ticket %d: %w", ticketID, err)
	}
	var out []Document
	err = scanEach(rows, func(s scanner) error {
		d, err := scanDocument(s, nil)
		if err == nil {
			out = append(out, *d)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("documents of ticket %d: %w", ticketID, err)
	}
	return out, nil
}

func (q *queries) GetDocument(ctx context.Context, id int64) (*Document, error) {
	var content []byte
	d, err := scanDocument(q.queryRow(ctx, "SELECT "+documentColumns+`, d.content FROM ticket_documents d
		LEFT JOIN users u ON u.id = d.user_id WHERE d.id = ?`, id), &content)
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("get document %d", id))
	}
	d.Content = content
	return d, nil
}

func (q *queries) AddTicketHistory(ctx context.Context, entries []TicketHistoryEntry) error {
	for i := range entries {
		e := &entries[i]
		if e.At.IsZero() {
			e.At = time.Now().UTC()
		}
		err := q.writeRow(ctx, `INSERT INTO ticket_history (ticket_id, actor, field, old_value, new_value, at)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, e.TicketID, e.Actor, e.Field, e.OldValue, e.NewValue, ms(e.At)).Scan(&e.ID)
		if err != nil {
			return fmt.Errorf("add history of ticket %d: %w", e.TicketID, err)
		}
	}
	return nil
}

func (q *queries) TicketHistory(ctx context.Context, ticketID int64) ([]TicketHistoryEntry, error) {
	rows, err := q.query(ctx, `SELECT id, ticket_id, actor, field, old_value, new_value, at FROM ticket_history
		WHERE ticket_id = ? ORDER BY id`, ticketID)
	if err != nil {
		return nil, fmt.Errorf("history of ticket %d: %w", ticketID, err)
	}
	var out []TicketHistoryEntry
	err = scanEach(rows, func(s scanner) error {
		var e TicketHistoryEntry
		var at sql.NullInt64
		if err := s.Scan(&e.ID, &e.TicketID, &e.Actor, &e.Field, &e.OldValue, &e.NewValue, &at); err != nil {
			return err
		}
		e.At = fromMS(at)
		out = append(out, e)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("history of ticket %d: %w", ticketID, err)
	}
	return out, nil
}
