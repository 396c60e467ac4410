import Commerce
import Foundation
import Money
import Services

/// The words of a merchant's application — its fields, what each rule expects, where the
/// application stands — in both languages, for the public page and the API's problems.
enum ApplicationWords {
    static let title = LocalizedText(en: "Sell to China on CrossBorder", zh: "入驻跨境购，向中国消费者销售")
    static let intro = LocalizedText(
        en: "Tell us about your business. You can save at any time and come back: nothing is sent for review until you submit.",
        zh: "请填写贵公司的信息。您可以随时保存并稍后继续填写；提交之前不会进入审核。")
    static let business = LocalizedText(en: "The business", zh: "企业信息")
    static let people = LocalizedText(en: "People", zh: "相关人员")
    static let payoutSection = LocalizedText(en: "Where we pay you", zh: "收款账户")
    static let trade = LocalizedText(en: "What you sell", zh: "经营内容")
    static let saveDraft = LocalizedText(en: "Save draft", zh: "保存草稿")
    static let submit = LocalizedText(en: "Submit for review", zh: "提交审核")
    static let submitQuestion = LocalizedText(
        en: "Submit the application? You cannot change it while it is reviewed.", zh: "确定提交申请吗？审核期间将无法修改。")
    static let saved = LocalizedText(en: "Draft saved. You can close this page and come back to it.", zh: "草稿已保存，您可以关闭页面，稍后回来继续。")
    static let submittedNotice = LocalizedText(
        en: "Submitted. We check your business, your bank account and the people named, then ops review it; you will see here what we still need.",
        zh: "已提交。我们将核验贵公司、银行账户和所列人员，随后由运营人员审核；如需补充材料会在此页告知。")
    static let savedElsewhere = LocalizedText(
        en: "This application was saved elsewhere meanwhile. What you typed is below; save again to keep it, or reload to see the other version.",
        zh: "本申请已在其他地方保存过。您输入的内容仍在下方：再次保存即可覆盖，或刷新页面查看另一版本。")
    static let fixBelow = LocalizedText(en: "Some fields need attention; each is marked below.", zh: "部分字段需要修改，已在下方逐项标出。")
    static let stillMissing = LocalizedText(en: "Still needed before you can submit", zh: "提交前还需填写")
    static let resumeTitle = LocalizedText(en: "Continue on another device", zh: "在其他设备上继续")
    static let resumeHelp = LocalizedText(
        en: "Keep this application number and key to continue elsewhere. The key opens the application: do not share it.",
        zh: "请保存申请编号和密钥，以便在其他设备上继续。密钥可打开本申请，请勿告诉他人。")
    static let resume = LocalizedText(en: "Open my application", zh: "打开我的申请")
    static let applicationNumber = LocalizedText(en: "Application number", zh: "申请编号")
    static let resumeKey = LocalizedText(en: "Key", zh: "密钥")
    static let resumeRefused = LocalizedText(en: "No application has this number and key.", zh: "申请编号或密钥不正确。")
    static let startOver = LocalizedText(en: "Start a new application", zh: "重新开始申请")
    static let owner = LocalizedText(en: "Owner of 25 % or more", zh: "持股 25% 及以上的股东")
    static let ownersNote = LocalizedText(
        en: "List everyone who owns 25 % or more of the business, directly or through other companies (up to four).",
        zh: "请列出直接或间接持有本企业 25% 及以上股份的所有人（最多四人）。")
    static let listNote = LocalizedText(en: "One per line", zh: "每行一个")
    static let applicantLink = LocalizedText(en: "Sell on CrossBorder", zh: "商家入驻")

    static let status: [StoredApplication.Status: LocalizedText] = [
        .draft: LocalizedText(en: "Draft", zh: "草稿"),
        .submitted: LocalizedText(en: "In review", zh: "审核中"),
        .changesRequested: LocalizedText(en: "Changes needed", zh: "需要修改"),
        .approved: LocalizedText(en: "Verified", zh: "已认证"),
        .rejected: LocalizedText(en: "Rejected", zh: "未通过"),
        .suspended: LocalizedText(en: "Suspended", zh: "已暂停"),
    ]

