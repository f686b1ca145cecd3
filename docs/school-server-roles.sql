-- Guided Touch on a school server: the roles kiosks and instructors log in with.
-- Run once as the database's owner (a role with CREATEROLE too), after the owner's first
-- connection made the tables (`guidedtouch report` with the owner in the server setting does it):
--     psql "dbname=guidedtouch user=gt_owner" -f school-server-roles.sql
-- then make one login per kiosk and per instructor (see docs/school-server.md).

-- Kiosks: add students and attempts, read what the trainer shows (the class list and every
-- student's progress, which kiosks share). No UPDATE and no DELETE: a kiosk cannot change or
-- remove what was sent.
CREATE ROLE guidedtouch_kiosk NOLOGIN;
GRANT USAGE ON SCHEMA public TO guidedtouch_kiosk;
GRANT SELECT ON guidedtouch_schema TO guidedtouch_kiosk;
GRANT SELECT, INSERT ON students, attempts, attempt_criteria, attempt_safety, attempt_positions
  TO guidedtouch_kiosk;
-- Renaming a student (or giving a pseudonym) goes through one function that runs with the
-- owner's rights: it renames, or merges two students into one, and records the rename once.
GRANT SELECT ON student_renames TO guidedtouch_kiosk;
GRANT EXECUTE ON FUNCTION guidedtouch_rename_student(uuid, text, text, text, integer, bigint)
  TO guidedtouch_kiosk;

-- Instructors: read everything for reports and exports; change nothing.
CREATE ROLE guidedtouch_instructor NOLOGIN;
GRANT USAGE ON SCHEMA public TO guidedtouch_instructor;
GRANT SELECT ON guidedtouch_schema, students, attempts, attempt_criteria, attempt_safety, attempt_positions,
  student_renames TO guidedtouch_instructor;
