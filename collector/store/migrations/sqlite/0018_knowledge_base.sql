-- 0018: the knowledge base (GLPI's Knowbase).

-- kb_categories are a tree of article categories; removing one removes
-- its subcategories, and its articles stay, uncategorised.
CREATE TABLE kb_categories (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES kb_categories(id) ON DELETE CASCADE,
    name      TEXT    NOT NULL,
    UNIQUE (parent_id, name)
);
CREATE INDEX kb_categories_parent ON kb_categories(parent_id);

-- kb_articles are the articles. body is plain text with a few Markdown-like
-- marks (paragraphs, lists, http(s) links), escaped when shown; faq
-- publishes the article to self-service users; lang is 'fr', 'en' or ''
-- (any); ticket_id is the ticket whose solution it was saved from;
-- search_text is the lower-case title and body the search matches.
CREATE TABLE kb_articles (
    id          INTEGER PRIMARY KEY,
    category_id INTEGER REFERENCES kb_categories(id) ON DELETE SET NULL,
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL DEFAULT '',
    lang        TEXT    NOT NULL DEFAULT '',
    faq         BOOLEAN NOT NULL DEFAULT FALSE,
    author_id   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    ticket_id   INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
    views       INTEGER NOT NULL DEFAULT 0,
    search_text TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
-- The list: newest first, in a category or the FAQ only.
CREATE INDEX kb_articles_updated ON kb_articles(updated_at, id);
CREATE INDEX kb_articles_category ON kb_articles(category_id, updated_at, id);
CREATE INDEX kb_articles_faq ON kb_articles(faq, updated_at, id);
CREATE INDEX kb_articles_ticket ON kb_articles(ticket_id) WHERE ticket_id IS NOT NULL;
-- Text search is LIKE '%word%', as the ticket queue's: no index seeks it,
-- scanning this narrow one reads less than the table.
CREATE INDEX kb_articles_search ON kb_articles(search_text);