    static let requirementsTitle = LocalizedText(en: "Where your application stands", zh: "申请进度")
    static let capabilities: [Capability: LocalizedText] = [
        .sell: LocalizedText(en: "Selling", zh: "销售"),
        .payouts: LocalizedText(en: "Payouts", zh: "收款"),
    ]
    static let enabled = LocalizedText(en: "enabled", zh: "已开通")
    static let notYet = LocalizedText(en: "not yet", zh: "尚未开通")
    static let payoutsHeld = LocalizedText(en: "What you earn is held safely until payouts are enabled.", zh: "在开通收款之前，您的货款将安全保留。")
    static let requirementStatus: [Requirement.Status: LocalizedText] = [
        .currentlyDue: LocalizedText(en: "due now", zh: "待处理"),
        .pastDue: LocalizedText(en: "past due", zh: "已逾期"),
        .pendingVerification: LocalizedText(en: "being checked", zh: "核验中"),
        .error: LocalizedText(en: "needs correcting", zh: "需更正"),
    ]
    static let requirementNames: [Requirement.Code: LocalizedText] = [
        .registry: LocalizedText(en: "Business register check", zh: "企业登记核验"),
        .bankAccount: LocalizedText(en: "Payout account check", zh: "收款账户核验"),
        .sanctions: LocalizedText(en: "Sanctions screening", zh: "制裁名单筛查"),
        .opsReview: LocalizedText(en: "Review by our team", zh: "平台人工审核"),
        .secondReview: LocalizedText(en: "Second review", zh: "二次复核"),
    ]
    static func dueBy(_ date: String) -> LocalizedText { LocalizedText(en: "by \(date)", zh: "截止 \(date)") }
    static let decisionReason = LocalizedText(en: "Our team's note", zh: "审核意见")
    static let decisions: [ApplicationDecision.Kind: LocalizedText] = [
        .approve: LocalizedText(en: "Approved", zh: "批准"),
        .reject: LocalizedText(en: "Rejected", zh: "拒绝"),
        .requestChanges: LocalizedText(en: "Changes requested", zh: "要求修改"),
        .suspend: LocalizedText(en: "Suspend", zh: "暂停"),
        .reinstate: LocalizedText(en: "Reinstate", zh: "恢复"),
    ]

    static let portalTitle = LocalizedText(en: "Your merchant portal", zh: "商家后台")
    static let portalHelp = LocalizedText(
        en: "You are verified. Sign in to the merchant portal with an API key: it opens your orders, shipments, settlement and catalogue.",
        zh: "您已通过认证。请使用 API 密钥登录商家后台，管理订单、发货、结算和商品。")
    static let issueKey = LocalizedText(en: "Issue an API key", zh: "生成 API 密钥")
    static let keyIssued = LocalizedText(
        en: "Your new key, shown only this once: copy it now. We keep only its fingerprint; lost keys are revoked and replaced.",
        zh: "新密钥仅显示这一次，请立即复制。平台只保存其指纹；遗失后可撤销并重新生成。")
    static let portalLink = LocalizedText(en: "Sign in to the merchant portal", zh: "登录商家后台")
    static let documentsTitle = LocalizedText(en: "Documents", zh: "证明文件")
    static let documentsNote = LocalizedText(
        en: "PDF, JPEG or PNG, up to 5 MB each: the certificate of incorporation, a proof of address no older than three months, and for each brand you do not own, the owner's authorisation.",
        zh: "PDF、JPEG 或 PNG 格式，每个不超过 5 MB：公司注册证书、三个月内的地址证明，以及您非品牌所有人时每个品牌的授权书。")
    static let upload = LocalizedText(en: "Upload", zh: "上传")
    static let documentKinds: [DocumentKind: LocalizedText] = [
        .certificateOfIncorporation: LocalizedText(en: "Certificate of incorporation", zh: "公司注册证书"),
        .proofOfAddress: LocalizedText(en: "Proof of address", zh: "地址证明"),
        .brandAuthorisation: LocalizedText(en: "Brand authorisation", zh: "品牌授权书"),
    ]
    static let documentReviews: [StoredDocument.Review: LocalizedText] = [
        .pending: LocalizedText(en: "waiting for review", zh: "待审核"),
        .accepted: LocalizedText(en: "accepted", zh: "已通过"),
        .rejected: LocalizedText(en: "rejected", zh: "未通过"),
    ]

