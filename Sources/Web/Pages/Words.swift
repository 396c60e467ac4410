import Commerce
import Money
import Services

/// The interface's own words in both languages, by what they say.
enum Words {
    static let siteName = LocalizedText(en: "CrossBorder", zh: "跨境购")
    static let tagline = LocalizedText(
        en: "Overseas stores, priced in yuan, with the whole landed cost shown",
        zh: "海外好店，人民币标价，到手价一目了然")
    static let stores = LocalizedText(en: "Stores", zh: "店铺")
    static let products = LocalizedText(en: "products", zh: "件商品")
    static let from = LocalizedText(en: "from", zh: "起")
    static let pricedIn = LocalizedText(en: "Prices set in", zh: "商家定价币种")
    static let onboardedBy = LocalizedText(en: "Introduced by", zh: "引荐银行")
    static let cannotShip = LocalizedText(en: "Cannot ship to China", zh: "无法寄往中国")
    static let ratesAsOf = LocalizedText(en: "Exchange rates as of", zh: "汇率时间")
    static let rateUnavailable = LocalizedText(
        en: "No current exchange rate: shown in the merchant's currency",
        zh: "暂无有效汇率：以商家币种显示")
    static let noStores = LocalizedText(en: "No stores yet.", zh: "暂无店铺。")
    static func generalTrade(limit: Money, tariff: ExactDecimal) -> LocalizedText {
        let percent = ExactDecimal(mantissa: tariff.mantissa * 100, scale: tariff.scale).description
        return LocalizedText(
            en: "Worth more than the \(limit.formatted(.en)) per-transaction limit: as a single item it still comes in cross-border, but taxed in full as general trade — tariff \(percent) %, consumption tax and VAT in full, not the 70 % cross-border rate (Cai Guan Shui [2018] No. 49). The cost below includes it.",
            zh: "单件价值超过每次交易限值\(limit.formatted(.zhCN))：作为单件商品仍可跨境进口，但按一般贸易全额征税——关税 \(percent)%，消费税和增值税全额征收，不享受跨境电商 70% 的优惠（财关税〔2018〕49号）。下方费用已包含。")
    }

    static func noGeneralTradeTariff(limit: Money, hsCode: String) -> LocalizedText {
        LocalizedText(
            en: "Worth more than the \(limit.formatted(.en)) per-transaction limit, so it could only come in taxed in full as general trade, and no tariff rate for HS \(hsCode) is configured: it cannot be ordered cross-border here.",
            zh: "单件价值超过每次交易限值\(limit.formatted(.zhCN))，只能按一般贸易全额征税进口，但平台未配置 HS \(hsCode) 的关税税率，因此无法跨境下单。")
    }

    static func overLimit(_ limit: Money) -> LocalizedText {
        LocalizedText(en: "Worth more than the \(limit.formatted(.en)) per-transaction limit for cross-border purchases: it cannot be ordered cross-border.",
                      zh: "价值超过跨境电商每次交易限值\(limit.formatted(.zhCN))，无法跨境下单。")
    }

