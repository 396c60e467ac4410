import Commerce
import Foundation

/// What a business-information lookup is asked with: D&B's identity resolution takes the
/// name, country and any numbers, and answers the company it resolves them to.
public struct RegistryQuery: Sendable, Equatable {
    public let legalName: String
    public let country: String
    public let registrationNumber: String?
    public let dunsNumber: String?

    public init(legalName: String, country: String, registrationNumber: String?, dunsNumber: String?) {
        self.legalName = legalName
        self.country = country
        self.registrationNumber = registrationNumber
        self.dunsNumber = dunsNumber
    }
}

/// The provider did not answer; the check is asked again later.
public struct ProviderUnavailable: Error, Equatable, CustomStringConvertible {
    public let provider: String
    public var description: String { "\(provider) did not answer" }
}

/// A business-information provider (D&B or a national register's API): the company a query
/// resolves to, or nil when it resolves to none. Throws `ProviderUnavailable` when it cannot say.
public protocol BusinessRegistry: Sendable {
    func lookup(_ query: RegistryQuery) async throws -> RegistryRecord?
}

/// A provider's test environment: the companies it is given (by registration number or
/// D-U-N-S) answer as they are; any other query
/// resolves to a company of the name asked, active and in a low band, except for the test
/// numbers its guide lists — a registration number ending 0000 is not found, 0001 is a
/// dissolved company, 0002 is in band 5, 0003 is registered under another name, 9998 finds
/// the provider down. It is slow (`delay`) and, at `outageRate`, down at random.
public struct SandboxRegistry: BusinessRegistry {
    public var delay: Duration
    public var outageRate: Double
    public var companies: [String: RegistryRecord]

    public init(delay: Duration = .milliseconds(50), outageRate: Double = 0, companies: [String: RegistryRecord] = [:]) {
        self.delay = delay
        self.outageRate = outageRate
        self.companies = companies
    }

    public func lookup(_ query: RegistryQuery) async throws -> RegistryRecord? {
        try? await Task.sleep(for: delay)  // safe: a cancelled wait only makes the sandbox answer sooner
        if outageRate > 0, Double.random(in: 0..<1) < outageRate { throw ProviderUnavailable(provider: "the business register") }
        let number = (query.registrationNumber ?? query.dunsNumber ?? "").filter { $0.isLetter || $0.isNumber }
        if let known = companies[number] { return known }
        let address = "\(query.country) register"
        switch number.suffix(4) {
        case "0000": return nil
        case "0001": return RegistryRecord(registeredName: query.legalName, address: address, country: query.country, standing: .dissolved, riskBand: 3)
        case "0002": return RegistryRecord(registeredName: query.legalName, address: address, country: query.country, standing: .active, riskBand: 5)
        case "0003": return RegistryRecord(registeredName: "Northwind Holdings", address: address, country: query.country, standing: .active, riskBand: 2)
        case "9998": throw ProviderUnavailable(provider: "the business register")
        default:
            return RegistryRecord(registeredName: query.legalName, address: address, country: query.country, standing: .active,
                                  riskBand: 1 + SandboxBucket.of(number) % 3)
        }
    }
}
