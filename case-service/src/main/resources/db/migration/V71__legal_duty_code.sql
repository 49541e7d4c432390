-- A legal duty is a code the server checks (issue 13): the adviser's free-text reason
-- was plaintext where ciphertext belongs. Existing reasons become OTHER and their text is
-- dropped: the server cannot seal it for the recipients, so an adviser who wants it kept
-- writes it again as an internal note (sealed with the staff key).
alter table case_file add column legal_duty varchar(16)
    check (legal_duty in ('REPORTING_DUTY', 'DANGER', 'ORDER', 'OTHER'));
update case_file set legal_duty = 'OTHER' where legal_duty_reason is not null and btrim(legal_duty_reason) <> '';
alter table case_file drop column legal_duty_reason;
