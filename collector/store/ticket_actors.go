package store

import (
	"context"
	"database/sql"
	"fmt"
)

func (q *queries) AddTicketActor(ctx context.Context, a *TicketActor) error {
	if (a.UserID == 0) == (a.GroupID == 0) {
		return fmt.Errorf("add actor to ticket %d: exactly one of user and group must be set", a.TicketID)
	}
	err := q.writeRow(ctx, "INSERT INTO ticket_actors (ticket_id, kind, user_id, group_id) VALUES (?, ?, ?, ?) RETURNING id",
		a.TicketID, a.Kind, nullID(a.UserID), nullID(a.GroupID)).Scan(&a.ID)
	return q.conflict(err, fmt.Sprintf("add actor to ticket %d", a.TicketID))
}

func (q *queries) RemoveTicketActor(ctx context.Context, ticketID, actorID int64) error {
	res, err := q.exec(ctx, "DELETE FROM ticket_actors WHERE ticket_id = ? AND id = ?", ticketID, actorID)
	if err != nil {
		return fmt.Errorf("remove actor %d of ticket %d: %w", actorID, ticketID, err)
	}
	return mustAffect(res, fmt.Sprintf("remove actor %d of ticket %d", actorID, ticketID))
}

func (q *queries) TicketActors(ctx context.Context, ticketID int64) ([]TicketActor, error) {
	rows, err := q.query(ctx, `SELECT a.id, a.ticket_id, a.kind, a.user_id, a.group_id,
		COALESCE(NULLIF(u.name, ''), u.login, g.name, ''), COALESCE(u.login, '')
		FROM ticket_actors a LEFT JOIN users u ON u.id = a.user_id LEFT JOIN user_groups g ON g.id = a.group_id
		WHERE a.ticket_id = ? ORDER BY a.kind, a.id`, ticketID)
	if err != nil {
		return nil, fmt.Errorf("actors of ticket %d: %w", ticketID, err)
	}
	var out []TicketActor
	err = scanEach(rows, func(s scanner) error {
		var a TicketActor
		var user, group sql.NullInt64
		if err := s.Scan(&a.ID, &a.TicketID, &a.Kind, &user, &group, &a.Name, &a.Login); err != nil {
			return err
		}
		a.UserID, a.GroupID = user.Int64, group.Int64
		out = append(out, a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("actors of ticket %d: %w", ticketID, err)
	}
	return out, nil
}

func (q *queries) TicketRelations(ctx context.Context, ticketID, userID int64) (Relations, error) {
	var r Relations
	rows, err := q.query(ctx, `SELECT DISTINCT kind FROM ticket_actors WHERE ticket_id = ? AND (user_id = ?
		OR group_id IN (SELECT group_id FROM user_group_members WHERE user_id = ?))`, ticketID, userID, userID)
	if err != nil {
		return r, fmt.Errorf("relations of user %d to ticket %d: %w", userID, ticketID, err)
	}
	err = scanEach(rows, func(s scanner) error {
		var kind int
		if err := s.Scan(&kind); err != nil {
			return err
		}
		switch kind {
		case ActorRequester:
			r.Requester = true
		case ActorObserver:
			r.Observer = true
		case ActorAssignee:
			r.Assignee = true
		}
		return nil
	})
	if err != nil {
		return r, fmt.Errorf("relations of user %d to ticket %d: %w", userID, ticketID, err)
	}
	var asked int
	err = q.queryRow(ctx, "SELECT COUNT(*) FROM ticket_approvals WHERE ticket_id = ? AND approver_id = ?",
		ticketID, userID).Scan(&asked)
	if err != nil {
		return r, fmt.Errorf("relations of user %d to ticket %d: %w", userID, ticketID, err)
	}
	r.Approver = asked > 0
	return r, nil
}
