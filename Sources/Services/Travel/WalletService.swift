import Commerce
import Foundation
import Ledger
import Money
import Storage

/// A traveller's wallet as they see it: what it holds, what they owe, and every movement.
public struct WalletView: Sendable, Equatable {
    public struct Movement: Sendable, Equatable {
        public let id: String
        public let code: String
        /// Into the wallet positive, out of it negative.
        public let amount: Money
        public let at: Date
    }

    public let balance: Money
    public let debt: Money
    public let movements: [Movement]
}

public struct TopUpView: Sendable, Equatable {
    public let id: String
    public let channel: String
    public let amount: Money
    public let status: PaymentStatus
    public let failure: String?
    public let createdAt: Date
}

public struct WithdrawalView: Sendable, Equatable {
    public let id: String
    public let amount: Money
    public let cardMasked: String
    public let createdAt: Date
}

/// The traveller's CNY wallet: topped up from a payment channel (the intent recorded before the
/// channel is called, an unknown outcome asked for later, as payments are), withdrawn to a bank
/// card, spent at tills and credited with refunds by the till and tax-free services.
public struct WalletService: Sendable {
    let store: any Store
    let channels: PaymentChannels
    let cipher: FieldCipher

    /// The most one top-up may bring in: a platform limit, as wallets of this kind set one.
    public static let topUpLimit = Money(minorUnits: 5_000_000, currency: .CNY)

    public init(store: any Store, channels: PaymentChannels, cipher: FieldCipher) {
        self.store = store
        self.channels = channels
        self.cipher = cipher
    }

    public func wallet(of consumerID: String) async throws -> WalletView {
        try await Self.wallet(of: consumerID, in: store)
    }

    static func wallet(of consumerID: String, in store: any Store) async throws -> WalletView {
        let wallet = Books.wallet(consumerID).id
        let ledger = LedgerService(store: store)
        let balances = try await ledger.balances(of: [wallet, Books.walletDebt(consumerID).id])
        let held = balances[wallet].map { $0.creditsPosted - $0.debitsPosted - $0.debitsPending } ?? 0
        let owed = balances[Books.walletDebt(consumerID).id].map { $0.debitsPosted - $0.creditsPosted } ?? 0
        let movements = try await ledger.history(of: wallet, limit: 200).map { transfer in
            WalletView.Movement(id: transfer.id, code: transfer.code,
                                amount: transfer.credit == wallet ? transfer.amount : try transfer.amount.negated(),
                                at: transfer.at)
        }
        return WalletView(balance: Money(minorUnits: held, currency: .CNY), debt: Money(minorUnits: owed, currency: .CNY), movements: movements)
    }

    static func topUpID(consumerID: String, key: String) -> String {
        "w-" + Secrets.digest(Array("\(consumerID) top-up \(key)".utf8)).prefix(24)
    }

    /// Tops the wallet up by `amount` through `channelName`; returns the changes that book the
    /// outcome, for the caller to commit with its idempotency record.
    public func topUp(_ consumer: Consumer, amount: Money, channel channelName: String, key: String, at now: Date) async throws
        -> (changes: [Change], topUp: TopUpView) {
        guard amount.currency == .CNY, amount.minorUnits > 0 else { throw TravelError.amount("amount: a top-up is a positive amount of CNY") }
        guard amount.minorUnits <= Self.topUpLimit.minorUnits else {
            throw TravelError.amount("amount: one top-up brings in at most \(Self.topUpLimit.decimalText) CNY")
        }
        guard let channel = channels[channelName] else { throw PaymentError.unknownChannel(channelName) }
        let id = Self.topUpID(consumerID: consumer.id, key: key)
        let hash = Secrets.digest(Array("\(amount.minorUnits) \(channelName)".utf8))
        if let existing = try await topUp(id) {
            guard existing.hash == hash else { throw IdempotencyError.keyReused(key) }
            guard !existing.view.status.isSettled else { return ([], existing.view) }
            return try await settling(existing.view, consumerID: consumer.id,
                                      try await channel.status(paymentID: id, at: now), at: now)
        }
        let intent = TopUpView(id: id, channel: channelName, amount: amount, status: .initiated, failure: nil, createdAt: now)
        try await store.apply(LedgerRecords.opening(WalletBooking.accounts(consumerID: consumer.id, channel: channelName, currency: nil,
                                                                           merchantID: nil), at: now) + [.guarded(SQL(
            """
            INSERT INTO wallet_top_ups (id, consumer_id, channel, amount_minor, status, request_hash, created_at, updated_at)
            VALUES (?, ?, ?, ?, 'initiated', ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING id
            """, bind: id, consumer.id, channelName, amount.minorUnits, hash, now.millisecondsSince1970, now.millisecondsSince1970),
            conflict: "top-up \(id) is under way")])
        let outcome: ChannelOutcome
        do {
            outcome = try await channel.charge(paymentID: id, amount: amount, at: now)
        } catch ChannelFailure.unavailable(let reason) {
            outcome = .declined(reason: reason)
        } catch {
            // No answer: the channel is asked again by `recover`, never guessed.
            return ([moving(id, from: .initiated, to: .unknown, reference: nil, failure: nil, at: now)],
                    TopUpView(id: id, channel: channelName, amount: amount, status: .unknown, failure: nil, createdAt: now))
        }
        return try await settling(intent, consumerID: consumer.id, outcome, at: now)
    }

