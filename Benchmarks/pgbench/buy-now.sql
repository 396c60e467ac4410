-- One buy now's statements, as `crossborder serve` issues them on PostgreSQL (captured with
-- log_statement = all, one order, 2026-12-02): the reads before the decision, the unit that
-- places the order with the payment's intent, the sandbox bank's own record, the ledger's
-- reads, and the unit that books the channel's answer with the idempotency record. Each unit
-- takes the write lock first, as the server's do. Run with -M simple, as the server sends
-- unnamed statements parsed each time (the :variables are written into the text, quoted where
-- they are strings), and -D buyers=N; checkout.sh makes pgbench_buyers. The session, the
-- buyer's identity, addresses and allowance, and the check for an earlier attempt's orders are
-- not read per order since the server keeps them in memory (SessionCache, BuyerCache; the
-- SKU with its product and merchant and the rate book were already kept: SKUCache, RateBookCache;
-- orders are looked for only when an attempt is refused): those reads are left out here too,
-- and the order's INSERT checks the identity it was placed under, as the server's does.
-- One lookup more than the server makes: which prepared buyer this order is for.
\set b random(1, :buyers)
\set n random(1, 1000000000000)
SELECT token_hash AS tok, consumer_id AS cid, address_id AS aid, fingerprint AS fp FROM pgbench_buyers WHERE n = :b \gset
SELECT request_hash, status, content_type, body FROM idempotency_keys WHERE scope = 'consumer:' || ':cid' || ' POST /api/v1/me/buy-now' AND key = 'pgb-:n';
BEGIN;
SELECT pg_advisory_xact_lock(7340116);
INSERT INTO quotes (id, consumer_id, body, created_at, expires_at, used_at) VALUES ('q-pgb-:n', ':cid', '{"consumerID":"c","addressID":"a","expiresAt":1796192535598,"createdAt":1796191635598,"parcels":[{"rateAsOf":1796191611676,"base":"USD","rateSource":"sandbox reference feed","rate":"7.118","lines":[{"hsCode":"080212","remainderScale":5,"tariffCNY":0,"currency":"USD","consumptionTaxCNY":0,"goodsCNY":11382,"productID":"pp-almonds","vatCNY":1946,"skuID":"pp-almonds-1","freightCNY":10000,"unitPriceMinor":1599,"quantity":1,"remainderMantissa":-31800}],"merchantID":"m-pacific-pantry","weightGrams":1400}],"id":"q"}', 1796191635598, 1796192535598, 1796191635598) RETURNING id;
INSERT INTO orders (id, group_id, quote_id, consumer_id, merchant_id, status, rate, rate_source, rate_as_of, goods_cny, freight_cny, tax_cny, total_cny, recipient, province, city, district, street, recipient_sealed, recipient_masked, street_sealed, mobile_sealed, mobile_masked, created_at, pay_by, updated_at, id_fingerprint, allowance_year, allowance_fen) SELECT 'o-pgb-:n', 'g-pgb-:n', 'q-pgb-:n', ':cid', 'm-pacific-pantry', 'created', '7.118', 'sandbox reference feed', 1796191611676, 11382, 10000, 1946, 23328, '', a.province, a.city, a.district, '', a.recipient_sealed, a.recipient_masked, a.street_sealed, a.mobile_sealed, a.mobile_masked, 1796191635598, 1796193435598, 1796191635598, ':fp', 2026, 21382 FROM addresses a JOIN buyer_identities b ON b.consumer_id = a.consumer_id AND b.id_fingerprint = ':fp' WHERE a.id = ':aid' AND a.consumer_id = ':cid' RETURNING id;
INSERT INTO import_allowances (id_fingerprint, year, used_fen) VALUES (':fp', 2026, 1) ON CONFLICT (id_fingerprint, year) DO UPDATE SET used_fen = import_allowances.used_fen + excluded.used_fen WHERE import_allowances.used_fen + excluded.used_fen <= 2600000 RETURNING id_fingerprint;
UPDATE skus SET reserved = reserved + 1 WHERE id = 'pp-almonds-1' AND on_hand - reserved >= 1 RETURNING id;
INSERT INTO order_lines (order_id, line_no, sku_id, product_id, name_en, name_zh, hs_code, quantity, unit_price_minor, currency, goods_cny, freight_cny, consumption_tax_cny, vat_cny, tariff_cny) VALUES ('o-pgb-:n', 1, 'pp-almonds-1', 'pp-almonds', 'Whole almonds, 1.36 kg', '整粒扁桃仁 1.36千克', '080212', 1, 1599, 'USD', 11382, 10000, 0, 1946, 0);
INSERT INTO order_events (order_id, seq, from_status, to_status, actor, at, note) VALUES ('o-pgb-:n', 1, NULL, 'created', 'buyer:' || ':cid', 1796191635598, '');
INSERT INTO ledger_accounts (id, currency, flags, created_at) VALUES ('channel:bank:CNY', 'CNY', 2, 1), ('buyer:' || ':cid' || ':CNY', 'CNY', 1, 1), ('payable:freight:CNY', 'CNY', 0, 1), ('payable:customs-tax:CNY', 'CNY', 0, 1), ('fx:liquidity:CNY', 'CNY', 0, 1), ('escrow:o-pgb-:n:CNY', 'CNY', 1, 1), ('channel:partner:CNY', 'CNY', 2, 1) ON CONFLICT (id) DO NOTHING;
INSERT INTO payments (id, group_id, consumer_id, channel, amount_cny, status, request_hash, created_at, updated_at) VALUES ('p-pgb-:n', 'g-pgb-:n', ':cid', 'bank', 23328, 'initiated', 'f6c88649866554602d4e6e4ed69805cc6440fa97370718b013e2accff1e4dabe', 1796191635598, 1796191635598) ON CONFLICT DO NOTHING RETURNING id;
COMMIT;
SELECT reference, status, reason, settles_at FROM sandbox_channel_records WHERE channel = 'bank' AND payment_id = 'p-pgb-:n' AND kind = 'charge';
BEGIN;
SELECT pg_advisory_xact_lock(7340116);
INSERT INTO sandbox_channel_records (channel, reference, kind, payment_id, amount_minor, currency, status, reason, settles_at, created_at) VALUES ('bank', 'bank-p-pgb-:n', 'charge', 'p-pgb-:n', 23328, 'CNY', 'succeeded', '', 1796191635598, 1796191635598) ON CONFLICT (channel, reference) DO NOTHING;
COMMIT;
SELECT * FROM ledger_transfers WHERE id IN ('pay:p-pgb-:n', 'escrow:o-pgb-:n', 'hold:o-pgb-:n:goods:1', 'hold:o-pgb-:n:tax:1', 'hold:o-pgb-:n:freight:1');
SELECT * FROM ledger_accounts WHERE id IN ('buyer:' || ':cid' || ':CNY', 'channel:bank:CNY', 'escrow:o-pgb-:n:CNY', 'fx:liquidity:CNY', 'payable:customs-tax:CNY', 'payable:freight:CNY');
BEGIN;
SELECT pg_advisory_xact_lock(7340116);
INSERT INTO payment_reports (channel, event_id, payment_id, status, source, applied, at) VALUES ('bank', 'charge:p-pgb-:n:succeeded', 'p-pgb-:n', 'succeeded', 'charge', 1, 1796191635598) ON CONFLICT (channel, event_id) DO NOTHING RETURNING event_id;
UPDATE payments SET status = 'succeeded', channel_reference = COALESCE('bank-p-pgb-:n', channel_reference), failure = NULL, updated_at = 1796191635598 WHERE id = 'p-pgb-:n' AND status = 'initiated' RETURNING id;
UPDATE orders SET status = 'paid', updated_at = 1796191635598 WHERE id = 'o-pgb-:n' AND status = 'created' RETURNING id;
INSERT INTO order_events (order_id, seq, from_status, to_status, actor, at, note) VALUES ('o-pgb-:n', 2, 'created', 'paid', 'channel:bank', 1796191635598, 'paid through bank, payment p-pgb-:n');
INSERT INTO ledger_transfers (id, kind, debit_account, credit_account, amount, currency, pending_id, pending_status, code, created_at) VALUES ('pay:p-pgb-:n', 'single', 'channel:bank:CNY', 'buyer:' || ':cid' || ':CNY', 23328, 'CNY', NULL, NULL, 'payment', 1796191635598), ('escrow:o-pgb-:n', 'single', 'buyer:' || ':cid' || ':CNY', 'escrow:o-pgb-:n:CNY', 23328, 'CNY', NULL, NULL, 'escrow', 1796191635598), ('hold:o-pgb-:n:goods:1', 'pending', 'escrow:o-pgb-:n:CNY', 'fx:liquidity:CNY', 11382, 'CNY', NULL, 'pending', 'hold:goods', 1796191635598), ('hold:o-pgb-:n:tax:1', 'pending', 'escrow:o-pgb-:n:CNY', 'payable:customs-tax:CNY', 1946, 'CNY', NULL, 'pending', 'hold:tax', 1796191635598), ('hold:o-pgb-:n:freight:1', 'pending', 'escrow:o-pgb-:n:CNY', 'payable:freight:CNY', 10000, 'CNY', NULL, 'pending', 'hold:freight', 1796191635598);
UPDATE ledger_accounts SET debits_posted = debits_posted + 23328, credits_posted = credits_posted + 23328 WHERE id = 'buyer:' || ':cid' || ':CNY' AND debits_posted + 23328 + debits_pending <= credits_posted + 23328 RETURNING id;
UPDATE ledger_accounts SET debits_posted = debits_posted + 23328 WHERE id = 'channel:bank:CNY' AND credits_posted + credits_pending <= debits_posted + 23328 RETURNING id;
UPDATE ledger_accounts SET debits_pending = debits_pending + 23328, credits_posted = credits_posted + 23328 WHERE id = 'escrow:o-pgb-:n:CNY' AND debits_posted + debits_pending + 23328 <= credits_posted + 23328 RETURNING id;
UPDATE ledger_accounts SET credits_pending = credits_pending + 11382 WHERE id = 'fx:liquidity:CNY' RETURNING id;
UPDATE ledger_accounts SET credits_pending = credits_pending + 1946 WHERE id = 'payable:customs-tax:CNY' RETURNING id;
UPDATE ledger_accounts SET credits_pending = credits_pending + 10000 WHERE id = 'payable:freight:CNY' RETURNING id;
INSERT INTO idempotency_keys (scope, key, request_hash, status, content_type, body, created_at) VALUES ('consumer:' || ':cid' || ' POST /api/v1/me/buy-now', 'pgb-:n', '9f6e86ff98a569ba54da0edf1bd0c2c689a485ca7ff916b51236ca968b3408c8', 201, 'application/json', decode('7b2267726f75704964223a22672d326465356366373862306634626631303637633230656430222c226f72646572496473223a5b226f2d33383133386463382d346633612d346439322d616464652d373036616238616266373439225d2c227061796d656e74223a7b22616d6f756e74223a7b22616d6f756e74223a223233332e3238222c2263757272656e6379223a22434e59227d2c226368616e6e656c223a2262616e6b222c22637265617465644174223a22323032362d31322d30325430363a30373a31355a222c2267726f75704964223a22672d326465356366373862306634626631303637633230656430222c226964223a22702d316534323030363462613666313062376362373735363039222c227265666572656e6365223a2262616e6b2d702d316534323030363462613666313062376362373735363039222c22737461747573223a22737563636565646564227d7d', 'hex'), 1796191635596) ON CONFLICT (scope, key) DO NOTHING RETURNING key;
COMMIT;