    static func tooManySignIns(minutes: Int) -> LocalizedText {
        LocalizedText(en: "Too many wrong passwords for this address. Try again in \(minutes) minute\(minutes == 1 ? "" : "s").",
                      zh: "该邮箱密码错误次数过多，请 \(minutes) 分钟后再试。")
    }
    static let language = LocalizedText(en: "Language", zh: "语言")
    /// Asked before an order is cancelled or its delivery confirmed: neither can be undone.
    static let cancelQuestion = LocalizedText(en: "Cancel this order? Its items go back on sale.", zh: "确定取消此订单吗？商品将重新上架。")
    static let confirmDeliveryQuestion = LocalizedText(
        en: "Confirm that the parcel arrived? The merchant is then paid, and this cannot be undone.", zh: "确认已收到包裹吗？确认后将付款给商家，且无法撤销。")
    static let identityDone = LocalizedText(
        en: "Verified: customs has your identity, so your parcels clear on the fast lane.", zh: "认证成功：海关已预先核验您的身份，包裹可走快速通关。")
    static let identityChange = LocalizedText(en: "Enrol a different identity", zh: "更换实名信息")
    static let refresh = LocalizedText(en: "Refresh", zh: "刷新")
    static let subtotal = LocalizedText(en: "subtotal", zh: "小计")
    static let remove = LocalizedText(en: "Remove", zh: "删除")
    static let goodsTotal = LocalizedText(en: "Goods, before freight and tax (priced at checkout)", zh: "商品合计（运费和税费在结算时计算）")
    static let signedIn = LocalizedText(en: "My account", zh: "我的账户")
    static let deleteAddressQuestion = LocalizedText(en: "Delete this address? Orders already placed keep it.", zh: "确定删除此地址吗？已下的订单不受影响。")
    static let changePassword = LocalizedText(en: "Change password", zh: "修改密码")
    static let presentPassword = LocalizedText(en: "Present password", zh: "当前密码")
    static let newPassword = LocalizedText(en: "New password (10 to 128 characters)", zh: "新密码（10 至 128 个字符）")
    static let passwordChanged = LocalizedText(en: "Password changed; your other sessions are signed out.", zh: "密码已修改，其他设备上的登录已退出。")
    static let wrongPassword = LocalizedText(en: "The present password is not right.", zh: "当前密码不正确。")
    static let walletLink = LocalizedText(en: "Wallet", zh: "钱包")
    static let search = LocalizedText(en: "Search", zh: "搜索")
    static let searchPlaceholder = LocalizedText(en: "Search products, e.g. nuts or 坚果", zh: "搜索商品，例如 坚果 或 nuts")
    /// "1 result", "2 results", "50+ results"; Chinese has one form.
    static func results(_ count: Int, exact: Bool) -> LocalizedText {
        LocalizedText(en: "\(count)\(exact ? "" : "+") result\(count == 1 && exact ? "" : "s")", zh: "\(count)\(exact ? "" : "+") 个结果")
    }
    static let noResults = LocalizedText(en: "Nothing matches. Try other words.", zh: "没有找到相关商品，换个词试试。")
    static let sortBy = LocalizedText(en: "Sort by", zh: "排序")
    static let relevance = LocalizedText(en: "Relevance", zh: "相关度")
    static let priceLowHigh = LocalizedText(en: "Price: low to high", zh: "价格从低到高")
    static let priceHighLow = LocalizedText(en: "Price: high to low", zh: "价格从高到低")
    static let newest = LocalizedText(en: "Newest", zh: "最新")
    static let previous = LocalizedText(en: "Previous", zh: "上一页")
    static let opsMenu = LocalizedText(en: "Ops console", zh: "运营后台")
    static let defaultAddress = LocalizedText(en: "Default", zh: "默认地址")
    static let makeDefault = LocalizedText(en: "Make default", zh: "设为默认")
    static let editAddress = LocalizedText(en: "Change", zh: "修改")
    static let opsFindPlaceholder = LocalizedText(en: "order, payment, tracking no., buyer…", zh: "订单、支付单、运单号、买家…")
    static let next = LocalizedText(en: "Next", zh: "下一页")
    static let inStock = LocalizedText(en: "in stock", zh: "件有货")
    static let soldOut = LocalizedText(en: "Sold out", zh: "已售罄")
    static let variants = LocalizedText(en: "Options", zh: "规格")
    static let origin = LocalizedText(en: "Made in", zh: "原产地")
    static let brand = LocalizedText(en: "Brand", zh: "品牌")
    static let hsCode = LocalizedText(en: "HS code", zh: "海关编码")
    static let soldBy = LocalizedText(en: "Sold by", zh: "商家")
    static let signUp = LocalizedText(en: "Sign up", zh: "注册")
    static let signIn = LocalizedText(en: "Sign in", zh: "登录")
    static let signOut = LocalizedText(en: "Sign out", zh: "退出")
    static let email = LocalizedText(en: "E-mail", zh: "电子邮箱")
    static let password = LocalizedText(en: "Password (10 characters or more)", zh: "密码（至少10位）")
    static let currentPassword = LocalizedText(en: "Password", zh: "密码")
    static let displayName = LocalizedText(en: "Name (optional)", zh: "昵称（可选）")
    static let account = LocalizedText(en: "My account", zh: "我的账户")
    static let addresses = LocalizedText(en: "Delivery addresses", zh: "收货地址")
    static let addAddress = LocalizedText(en: "Add an address", zh: "新增收货地址")
    static let province = LocalizedText(en: "Province", zh: "省份")
    static let city = LocalizedText(en: "City", zh: "城市")
    static let district = LocalizedText(en: "District", zh: "区县")
    static let street = LocalizedText(en: "Street and number", zh: "详细地址")
    static let recipient = LocalizedText(en: "Recipient", zh: "收货人")
    static let mobile = LocalizedText(en: "Mobile", zh: "手机号")
    static let save = LocalizedText(en: "Save", zh: "保存")
    static let cart = LocalizedText(en: "Cart", zh: "购物车")
    static let addToCart = LocalizedText(en: "Add to cart", zh: "加入购物车")
    static let quantity = LocalizedText(en: "Quantity", zh: "数量")
    static let emptyCart = LocalizedText(en: "Your cart is empty.", zh: "购物车是空的。")
    static let update = LocalizedText(en: "Update", zh: "更新")
    static let checkout = LocalizedText(en: "Check out", zh: "去结算")
    static let deliverTo = LocalizedText(en: "Deliver to", zh: "收货地址")
    static let goods = LocalizedText(en: "Goods", zh: "商品")
    static let freight = LocalizedText(en: "International freight", zh: "国际运费")
    static let tax = LocalizedText(en: "Cross-border tax", zh: "跨境综合税")
    static let total = LocalizedText(en: "Total", zh: "合计")
    static let landedCost = LocalizedText(en: "Landed cost for one, delivered to China", zh: "单件到手价（含税含运费）")
    static let parcel = LocalizedText(en: "Parcel from", zh: "包裹来自")
    static let placeOrders = LocalizedText(en: "Place the orders", zh: "提交订单")
    static let quoteValidUntil = LocalizedText(en: "Prices held until", zh: "价格保留至")
    static let orders = LocalizedText(en: "My orders", zh: "我的订单")
    static let noOrders = LocalizedText(en: "No orders yet.", zh: "还没有订单。")
    static let order = LocalizedText(en: "Order", zh: "订单")
    static let timeline = LocalizedText(en: "Timeline", zh: "订单进度")
    static let cancelOrder = LocalizedText(en: "Cancel the order", zh: "取消订单")
    static let payBy = LocalizedText(en: "Pay by", zh: "请在此前付款")
    static let needAddress = LocalizedText(en: "Add a delivery address to check out.", zh: "请先添加收货地址再结算。")

