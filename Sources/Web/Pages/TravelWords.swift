import Commerce
import Foundation
import Money
import Services

/// The words of the travellers' pages, the till and ops' tax-free view, in both languages.
enum TravelWords {
    static let wallet = LocalizedText(en: "Travel wallet", zh: "境外钱包")
    static let balance = LocalizedText(en: "Balance", zh: "余额")
    static let debt = LocalizedText(en: "Owed from a clawed-back refund (taken from your next top-up)", zh: "退税追回欠款（从下次充值中扣除）")
    static let topUp = LocalizedText(en: "Top up", zh: "充值")
    static let withdraw = LocalizedText(en: "Withdraw to a bank card", zh: "提现到银行卡")
    static let amountCNY = LocalizedText(en: "Amount (CNY)", zh: "金额（人民币）")
    static let card = LocalizedText(en: "Bank card number", zh: "银行卡号")
    static let channel = LocalizedText(en: "Pay from", zh: "付款方式")
    static let channels: [String: LocalizedText] = [
        "bank": LocalizedText(en: "Bank card (direct)", zh: "银行卡（直连）"),
        "partner": LocalizedText(en: "Partner payment institution", zh: "合作支付机构"),
    ]
    static let topUpStatus: [PaymentStatus: LocalizedText] = [
        .initiated: LocalizedText(en: "sent to the channel", zh: "已提交"),
        .processing: LocalizedText(en: "being processed by the channel; credited when it confirms", zh: "处理中，确认后到账"),
        .unknown: LocalizedText(en: "no answer yet from the channel; we are asking it", zh: "渠道暂未应答，正在查询"),
        .succeeded: LocalizedText(en: "credited", zh: "已到账"),
        .failed: LocalizedText(en: "not charged", zh: "未扣款"),
    ]
    static let showCode = LocalizedText(en: "Show my payment code", zh: "出示付款码")
    static let codeTitle = LocalizedText(en: "Payment code", zh: "付款码")
    static func codeValid(until: String) -> LocalizedText {
        LocalizedText(en: "Show this to the cashier. It pays once and is valid until \(until); the page refreshes when it expires.",
                      zh: "请向收银员出示。仅可支付一次，有效期至 \(until)，过期后页面自动刷新。")
    }
    static let errorCorrection = LocalizedText(en: "QR code, ISO/IEC 18004, error correction level M", zh: "二维码，ISO/IEC 18004，纠错等级 M")
    static let forms = LocalizedText(en: "Tax-free forms", zh: "退税单")
    static let noForms = LocalizedText(en: "No tax-free forms yet: ask the store for one when you pay.", zh: "暂无退税单：付款时可请商店开具。")
    static let payments = LocalizedText(en: "Payments in shops", zh: "门店消费")
    static let noPayments = LocalizedText(en: "No payments in shops yet.", zh: "暂无门店消费。")
    static let movements = LocalizedText(en: "Wallet movements", zh: "钱包明细")
    static let refundNow = LocalizedText(en: "Refund the VAT into my wallet now", zh: "立即退税到钱包")
    static let refundNowNote = LocalizedText(
        en: "Paid at once; if customs does not validate the export by the deadline, it is taken back from your wallet.",
        zh: "立即到账；如在截止日前未完成海关出境验证，将从钱包中扣回。")
    static func daysLeft(_ days: Int) -> LocalizedText {
        days <= 0 ? LocalizedText(en: "deadline today", zh: "今天截止")
            : LocalizedText(en: "\(days) day\(days == 1 ? "" : "s") left to have it validated", zh: "剩余 \(days) 天完成验证")
    }
    static let formStatus: [TaxFreeFormStatus: LocalizedText] = [
        .issued: LocalizedText(en: "issued: have it validated when you leave", zh: "已开具：离境时请办理验证"),
        .validated: LocalizedText(en: "export validated", zh: "已验证出境"),
        .refused: LocalizedText(en: "validation refused by customs", zh: "海关拒绝验证"),
        .expired: LocalizedText(en: "not validated in time", zh: "逾期未验证"),
    ]
    static let refundStatus: [TaxFreeRefundStatus: LocalizedText] = [
        .awaitingValidation: LocalizedText(en: "refund paid once validated", zh: "验证后退款"),
        .instant: LocalizedText(en: "refunded at once", zh: "已即时退税"),
        .paid: LocalizedText(en: "refunded", zh: "已退税"),
        .clawedBack: LocalizedText(en: "refund taken back", zh: "退税已追回"),
        .none: LocalizedText(en: "no refund", zh: "无退税"),
    ]
    static let movementNames: [String: LocalizedText] = [
        "wallet-top-up": LocalizedText(en: "Top-up", zh: "充值"),
        "wallet-withdrawal": LocalizedText(en: "Withdrawal to card", zh: "提现"),
        "wallet-debt-collected": LocalizedText(en: "Debt collected", zh: "扣还欠款"),
        "till-payment": LocalizedText(en: "Payment in a shop", zh: "门店消费"),
        "till-refund": LocalizedText(en: "Refund from a shop", zh: "门店退款"),
        "vat-refund-instant": LocalizedText(en: "VAT refund (instant)", zh: "即时退税"),
        "vat-refund-paid": LocalizedText(en: "VAT refund", zh: "退税"),
        "vat-refund-clawback": LocalizedText(en: "VAT refund taken back", zh: "退税追回"),
    ]
    static let gross = LocalizedText(en: "Purchase, VAT included", zh: "购物金额（含增值税）")
    static let vat = LocalizedText(en: "VAT", zh: "增值税")
    static let fee = LocalizedText(en: "Operator's fee", zh: "退税服务费")
    static let refund = LocalizedText(en: "Refund", zh: "退税额")
    static let deadline = LocalizedText(en: "Export validation by", zh: "出境验证截止")
    static let validation = LocalizedText(en: "Validation system", zh: "验证系统")
    static let purchased = LocalizedText(en: "Purchased", zh: "购买日期")
    static let shop = LocalizedText(en: "Shop", zh: "门店")
    static let status = LocalizedText(en: "Status", zh: "状态")