    static func document(_ problem: DocumentProblem) -> LocalizedText {
        switch problem {
        case .empty: return LocalizedText(en: "The file is empty.", zh: "文件为空。")
        case .tooLarge(let limit):
            return LocalizedText(en: "The file is larger than \(limit / 1_048_576) MB.", zh: "文件超过 \(limit / 1_048_576) MB。")
        case .unknownType: return LocalizedText(en: "Only PDF, JPEG and PNG files are accepted.", zh: "仅接受 PDF、JPEG 和 PNG 文件。")
        case .notWhatItClaims(let claimed):
            return LocalizedText(en: "The file is not the \(claimed) it says it is: only PDF, JPEG and PNG files are accepted.",
                                 zh: "文件内容与其声明的类型 \(claimed) 不符：仅接受 PDF、JPEG 和 PNG 文件。")
        case .truncated(let type):
            return LocalizedText(en: "The \(type.rawValue) file is incomplete: upload it again.", zh: "\(type.rawValue) 文件不完整，请重新上传。")
        }
    }

    /// What a check found and what the applicant can do about it.
    static func reason(_ reason: VerificationReason) -> LocalizedText {
        switch reason {
        case .registryNotFound:
            return LocalizedText(en: "The business register has no company with these numbers: check the registration number and D-U-N-S number.",
                                 zh: "企业登记机构未找到与这些号码对应的公司：请核对注册号和邓白氏编码。")
        case .companyNotActive(let standing):
            return LocalizedText(en: "The register lists the company as \(standing): only trading companies can sell.",
                                 zh: "登记机构显示该公司状态为 \(standing)：仅正常经营的公司可以入驻。")
        case .nameDiffers(let registered):
            return LocalizedText(en: "The register's name is \"\(registered)\": give the legal name as registered.",
                                 zh: "登记名称为“\(registered)”：请填写与登记一致的法定名称。")
        case .nameClose(let registered):
            return LocalizedText(en: "The register's name is \"\(registered)\", close to yours: our team compares them.",
                                 zh: "登记名称为“\(registered)”，与您填写的相近：将由平台人工核对。")
        case .highRisk(let band):
            return LocalizedText(en: "The register places the business in risk band \(band) of 5: two people at CrossBorder review it.",
                                 zh: "登记机构将该企业列为 5 级中的第 \(band) 级风险：将由两名平台人员审核。")
        case .accountNotFound:
            return LocalizedText(en: "The bank has no such account: check the IBAN or account number.", zh: "银行未找到该账户：请核对 IBAN 或银行账号。")
        case .holderDiffers(let holder):
            return LocalizedText(en: "The bank says the account is \(holder)'s: payouts go only to an account in the business's own name.",
                                 zh: "银行显示该账户属于 \(holder)：货款只能付至企业本身名下的账户。")
        case .holderClose(let holder):
            return LocalizedText(en: "The bank's holder name is \"\(holder)\", close to yours: our team compares them.",
                                 zh: "银行登记的户名为“\(holder)”，与您填写的相近：将由平台人工核对。")
        case .possibleSanctionsHit:
            // The applicant is not told which listed name matched: screening is not disclosed.
            return LocalizedText(en: "A name on the application needs a closer look by our team.", zh: "申请中的某个名称需要平台人工进一步核查。")
        }
    }

