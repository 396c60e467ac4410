/// The demo's search words: what shoppers on Tmall Global type for what the demo stores sell,
/// in both languages, so that 坚果 and "nuts" find every nut, "sneakers" the court shoes and
/// 护肤 the skin care. The operator edits them at /ops/search; these are only the start.
public enum DemoSynonyms {
    public static let groups: [SearchSynonyms.Group] = [
        .init(id: "nuts", terms: ["坚果", "nuts", "nut"],
              includes: ["almond", "cashew", "pecan", "pistachio", "walnut", "macadamia"]),
        .init(id: "almond", terms: ["almond", "almonds", "扁桃仁", "巴旦木", "大杏仁"]),
        .init(id: "cashew", terms: ["cashew", "cashews", "腰果"]),
        .init(id: "pecan", terms: ["pecan", "pecans", "碧根果", "长寿果"]),
        .init(id: "pistachio", terms: ["pistachio", "pistachios", "开心果"]),
        .init(id: "walnut", terms: ["walnut", "walnuts", "核桃"]),
        .init(id: "macadamia", terms: ["macadamia", "夏威夷果"]),
        .init(id: "sneakers", terms: ["sneakers", "sneaker", "trainers", "运动鞋", "球鞋"]),
        .init(id: "skin-care", terms: ["skin care", "skincare", "护肤", "护肤品"],
              includes: ["serum", "moisturiser", "sunscreen"]),
        .init(id: "serum", terms: ["serum", "essence", "精华", "精华液"]),
        .init(id: "moisturiser", terms: ["moisturiser", "moisturizer", "cream", "面霜", "保湿霜"]),
        .init(id: "sunscreen", terms: ["sunscreen", "sunblock", "spf", "防晒", "防晒霜"]),
        .init(id: "watch", terms: ["watch", "watches", "wristwatch", "手表", "腕表"]),
        .init(id: "bag", terms: ["bag", "bags", "handbag", "tote", "包", "手袋", "托特包"]),
    ]
}
