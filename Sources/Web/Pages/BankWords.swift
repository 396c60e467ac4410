import Commerce
import Foundation

/// What the partner bank's pages and answers say, in English and Chinese.
enum BankWords {
    static let signIn = LocalizedText(en: "Partner bank sign-in", zh: "合作银行登录")
    static let key = LocalizedText(en: "Partner bank API key", zh: "合作银行 API 密钥")
    static let badKey = LocalizedText(en: "That key is not valid.", zh: "密钥无效。")
    static let clients = LocalizedText(en: "Your clients' applications", zh: "贵行客户的入驻申请")
    static let merchants = LocalizedText(en: "Your clients trading on CrossBorder", zh: "已入驻的贵行客户")
    static let onboard = LocalizedText(en: "Onboard clients", zh: "批量引荐客户")
    static let onboardHelp = LocalizedText(
        en: "Paste a CSV file with the template's columns, one client a row. One bad row refuses the whole file, each problem named; nothing is half-onboarded.",
        zh: "粘贴按模板列填写的 CSV 文件，每行一个客户。任一行有误则整份文件不予导入，并逐项指出问题，绝不会只导入一部分。")
    static let template = LocalizedText(en: "Template", zh: "模板")
    static let send = LocalizedText(en: "Onboard", zh: "导入")
    static let onboarded = LocalizedText(en: "Onboarded and sent for review:", zh: "已导入并提交审核：")
    static let refused = LocalizedText(en: "Nothing was onboarded. Put these right and send the file again:", zh: "未导入任何客户。请修正以下问题后重新提交：")
    static let flagship = LocalizedText(en: "Your flagship store", zh: "贵行旗舰店")
    static let noFlagship = LocalizedText(en: "Not opened yet: PUT /api/v1/bank/flagship opens it.", zh: "尚未开设：调用 PUT /api/v1/bank/flagship 开设。")
    static let reference = LocalizedText(en: "Reference", zh: "客户编号")
    static let business = LocalizedText(en: "Business", zh: "企业")
    static let status = LocalizedText(en: "Status", zh: "状态")
    static let orders = LocalizedText(en: "Orders", zh: "订单数")
    static let sales = LocalizedText(en: "Sales", zh: "销售额")
    static let payouts = LocalizedText(en: "Payouts", zh: "结算付款")
    static let suspended = LocalizedText(en: "suspended", zh: "已暂停")
    static let none = LocalizedText(en: "None yet.", zh: "暂无。")
    static let flagshipIntro = LocalizedText(en: "Makers introduced by", zh: "推荐银行：")

    /// Where a problem of a batch is: "Client 3 (line 4), IBAN: ", "Column x: ", or nothing for
    /// the file as a whole.
    static func place(of field: String, lines: [Int]) -> LocalizedText {
        if field.hasPrefix("header.") {
            let column = field.dropFirst("header.".count)
            return LocalizedText(en: "Column \(column): ", zh: "列 \(column)：")
        }
        guard let match = field.prefixMatch(of: /clients\[(\d+)\]\.?/), let index = Int(match.1) else {
            return field == "body" ? LocalizedText(en: "", zh: "") : label(field)
        }
        let inner = String(field[match.range.upperBound...])
        let line = lines.indices.contains(index) ? lines[index] : nil
        let client = LocalizedText(en: "Client \(index + 1)" + (line.map { " (line \($0))" } ?? ""),
                                   zh: "第 \(index + 1) 个客户" + (line.map { "（第 \($0) 行）" } ?? ""))
        guard !inner.isEmpty else { return LocalizedText(en: client.en + ": ", zh: client.zh + "：") }
        let named = label(inner.hasPrefix("application.") ? String(inner.dropFirst("application.".count)) : inner)
        return LocalizedText(en: "\(client.en), \(named.en)", zh: "\(client.zh)，\(named.zh)")
    }

    /// The fields of ops' filing of a partner, of a flagship store, and of what a bank vouches
    /// for a client; the application's own are the application form's.
    static let fields: [String: LocalizedText] = [
        "id": LocalizedText(en: "Id", zh: "编号"),
        "name": LocalizedText(en: "Name", zh: "名称"),
        "bic": LocalizedText(en: "BIC", zh: "银行识别代码 BIC"),
        "attests": LocalizedText(en: "Checks the bank may vouch for", zh: "银行可担保的核查项"),
        "slug": LocalizedText(en: "Address of the store (/flagships/…)", zh: "店铺地址（/flagships/…）"),
        "nameEn": LocalizedText(en: "Name in English", zh: "英文名称"),
        "nameZh": LocalizedText(en: "Name in Chinese", zh: "中文名称"),
        "taglineEn": LocalizedText(en: "Tagline in English", zh: "英文标语"),
        "taglineZh": LocalizedText(en: "Tagline in Chinese", zh: "中文标语"),
        "reference": LocalizedText(en: "Your reference for the client", zh: "贵行客户编号"),
        "attestation.checks": LocalizedText(en: "Checks you vouch for", zh: "贵行担保的核查项"),
        "attestation.checkedOn": LocalizedText(en: "Day you checked the client", zh: "核查日期"),
        "attestation.reference": LocalizedText(en: "Your file's reference", zh: "核查档案编号"),
    ]

    /// "IBAN: ", the field's name as the bank's filings or the application form say it.
    static func label(_ field: String) -> LocalizedText {
        let name = fields[field.replacing(/\[\d+\]/, with: "")] ?? ApplicationWords.field(field)
        return LocalizedText(en: name.en + ": ", zh: name.zh + "：")
    }
}
