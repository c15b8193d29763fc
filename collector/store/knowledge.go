package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// KBCategory is a category of the knowledge base; categories form a tree.
type KBCategory struct {
	ID       int64
	ParentID int64 // 0 at the root
	Name     string
	Articles int // articles directly in it (by KBCategories), FAQ only when asked
}

// KBArticle is an article of the knowledge base.
type KBArticle struct {
	ID         int64
	CategoryID int64 // 0 when uncategorised
	Category   string
	Title      string
	// Body is plain text with a few Markdown-like marks; it is never HTML
	// (package web escapes it when rendering).
	Body      string
	Lang      string // "fr", "en" or "" (any language)
	FAQ       bool   // published to self-service users
	AuthorID  int64  // 0 once the author is deleted
	Author    string // the author's name, or login
	TicketID  int64  // the ticket whose solution it was saved from, 0 if none
	Views     int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// KBFilter selects articles for ListKBArticles.
type KBFilter struct {
	// Query keeps articles whose title or body contains every word,
	// case-insensitively.
	Query string
	// CategoryIDs keeps articles in one of these categories (a category
	// and its descendants, which the caller computes from the tree).
	CategoryIDs []int64
	FAQOnly     bool
	// Lang keeps articles in this language or in any language.
	Lang          string
	Limit, Offset int
}

// KBPage is one page of articles and the count of all that match.
type KBPage struct {
	Articles []KBArticle
	Total    int
}

// KnowledgeQueries store the knowledge base. Who may read or write which
// article is package web's rule; this is storage only. Every Store opened
// by Open implements them; use Knowledge to get them.
type KnowledgeQueries interface {
	// CreateKBCategory adds a category; ErrConflict when its parent
	// already has one of that name, ErrNotFound when the parent is gone.
	CreateKBCategory(ctx context.Context, c *KBCategory) error
	// KBCategories lists every category by name, with the count of the
	// articles directly in each (FAQ articles only when faqOnly).
	KBCategories(ctx context.Context, faqOnly bool) ([]KBCategory, error)
	// DeleteKBCategory removes a category and its subcategories; their
	// articles become uncategorised.
	DeleteKBCategory(ctx context.Context, id int64) error
	// CreateKBArticle adds a, setting its ID and times.
	CreateKBArticle(ctx context.Context, a *KBArticle) error
	// UpdateKBArticle writes a's category, title, body, language and FAQ
	// flag, and its update time.
	UpdateKBArticle(ctx context.Context, a *KBArticle) error
	// GetKBArticle returns one article, ErrNotFound when none.
	GetKBArticle(ctx context.Context, id int64) (*KBArticle, error)
	// DeleteKBArticle removes an article.
	DeleteKBArticle(ctx context.Context, id int64) error
	// ListKBArticles counts the matching articles and reads one page,
	// the most recently updated first.
	ListKBArticles(ctx context.Context, f KBFilter) (KBPage, error)
	// CountKBView adds one to an article's view count.
	CountKBView(ctx context.Context, id int64) error
	// KBArticlesOfTicket lists the articles saved from a ticket.
	KBArticlesOfTicket(ctx context.Context, ticketID int64) ([]KBArticle, error)
}

// Knowledge returns the knowledge base queries of a Store, or of the
// Queries a WithTx function receives.
func Knowledge(x any) (KnowledgeQueries, error) {
	k, ok := x.(KnowledgeQueries)
	if !ok {
		return nil, fmt.Errorf("store %T has no knowledge base queries", x)
	}
	return k, nil
}

var _ KnowledgeQueries = (*queries)(nil)

// kbSearchText is the lower-case text ListKBArticles' Query matches.
func kbSearchText(a *KBArticle) string {
	return strings.ToLower(a.Title + "\n" + a.Body)
}

func (q *queries) CreateKBCategory(ctx context.Context, c *KBCategory) error {
	what := "create knowledge base category " + c.Name
	// UNIQUE (parent_id, name) does not hold at the root, where parent_id
	// is NULL and NULLs differ: check there first.
	var n int
	if err := q.queryRow(ctx, `SELECT COUNT(*) FROM kb_categories WHERE COALESCE(parent_id, 0) = ? AND name = ?`,
		c.ParentID, c.Name).Scan(&n); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n > 0 {
		return fmt.Errorf("%s: %w", what, ErrConflict)
	}
	if c.ParentID != 0 {
		var one int
		if err := q.queryRow(ctx, `SELECT 1 FROM kb_categories WHERE id = ?`, c.ParentID).Scan(&one); err != nil {
			return notFound(err, what+": parent")
		}
	}
	err := q.writeRow(ctx, `INSERT INTO kb_categories (parent_id, name) VALUES (?, ?) RETURNING id`,
		nullID(c.ParentID), c.Name).Scan(&c.ID)
	return q.conflict(err, what)
}

func (q *queries) KBCategories(ctx context.Context, faqOnly bool) ([]KBCategory, error) {
	rows, err := q.query(ctx, `SELECT c.id, c.parent_id, c.name,
		(SELECT COUNT(*) FROM kb_articles a WHERE a.category_id = c.id AND (a.faq OR NOT ?))
		FROM kb_categories c ORDER BY lower(c.name), c.id`, faqOnly)
	if err != nil {
		return nil, fmt.Errorf("knowledge base categories: %w", err)
	}
	var out []KBCategory
	err = scanEach(rows, func(sc scanner) error {
		var c KBCategory
		var parent sql.NullInt64
		if err := sc.Scan(&c.ID, &parent, &c.Name, &c.Articles); err != nil {
			return err
		}
		c.ParentID = parent.Int64
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("knowledge base categories: %w", err)
	}
	return out, nil
}

func (q *queries) DeleteKBCategory(ctx context.Context, id int64) error {
	res, err := q.exec(ctx, `DELETE FROM kb_categories WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete knowledge base category %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("delete knowledge base category %d", id))
}
