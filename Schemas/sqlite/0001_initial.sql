-- 0001_initial: the first archive schema.
--
-- Append-only: once merged, this file is never edited; later changes are new files (0002_..., ...).
-- Conventions: times are whole seconds since 1970-01-01 UTC (INTEGER); digests are 32-byte BLOBs;
-- lists are JSON arrays of strings (TEXT); booleans are 0/1.

-- Facts about the archive itself (created_at, archive_uuid).
CREATE TABLE archive_info (
    name  TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Threads. A thread lives as long as some message or referenced Message-ID points at it; merging two
-- threads keeps the smaller id.
CREATE TABLE thread (
    id           INTEGER PRIMARY KEY,
    base_subject TEXT NOT NULL DEFAULT '',   -- subject without Re:/Fwd:/[list] prefixes, folded
    last_date    INTEGER                     -- newest Date (else archived time) of its messages
);
CREATE INDEX thread_by_subject ON thread(base_subject, last_date);

-- One row per distinct message. `digest` is the message's identity (SHA-256 of the CRLF form);
-- `raw_sha256` is of the bytes exactly as received; the bytes live in message_chunk.
CREATE TABLE message (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,  -- the message key; also the index document id
    digest            BLOB    NOT NULL UNIQUE CHECK (length(digest) = 32),
    raw_sha256        BLOB    NOT NULL CHECK (length(raw_sha256) = 32),
    size              INTEGER NOT NULL CHECK (size >= 0),          -- bytes as received
    stored_size       INTEGER NOT NULL CHECK (stored_size >= 0),   -- bytes of all chunks as stored
    chunk_count       INTEGER NOT NULL CHECK (chunk_count >= 0),
    archived_at       INTEGER NOT NULL,
    date              INTEGER,            -- Date header, UTC; NULL when missing or unreadable
    subject           TEXT,
    header_message_id TEXT,               -- Message-ID without angle brackets
    in_reply_to       TEXT NOT NULL DEFAULT '[]',
    refs              TEXT NOT NULL DEFAULT '[]',   -- References
    list_id           TEXT,
    warnings          TEXT NOT NULL DEFAULT '[]',   -- decode warnings
    thread            INTEGER NOT NULL REFERENCES thread(id),
    -- 0 when the index holds the current state of this message; otherwise a counter that grows
    -- with every change the index must learn (so "mark indexed" cannot hide a later change).
    index_state       INTEGER NOT NULL DEFAULT 1 CHECK (index_state >= 0)
);
CREATE INDEX message_by_date ON message(date);
CREATE INDEX message_by_thread ON message(thread);
CREATE INDEX message_by_header_id ON message(header_message_id) WHERE header_message_id IS NOT NULL;
CREATE INDEX message_pending_index ON message(id) WHERE index_state <> 0;

-- The bytes of a message as received, in order, each chunk compressed on its own.
-- method 0: stored as is; 1: raw deflate (zlib, windowBits -15). raw_size: bytes after inflating.
-- The reference is checked at commit: chunks are written while the bytes stream in, before the
-- message's digest (and so its row) is known.
CREATE TABLE message_chunk (
    message  INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq      INTEGER NOT NULL CHECK (seq >= 0),
    method   INTEGER NOT NULL CHECK (method IN (0, 1)),
    raw_size INTEGER NOT NULL CHECK (raw_size > 0),
    data     BLOB    NOT NULL,
    PRIMARY KEY (message, seq)
);

-- Addresses of the headers that search and display need, in header order.
CREATE TABLE message_address (
    message  INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
    role     TEXT    NOT NULL CHECK (role IN ('from', 'sender', 'reply-to', 'to', 'cc', 'bcc')),
    position INTEGER NOT NULL,
    name     TEXT,
    address  TEXT    NOT NULL,
    PRIMARY KEY (message, role, position)
) WITHOUT ROWID;

-- Attachments (and other non-body parts) as the decoder listed them.
CREATE TABLE attachment (
    message      INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    path         TEXT    NOT NULL,        -- IMAP section path, e.g. "2" or "1.3"
    filename     TEXT,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL CHECK (size >= 0),   -- decoded bytes
    sha256       BLOB CHECK (sha256 IS NULL OR length(sha256) = 32),
    PRIMARY KEY (message, position)
) WITHOUT ROWID;

-- Every place a message was seen. Never deleted except with its message by purge; a message gone
-- from the server keeps its sighting with expunged_at set.
CREATE TABLE sighting (
    id            INTEGER PRIMARY KEY,
    message       INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
    source        TEXT    NOT NULL CHECK (source IN ('imap', 'maildir', 'mbox', 'eml')),
    account       TEXT    NOT NULL,
    folder        TEXT    NOT NULL,       -- decoded name, "/" separated
    uidvalidity   INTEGER,
    uid           INTEGER,
    flags         TEXT    NOT NULL DEFAULT '',   -- sorted lowercase names, space separated
    internal_date INTEGER,
    modseq        INTEGER,
    first_seen    INTEGER NOT NULL,
    last_seen     INTEGER NOT NULL,
    expunged_at   INTEGER,
    CHECK ((uid IS NULL) = (uidvalidity IS NULL))
);
CREATE UNIQUE INDEX sighting_by_uid ON sighting(account, folder, uidvalidity, uid) WHERE uid IS NOT NULL;
CREATE UNIQUE INDEX sighting_without_uid ON sighting(account, folder, message) WHERE uid IS NULL;
CREATE INDEX sighting_by_message ON sighting(message);

-- Message-IDs (own and referenced) and the thread each belongs to. A row whose message is NULL is a
-- placeholder: a referenced message not archived (yet).
CREATE TABLE thread_ref (
    header_id TEXT    PRIMARY KEY NOT NULL,
    thread    INTEGER NOT NULL REFERENCES thread(id),
    message   INTEGER REFERENCES message(id) ON DELETE SET NULL
) WITHOUT ROWID;
CREATE INDEX thread_ref_by_thread ON thread_ref(thread);
CREATE INDEX thread_ref_by_message ON thread_ref(message) WHERE message IS NOT NULL;

-- IMAP folder state per account, the checkpoint of incremental sync.
CREATE TABLE folder (
    account        TEXT    NOT NULL,
    name           TEXT    NOT NULL,
    uidvalidity    INTEGER,
    uidnext        INTEGER,
    highest_modseq INTEGER,
    delimiter      TEXT,
    special_use    TEXT,
    last_sync      INTEGER,
    on_server      INTEGER NOT NULL DEFAULT 1 CHECK (on_server IN (0, 1)),
    PRIMARY KEY (account, name)
) WITHOUT ROWID;

-- Every UIDVALIDITY change seen.
CREATE TABLE uidvalidity_change (
    id         INTEGER PRIMARY KEY,
    account    TEXT    NOT NULL,
    folder     TEXT    NOT NULL,
    old_value  INTEGER NOT NULL,
    new_value  INTEGER NOT NULL,
    changed_at INTEGER NOT NULL
);

-- The audit trail: an append-only hash chain. hash = SHA-256 of the entry's canonical form
-- (see AuditChain.swift), which includes prev_hash, the hash of entry seq - 1 (32 zero bytes for 1).
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY CHECK (seq >= 1),
    time      INTEGER NOT NULL,
    kind      TEXT    NOT NULL,
    payload   TEXT    NOT NULL,   -- canonical JSON object
    prev_hash BLOB    NOT NULL CHECK (length(prev_hash) = 32),
    hash      BLOB    NOT NULL CHECK (length(hash) = 32)
);
CREATE INDEX audit_by_time ON audit(time);
CREATE INDEX audit_archived_id ON audit(json_extract(payload, '$.id')) WHERE kind = 'message.archived';
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;

