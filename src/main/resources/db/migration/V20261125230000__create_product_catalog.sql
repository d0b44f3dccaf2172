-- Products and product categories (Piggy's Orders API). The client's own id, external_identifier,
-- is unique per account: it is the key of find and find-or-create. Names may be missing because
-- find-or-create does not require one.
CREATE TABLE product_categories (
    account_id           uuid        NOT NULL REFERENCES accounts (id),
    id                   uuid        NOT NULL,
    external_identifier  text        NOT NULL,
    name                 text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    PRIMARY KEY (account_id, id),
    UNIQUE (account_id, external_identifier)
);
CREATE INDEX product_categories_created ON product_categories (account_id, created_at, id);

CREATE TABLE products (
    account_id           uuid        NOT NULL REFERENCES accounts (id),
    id                   uuid        NOT NULL,
    external_identifier  text        NOT NULL,
    name                 text,
    description          text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    PRIMARY KEY (account_id, id),
    UNIQUE (account_id, external_identifier)
);
CREATE INDEX products_created ON products (account_id, created_at, id);

-- A product's categories, in the order the client gave them. Deleting either side drops the link.
CREATE TABLE product_category_links (
    account_id   uuid NOT NULL,
    product_id   uuid NOT NULL,
    category_id  uuid NOT NULL,
    position     int  NOT NULL,
    PRIMARY KEY (account_id, product_id, category_id),
    FOREIGN KEY (account_id, product_id) REFERENCES products (account_id, id) ON DELETE CASCADE,
    FOREIGN KEY (account_id, category_id) REFERENCES product_categories (account_id, id) ON DELETE CASCADE
);
CREATE INDEX product_category_links_category ON product_category_links (account_id, category_id);
