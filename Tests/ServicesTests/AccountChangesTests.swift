import Commerce
import Foundation
@testable import Services
import Storage
import TestSupport
import Testing

/// What a buyer changes in the account: the password (with the present one, ending the other
/// sessions) and the addresses (removed, only one's own).
@Suite("Changing an account")
struct AccountChangesTests {
    @Test("a new password needs the present one; the other sessions end, this one stays; the old one no longer signs in",
          arguments: StoreKind.allCases, [false, true])
    func password(kind: StoreKind, sessionsInMemory: Bool) async throws {
        try await withTestStore(kind) { store in
            var accounts = AccountService(store: store, cipher: CheckoutTests.cipher, bcryptCost: 4)
            accounts.sessions = sessionsInMemory ? SessionCache(lifetime: .seconds(3600)) : nil
            let consumer = try await accounts.signUp(email: "pw@example.cn", password: "the old passphrase", displayName: "", at: Date())
            let (_, here) = try await accounts.signIn(email: "pw@example.cn", password: "the old passphrase", at: Date())
            let (_, elsewhere) = try await accounts.signIn(email: "pw@example.cn", password: "the old passphrase", at: Date())
            await #expect(throws: AccountFailure.wrongPassword) {
                try await accounts.changePassword(of: consumer, current: "not it at all", new: "a brand new passphrase", keeping: here, at: Date())
            }
            await #expect(throws: AccountError.self) {
                try await accounts.changePassword(of: consumer, current: "the old passphrase", new: "short", keeping: here, at: Date())
            }
            #expect(try await accounts.consumer(forSession: elsewhere, at: Date()) != nil, "a refused change ends nothing")
            try await accounts.changePassword(of: consumer, current: "the old passphrase", new: "a brand new passphrase", keeping: here, at: Date())
            #expect(try await accounts.consumer(forSession: here, at: Date()) != nil)
            #expect(try await accounts.consumer(forSession: elsewhere, at: Date()) == nil)
            await #expect(throws: AccountFailure.wrongCredentials) {
                try await accounts.signIn(email: "pw@example.cn", password: "the old passphrase", at: Date())
            }
            _ = try await accounts.signIn(email: "pw@example.cn", password: "a brand new passphrase", at: Date())
        }
    }

    @Test("a session kept in memory ends at sign-out and at its expiry, and a copy lasts no longer than its lifetime", arguments: StoreKind.allCases)
    func sessionsInMemory(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            var accounts = AccountService(store: store, cipher: CheckoutTests.cipher, bcryptCost: 4)
            accounts.sessions = SessionCache(lifetime: .seconds(3600))
            _ = try await accounts.signUp(email: "mem@example.cn", password: "a long passphrase", displayName: "", at: Date())
            let (_, ending) = try await accounts.signIn(email: "mem@example.cn", password: "a long passphrase", at: Date())
            #expect(try await accounts.consumer(forSession: ending, at: Date()) != nil)
            try await accounts.signOut(token: ending)
            #expect(try await accounts.consumer(forSession: ending, at: Date()) == nil)
            let (_, expiring) = try await accounts.signIn(email: "mem@example.cn", password: "a long passphrase", at: Date())
            #expect(try await accounts.consumer(forSession: expiring, at: Date()) != nil)
            #expect(try await accounts.consumer(forSession: expiring, at: Date() + AccountService.sessionLifetime + 1) == nil)
            // Ended behind this service's back (another process): the copy goes with its lifetime.
            var brief = accounts
            brief.sessions = SessionCache(lifetime: .milliseconds(50))
            let (_, elsewhere) = try await brief.signIn(email: "mem@example.cn", password: "a long passphrase", at: Date())
            #expect(try await brief.consumer(forSession: elsewhere, at: Date()) != nil)
            try await store.apply([.write(SQL("DELETE FROM sessions WHERE token_hash = ?", bind: MerchantKeyService.hash(elsewhere)))])
            try await Task.sleep(for: .milliseconds(80))
            #expect(try await brief.consumer(forSession: elsewhere, at: Date()) == nil)
        }
    }

    @Test("an address is removed by its owner only", arguments: StoreKind.allCases)
    func deleteAddress(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let accounts = AccountService(store: store, cipher: CheckoutTests.cipher, bcryptCost: 4)
            let (owner, address) = try await CheckoutTests().buyer(accounts, 1)
            let other = try await accounts.signUp(email: "other@example.cn", password: "another passphrase", displayName: "", at: Date())
            await #expect(throws: AccountFailure.notFound) { try await accounts.deleteAddress(address.id, of: other) }
            #expect(try await accounts.addresses(of: owner).count == 1)
            try await accounts.deleteAddress(address.id, of: owner)
            #expect(try await accounts.addresses(of: owner).isEmpty)
            await #expect(throws: AccountFailure.notFound) { try await accounts.deleteAddress(address.id, of: owner) }
        }
    }

    @Test("an address changed is a new one in its place, the default stays the default and comes first; only its owner may change it",
          arguments: StoreKind.allCases)
    func changeAndDefault(kind: StoreKind) async throws {
        try await withTestStore(kind) { store in
            let accounts = AccountService(store: store, cipher: CheckoutTests.cipher, bcryptCost: 4)
            let (owner, first) = try await CheckoutTests().buyer(accounts, 1)
            let second = try await accounts.addAddress(
                try DeliveryAddress(province: "北京市", city: "北京市", district: "朝阳区", street: "建国路1号", recipient: "王小明", mobile: "13900000001"),
                for: owner, at: Date())
            #expect(try await accounts.addresses(of: owner).map(\.id) == [first.id, second.id])
            try await accounts.makeDefault(second.id, of: owner)
            #expect(try await accounts.addresses(of: owner).map(\.id) == [second.id, first.id], "the default first")
            let other = try await accounts.signUp(email: "other@example.cn", password: "another passphrase", displayName: "", at: Date())
            let moved = try DeliveryAddress(province: "北京市", city: "北京市", district: "朝阳区", street: "建国路2号", recipient: "王小明", mobile: "13900000002")
            await #expect(throws: AccountFailure.notFound) { try await accounts.replaceAddress(second.id, with: moved, for: other, at: Date()) }
            await #expect(throws: AccountFailure.notFound) { try await accounts.makeDefault(first.id, of: other) }
            let changed = try await accounts.replaceAddress(second.id, with: moved, for: owner, at: Date())
            let listed = try await accounts.addresses(of: owner)
            #expect(listed.map(\.id) == [changed.id, first.id] && changed.id != second.id)
            #expect(listed.first?.isDefault == true && listed.first?.street == "建国路2号")
            await #expect(throws: AccountFailure.notFound) { try await accounts.replaceAddress(second.id, with: moved, for: owner, at: Date()) }
        }
    }
}