    /// Each field's label, by the name the API gives it.
    static let fields: [String: LocalizedText] = [
        "legalName": LocalizedText(en: "Legal name", zh: "企业法定名称"),
        "country": LocalizedText(en: "Country of registration", zh: "注册国家/地区"),
        "registrationNumber": LocalizedText(en: "Registration number", zh: "企业注册号"),
        "dunsNumber": LocalizedText(en: "D-U-N-S number (optional)", zh: "邓白氏编码 D-U-N-S（选填）"),
        "vatNumber": LocalizedText(en: "VAT number (optional)", zh: "增值税号（选填）"),
        "lei": LocalizedText(en: "LEI (optional)", zh: "法人机构识别编码 LEI（选填）"),
        "address.line1": LocalizedText(en: "Registered address", zh: "注册地址"),
        "address.line2": LocalizedText(en: "Address, second line (optional)", zh: "地址第二行（选填）"),
        "address.city": LocalizedText(en: "City", zh: "城市"),
        "address.postalCode": LocalizedText(en: "Postal code", zh: "邮政编码"),
        "representative.name": LocalizedText(en: "Representative's full name", zh: "联系人姓名"),
        "representative.role": LocalizedText(en: "Role in the business", zh: "职务"),
        "representative.email": LocalizedText(en: "Representative's e-mail", zh: "联系人电子邮箱"),
        "owners": LocalizedText(en: "Owners", zh: "股东"),
        "owners.name": LocalizedText(en: "Full name", zh: "姓名"),
        "owners.sharePercent": LocalizedText(en: "Share (%)", zh: "持股比例（%）"),
        "owners.nationality": LocalizedText(en: "Nationality (country code)", zh: "国籍（国家代码）"),
        "ownersComplete": LocalizedText(en: "I have listed everyone who owns 25 % or more (or nobody does)",
                                        zh: "我已列出所有持股 25% 及以上的股东（或无此类股东）"),
        "payout.holderName": LocalizedText(en: "Account holder", zh: "账户名"),
        "payout.currency": LocalizedText(en: "Currency you are paid in", zh: "结算币种"),
        "payout.iban": LocalizedText(en: "IBAN", zh: "IBAN 国际银行账号"),
        "payout.bic": LocalizedText(en: "BIC / SWIFT code", zh: "BIC / SWIFT 代码"),
        "payout.routingNumber": LocalizedText(en: "ABA routing number (US banks)", zh: "ABA 路由号（美国银行）"),
        "payout.accountNumber": LocalizedText(en: "Account number (where there is no IBAN)", zh: "银行账号（无 IBAN 时填写）"),
        "brands": LocalizedText(en: "Brands you sell", zh: "经营品牌"),
        "categories": LocalizedText(en: "Categories you ship", zh: "经营类目"),
    ]

    /// The label of a field as the API names it: "owners[1].name" is an owner's name.
    static func field(_ path: String) -> LocalizedText {
        if let label = fields[path] { return label }
        let general = path.replacing(/\[\d+\]/, with: "")
        return fields[general] ?? LocalizedText(en: path, zh: path)
    }