    static let till = LocalizedText(en: "Till", zh: "收银台")
    static let tillNote = LocalizedText(
        en: "Enter the amount in your currency, then show a code for the traveller to scan, or scan the traveller's payment code.",
        zh: "输入本币金额，然后出示收款码供旅客扫描，或扫描旅客的付款码。")
    static let amountIn = LocalizedText(en: "Amount in", zh: "金额，币种")
    static let goods = LocalizedText(en: "Goods (not services): eligible for a tax-free form", zh: "商品（非服务）：可开具退税单")
    static let showChargeCode = LocalizedText(en: "Show a code to the traveller", zh: "出示收款码")
    static let travellerCode = LocalizedText(en: "Traveller's payment code (scan or type)", zh: "旅客付款码（扫描或输入）")
    static let chargeCode = LocalizedText(en: "Charge the code", zh: "扫码收款")
    static let chargeTitle = LocalizedText(en: "Scan to pay", zh: "扫码付款")
    static let chargeWaiting = LocalizedText(en: "Waiting for the traveller to pay; this page refreshes.", zh: "等待旅客付款，页面会自动刷新。")
    static let chargePaid = LocalizedText(en: "Paid.", zh: "已付款。")
    static let chargeExpired = LocalizedText(en: "The code expired; make a new one.", zh: "收款码已过期，请重新生成。")
    static let issueForm = LocalizedText(en: "Issue tax-free form", zh: "开具退税单")
    static let travellerPaid = LocalizedText(en: "Traveller paid", zh: "旅客支付")
    static let refunded = LocalizedText(en: "Refunded", zh: "已退款")
    static let refundAtTill = LocalizedText(en: "Refund", zh: "退款")
    static let printForm = LocalizedText(en: "Print", zh: "打印")
    static let formTitle = LocalizedText(en: "Tax-free form", zh: "退税单")
    static let formPrintNote = LocalizedText(
        en: "Present this form, the goods and your passport to customs when you leave, before the deadline.",
        zh: "离境时请在截止日前向海关出示本单、商品和护照。")
    static let payHere = LocalizedText(en: "Pay from my wallet", zh: "用钱包付款")
    static let topUpAndPay = LocalizedText(en: "Top up what is missing from my bank card, and pay", zh: "从银行卡补足差额并付款")
    static let youPay = LocalizedText(en: "You pay now, at the rate of the moment", zh: "按当前汇率，您需支付")
    static let storeReceives = LocalizedText(en: "The store receives", zh: "商店收款")
    static let paidReceipt = LocalizedText(en: "Paid. Receipt", zh: "付款成功。收据")
    static let rate = LocalizedText(en: "Rate", zh: "汇率")