-- Legal holds. A released hold stays as history; an active name is unique.
CREATE TABLE hold (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    query       TEXT    NOT NULL,
    reason      TEXT,
    placed_at   INTEGER NOT NULL,
    released_at INTEGER
);
CREATE UNIQUE INDEX hold_active_name ON hold(name) WHERE released_at IS NULL;

-- The messages a hold covers (the engine evaluates the query, now and for later messages).
CREATE TABLE hold_message (
    hold     INTEGER NOT NULL REFERENCES hold(id),
    message  INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (hold, message)
) WITHOUT ROWID;
CREATE INDEX hold_message_by_message ON hold_message(message);

-- A message under an active hold can never be deleted, whatever the code above tries.
CREATE TRIGGER message_hold_guard BEFORE DELETE ON message
WHEN EXISTS (SELECT 1 FROM hold_message hm JOIN hold h ON h.id = hm.hold
             WHERE hm.message = OLD.id AND h.released_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'message is under a legal hold');
END;

-- Retention rules: keep messages in scope for at least keep_amount keep_unit.
CREATE TABLE retention_rule (
    id          INTEGER PRIMARY KEY,
    scope       TEXT    NOT NULL CHECK (scope IN ('account', 'folder', 'all')),
    pattern     TEXT    NOT NULL DEFAULT '',   -- account name, folder glob, or '' for all
    keep_amount INTEGER NOT NULL CHECK (keep_amount > 0),
    keep_unit   TEXT    NOT NULL CHECK (keep_unit IN ('d', 'w', 'm', 'y')),
    set_at      INTEGER NOT NULL,
    UNIQUE (scope, pattern)
);

-- Saved searches.
CREATE TABLE saved_search (
    name       TEXT PRIMARY KEY NOT NULL,
    query      TEXT NOT NULL,
    created_at INTEGER NOT NULL
) WITHOUT ROWID;

-- Keys of purged messages whose index documents are still to be deleted.
CREATE TABLE index_removal (
    message    INTEGER PRIMARY KEY,
    removed_at INTEGER NOT NULL
);
