import Money

/// The moments a buyer is told of, on the site and by e-mail: an order's moves that matter to
/// the person waiting for it, a parcel held on its way, and a password reset asked for.
public enum NoticeKind: String, Sendable, CaseIterable, Codable {
    case paid, declared, shipped, delivered, refunded
    case heldAtHub = "held-at-hub"
    case heldByCustoms = "held-by-customs"
    case passwordReset = "password-reset"

    /// The notice an order's move to `status` gives its buyer, if any. Clearing customs,
    /// completing and cancelling are left out: the buyer either did it or hears of the next step.
    public static func reaching(_ status: OrderStatus) -> NoticeKind? {
        switch status {
        case .paid: return .paid
        case .declared: return .declared
        case .shipped: return .shipped
        case .delivered: return .delivered
        case .refunded: return .refunded
        case .created, .cleared, .completed, .cancelled: return nil
        }
    }

    /// Shown on the buyer's messages page; a reset link goes by e-mail only, as it is a secret.
    public var shownOnSite: Bool { self != .passwordReset }

    /// One notice per order and kind: an order declared twice over (a retry, a second process)
    /// still tells its buyer once.
    public static func id(orderID: String, kind: NoticeKind) -> String { "n-\(orderID)-\(kind.rawValue)" }
}

/// What a notice says, in either language: a headline, and the lines of an e-mail's body.
/// `detail` is what the move carried (why a parcel is held); `order` names the order.
public enum NoticeWords {
    public static func headline(_ kind: NoticeKind, order: String) -> LocalizedText {
        switch kind {
        case .paid: return LocalizedText(en: "Order \(order) is paid", zh: "订单 \(order) 已付款")
        case .declared: return LocalizedText(en: "Order \(order) is declared to customs", zh: "订单 \(order) 已向海关申报")
        case .shipped: return LocalizedText(en: "Order \(order) has left the hub for China", zh: "订单 \(order) 已从集货仓发往中国")
        case .delivered: return LocalizedText(en: "Order \(order) is delivered", zh: "订单 \(order) 已送达")
        case .refunded: return LocalizedText(en: "Order \(order) is refunded", zh: "订单 \(order) 已退款")
        case .heldAtHub: return LocalizedText(en: "Order \(order) is held at the hub", zh: "订单 \(order) 在集货仓被暂扣")
        case .heldByCustoms: return LocalizedText(en: "Order \(order) is held by customs for inspection", zh: "订单 \(order) 被海关查验暂扣")
        case .passwordReset: return LocalizedText(en: "Reset your password", zh: "重置您的密码")
        }
    }

    public static func explanation(_ kind: NoticeKind, detail: String) -> LocalizedText {
        switch kind {
        case .paid: return LocalizedText(en: "We have your payment; the merchant is preparing the parcel. The money stays in escrow until you confirm delivery.",
                                         zh: "我们已收到您的付款，商家正在备货。款项由平台托管，您确认收货后才付给商家。")
        case .declared: return LocalizedText(en: "The order, payment and waybill records have gone to customs; you are told when the parcel moves.",
                                             zh: "订单、支付单和运单已报送海关；包裹有新动态时会再通知您。")
        case .shipped: return LocalizedText(en: "The parcel is on its international flight.", zh: "包裹已搭乘国际航班。")
        case .delivered: return LocalizedText(en: "Please confirm delivery on the order page once you have checked the parcel.",
                                              zh: "检查包裹后，请在订单页面确认收货。")
        case .refunded: return LocalizedText(en: "The money goes back the way you paid; your import allowance is given back if the goods were not imported.",
                                             zh: "款项将原路退回；如商品未入境，您的年度跨境额度也会恢复。")
        case .heldAtHub: return LocalizedText(en: "The hub found something to check (\(detail)); we write again when it moves on.",
                                              zh: "集货仓需要核实（\(detail)）；包裹放行时会再通知您。")
        case .heldByCustoms: return LocalizedText(en: "Customs selected the parcel for inspection (\(detail)); this usually takes a day or two.",
                                                  zh: "海关抽中包裹进行查验（\(detail)），通常需要一至两天。")
        case .passwordReset: return LocalizedText(
            en: "Someone (we hope you) asked to reset the password of this account. The link below works once, for 30 minutes. If it was not you, ignore this e-mail: your password stays as it is.",
            zh: "有人（希望是您本人）申请重置此账户的密码。下方链接 30 分钟内有效，仅可使用一次。如非本人操作，请忽略本邮件，您的密码不会改变。")
        }
    }

    public static let greeting = LocalizedText(en: "Hello", zh: "您好")
    public static let orderLink = LocalizedText(en: "Your order", zh: "查看订单")
    public static let resetLink = LocalizedText(en: "Choose a new password", zh: "设置新密码")
    public static let signature = LocalizedText(en: "CrossBorder", zh: "跨境购")
    public static let unsolicited = LocalizedText(
        en: "You receive this because you have an account at CrossBorder; the same messages are on your account's messages page.",
        zh: "您收到此邮件是因为您在跨境购注册了账户；这些消息也可在账户的消息页面查看。")
}

/// The words of a notice's e-mail: Chinese first, for the buyers the site serves, then English,
/// in one plain-text message, so that it reads right in any mail program.
public enum NoticeMail {
    /// `link`: the order's page, or the reset page with its token; `name`: the buyer's display name.
    public static func compose(_ kind: NoticeKind, order: String?, detail: String, link: String, name: String)
        -> (subject: String, body: String) {
            let headline = NoticeWords.headline(kind, order: order ?? "")
            let explanation = NoticeWords.explanation(kind, detail: detail)
            let action = kind == .passwordReset ? NoticeWords.resetLink : NoticeWords.orderLink
            let zh = "\(NoticeWords.greeting.zh)，\(name)：\n\n\(headline.zh)。\(explanation.zh)\n\n\(action.zh)：\(link)\n\n"
                + "\(NoticeWords.signature.zh)\n\(NoticeWords.unsolicited.zh)\n"
            let en = "\(NoticeWords.greeting.en) \(name),\n\n\(headline.en). \(explanation.en)\n\n\(action.en): \(link)\n\n"
                + "\(NoticeWords.signature.en)\n\(NoticeWords.unsolicited.en)\n"
            return ("\(headline.zh) / \(headline.en)", zh + "\n----\n\n" + en)
    }
}
