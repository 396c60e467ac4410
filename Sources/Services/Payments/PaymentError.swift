import Commerce

public enum PaymentError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownGroup(String)
    case notPayable(orderID: String, status: OrderStatus)
    case alreadyUnderWay(groupID: String)
    case payerIsNotBuyer
    case identityChanged
    case unknownPayment(String)
    case unknownChannel(String)

    public var description: String {
        switch self {
        case .unknownGroup(let id): return "there is no order group \(id) of yours"
        case .notPayable(let id, let status): return "order \(id) is \(status.rawValue) and cannot be paid"
        case .alreadyUnderWay(let id): return "order group \(id) already has a payment under way or made"
        case .payerIsNotBuyer:
            return "customs only clears a parcel paid for by its buyer: the payer's identity number must be the buyer's own (ePass)"
        case .identityChanged:
            return "the identity these orders were placed under is no longer your enrolled identity (ePass); check out again so that the allowance counts against the right number"
        case .unknownPayment(let id): return "there is no payment \(id)"
        case .unknownChannel(let name): return "there is no payment channel '\(name)'"
        }
    }
}
