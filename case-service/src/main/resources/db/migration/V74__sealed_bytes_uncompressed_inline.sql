-- Sealed bytes look random to PostgreSQL: compressing them costs CPU and never saves space,
-- so it is never tried (EXTERNAL storage) for case items and attachment chunks. And a case
-- item of up to about 8 kB (a typical sealed report) stays in its table row: moved out to
-- TOAST, as rows over 2 kB were, each filing cost two more rows and their index entries.
alter table case_item alter column ciphertext set storage external;
alter table case_item set (toast_tuple_target = 8160);
alter table attachment_chunk alter column bytes set storage external;