    static let identity = LocalizedText(en: "Real-name identity (ePass)", zh: "实名认证（ePass）")
    static let identityNeeded = LocalizedText(
        en: "Customs declares each parcel in the buyer's real name: verify yours once to check out, and take the fast lane.",
        zh: "海关按买家实名申报每个包裹：完成一次实名认证即可下单，并走快速通道。")
    static let realName = LocalizedText(en: "Name as on your ID card", zh: "身份证上的姓名")
    static let idNumber = LocalizedText(en: "Resident identity number", zh: "身份证号码")
    static let verify = LocalizedText(en: "Verify", zh: "认证")
    static let allowance = LocalizedText(en: "Cross-border allowance used in", zh: "跨境年度额度已用")
    static let allowanceLeft = LocalizedText(en: "left", zh: "剩余")

    static func identityStatus(_ status: BuyerIdentity.Status) -> LocalizedText {
        switch status {
        case .verified: return LocalizedText(en: "Verified: pre-approved for the fast lane", zh: "已认证：快速通关")
        case .mismatch: return LocalizedText(en: "Does not match: check name, number and mobile", zh: "信息不一致：请核对姓名、证件号和手机号")
        case .unchecked: return LocalizedText(en: "Not checked yet: the check service did not answer, send again", zh: "尚未核验：核验服务暂不可用，请重新提交")
        }
    }

