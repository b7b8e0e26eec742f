-- Pages of information the municipal model requires (privacy notice, accessibility statement,
-- legal notes, frequently asked questions), written in Markdown so staff can edit them.
-- Kept in step with ../postgres/20261122000003_information_pages.sql.
CREATE TABLE pages (
    id            INTEGER PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80),
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    summary       TEXT NOT NULL CHECK (length(summary) BETWEEN 1 AND 200),
    body_markdown TEXT NOT NULL,
    updated_on    TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
