#!/usr/bin/env python3
"""What the ledger's by-account indexes cost, in plain C-level SQLite (Python's sqlite3), with
the schema of migration 2 and the rows `crossborder bench ledger` posts: 400,000 single
transfers between 1,000 accounts, 8,000 per transaction, 500 rows per INSERT, one delta UPDATE
per touched account; WAL, synchronous=FULL, a 64 MiB cache, as the server's writer has.

    python3 Benchmarks/sqlite/ledger-indexes.py            # every variant
    python3 Benchmarks/sqlite/ledger-indexes.py as-built   # one of them

Variants: as-built (foreign keys, the two by-account text indexes); no-foreign-keys; no-indexes
(the ceiling); staged (no by-account index on the transfers: each transfer appends its two
postings to an unindexed table, moved every five batches in one sorted INSERT into a
by-account table keyed (account, created_at, transfer), the time of the moves counted in)."""
import os
import random
import sqlite3
import sys
import tempfile
import time

TRANSFERS, BATCH, ACCOUNTS, CHUNK, MOVE_EVERY = 400_000, 8_000, 1_000, 500, 5


def run(variant):
    path = os.path.join(tempfile.mkdtemp(), "ledger.sqlite")
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA cache_size=-65536")
    db.execute("PRAGMA foreign_keys=%s" % ("OFF" if variant == "no-foreign-keys" else "ON"))
    db.execute("""CREATE TABLE ledger_accounts (id TEXT PRIMARY KEY, currency TEXT NOT NULL, flags BIGINT NOT NULL,
        debits_pending BIGINT NOT NULL DEFAULT 0, debits_posted BIGINT NOT NULL DEFAULT 0,
        credits_pending BIGINT NOT NULL DEFAULT 0, credits_posted BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL)""")
    db.execute("""CREATE TABLE ledger_transfers (id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('single', 'pending', 'post', 'void')),
        debit_account TEXT NOT NULL REFERENCES ledger_accounts(id), credit_account TEXT NOT NULL REFERENCES ledger_accounts(id),
        amount BIGINT NOT NULL CHECK (amount > 0), currency TEXT NOT NULL, pending_id TEXT REFERENCES ledger_transfers(id),
        pending_status TEXT, code TEXT NOT NULL, created_at BIGINT NOT NULL)""")
    db.execute("CREATE UNIQUE INDEX one_resolution ON ledger_transfers(pending_id) WHERE pending_id IS NOT NULL")
    if variant in ("as-built", "no-foreign-keys"):
        db.execute("CREATE INDEX by_debit ON ledger_transfers(debit_account)")
        db.execute("CREATE INDEX by_credit ON ledger_transfers(credit_account)")
    if variant == "staged":
        db.execute("""CREATE TABLE postings (account TEXT NOT NULL, created_at BIGINT NOT NULL, transfer_id TEXT NOT NULL,
            PRIMARY KEY (account, created_at, transfer_id)) WITHOUT ROWID""")
        db.execute("CREATE TABLE staged (seq INTEGER PRIMARY KEY, account TEXT NOT NULL, created_at BIGINT NOT NULL, transfer_id TEXT NOT NULL)")
    names = [f"bench:ab12cd34:{n}:CNY" for n in range(ACCOUNTS)]
    db.execute("BEGIN")
    db.executemany("INSERT INTO ledger_accounts (id, currency, flags, created_at) VALUES (?, 'CNY', 0, 1)", [(n,) for n in names])
    db.execute("COMMIT")
    rows = []
    for n in range(TRANSFERS):
        debit = random.randrange(ACCOUNTS)
        credit = (debit + random.randrange(1, ACCOUNTS)) % ACCOUNTS
        rows.append((f"bench:ab12cd34:{n}", names[debit], names[credit], random.randint(1, 1_000_000)))

    def move_postings():
        db.execute("BEGIN")
        db.execute("INSERT INTO postings SELECT account, created_at, transfer_id FROM staged ORDER BY account, created_at, transfer_id")
        db.execute("DELETE FROM staged")
        db.execute("COMMIT")

    started = time.time()
    for number, start in enumerate(range(0, TRANSFERS, BATCH)):
        batch = rows[start:start + BATCH]
        db.execute("BEGIN")
        for first in range(0, len(batch), CHUNK):
            chunk = batch[first:first + CHUNK]
            db.execute("INSERT INTO ledger_transfers VALUES "
                       + ", ".join(["(?, 'single', ?, ?, ?, 'CNY', NULL, NULL, 'bench', 1)"] * len(chunk)),
                       [value for row in chunk for value in row])
            if variant == "staged":
                db.execute("INSERT INTO staged (account, created_at, transfer_id) VALUES " + ", ".join(["(?, 1, ?)"] * (2 * len(chunk))),
                           [value for row in chunk for value in (row[1], row[0], row[2], row[0])])
        deltas = {}
        for transfer, debit, credit, amount in batch:
            deltas.setdefault(debit, [0, 0])[0] += amount
            deltas.setdefault(credit, [0, 0])[1] += amount
        db.executemany("UPDATE ledger_accounts SET debits_posted = debits_posted + ?, credits_posted = credits_posted + ? WHERE id = ?",
                       [(moved[0], moved[1], account) for account, moved in deltas.items()])
        db.execute("COMMIT")
        if variant == "staged" and number % MOVE_EVERY == MOVE_EVERY - 1:
            move_postings()
    if variant == "staged":
        move_postings()
    print(f"{variant}\t{TRANSFERS / (time.time() - started):,.0f} transfers/s")


for variant in sys.argv[1:] or ["as-built", "no-foreign-keys", "no-indexes", "staged"]:
    run(variant)