    static func problem(_ reason: ApplicationProblem.Reason) -> LocalizedText {
        switch reason {
        case .required: return LocalizedText(en: "Needed to submit.", zh: "提交前必须填写。")
        case .tooLong(let limit): return LocalizedText(en: "At most \(limit) characters.", zh: "最多 \(limit) 个字符。")
        case .characters: return LocalizedText(en: "Has characters this field cannot hold (digits in a name, control characters).",
                                               zh: "含有此字段不允许的字符（姓名中的数字或控制字符）。")
        case .identifier(let problem): return identifier(problem)
        case .iban(let problem): return iban(problem)
        case .unknownCountry: return LocalizedText(en: "Not an ISO 3166 country code: two letters, such as IT, US or KR.",
                                                   zh: "不是 ISO 3166 国家代码：应为两个字母，例如 IT、US 或 KR。")
        case .mainlandBusiness: return LocalizedText(
            en: "Businesses registered in mainland China sell there directly; CrossBorder is for businesses abroad.",
            zh: "在中国大陆注册的企业可直接在境内销售；跨境购面向境外企业。")
        case .vatCountry(let expected): return LocalizedText(
            en: "The VAT number should start with \(expected), the country the business is registered in.",
            zh: "增值税号应以注册国家代码 \(expected) 开头。")
        case .unknownCurrency: return LocalizedText(en: "Not an ISO 4217 currency code, such as EUR or USD.", zh: "不是 ISO 4217 币种代码，例如 EUR 或 USD。")
        case .ownerShare: return LocalizedText(en: "Owners listed here hold 25 % to 100 %; smaller holdings are not listed.",
                                               zh: "此处仅列持股 25% 至 100% 的股东，持股更少者无需填写。")
        case .sharesOverWhole(let total): return LocalizedText(en: "The shares add up to \(total) %, more than the whole.",
                                                               zh: "持股比例合计 \(total)%，超过 100%。")
        case .ownersUnconfirmed: return LocalizedText(en: "Confirm that nobody owns 25 % or more, or list who does.",
                                                      zh: "请确认无人持股 25% 及以上，或列出这些股东。")
        case .email: return LocalizedText(en: "Not an e-mail address.", zh: "电子邮箱格式不正确。")
        case .accountNumber: return LocalizedText(en: "An account number has 4 to 34 letters and digits.", zh: "银行账号应为 4 至 34 位字母或数字。")
        case .duplicate: return LocalizedText(en: "Listed twice.", zh: "重复填写。")
        case .tooMany(let limit): return LocalizedText(en: "At most \(limit).", zh: "最多 \(limit) 项。")
        case .slug: return LocalizedText(en: "3 to 40 lower-case letters, digits and dashes, not starting or ending with a dash.",
                                         zh: "应为 3 至 40 个小写字母、数字或连字符，且不以连字符开头或结尾。")
        case .taken: return LocalizedText(en: "Already taken.", zh: "已被占用。")
        case .unknownCheck: return LocalizedText(en: "Not a check: registry, bank-account or sanctions.",
                                                 zh: "不是有效的核查项：registry、bank-account 或 sanctions。")
        case .notInAgreement: return LocalizedText(en: "Your agreement with the platform does not let your attestation stand for this check.",
                                                   zh: "贵行与平台的协议不包括以贵行核查代替此项核查。")
        case .day: return LocalizedText(en: "A day written YYYY-MM-DD.", zh: "日期格式应为 YYYY-MM-DD。")
        case .attestationInFuture: return LocalizedText(en: "The checks cannot be dated after today.", zh: "核查日期不能晚于今天。")
        case .attestationStale(let days): return LocalizedText(
            en: "Checks older than \(days) days are not accepted: review the client again first.",
            zh: "超过 \(days) 天的核查不予接受，请先重新审核该客户。")
        case .introducedByAnotherBank: return LocalizedText(en: "Another partner bank introduced this business already.",
                                                            zh: "该企业已由另一家合作银行引荐。")
        case .introducedAlready: return LocalizedText(en: "You introduced this business already.", zh: "贵行已引荐过该企业。")
        case .unknownColumn: return LocalizedText(en: "Not a column of the onboarding file (see the template).",
                                                  zh: "不是导入文件的列（请参阅模板）。")
        case .csv(let line, let message): return LocalizedText(en: "Not a CSV file at line \(line): \(message).",
                                                              zh: "第 \(line) 行不是有效的 CSV：\(message)。")
        case .wholeNumber: return LocalizedText(en: "A whole number.", zh: "应为整数。")
        case .yesOrNo: return LocalizedText(en: "yes or no.", zh: "应为 yes 或 no。")
        }
    }

    static func identifier(_ problem: IdentifierProblem) -> LocalizedText {
        let name = identifierNames[problem.identifier] ?? LocalizedText(en: problem.identifier.rawValue, zh: problem.identifier.rawValue)
        switch problem.kind {
        case .checkDigit:
            return LocalizedText(en: "The \(name.en)'s check digit does not match: a character is mistyped.",
                                 zh: "\(name.zh)校验位不符：有字符输入错误。")
        case .shape, .unknownPrefix:
            if problem.identifier == .euVATNumber, problem.kind == .shape {
                let formats = problem.formats.joined(separator: " / ")
                return LocalizedText(en: "This country's VAT numbers are written \(formats) (9 a digit, @ a letter, # either).",
                                     zh: "该国增值税号格式为 \(formats)（9 表示数字，@ 表示字母，# 表示数字或字母）。")
            }
            let expected = expectations[problem.identifier] ?? LocalizedText(en: "", zh: "")
            return LocalizedText(en: "A \(name.en) is \(expected.en).", zh: "\(name.zh)应为\(expected.zh)。")
        }
    }

