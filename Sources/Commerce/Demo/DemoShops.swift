/// The demo merchants' shops abroad, where travellers pay at the till and claim VAT back: the
/// Florentine workshop's shop by the Ponte Vecchio, the Korean brand's flagship in Myeong-dong
/// and the watchmaker's boutique in Geneva.
public enum DemoShops {
    public struct Entry: Sendable {
        public let id: String
        public let merchantID: String
        public let name: LocalizedText
        public let country: String
        public let city: String
        public let street: String
    }

    public static let entries: [Entry] = [
        Entry(id: "shop-arno-firenze", merchantID: "m-bottega-arno", name: LocalizedText(en: "Bottega Arno, Ponte Vecchio", zh: "阿诺皮具工坊·老桥店"),
              country: "IT", city: "Firenze", street: "Via de' Guicciardini 12r"),
        Entry(id: "shop-seoul-dew-myeongdong", merchantID: "m-seoul-dew", name: LocalizedText(en: "Seoul Dew Myeong-dong", zh: "首尔晨露·明洞旗舰店"),
              country: "KR", city: "Seoul", street: "Myeongdong 8-gil 27, Jung-gu"),
        Entry(id: "shop-vallee-geneve", merchantID: "m-vallee", name: LocalizedText(en: "Horlogerie Vallée, Genève", zh: "瓦莱制表·日内瓦店"),
              country: "CH", city: "Genève", street: "Rue du Rhône 48"),
    ]
}