    /// The changes a channel's word on a top-up makes: its status, only forward, and on success
    /// the money booked into the wallet (a debt collected from it first).
    func settling(_ topUp: TopUpView, consumerID: String, _ outcome: ChannelOutcome, at now: Date) async throws
        -> (changes: [Change], topUp: TopUpView) {
        let final: ChannelOutcome = outcome == .notFound ? .declined(reason: "the channel never received this top-up") : outcome
        guard topUp.status.accepts(final.status) else { return ([], topUp) }
        let failure: String? = if case .declined(let reason) = final { reason } else { nil }
        var reference: String?
        if case .succeeded(let ref) = final { reference = ref }
        if case .processing(let ref) = final { reference = ref }
        var changes = [moving(topUp.id, from: topUp.status, to: final.status, reference: reference, failure: failure, at: now)]
        if final.status == .succeeded {
            let debt = try await wallet(of: consumerID).debt
            changes += try await LedgerService.booking(
                WalletBooking.topUp(topUp.id, consumerID: consumerID, channel: topUp.channel, amount: topUp.amount, debt: debt), in: store, at: now)
        }
        return (changes, TopUpView(id: topUp.id, channel: topUp.channel, amount: topUp.amount, status: final.status, failure: failure,
                                   createdAt: topUp.createdAt))
    }

    func moving(_ id: String, from: PaymentStatus, to: PaymentStatus, reference: String?, failure: String?, at now: Date) -> Change {
        .guarded(SQL(
            "UPDATE wallet_top_ups SET status = ?, reference = ?, failure = ?, updated_at = ? WHERE id = ? AND status = ? RETURNING id",
            bind: to.rawValue, reference, failure, now.millisecondsSince1970, id, from.rawValue), conflict: "top-up \(id) moved meanwhile")
    }

    func topUp(_ id: String) async throws -> (view: TopUpView, hash: String, consumerID: String)? {
        try await store.read(SQL("SELECT * FROM wallet_top_ups WHERE id = ?", bind: id)).first.map(Self.topUp)
    }

    static func topUp(_ row: Row) throws -> (view: TopUpView, hash: String, consumerID: String) {
        guard let status = PaymentStatus(rawValue: try row.text("status")) else {
            throw StoreError.decoding(column: "status", expected: "a payment status")
        }
        return (TopUpView(id: try row.text("id"), channel: try row.text("channel"),
                          amount: Money(minorUnits: try row.integer("amount_minor"), currency: .CNY), status: status,
                          failure: try row.optionalText("failure"), createdAt: Date(millisecondsSince1970: try row.integer("created_at"))),
                try row.text("request_hash"), try row.text("consumer_id"))
    }

    public func topUps(of consumerID: String) async throws -> [TopUpView] {
        try await store.read(SQL("SELECT * FROM wallet_top_ups WHERE consumer_id = ? ORDER BY created_at DESC, id LIMIT 50", bind: consumerID))
            .map { try Self.topUp($0).view }
    }

    static let statusWork = "wallet-top-up-status"

    /// Settles every top-up whose outcome is still open after `olderThan` seconds by asking its
    /// channel; returns how many moved.
    @discardableResult
    public func recover(at now: Date, olderThan: TimeInterval = 30) async throws -> Int {
        let open = try await store.read(SQL(
            "SELECT * FROM wallet_top_ups WHERE status IN ('initiated', 'unknown', 'processing') AND updated_at <= ? ORDER BY updated_at",
            bind: (now - olderThan).millisecondsSince1970)).map(Self.topUp)
        return try await WorkFailures(store: store).round(Self.statusWork, open, named: \.view.id, at: now) { open in
            guard let channel = channels[open.view.channel] else { throw PaymentError.unknownChannel(open.view.channel) }
            let outcome = try await channel.status(paymentID: open.view.id, at: now)
            do {
                return try await store.transact { reader in
                    let wallets = WalletService(store: reader, channels: channels, cipher: cipher)
                    guard let current = try await wallets.topUp(open.view.id) else { return ([], false) }
                    let (changes, _) = try await wallets.settling(current.view, consumerID: current.consumerID, outcome, at: now)
                    return (changes, !changes.isEmpty)
                }
            } catch StoreError.conflict {
                return false
            }
        }
    }

    /// Sends `amount` from the wallet to the traveller's bank card (its number checked by Luhn,
    /// kept sealed, shown masked).
    public func withdraw(_ consumer: Consumer, amount: Money, card: String, key: String, at now: Date) async throws
        -> (changes: [Change], withdrawal: WithdrawalView) {
        let digits = card.filter { $0 != " " && $0 != "-" }
        guard (12...19).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), Self.luhn(digits) else {
            throw TravelError.card("card: a bank card number is 12 to 19 digits whose last digit is its Luhn check")
        }
        let id = "wd-" + Secrets.digest(Array("\(consumer.id) withdraw \(key)".utf8)).prefix(24)
        let masked = "•••• " + digits.suffix(4)
        let view = WithdrawalView(id: id, amount: amount, cardMasked: masked, createdAt: now)
        let wallet = try await wallet(of: consumer.id)
        guard wallet.balance.minorUnits >= amount.minorUnits else { throw TravelError.walletTooLow(balance: wallet.balance, needed: amount) }
        var changes = try await LedgerService.booking(WalletBooking.withdrawal(id, consumerID: consumer.id, amount: amount), in: store, at: now)
        changes.append(.write(SQL(
            "INSERT INTO wallet_withdrawals (id, consumer_id, amount_minor, card_sealed, card_masked, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            bind: id, consumer.id, amount.minorUnits, try cipher.seal(digits), masked, now.millisecondsSince1970)))
        return (changes, view)
    }

    static func luhn(_ digits: String) -> Bool {
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            guard let digit = character.wholeNumberValue else { return false }
            let weighted = index % 2 == 1 ? digit * 2 : digit
            sum += weighted > 9 ? weighted - 9 : weighted
        }
        return sum % 10 == 0
    }
}