    static let identifierNames: [IdentifierProblem.Identifier: LocalizedText] = [
        .routingNumber: LocalizedText(en: "routing number", zh: "ABA 路由号"),
        .lei: LocalizedText(en: "LEI", zh: "LEI 编码"),
        .partitaIVA: LocalizedText(en: "partita IVA", zh: "意大利增值税号（Partita IVA）"),
        .euVATNumber: LocalizedText(en: "EU VAT number", zh: "欧盟增值税号"),
        .dunsNumber: LocalizedText(en: "D-U-N-S number", zh: "邓白氏编码"),
        .ukCompanyNumber: LocalizedText(en: "UK company number", zh: "英国公司注册号"),
        .koreanBusinessNumber: LocalizedText(en: "Korean business registration number", zh: "韩国营业执照号"),
        .employerNumber: LocalizedText(en: "US employer identification number (EIN)", zh: "美国雇主识别号（EIN）"),
        .bic: LocalizedText(en: "BIC", zh: "BIC 代码"),
        .registrationNumber: LocalizedText(en: "registration number", zh: "注册号"),
    ]

    /// What each identifier looks like, for a number of the wrong shape or prefix.
    static let expectations: [IdentifierProblem.Identifier: LocalizedText] = [
        .routingNumber: LocalizedText(en: "9 digits starting 00–12, 21–32, 61–72 or 80", zh: "以 00–12、21–32、61–72 或 80 开头的 9 位数字"),
        .lei: LocalizedText(en: "20 letters and digits, the last two digits", zh: "20 位字母和数字，最后两位为数字"),
        .partitaIVA: LocalizedText(en: "11 digits", zh: "11 位数字"),
        .euVATNumber: LocalizedText(en: "its country's code (DE, FR, IT, EL for Greece, XI for Northern Ireland) and the number",
                                    zh: "国家代码（DE、FR、IT，希腊为 EL，北爱尔兰为 XI）加号码"),
        .dunsNumber: LocalizedText(en: "9 digits", zh: "9 位数字"),
        .ukCompanyNumber: LocalizedText(en: "8 digits, or a Companies House prefix (SC, NI, OC, …) and 6 digits",
                                        zh: "8 位数字，或英国公司注册处前缀（SC、NI、OC 等）加 6 位数字"),
        .koreanBusinessNumber: LocalizedText(en: "10 digits, written 3-2-5", zh: "10 位数字（格式 3-2-5）"),
        .employerNumber: LocalizedText(en: "9 digits, written 12-3456789", zh: "9 位数字（格式 12-3456789）"),
        .bic: LocalizedText(en: "8 or 11 letters and digits: bank, country, location and branch", zh: "8 或 11 位字母和数字：银行、国家、地区和分行代码"),
        .registrationNumber: LocalizedText(en: "2 to 40 letters, digits, spaces, dashes, dots or slashes",
                                           zh: "2 至 40 位字母、数字、空格、连字符、点或斜杠"),
    ]

    static func iban(_ problem: IBAN.Problem) -> LocalizedText {
        switch problem {
        case .characters: return LocalizedText(en: "An IBAN has a country code, two check digits and letters or digits only.",
                                               zh: "IBAN 由国家代码、两位校验码和字母数字组成。")
        case .length(let country, let expected, let got):
            return LocalizedText(en: "An IBAN from \(country) has \(expected) characters, not \(got).", zh: "\(country) 的 IBAN 为 \(expected) 位，而非 \(got) 位。")
        case .unknownCountry(let country):
            return LocalizedText(en: "\(country) does not issue IBANs: give the account number and BIC instead.",
                                 zh: "\(country) 不使用 IBAN：请填写银行账号和 BIC 代码。")
        case .checkDigits: return LocalizedText(en: "The IBAN's check digits do not match: a character is mistyped.", zh: "IBAN 校验码不符：有字符输入错误。")
        }
    }
}
