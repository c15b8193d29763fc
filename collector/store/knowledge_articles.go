package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

const kbArticleSelect = `SELECT a.id, a.category_id, COALESCE(c.name, ''), a.title, a.body, a.lang, a.faq,
	a.author_id, COALESCE(NULLIF(u.name, ''), u.login, ''), a.ticket_id, a.views, a.created_at, a.updated_at
	FROM kb_articles a LEFT JOIN kb_categories c ON c.id = a.category_id LEFT JOIN users u ON u.id = a.author_id`

func scanKBArticle(sc scanner) (*KBArticle, error) {
	var a KBArticle
	var cat, author, ticket, created, updated sql.NullInt64
	if err := sc.Scan(&a.ID, &cat, &a.Category, &a.Title, &a.Body, &a.Lang, &a.FAQ, &author, &a.Author,
		&ticket, &a.Views, &created, &updated); err != nil {
		return nil, err
	}
	a.CategoryID, a.AuthorID, a.TicketID = cat.Int64, author.Int64, ticket.Int64
	a.CreatedAt, a.UpdatedAt = fromMS(created), fromMS(updated)
	return &a, nil
}

func (q *queries) CreateKBArticle(ctx context.Context, a *KBArticle) error {
	if a.CreatedAt.IsZero() {
		a.CreatedAt = time.Now().UTC()
	}
	if a.UpdatedAt.IsZero() {
		a.UpdatedAt = a.CreatedAt
	}
	err := q.writeRow(ctx, `INSERT INTO kb_articles (category_id, title, body, lang, faq, author_id, ticket_id,
		views, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) RETURNING id`,
		nullID(a.CategoryID), a.Title, a.Body, a.Lang, a.FAQ, nullID(a.AuthorID), nullID(a.TicketID),
		kbSearchText(a), ms(a.CreatedAt), ms(a.UpdatedAt)).Scan(&a.ID)
	if err != nil {
		return fmt.Errorf("create knowledge base article: %w", err)
	}
	return nil
}

func (q *queries) UpdateKBArticle(ctx context.Context, a *KBArticle) error {
	if a.UpdatedAt.IsZero() {
		a.UpdatedAt = time.Now().UTC()
	}
	res, err := q.exec(ctx, `UPDATE kb_articles SET category_id = ?, title = ?, body = ?, lang = ?, faq = ?,
		search_text = ?, updated_at = ? WHERE id = ?`,
		nullID(a.CategoryID), a.Title, a.Body, a.Lang, a.FAQ, kbSearchText(a), ms(a.UpdatedAt), a.ID)
	if err != nil {
		return fmt.Errorf("update knowledge base article %d: %w", a.ID, err)
	}
	return mustAffect(res, fmt.Sprintf("update knowledge base article %d", a.ID))
}

func (q *queries) GetKBArticle(ctx context.Context, id int64) (*KBArticle, error) {
	a, err := scanKBArticle(q.queryRow(ctx, kbArticleSelect+" WHERE a.id = ?", id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("get knowledge base article %d", id))
	}
	return a, nil
}

func (q *queries) DeleteKBArticle(ctx context.Context, id int64) error {
	res, err := q.exec(ctx, `DELETE FROM kb_articles WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete knowledge base article %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("delete knowledge base article %d", id))
}

func (q *queries) CountKBView(ctx context.Context, id int64) error {
	res, err := q.exec(ctx, `UPDATE kb_articles SET views = views + 1 WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("count view of knowledge base article %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("count view of knowledge base article %d", id))
}

// kbWhere builds ListKBArticles' conditions.
func kbWhere(f KBFilter) (string, []any) {
	var conds []string
	var args []any
	if f.FAQOnly {
		conds = append(conds, "a.faq")
	}
	if f.Lang != "" {
		conds = append(conds, "(a.lang = ? OR a.lang = '')")
		args = append(args, f.Lang)
	}
	if len(f.CategoryIDs) > 0 {
		conds = append(conds, "a.category_id IN ("+placeholders(len(f.CategoryIDs))+")")
		for _, id := range f.CategoryIDs {
			args = append(args, id)
		}
	}
	for _, w := range strings.Fields(strings.ToLower(f.Query)) {
		conds = append(conds, `a.search_text LIKE ? ESCAPE '\'`)
		args = append(args, "%"+escapeLike(w)+"%")
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func (q *queries) ListKBArticles(ctx context.Context, f KBFilter) (KBPage, error) {
	where, args := kbWhere(f)
	var p KBPage
	if err := q.queryRow(ctx, "SELECT COUNT(*) FROM kb_articles a"+where, args...).Scan(&p.Total); err != nil {
		return KBPage{}, fmt.Errorf("count knowledge base articles: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	rows, err := q.query(ctx, kbArticleSelect+where+" ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?",
		append(args, limit, f.Offset)...)
	if err != nil {
		return KBPage{}, fmt.Errorf("list knowledge base articles: %w", err)
	}
	p.Articles, err = scanKBArticles(rows)
	if err != nil {
		return KBPage{}, fmt.Errorf("list knowledge base articles: %w", err)
	}
	return p, nil
}

func (q *queries) KBArticlesOfTicket(ctx context.Context, ticketID int64) ([]KBArticle, error) {
	rows, err := q.query(ctx, kbArticleSelect+" WHERE a.ticket_id = ? ORDER BY a.id", ticketID)
	if err != nil {
		return nil, fmt.Errorf("knowledge base articles of ticket %d: %w", ticketID, err)
	}
	out, err := scanKBArticles(rows)
	if err != nil {
		return nil, fmt.Errorf("knowledge base articles of ticket %d: %w", ticketID, err)
	}
	return out, nil
}

func scanKBArticles(rows *sql.Rows) ([]KBArticle, error) {
	var out []KBArticle
	err := scanEach(rows, func(sc scanner) error {
		a, err := scanKBArticle(sc)
		if err != nil {
			return err
		}
		out = append(out, *a)
		return nil
	})
	return out, err
}
