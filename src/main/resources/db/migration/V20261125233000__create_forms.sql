-- Forms: hosted pages that collect contact attribute values. fields is the ordered list of the
-- attribute names the page asks for; a contact's first submission of a form may earn credits.
CREATE TABLE forms (
    account_id             uuid        NOT NULL REFERENCES accounts (id),
    id                     uuid        NOT NULL,
    name                   text        NOT NULL,
    status                 text        NOT NULL CHECK (status IN ('PUBLISHED', 'DRAFT', 'BIN')),
    type                   text        NOT NULL CHECK (type IN ('PUBLIC', 'PRIVATE')),
    fields                 text[]      NOT NULL,
    subscription_type_ids  uuid[]      NOT NULL,
    credits                bigint      NOT NULL CHECK (credits >= 0),
    thank_you_text         text,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    PRIMARY KEY (account_id, id)
);
CREATE INDEX forms_created ON forms (account_id, created_at, id);
-- The hosted page knows only the form's uuid (no account comes with a public page request).
CREATE INDEX forms_public ON forms (id);

-- One row per submission. first_submission is true for exactly one row per form and contact
-- (the unique partial index decides races); credits_due is what that submission earned.
-- answers is what the contact sent (cleared by a GDPR erasure).
CREATE TABLE form_submissions (
    account_id        uuid        NOT NULL,
    id                uuid        NOT NULL,
    form_id           uuid        NOT NULL,
    contact_id        uuid        NOT NULL,
    first_submission  boolean     NOT NULL,
    credits_due       bigint      NOT NULL CHECK (credits_due >= 0),
    answers           jsonb       NOT NULL,
    created_at        timestamptz NOT NULL,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, form_id) REFERENCES forms (account_id, id) ON DELETE CASCADE,
    FOREIGN KEY (account_id, contact_id) REFERENCES contacts (account_id, id)
);
CREATE UNIQUE INDEX form_submissions_first ON form_submissions (account_id, form_id, contact_id) WHERE first_submission;
CREATE INDEX form_submissions_by_form ON form_submissions (account_id, form_id, created_at, id);
CREATE INDEX form_submissions_by_contact ON form_submissions (account_id, contact_id);
