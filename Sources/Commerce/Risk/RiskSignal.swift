import Foundation

/// A figure the rules can name. Every signal is a whole number (a count, yuan, or a percentage
/// rounded down), so thresholds compare exactly. Each counts the order being decided as if it
/// were placed: the first order of a ring already sees the address it shares.
public enum RiskSignal: String, CaseIterable, Sendable, Hashable {
    case identityOrdersHour = "identity.orders_1h"
    case identityOrdersDay = "identity.orders_24h"
    case identityYuanHour = "identity.cny_1h"
    case identityYuanDay = "identity.cny_24h"
    case identityAllowancePercent = "identity.allowance_percent"
    case identityNearLimitOrders = "identity.near_limit_orders_30d"
    case orderLimitPercent = "order.limit_percent"
    case addressIdentities = "address.identities"
    case addressOrdersHour = "address.orders_1h"
    case addressOrdersDay = "address.orders_24h"
    case addressYuanHour = "address.cny_1h"
    case addressYuanDay = "address.cny_24h"
    case phoneIdentities = "phone.identities"
    case deviceIdentities = "device.identities"
    case deviceOrdersHour = "device.orders_1h"
    case deviceOrdersDay = "device.orders_24h"
    case deviceYuanHour = "device.cny_1h"
    case deviceYuanDay = "device.cny_24h"
    case payerIdentities = "payer.identities"
    case payerOrdersHour = "payer.orders_1h"
    case payerOrdersDay = "payer.orders_24h"
    case payerYuanHour = "payer.cny_1h"
    case payerYuanDay = "payer.cny_24h"
    case skuIdentitiesDay = "sku.identities_24h"
    case skuUnitsDay = "sku.units_24h"
    case clusterIdentities = "cluster.identities"
    case clusterAtLimitPercent = "cluster.at_limit_percent"
    case clusterNearLimitPercent = "cluster.near_limit_percent"
    case clusterAllowancePercent = "cluster.allowance_percent"
    case clusterOrdersDay = "cluster.orders_24h"
    case clusterTopSKUPercent = "cluster.top_sku_percent"
    case clusterTopSKUUnits = "cluster.top_sku_units"
    case clusterTopMerchantPercent = "cluster.top_merchant_percent"
    case clusterScore = "cluster.score"

    public var name: String { rawValue }

