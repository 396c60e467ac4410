import Foundation

/// The schema, as numbered steps applied in order and recorded in `schema_migrations`. A step
/// is never edited once released: a change to the schema is a new step.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    let statements: @Sendable (StoreKind) -> [String]
}

public enum Migrations {
    public static let all: [Migration] = [catalogueAndRates, ledger, merchantCatalogue, accounts, checkout, identities, payments, declarations, logistics, hub, lastMile, liveSales, skuRevisions, unitsInOneCall, directMail, workFailures, netContent, consoleSessions, sealedAddresses, openQuotes, workLeases, travellers, merchantApplications, brandProtection, partnerBanks, productPhotos, notices, searchSynonyms, risk, returns, addressBook]

    public static var latestVersion: Int { all.last?.version ?? 0 }

    /// The steps a database at `applied` still needs, in order.
    static func pending(applied: Set<Int>) -> [Migration] {
        all.filter { !applied.contains($0.version) }
    }

    static let bookkeeping = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version BIGINT PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at BIGINT NOT NULL
        )
        """

    /// Merchants, their stores and products, exchange rates, idempotency keys and settings.
    static let catalogueAndRates = Migration(version: 1, name: "catalogue, rates, idempotency") { kind in
        let blob = kind == .postgres ? "BYTEA" : "BLOB"
        return [
            """
            CREATE TABLE merchants (
                id TEXT PRIMARY KEY,
                name_en TEXT NOT NULL,
                name_zh TEXT NOT NULL,
                country TEXT NOT NULL,
                currency TEXT NOT NULL,
                kind TEXT NOT NULL,
                onboarded_by TEXT,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE stores (
                id TEXT PRIMARY KEY,
                merchant_id TEXT NOT NULL REFERENCES merchants(id),
                slug TEXT NOT NULL UNIQUE,
                name_en TEXT NOT NULL,
                name_zh TEXT NOT NULL,
                tagline_en TEXT NOT NULL,
                tagline_zh TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE products (
                id TEXT PRIMARY KEY,
                store_id TEXT NOT NULL REFERENCES stores(id),
                name_en TEXT NOT NULL,
                name_zh TEXT NOT NULL,
                description_en TEXT NOT NULL,
                description_zh TEXT NOT NULL,
                category TEXT NOT NULL,
                brand TEXT NOT NULL,
                hs_code TEXT NOT NULL,
                origin_country TEXT NOT NULL,
                ships_to_china BIGINT NOT NULL,
                no_ship_reason_en TEXT,
                no_ship_reason_zh TEXT,
                artwork TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX products_by_store ON products(store_id)",
            """
            CREATE TABLE skus (
                id TEXT PRIMARY KEY,
                product_id TEXT NOT NULL REFERENCES products(id),
                variant_en TEXT NOT NULL,
                variant_zh TEXT NOT NULL,
                price_minor BIGINT NOT NULL CHECK (price_minor >= 0),
                currency TEXT NOT NULL,
                weight_grams BIGINT NOT NULL CHECK (weight_grams > 0),
                on_hand BIGINT NOT NULL CHECK (on_hand >= 0),
                reserved BIGINT NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= on_hand)
            )
            """,
            "CREATE INDEX skus_by_product ON skus(product_id)",
            """
            CREATE TABLE fx_rates (
                base TEXT NOT NULL,
                quote TEXT NOT NULL,
                as_of BIGINT NOT NULL,
                rate TEXT NOT NULL,
                source TEXT NOT NULL,
                recorded_at BIGINT NOT NULL,
                PRIMARY KEY (base, quote, as_of)
            )
            """,
            """
            CREATE TABLE idempotency_keys (
                scope TEXT NOT NULL,
                key TEXT NOT NULL,
                request_hash TEXT NOT NULL,
                status BIGINT NOT NULL,
                content_type TEXT NOT NULL,
                body \(blob) NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (scope, key)
            )
            """,
            """
            CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )
            """,
        ]
    }
}

