package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Form is a service-catalogue form. Its definition is JSON that package
// forms reads and checks; the store keeps it whole.
type Form struct {
	ID         int64
	NameFR     string // copies of the definition's name, for lists
	NameEN     string
	Active     bool // shown in the catalogue
	Position   int  // catalogue order, then id
	Definition string
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// FormAnswer is a submission, kept with the ticket it created.
type FormAnswer struct {
	TicketID    int64
	FormID      int64 // 0 once the form is deleted
	FormNameFR  string
	FormNameEN  string
	UserID      int64  // the submitter, 0 once deleted
	Answers     string // JSON {key: [values]}
	SubmittedAt time.Time
}

// FormQueries store the catalogue's forms and their submissions. Every
// Store opened by Open implements them; use Forms to get them.
type FormQueries interface {
	CreateForm(ctx context.Context, f *Form) error
	// GetForm returns a form, ErrNotFound if there is none.
	GetForm(ctx context.Context, id int64) (*Form, error)
	// ListForms lists the forms (only the active ones if activeOnly) by
	// position then id.
	ListForms(ctx context.Context, activeOnly bool) ([]Form, error)
	// UpdateForm saves every field but CreatedAt; ErrNotFound if gone.
	UpdateForm(ctx context.Context, f *Form) error
	// DeleteForm removes a form; its tickets keep their answers and the
	// form's name. ErrNotFound if there is none.
	DeleteForm(ctx context.Context, id int64) error
	// AddFormAnswer records the submission that created a ticket (one per
	// ticket; a second one is ErrConflict).
	AddFormAnswer(ctx context.Context, a *FormAnswer) error
	// GetFormAnswer returns a ticket's submission, ErrNotFound if the
	// ticket was not created by a form.
	GetFormAnswer(ctx context.Context, ticketID int64) (*FormAnswer, error)
}

// Forms returns the form queries of a Store, or of the Queries a WithTx
// function receives.
func Forms(x any) (FormQueries, error) {
	f, ok := x.(FormQueries)
	if !ok {
		return nil, fmt.Errorf("store %T has no form queries", x)
	}
	return f, nil
}

var _ FormQueries = (*queries)(nil)

func (q *queries) CreateForm(ctx context.Context, f *Form) error {
	if f.CreatedAt.IsZero() {
		f.CreatedAt = time.Now().UTC()
	}
	if f.UpdatedAt.IsZero() {
		f.UpdatedAt = f.CreatedAt
	}
	err := q.writeRow(ctx, `INSERT INTO forms (name_fr, name_en, active, position, definition, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, f.NameFR, f.NameEN, f.Active, f.Position, f.Definition,
		ms(f.CreatedAt), ms(f.UpdatedAt)).Scan(&f.ID)
	if err != nil {
		return fmt.Errorf("create form %q: %w", f.NameEN, err)
	}
	return nil
}

const formColumns = `id, name_fr, name_en, active, position, definition, created_at, updated_at`

func scanForm(s scanner) (*Form, error) {
	var f Form
	var created, updated sql.NullInt64
	if err := s.Scan(&f.ID, &f.NameFR, &f.NameEN, &f.Active, &f.Position, &f.Definition, &created, &updated); err != nil {
		return nil, err
	}
	f.CreatedAt, f.UpdatedAt = fromMS(created), fromMS(updated)
	return &f, nil
}

func (q *queries) GetForm(ctx context.Context, id int64) (*Form, error) {
	f, err := scanForm(q.queryRow(ctx, "SELECT "+formColumns+" FROM forms WHERE id = ?", id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("get form %d", id))
	}
	return f, nil
}

func (q *queries) ListForms(ctx context.Context, activeOnly bool) ([]Form, error) {
	rows, err := q.query(ctx, "SELECT "+formColumns+" FROM forms WHERE active OR NOT ? ORDER BY position, id", activeOnly)
	if err != nil {
		return nil, fmt.Errorf("list forms: %w", err)
	}
	var out []Form
	err = scanEach(rows, func(s scanner) error {
		f, err := scanForm(s)
		if err == nil {
			out = append(out, *f)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list forms: %w", err)
	}
	return out, nil
}

func (q *queries) UpdateForm(ctx context.Context, f *Form) error {
	if f.UpdatedAt.IsZero() {
		f.UpdatedAt = time.Now().UTC()
	}
	res, err := q.exec(ctx, `UPDATE forms SET name_fr = ?, name_en = ?, active = ?, position = ?, definition = ?,
		updated_at = ? WHERE id = ?`, f.NameFR, f.NameEN, f.Active, f.Position, f.Definition, ms(f.UpdatedAt), f.ID)
	if err != nil {
		return fmt.Errorf("update form %d: %w", f.ID, err)
	}
	return mustAffect(res, fmt.Sprintf("update form %d", f.ID))
}

func (q *queries) DeleteForm(ctx context.Context, id int64) error {
	res, err := q.exec(ctx, "DELETE FROM forms WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("delete form %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("delete form %d", id))
}

func (q *queries) AddFormAnswer(ctx context.Context, a *FormAnswer) error {
	if a.SubmittedAt.IsZero() {
		a.SubmittedAt = time.Now().UTC()
	}
	_, err := q.exec(ctx, `INSERT INTO form_answers (ticket_id, form_id, form_name_fr, form_name_en, user_id, answers,
		submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, a.TicketID, nullID(a.FormID), a.FormNameFR, a.FormNameEN,
		nullID(a.UserID), a.Answers, ms(a.SubmittedAt))
	return q.conflict(err, fmt.Sprintf("add form answer to ticket %d", a.TicketID))
}

func (q *queries) GetFormAnswer(ctx context.Context, ticketID int64) (*FormAnswer, error) {
	a := FormAnswer{TicketID: ticketID}
	var form, user, at sql.NullInt64
	err := q.queryRow(ctx, `SELECT form_id, form_name_fr, form_name_en, user_id, answers, submitted_at
		FROM form_answers WHERE ticket_id = ?`, ticketID).Scan(&form, &a.FormNameFR, &a.FormNameEN, &user, &a.Answers, &at)
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("form answer of ticket %d", ticketID))
	}
	a.FormID, a.UserID, a.SubmittedAt = form.Int64, user.Int64, fromMS(at)
	return &a, nil
}
