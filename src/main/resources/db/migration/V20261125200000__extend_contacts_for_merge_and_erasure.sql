-- A merged contact stays as a deleted row pointing at the contact it was merged into, so a GDPR
-- erasure of the survivor can find (and erase) it too. An erased contact keeps its row, without
-- any personal data, so other features' ledger rows keep pointing at something.
ALTER TABLE contacts
    ADD COLUMN merged_into uuid,
    ADD COLUMN erased_at   timestamptz,
    ADD FOREIGN KEY (account_id, merged_into) REFERENCES contacts (account_id, id);
CREATE INDEX contacts_merged_into ON contacts (account_id, merged_into) WHERE merged_into IS NOT NULL;