extension Migrations {
    /// The double-entry ledger: accounts with their four running sums, immutable transfers, and a pending transfer's status. The partial unique index
    /// makes "a pending transfer resolves at most once" a fact of the database, not only of code.
    static let ledger = Migration(version: 2, name: "ledger") { _ in
        [
            """
            CREATE TABLE ledger_accounts (
                id TEXT PRIMARY KEY,
                currency TEXT NOT NULL,
                flags BIGINT NOT NULL,
                debits_pending BIGINT NOT NULL DEFAULT 0,
                debits_posted BIGINT NOT NULL DEFAULT 0,
                credits_pending BIGINT NOT NULL DEFAULT 0,
                credits_posted BIGINT NOT NULL DEFAULT 0,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE ledger_transfers (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('single', 'pending', 'post', 'void')),
                debit_account TEXT NOT NULL REFERENCES ledger_accounts(id),
                credit_account TEXT NOT NULL REFERENCES ledger_accounts(id),
                amount BIGINT NOT NULL CHECK (amount > 0),
                currency TEXT NOT NULL,
                pending_id TEXT REFERENCES ledger_transfers(id),
                pending_status TEXT CHECK (pending_status IN ('pending', 'posted', 'voided')),
                code TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX ledger_transfers_one_resolution ON ledger_transfers(pending_id) WHERE pending_id IS NOT NULL",
            "CREATE INDEX ledger_transfers_by_debit ON ledger_transfers(debit_account)",
            "CREATE INDEX ledger_transfers_by_credit ON ledger_transfers(credit_account)",
        ]
    }

    /// Merchant API keys (hashes only), the search index (FTS5 in SQLite, a tsvector with a GIN
    /// index in PostgreSQL, both fed the same tokens), and each product's cheapest price with
    /// its CNY sort key, refreshed when rates move.
    static let merchantCatalogue = Migration(version: 3, name: "merchant catalogue and search") { kind in
        let search = kind == .postgres
            ? [
                """
                CREATE TABLE product_search (
                    product_id TEXT PRIMARY KEY REFERENCES products(id),
                    tokens TEXT NOT NULL,
                    document tsvector GENERATED ALWAYS AS (to_tsvector('simple', tokens)) STORED
                )
                """,
                "CREATE INDEX product_search_document ON product_search USING GIN (document)",
            ]
            : ["CREATE VIRTUAL TABLE product_search USING fts5(product_id UNINDEXED, tokens, tokenize = 'unicode61')"]
        return search + [
            """
            CREATE TABLE merchant_api_keys (
                key_hash TEXT PRIMARY KEY,
                merchant_id TEXT NOT NULL REFERENCES merchants(id),
                label TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "ALTER TABLE products ADD COLUMN from_price_minor BIGINT",
            "ALTER TABLE products ADD COLUMN from_price_currency TEXT",
            // Unknown prices sort last: the largest key, so that one index serves both databases
            // (they disagree on where NULLs go).
            "ALTER TABLE products ADD COLUMN sort_price_cny BIGINT NOT NULL DEFAULT 9223372036854775807",
            "ALTER TABLE products ADD COLUMN updated_at BIGINT",
            // Each listing order has its index, so a page is read off it rather than sorted.
            "CREATE INDEX products_by_price ON products(sort_price_cny, id)",
            "CREATE INDEX products_by_store_price ON products(store_id, sort_price_cny, id)",
            "CREATE INDEX products_by_category_price ON products(category, sort_price_cny, id)",
            "CREATE INDEX products_by_newest ON products(created_at, id)",
            "CREATE INDEX products_by_store_newest ON products(store_id, created_at, id)",
            "CREATE INDEX products_by_category_newest ON products(category, created_at, id)",
        ]
    }

    /// Consumers (password hashes only), their sessions (token hashes only), and their
    /// delivery addresses with the mobile number sealed and a masked copy for display.
    static let accounts = Migration(version: 4, name: "consumer accounts") { _ in
        [
            """
            CREATE TABLE consumers (
                id TEXT PRIMARY KEY,
                email TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                display_name TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE sessions (
                token_hash TEXT PRIMARY KEY,
                consumer_id TEXT NOT NULL REFERENCES consumers(id),
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE addresses (
                id TEXT PRIMARY KEY,
                consumer_id TEXT NOT NULL REFERENCES consumers(id),
                province TEXT NOT NULL,
                city TEXT NOT NULL,
                district TEXT NOT NULL,
                street TEXT NOT NULL,
                recipient TEXT NOT NULL,
                mobile_sealed TEXT NOT NULL,
                mobile_masked TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX addresses_by_consumer ON addresses(consumer_id)",
        ]
    }

    /// Carts, quotes (kept whole, as JSON, so that what was quoted is what is honoured), and
    /// orders with their lines, a snapshot of the delivery address and every change of state.
    static let checkout = Migration(version: 5, name: "carts, quotes and orders") { _ in
        [
            """
            CREATE TABLE cart_lines (
                consumer_id TEXT NOT NULL REFERENCES consumers(id),
                sku_id TEXT NOT NULL REFERENCES skus(id),
                quantity BIGINT NOT NULL CHECK (quantity > 0),
                added_at BIGINT NOT NULL,
                PRIMARY KEY (consumer_id, sku_id)
            )
            """,
            """
            CREATE TABLE quotes (
                id TEXT PRIMARY KEY,
                consumer_id TEXT NOT NULL REFERENCES consumers(id),
                body TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                used_at BIGINT
            )
            """,
            """
            CREATE TABLE orders (
                id TEXT PRIMARY KEY,
                group_id TEXT NOT NULL,
                quote_id TEXT NOT NULL REFERENCES quotes(id),
                consumer_id TEXT NOT NULL REFERENCES consumers(id),
                merchant_id TEXT NOT NULL REFERENCES merchants(id),
                status TEXT NOT NULL,
                rate TEXT NOT NULL,
                rate_source TEXT NOT NULL,
                rate_as_of BIGINT NOT NULL,
                goods_cny BIGINT NOT NULL,
                freight_cny BIGINT NOT NULL,
                tax_cny BIGINT NOT NULL,
                total_cny BIGINT NOT NULL,
                recipient TEXT NOT NULL,
                province TEXT NOT NULL,
                city TEXT NOT NULL,
                district TEXT NOT NULL,
                street TEXT NOT NULL,
                mobile_sealed TEXT NOT NULL,
                mobile_masked TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                pay_by BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX orders_by_consumer ON orders(consumer_id, created_at)",
            "CREATE INDEX orders_by_status ON orders(status, pay_by)",
            """
            CREATE TABLE order_lines (
                order_id TEXT NOT NULL REFERENCES orders(id),
                line_no BIGINT NOT NULL,
                sku_id TEXT NOT NULL REFERENCES skus(id),
                product_id TEXT NOT NULL,
                name_en TEXT NOT NULL,
                name_zh TEXT NOT NULL,
                hs_code TEXT NOT NULL,
                quantity BIGINT NOT NULL CHECK (quantity > 0),
                unit_price_minor BIGINT NOT NULL,
                currency TEXT NOT NULL,
                goods_cny BIGINT NOT NULL,
                freight_cny BIGINT NOT NULL,
                consumption_tax_cny BIGINT NOT NULL,
                vat_cny BIGINT NOT NULL,
                PRIMARY KEY (order_id, line_no)
            )
            """,
            """
            CREATE TABLE order_events (
                order_id TEXT NOT NULL REFERENCES orders(id),
                seq BIGINT NOT NULL,
                from_status TEXT,
                to_status TEXT NOT NULL,
                actor TEXT NOT NULL,
                at BIGINT NOT NULL,
                note TEXT NOT NULL,
                PRIMARY KEY (order_id, seq)
            )
            """,
        ]
    }

    /// Buyers' real-name identities, sealed, with masked copies for display and a keyed
    /// fingerprint of the identity number so that allowances can be counted per number without
    /// storing it in the clear; and the allowance used per number and calendar year.
    static let identities = Migration(version: 6, name: "buyer identities and import allowances") { _ in
        [
            """
            CREATE TABLE buyer_identities (
                consumer_id TEXT PRIMARY KEY REFERENCES consumers(id),
                name_sealed TEXT NOT NULL,
                name_masked TEXT NOT NULL,
                id_sealed TEXT NOT NULL,
                id_masked TEXT NOT NULL,
                id_fingerprint TEXT NOT NULL,
                mobile_sealed TEXT NOT NULL,
                mobile_masked TEXT NOT NULL,
                status TEXT NOT NULL,
                checked_at BIGINT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX buyer_identities_by_fingerprint ON buyer_identities(id_fingerprint)",
            """
            CREATE TABLE import_allowances (
                id_fingerprint TEXT NOT NULL,
                year BIGINT NOT NULL,
                used_fen BIGINT NOT NULL CHECK (used_fen >= 0),
                PRIMARY KEY (id_fingerprint, year)
            )
            """,
            "ALTER TABLE orders ADD COLUMN id_fingerprint TEXT",
            "ALTER TABLE orders ADD COLUMN allowance_year BIGINT",
            "ALTER TABLE orders ADD COLUMN allowance_fen BIGINT NOT NULL DEFAULT 0",
        ]
    }

    /// Payments (one live payment per order group, so a group is never charged twice), what
    /// channels reported (each report once, by its event id), refunds, escrow releases with
    /// both rates, merchants' payout accounts and commission, payout batches with their files,
    /// and the sandbox channels' own records, standing in for the banks' systems.
    static let payments = Migration(version: 7, name: "payments, refunds, releases and payouts") { _ in
        [
            """
            CREATE TABLE payments (
                id TEXT PRIMARY KEY,
                group_id TEXT NOT NULL,
                consumer_id TEXT NOT NULL REFERENCES consumers(id),
                channel TEXT NOT NULL,
                amount_cny BIGINT NOT NULL CHECK (amount_cny > 0),
                status TEXT NOT NULL CHECK (status IN ('initiated', 'processing', 'unknown', 'succeeded', 'failed')),
                channel_reference TEXT,
                failure TEXT,
                request_hash TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX payments_one_live_per_group ON payments(group_id) WHERE status <> 'failed'",
            "CREATE INDEX payments_unsettled ON payments(status, updated_at)",
            """
            CREATE TABLE payment_reports (
                channel TEXT NOT NULL,
                event_id TEXT NOT NULL,
                payment_id TEXT NOT NULL,
                status TEXT NOT NULL,
                source TEXT NOT NULL,
                applied BIGINT NOT NULL,
                at BIGINT NOT NULL,
                PRIMARY KEY (channel, event_id)
            )
            """,
            "CREATE INDEX payment_reports_by_payment ON payment_reports(payment_id, at)",
            """
            CREATE TABLE refunds (
                id TEXT PRIMARY KEY,
                order_id TEXT NOT NULL REFERENCES orders(id),
                payment_id TEXT NOT NULL REFERENCES payments(id),
                amount_cny BIGINT NOT NULL CHECK (amount_cny > 0),
                reason TEXT NOT NULL,
                requested_by TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('booked', 'sent')),
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX refunds_by_order ON refunds(order_id)",
            """
            CREATE TABLE escrow_releases (
                order_id TEXT PRIMARY KEY REFERENCES orders(id),
                merchant_id TEXT NOT NULL,
                currency TEXT NOT NULL,
                goods_cny BIGINT NOT NULL,
                share_minor BIGINT NOT NULL,
                converted_minor BIGINT NOT NULL,
                fx_gain_minor BIGINT NOT NULL,
                commission_minor BIGINT NOT NULL,
                quote_rate TEXT NOT NULL,
                release_rate TEXT NOT NULL,
                release_rate_source TEXT NOT NULL,
                released_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX escrow_releases_by_merchant ON escrow_releases(merchant_id, released_at)",
            """
            CREATE TABLE merchant_payout_accounts (
                merchant_id TEXT PRIMARY KEY REFERENCES merchants(id),
                holder TEXT NOT NULL,
                iban TEXT,
                account_number TEXT,
                bic TEXT NOT NULL,
                commission_bps BIGINT NOT NULL CHECK (commission_bps BETWEEN 0 AND 10000)
            )
            """,
            """
            CREATE TABLE payout_batches (
                id TEXT PRIMARY KEY,
                currency TEXT NOT NULL,
                execution_date TEXT NOT NULL,
                control_sum_minor BIGINT NOT NULL,
                file TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('submitted', 'settled')),
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE payouts (
                id TEXT PRIMARY KEY,
                batch_id TEXT NOT NULL REFERENCES payout_batches(id),
                merchant_id TEXT NOT NULL REFERENCES merchants(id),
                currency TEXT NOT NULL,
                amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
                status TEXT NOT NULL CHECK (status IN ('submitted', 'paid', 'rejected')),
                reason TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX payouts_by_merchant ON payouts(merchant_id, created_at)",
            """
            CREATE TABLE sandbox_channel_records (
                channel TEXT NOT NULL,
                reference TEXT NOT NULL,
                kind TEXT NOT NULL,
                payment_id TEXT NOT NULL,
                amount_minor BIGINT NOT NULL,
                currency TEXT NOT NULL,
                status TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT '',
                settles_at BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (channel, reference)
            )
            """,
            """
            CREATE TABLE sandbox_callbacks (
                id TEXT PRIMARY KEY,
                channel TEXT NOT NULL,
                body TEXT NOT NULL,
                deliver_at BIGINT NOT NULL,
                delivered_at BIGINT
            )
            """,
            "CREATE INDEX sandbox_callbacks_due ON sandbox_callbacks(delivered_at, deliver_at)",
            "ALTER TABLE orders ADD COLUMN delivered_at BIGINT",
        ]
    }

    /// Customs declarations: each parcel's three records (sealed, since they carry the buyer's
    /// identity, with a masked copy for ops), what the matching found, the latest result; every
    /// result customs sent, once by its event id; the sandbox customs' own outbox; and the
    /// tariff of a line taxed as general trade.
    static let declarations = Migration(version: 8, name: "customs declarations") { _ in
        [
            """
            CREATE TABLE declarations (
                order_id TEXT PRIMARY KEY REFERENCES orders(id),
                status TEXT NOT NULL CHECK (status IN ('submitted', 'inspection', 'released', 'rejected')),
                reason TEXT NOT NULL DEFAULT '',
                records_sealed TEXT NOT NULL,
                records_masked TEXT NOT NULL,
                sent_at BIGINT,
                submitted_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX declarations_by_status ON declarations(status, updated_at)",
            """
            CREATE TABLE declaration_results (
                event_id TEXT PRIMARY KEY,
                order_id TEXT NOT NULL,
                result TEXT NOT NULL,
                reason TEXT NOT NULL,
                applied BIGINT NOT NULL,
                at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE sandbox_customs_outbox (
                id TEXT PRIMARY KEY,
                order_id TEXT NOT NULL,
                result TEXT NOT NULL,
                reason TEXT NOT NULL,
                deliver_at BIGINT NOT NULL,
                delivered_at BIGINT
            )
            """,
            "CREATE INDEX sandbox_customs_outbox_due ON sandbox_customs_outbox(delivered_at, deliver_at)",
            // A single item above the per-transaction limit pays the general-trade tariff.
            "ALTER TABLE order_lines ADD COLUMN tariff_cny BIGINT NOT NULL DEFAULT 0",
        ]
    }

    /// Shipments a merchant sends for an order, with their S10 tracking numbers, and every
    /// tracking event from every source, kept once by its event id.
    static let logistics = Migration(version: 9, name: "shipments and tracking") { _ in
        [
            """
            CREATE TABLE shipments (
                id TEXT PRIMARY KEY,
                tracking_number TEXT NOT NULL UNIQUE,
                order_id TEXT NOT NULL REFERENCES orders(id),
                merchant_id TEXT NOT NULL REFERENCES merchants(id),
                weight_grams BIGINT NOT NULL,
                length_mm BIGINT NOT NULL,
                width_mm BIGINT NOT NULL,
                height_mm BIGINT NOT NULL,
                contents TEXT NOT NULL,
                stage TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX shipments_by_order ON shipments(order_id)",
            "CREATE INDEX shipments_by_merchant ON shipments(merchant_id, created_at)",
            """
            CREATE TABLE tracking_events (
                event_id TEXT PRIMARY KEY,
                shipment_id TEXT NOT NULL REFERENCES shipments(id),
                order_id TEXT NOT NULL REFERENCES orders(id),
                stage TEXT NOT NULL,
                source TEXT NOT NULL,
                at BIGINT NOT NULL,
                location TEXT NOT NULL,
                note TEXT NOT NULL,
                received_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX tracking_events_by_order ON tracking_events(order_id, at)",
        ]
    }

    /// The consolidation hub: each parcel's measured weight and any hold, bags, and master air
    /// waybills with the state of their flight.
    static let hub = Migration(version: 10, name: "consolidation hub") { _ in
        [
            "ALTER TABLE shipments ADD COLUMN measured_grams BIGINT",
            "ALTER TABLE shipments ADD COLUMN hold_reason TEXT",
            "ALTER TABLE shipments ADD COLUMN bag_id TEXT",
            "CREATE INDEX shipments_by_bag ON shipments(bag_id)",
            """
            CREATE TABLE bags (
                id TEXT PRIMARY KEY,
                hub TEXT NOT NULL,
                air_waybill TEXT,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE air_waybills (
                number TEXT PRIMARY KEY,
                hub TEXT NOT NULL,
                flight TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('closed', 'departed', 'arrived')),
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
        ]
    }

    /// The last mile: the local carrier's reference for each parcel handed to it, and the
    /// sandbox carrier's own outbox of signed tracking reports.
    static let lastMile = Migration(version: 11, name: "last mile") { _ in
        [
            "ALTER TABLE shipments ADD COLUMN carrier_reference TEXT",
            "CREATE INDEX shipments_by_stage ON shipments(stage)",
            """
            CREATE TABLE sandbox_carrier_outbox (
                id TEXT PRIMARY KEY,
                body TEXT NOT NULL,
                deliver_at BIGINT NOT NULL,
                delivered_at BIGINT
            )
            """,
            "CREATE INDEX sandbox_carrier_outbox_due ON sandbox_carrier_outbox(delivered_at, deliver_at)",
        ]
    }

    /// Orders by time (the ops dashboard's last minute) and by group, payments by group and the
    /// sandbox bank's records by payment: lookups the checkout path makes on every order, which
    /// scanned their tables and so grew dearer with every order stored.
    static let liveSales = Migration(version: 12, name: "checkout lookups and orders by time") { _ in
        [
            "CREATE INDEX orders_by_time ON orders(created_at)",
            "CREATE INDEX orders_by_group ON orders(group_id)",
            "CREATE INDEX payments_by_group ON payments(group_id)",
            "CREATE INDEX sandbox_channel_records_by_payment ON sandbox_channel_records(channel, payment_id, kind)",
        ]
    }

    /// A number on every SKU that changes whenever its merchant saves it, so that buy now can
    /// price from a copy of the catalogue in memory and still place an order only on the row
    /// as it was read (the stock reservation checks the number).
    static let skuRevisions = Migration(version: 13, name: "SKU revisions") { _ in
        ["ALTER TABLE skus ADD COLUMN revision BIGINT NOT NULL DEFAULT 0"]
    }

    /// PostgreSQL only: a group commit's units in one call (`PostgresStore.applyEach`), each in
    /// a block of its own — a subtransaction, the savepoint without its round trips — with
    /// each guarded statement's row count checked as the store checks it. Returns one outcome
    /// per unit: empty when it committed, else the SQLSTATE and message (`CB001` and the
    /// statement's number for a guard).
    static let unitsInOneCall = Migration(version: 14, name: "group commit units in one call") { kind in
        guard kind == .postgres else { return [] }
        return [
            """
            CREATE FUNCTION crossborder_apply_units(statements TEXT[], expected BIGINT[], unit_ends BIGINT[]) RETURNS TEXT[]
            LANGUAGE plpgsql AS $$
            DECLARE
                outcomes TEXT[] := '{}';
                next_statement BIGINT := 1;
                affected BIGINT;
            BEGIN
                FOR unit IN 1 .. coalesce(array_length(unit_ends, 1), 0) LOOP
                    BEGIN
                        FOR i IN next_statement .. unit_ends[unit] LOOP
                            EXECUTE statements[i];
                            GET DIAGNOSTICS affected = ROW_COUNT;
                            IF expected[i] >= 0 AND affected <> expected[i] THEN
                                RAISE EXCEPTION USING ERRCODE = 'CB001', MESSAGE = i::TEXT;
                            END IF;
                        END LOOP;
                        outcomes := outcomes || ''::TEXT;
                    EXCEPTION WHEN OTHERS THEN
                        outcomes := outcomes || (SQLSTATE || ' ' || SQLERRM);
                    END;
                    next_statement := unit_ends[unit] + 1;
                END LOOP;
                RETURN outcomes;
            END
            $$
            """,
        ]
    }

    /// Orders follow the direct-mail flow (declared → shipped → cleared on arrival → delivered)
    /// instead of being cleared before they fly. An order the old flow had cleared had not yet
    /// shipped: it stands as declared again (its declaration stays released) and is cleared when
    /// its parcel is released on arrival.
    static let directMail = Migration(version: 15, name: "direct-mail order states") { _ in
        ["UPDATE orders SET status = 'declared' WHERE status = 'cleared'"]
    }

    /// Background work that failed: each item's attempts and last error, parked after enough
    /// failures for ops to retry (`WorkFailures`).
    static let workFailures = Migration(version: 16, name: "background work failures") { _ in
        [
            """
            CREATE TABLE work_failures (
                work TEXT NOT NULL,
                item TEXT NOT NULL,
                attempts BIGINT NOT NULL CHECK (attempts > 0),
                last_error TEXT NOT NULL,
                first_failed_at BIGINT NOT NULL,
                last_failed_at BIGINT NOT NULL,
                parked BIGINT NOT NULL CHECK (parked IN (0, 1)),
                PRIMARY KEY (work, item)
            )
            """,
        ]
    }

    /// What one unit of a SKU holds ("50 ml"), for customs' high-end test of cosmetics.
    static let netContent = Migration(version: 17, name: "SKU net content") { _ in
        ["ALTER TABLE skus ADD COLUMN net_content TEXT"]
    }

    /// Sessions of the ops and merchant consoles (`ConsoleSessions`), and revocable merchant
    /// keys: a key has a public id (the start of its hash) and may be revoked.
    static let consoleSessions = Migration(version: 18, name: "console sessions and revocable merchant keys") { _ in
        [
            """
            CREATE TABLE console_sessions (
                token_hash TEXT PRIMARY KEY,
                principal TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
            "ALTER TABLE merchant_api_keys ADD COLUMN revoked_at BIGINT",
        ]
    }

    /// The recipient's name and the street of every address and order sealed like phone
    /// numbers, with a masked name beside; the plaintext columns stay, emptied, for the rows
    /// sealed at start (`PersonalDataSealing`).
    static let sealedAddresses = Migration(version: 19, name: "sealed names and streets") { _ in
        ["addresses", "orders"].flatMap { table in
            ["recipient_sealed", "recipient_masked", "street_sealed"].map { "ALTER TABLE \(table) ADD COLUMN \($0) TEXT" }
        }
    }

    /// Ordering a cart voids the buyer's other open quotes (`CheckoutService.placing`): found
    /// by this index, so that the cost does not grow with all the quotes ever made.
    static let openQuotes = Migration(version: 20, name: "open quotes by buyer") { _ in
        ["CREATE INDEX quotes_open_by_consumer ON quotes(consumer_id) WHERE used_at IS NULL"]
    }

    /// Which process works on which item of background work, until when (`WorkLeases`).
    static let workLeases = Migration(version: 21, name: "work leases") { _ in
        ["""
        CREATE TABLE work_leases (
            work TEXT NOT NULL,
            item TEXT NOT NULL,
            holder TEXT NOT NULL,
            expires_at BIGINT NOT NULL,
            PRIMARY KEY (work, item)
        )
        """]
    }

    /// Travellers abroad: merchants' shops, payment codes and charges at the till, till
    /// payments and refunds, wallet top-ups and withdrawals, tax-free forms and their export
    /// validations, and the sandbox validation systems' own records.
    static let travellers = Migration(version: 22, name: "travellers abroad") { _ in
        [
            """
            CREATE TABLE shops (
                id TEXT PRIMARY KEY,
                merchant_id TEXT NOT NULL REFERENCES merchants(id),
                name_en TEXT NOT NULL,
                name_zh TEXT NOT NULL,
                country TEXT NOT NULL,
                city TEXT NOT NULL,
                street TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX shops_by_merchant ON shops(merchant_id)",
            """
            CREATE TABLE payment_codes (
                code_hash TEXT PRIMARY KEY,
                consumer_id TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                used_at BIGINT,
                payment_id TEXT
            )
            """,
            """
            CREATE TABLE shop_charges (
                id TEXT PRIMARY KEY,
                token_hash TEXT NOT NULL UNIQUE,
                shop_id TEXT NOT NULL REFERENCES shops(id),
                amount_minor BIGINT NOT NULL,
                currency TEXT NOT NULL,
                goods BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                claimed_by TEXT,
                used_at BIGINT,
                payment_id TEXT
            )
            """,
            """
            CREATE TABLE till_payments (
                id TEXT PRIMARY KEY,
                shop_id TEXT NOT NULL REFERENCES shops(id),
                merchant_id TEXT NOT NULL,
                consumer_id TEXT NOT NULL,
                amount_minor BIGINT NOT NULL,
                currency TEXT NOT NULL,
                cny_minor BIGINT NOT NULL,
                rate TEXT NOT NULL,
                rate_source TEXT NOT NULL,
                commission_minor BIGINT NOT NULL,
                refunded_minor BIGINT NOT NULL DEFAULT 0,
                refunded_cny BIGINT NOT NULL DEFAULT 0,
                refunded_commission BIGINT NOT NULL DEFAULT 0,
                goods BIGINT NOT NULL,
                form_id TEXT,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX till_payments_by_consumer ON till_payments(consumer_id, shop_id, created_at)",
            "CREATE INDEX till_payments_by_shop ON till_payments(shop_id, created_at)",
            """
            CREATE TABLE till_refunds (
                id TEXT PRIMARY KEY,
                payment_id TEXT NOT NULL REFERENCES till_payments(id),
                amount_minor BIGINT NOT NULL,
                cny_minor BIGINT NOT NULL,
                commission_minor BIGINT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE wallet_top_ups (
                id TEXT PRIMARY KEY,
                consumer_id TEXT NOT NULL,
                channel TEXT NOT NULL,
                amount_minor BIGINT NOT NULL,
                status TEXT NOT NULL,
                reference TEXT,
                failure TEXT,
                request_hash TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX wallet_top_ups_open ON wallet_top_ups(status, updated_at)",
            """
            CREATE TABLE wallet_withdrawals (
                id TEXT PRIMARY KEY,
                consumer_id TEXT NOT NULL,
                amount_minor BIGINT NOT NULL,
                card_sealed TEXT NOT NULL,
                card_masked TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE tax_free_forms (
                id TEXT PRIMARY KEY,
                consumer_id TEXT NOT NULL,
                shop_id TEXT NOT NULL REFERENCES shops(id),
                merchant_id TEXT NOT NULL,
                country TEXT NOT NULL,
                currency TEXT NOT NULL,
                purchase_day TEXT NOT NULL,
                gross_minor BIGINT NOT NULL,
                vat_rate TEXT NOT NULL,
                vat_minor BIGINT NOT NULL,
                fee_minor BIGINT NOT NULL,
                refund_minor BIGINT NOT NULL,
                refund_cny BIGINT,
                refund_rate TEXT,
                refund_status TEXT NOT NULL,
                status TEXT NOT NULL,
                deadline_day TEXT NOT NULL,
                deadline_at BIGINT NOT NULL,
                validation TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                submitted_at BIGINT,
                closed_at BIGINT,
                close_reason TEXT
            )
            """,
            "CREATE INDEX tax_free_forms_open ON tax_free_forms(status, deadline_at)",
            "CREATE INDEX tax_free_forms_by_consumer ON tax_free_forms(consumer_id, country)",
            """
            CREATE TABLE export_validations (
                event_id TEXT PRIMARY KEY,
                form_id TEXT NOT NULL,
                validated BIGINT NOT NULL,
                exported_at BIGINT NOT NULL,
                received_at BIGINT NOT NULL,
                effect TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE sandbox_export_submissions (
                form_id TEXT PRIMARY KEY,
                system TEXT NOT NULL,
                submitted_at BIGINT NOT NULL,
                answer_at BIGINT NOT NULL,
                validated BIGINT NOT NULL,
                deliveries BIGINT NOT NULL DEFAULT 0
            )
            """,
        ]
    }

    /// Overseas businesses' applications to sell: the whole application sealed (it names people
    /// and a bank account), with the legal name, country and status beside it for ops' queue;
    /// each submission's checks with the providers' answers, ops' decisions, and the documents
    /// uploaded (sealed like the application).
    static let merchantApplications = Migration(version: 23, name: "merchant applications") { kind in
        let blob = kind == .postgres ? "BYTEA" : "BLOB"
        return [
            """
            CREATE TABLE merchant_applications (
                id TEXT PRIMARY KEY,
                status TEXT NOT NULL,
                legal_name TEXT NOT NULL,
                country TEXT NOT NULL,
                document_sealed TEXT NOT NULL,
                revision BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                submitted_at BIGINT,
                submissions BIGINT NOT NULL DEFAULT 0,
                merchant_id TEXT REFERENCES merchants(id)
            )
            """,
            "CREATE INDEX merchant_applications_by_status ON merchant_applications(status, updated_at)",
            """
            CREATE TABLE application_checks (
                application_id TEXT NOT NULL REFERENCES merchant_applications(id),
                check_name TEXT NOT NULL,
                submission BIGINT NOT NULL,
                state TEXT NOT NULL,
                answer TEXT,
                attempts BIGINT NOT NULL,
                next_attempt_at BIGINT NOT NULL,
                answered_at BIGINT,
                PRIMARY KEY (application_id, check_name)
            )
            """,
            "CREATE INDEX application_checks_due ON application_checks(next_attempt_at) WHERE answered_at IS NULL",
            """
            CREATE TABLE application_decisions (
                id TEXT PRIMARY KEY,
                application_id TEXT NOT NULL REFERENCES merchant_applications(id),
                submission BIGINT NOT NULL,
                decision TEXT NOT NULL,
                reason TEXT,
                reviewer TEXT NOT NULL,
                decided_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX application_decisions_by_application ON application_decisions(application_id, decided_at)",
            """
            CREATE TABLE application_documents (
                id TEXT PRIMARY KEY,
                application_id TEXT NOT NULL REFERENCES merchant_applications(id),
                kind TEXT NOT NULL,
                content_type TEXT NOT NULL,
                size BIGINT NOT NULL,
                sha256 TEXT NOT NULL,
                sealed \(blob) NOT NULL,
                uploaded_at BIGINT NOT NULL,
                review TEXT NOT NULL,
                reviewer TEXT,
                review_note TEXT,
                reviewed_at BIGINT
            )
            """,
            "CREATE INDEX application_documents_by_application ON application_documents(application_id, uploaded_at)",
            // A suspended merchant's store and products are hidden; its open orders go on.
            "ALTER TABLE merchants ADD COLUMN suspended_at BIGINT",
        ]
    }

    /// The steps still to run for a database that has `applied`; refuses a database that has
    /// been migrated by a newer program.
    static func plan(applied: [Int64]) throws(StoreError) -> [Migration] {
        let newest = Int(applied.max() ?? 0)
        guard newest <= latestVersion else { throw .schemaTooNew(database: newest, known: latestVersion) }
        return pending(applied: Set(applied.map(Int.init)))
    }

    static func record(_ step: Migration) -> SQL {
        SQL("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            bind: step.version, step.name, Int64(Date().timeIntervalSince1970 * 1000))
    }
}