    public var meaning: LocalizedText {
        switch self {
        case .identityOrdersHour: LocalizedText(en: "orders by this identity in the last hour", zh: "该身份近1小时订单数")
        case .identityOrdersDay: LocalizedText(en: "orders by this identity in the last 24 hours", zh: "该身份近24小时订单数")
        case .identityYuanHour: LocalizedText(en: "CNY ordered by this identity in the last hour", zh: "该身份近1小时订单金额（元）")
        case .identityYuanDay: LocalizedText(en: "CNY ordered by this identity in the last 24 hours", zh: "该身份近24小时订单金额（元）")
        case .identityAllowancePercent: LocalizedText(en: "% of the annual limit used, with this order", zh: "含本单已用年度限额的百分比")
        case .identityNearLimitOrders:
            LocalizedText(en: "orders just under the per-transaction limit in 30 days", zh: "30天内接近单次限额的订单数")
        case .orderLimitPercent: LocalizedText(en: "this order as % of the per-transaction limit", zh: "本单占单次限额的百分比")
        case .addressIdentities: LocalizedText(en: "identities shipping to this address", zh: "使用该收货地址的身份数")
        case .addressOrdersHour: LocalizedText(en: "orders to this address in the last hour", zh: "该地址近1小时订单数")
        case .addressOrdersDay: LocalizedText(en: "orders to this address in 24 hours", zh: "该地址近24小时订单数")
        case .addressYuanHour: LocalizedText(en: "CNY shipped to this address in the last hour", zh: "该地址近1小时订单金额（元）")
        case .addressYuanDay: LocalizedText(en: "CNY shipped to this address in 24 hours", zh: "该地址近24小时订单金额（元）")
        case .phoneIdentities: LocalizedText(en: "identities with this recipient phone", zh: "使用该收件电话的身份数")
        case .deviceIdentities: LocalizedText(en: "identities ordering from this device", zh: "该设备下单的身份数")
        case .deviceOrdersHour: LocalizedText(en: "orders from this device in the last hour", zh: "该设备近1小时订单数")
        case .deviceOrdersDay: LocalizedText(en: "orders from this device in 24 hours", zh: "该设备近24小时订单数")
        case .deviceYuanHour: LocalizedText(en: "CNY ordered from this device in the last hour", zh: "该设备近1小时订单金额（元）")
        case .deviceYuanDay: LocalizedText(en: "CNY ordered from this device in 24 hours", zh: "该设备近24小时订单金额（元）")
        case .payerIdentities: LocalizedText(en: "identities this payer account paid for", zh: "该支付账户付款的身份数")
        case .payerOrdersHour: LocalizedText(en: "orders paid by this payer account in the last hour", zh: "该支付账户近1小时订单数")
        case .payerOrdersDay: LocalizedText(en: "orders paid by this payer account in 24 hours", zh: "该支付账户近24小时订单数")
        case .payerYuanHour: LocalizedText(en: "CNY paid by this payer account in the last hour", zh: "该支付账户近1小时付款金额（元）")
        case .payerYuanDay: LocalizedText(en: "CNY paid by this payer account in 24 hours", zh: "该支付账户近24小时付款金额（元）")
        case .skuIdentitiesDay: LocalizedText(en: "identities that bought this SKU in 24 hours", zh: "近24小时购买该单品的身份数")
        case .skuUnitsDay: LocalizedText(en: "units of this SKU bought in 24 hours, by anyone", zh: "近24小时该单品的总购买件数")
        case .clusterIdentities: LocalizedText(en: "identities linked by shared addresses, phones, devices or payers", zh: "通过共用地址、电话、设备或付款人关联的身份数")
        case .clusterAtLimitPercent: LocalizedText(en: "% of the cluster's identities at their annual limit", zh: "关联群中已达年度限额的身份占比")
        case .clusterNearLimitPercent:
            LocalizedText(en: "% of the cluster's orders just under the per-transaction limit", zh: "关联群中接近单次限额的订单占比")
        case .clusterAllowancePercent:
            LocalizedText(en: "the cluster's identities' mean % of the annual limit used", zh: "关联群各身份已用年度限额的平均百分比")
        case .clusterOrdersDay: LocalizedText(en: "the cluster's orders in 24 hours", zh: "关联群近24小时订单数")
        case .clusterTopSKUPercent: LocalizedText(en: "% of the cluster's units that are its most bought SKU", zh: "关联群购买最多的单品占件数百分比")
        case .clusterTopSKUUnits: LocalizedText(en: "units of the cluster's most bought SKU", zh: "关联群购买最多单品的件数")
        case .clusterTopMerchantPercent: LocalizedText(en: "% of the cluster's value from its main merchant", zh: "关联群金额中来自最主要商家的百分比")
        case .clusterScore: LocalizedText(en: "the cluster's score (0–100) from the rule set's weights", zh: "按规则权重计算的关联群评分（0–100）")
        }
    }
}

/// The figures one order is decided on.
public struct RiskSignals: Sendable, Equatable {
    public private(set) var values: [RiskSignal: Int64] = [:]

    public init(_ values: [RiskSignal: Int64] = [:]) {
        self.values = values
    }

    public subscript(signal: RiskSignal) -> Int64 {
        get { values[signal] ?? 0 }
        set { values[signal] = newValue }
    }
}

/// The limits a decision counts against, for the order's day (`CustomsRules.limits`), in fen.
public struct RiskLimits: Sendable, Equatable {
    public let annual: Int64
    public let perTransaction: Int64

    public init(annual: Int64, perTransaction: Int64) {
        self.annual = annual
        self.perTransaction = perTransaction
    }
}