    static let opsTitle = LocalizedText(en: "Tax-free forms by country and status", zh: "各国退税单及状态")
    static let receivables = LocalizedText(en: "Owed by the refund operator (instant refunds awaiting validation)", zh: "退税运营商应付款（待验证的即时退税）")
    static let all = LocalizedText(en: "all", zh: "全部")
    static let country = LocalizedText(en: "Country", zh: "国家")

    /// A refusal in the reader's language where the platform knows its words; otherwise what the rule says.
    static func problem(_ error: any Error) -> LocalizedText {
        let detail = String(describing: error)
        switch error {
        case let refusal as PaymentCode.Refusal:
            switch refusal {
            case .used: return LocalizedText(en: detail, zh: "该码已使用：每个码只能支付一次。")
            case .expired: return LocalizedText(en: detail, zh: "该码已过期：请出示或索取新码。")
            case .unknown: return LocalizedText(en: detail, zh: "无此付款码：请旅客出示新的付款码。")
            case .malformed: return LocalizedText(en: detail, zh: "付款码为以 28 开头的 18 位数字。")
            case .anotherTravellers: return LocalizedText(en: detail, zh: "该码属于其他旅客的付款。")
            }
        case let travel as TravelError:
            if case .walletTooLow(let balance, let needed) = travel {
                return LocalizedText(en: detail, zh: "钱包余额 \(balance.formatted(.zhCN))，本次需 \(needed.formatted(.zhCN))：请先充值。")
            }
            return LocalizedText(en: detail, zh: detail)
        case let refusal as TaxFreeRefusal:
            switch refusal {
            case .belowMinimum(let counted, let minimum, _):
                return LocalizedText(en: detail, zh: "消费金额 \(counted.formatted(.zhCN)) 未达最低退税金额 \(minimum.formatted(.zhCN))。")
            case .schemeWithdrawn(let country, let day): return LocalizedText(en: detail, zh: "\(country) 在 \(day) 已无游客退税政策（英国自 2021 年 1 月 1 日起取消）。")
            case .services: return LocalizedText(en: detail, zh: "服务不可退税：仅限带出境的商品。")
            case .residenceUnproven: return LocalizedText(en: detail, zh: "需完成实名认证（ePass）以证明您居住在境外。")
            case .resident(let of, let country): return LocalizedText(en: detail, zh: "\(of) 居民不能在 \(country) 申请游客退税。")
            default: return LocalizedText(en: detail, zh: detail)
            }
        case let refund as TaxFreeRefundError:
            switch refund {
            case .instantPerPurchaseCap(_, let cap): return LocalizedText(en: detail, zh: "店内即时退税单笔上限 \(cap.formatted(.zhCN))：海关确认出境后退税。")
            case .instantPerTripCap(_, let cap): return LocalizedText(en: detail, zh: "店内即时退税每次旅行上限 \(cap.formatted(.zhCN))：海关确认出境后退税。")
            default: return LocalizedText(en: detail, zh: detail)
            }
        default:
            if let problem = Problem.from(error) { return LocalizedText(en: problem.detail, zh: problem.detail) }
            return LocalizedText(en: detail, zh: detail)
        }
    }
}
