/// The rules a new platform starts with, as ops would write them (`RiskRuleSet`). Their figures
/// are the ones the traffic report justifies (`crossborder bench risk`, docs/RISK.md): every
/// ring kind caught on most of its orders while almost no family or office is held.
public enum DefaultRiskRules {
    public static let version = "2026-12-04"
    public static let source = "crossborder bench risk (RiskTraffic seed 2026, scale 4), docs/RISK.md"

    public static let text = """
        # CrossBorder's first risk rules, \(version). Source: \(source).
        set at_limit_percent 80
        set near_limit_percent 90
        # The cluster's score: how many identities, how close to their limits, how narrow their buying.
        score cluster.identities 30 full 10
        score cluster.at_limit_percent 20 full 50
        score cluster.near_limit_percent 15 full 50
        score cluster.top_sku_percent 20 full 60
        score cluster.top_merchant_percent 15 full 90
        rule ring: review when cluster.identities >= 5 and cluster.score >= 75
        rule bought-identities: block when cluster.identities >= 12 and cluster.score >= 85 and cluster.at_limit_percent >= 40
        rule shared-payer: review when payer.identities >= 4
        rule split-under-limit: review when identity.near_limit_orders_30d >= 3 and cluster.identities >= 3
        rule narrow-buying: review when cluster.identities >= 8 and cluster.top_merchant_percent >= 80 and cluster.top_sku_percent >= 40 and cluster.allowance_percent >= 15
        rule velocity: review when identity.orders_24h >= 8
        """

    public static var rules: RiskRuleSet {
        get throws(RiskRuleSet.Problem) { try RiskRuleSet(parsing: text) }
    }
}