    static func status(_ status: OrderStatus) -> LocalizedText {
        switch status {
        case .created: return LocalizedText(en: "Awaiting payment", zh: "待付款")
        case .paid: return LocalizedText(en: "Paid", zh: "已付款")
        case .declared: return LocalizedText(en: "Declared to customs", zh: "已申报海关")
        case .cleared: return LocalizedText(en: "Cleared customs", zh: "已清关")
        case .shipped: return LocalizedText(en: "Shipped", zh: "已发货")
        case .delivered: return LocalizedText(en: "Delivered", zh: "已送达")
        case .completed: return LocalizedText(en: "Completed", zh: "已完成")
        case .cancelled: return LocalizedText(en: "Cancelled", zh: "已取消")
        case .refunded: return LocalizedText(en: "Refunded", zh: "已退款")
        }
    }
    static let backHome = LocalizedText(en: "Back to the home page", zh: "返回首页")
    static let footer = LocalizedText(
        en: "CrossBorder is open-source software. Buyer data is encrypted and shown masked.",
        zh: "跨境购是开源软件。买家信息加密存储，脱敏显示。")

    static func country(_ code: String) -> LocalizedText {
        switch code {
        case "US": return LocalizedText(en: "United States", zh: "美国")
        case "IT": return LocalizedText(en: "Italy", zh: "意大利")
        case "KR": return LocalizedText(en: "South Korea", zh: "韩国")
        case "CH": return LocalizedText(en: "Switzerland", zh: "瑞士")
        case "JP": return LocalizedText(en: "Japan", zh: "日本")
        case "GB": return LocalizedText(en: "United Kingdom", zh: "英国")
        case "FR": return LocalizedText(en: "France", zh: "法国")
        case "DE": return LocalizedText(en: "Germany", zh: "德国")
        default: return LocalizedText(en: code, zh: code)
        }
    }
}

/// The words of the messages page and of a forgotten password.
enum NoticePageWords {
    static let messages = LocalizedText(en: "Messages", zh: "消息")
    static let noMessages = LocalizedText(en: "No messages yet: you are told here (and by e-mail) when an order moves.",
                                          zh: "暂无消息：订单有新动态时会在这里（并通过邮件）通知您。")
    static let unread = LocalizedText(en: "new", zh: "新")
    static let mailed = LocalizedText(en: "also sent by e-mail", zh: "已同时发送邮件")
    static let forgotPassword = LocalizedText(en: "Forgot your password?", zh: "忘记密码？")
    static let resetTitle = LocalizedText(en: "Reset your password", zh: "重置密码")
    static let resetExplained = LocalizedText(en: "Give the e-mail address of your account: we send a link that sets a new password.",
                                              zh: "请输入账户的电子邮箱，我们会发送设置新密码的链接。")
    static let sendLink = LocalizedText(en: "Send the link", zh: "发送链接")
    static let resetSent = LocalizedText(
        en: "If an account has this address, a link is on its way to it; it works once, within 30 minutes. Nothing arrived? Look in the spam folder, or ask again in a few minutes.",
        zh: "如该邮箱有账户，重置链接已发出；链接 30 分钟内有效，仅可使用一次。未收到？请查看垃圾邮件，或几分钟后重试。")
    static let chooseNew = LocalizedText(en: "Choose a new password", zh: "设置新密码")
    static let resetClosed = LocalizedText(en: "This link has run out or has been used already.", zh: "此链接已失效或已被使用。")
    static let askAgain = LocalizedText(en: "Ask for a new link", zh: "重新获取链接")
}
