-- Contact identifiers (cards, barcodes, app ids): a value unique per account, linked to at most
-- one contact. The oldest link of a contact is its default identifier.
CREATE TABLE contact_identifiers (
    account_id  uuid        NOT NULL REFERENCES accounts (id),
    id          uuid        NOT NULL,
    value       text        NOT NULL,
    name        text        NOT NULL,
    active      boolean     NOT NULL DEFAULT true,
    contact_id  uuid,
    linked_at   timestamptz,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (account_id, id),
    UNIQUE (account_id, value),
    FOREIGN KEY (account_id, contact_id) REFERENCES contacts (account_id, id)
);
CREATE INDEX contact_identifiers_contact ON contact_identifiers (account_id, contact_id, linked_at)
    WHERE contact_id IS NOT NULL;
