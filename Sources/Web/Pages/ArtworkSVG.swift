import Commerce

/// Draws a product's picture as SVG from its artwork: a shape in the product's colour.
enum ArtworkSVG {
    static func render(_ artwork: Artwork, title: String) -> String {
        let c = artwork.color
        let shape: String
        switch artwork.shape {
        case .shirt:
            shape = "<path d=\"M30 20 L45 12 Q50 20 55 12 L70 20 L82 34 L72 42 L68 36 L68 86 L32 86 L32 36 L28 42 L18 34 Z\" fill=\"\(c)\"/>"
        case .shoe:
            shape = "<path d=\"M14 62 Q16 44 30 44 L44 46 Q52 56 66 58 L84 62 Q90 66 88 72 L14 72 Z\" fill=\"\(c)\"/><rect x=\"14\" y=\"72\" width=\"74\" height=\"6\" rx=\"2\" fill=\"#333\"/>"
        case .bag:
            shape = "<path d=\"M36 34 Q36 18 50 18 Q64 18 64 34\" stroke=\"#333\" stroke-width=\"4\" fill=\"none\"/><rect x=\"22\" y=\"34\" width=\"56\" height=\"48\" rx=\"6\" fill=\"\(c)\"/>"
        case .jar:
            shape = "<rect x=\"30\" y=\"20\" width=\"40\" height=\"10\" rx=\"3\" fill=\"#555\"/><rect x=\"26\" y=\"30\" width=\"48\" height=\"54\" rx=\"8\" fill=\"\(c)\"/>"
        case .tube:
            shape = "<path d=\"M36 14 L64 14 L60 78 L40 78 Z\" fill=\"\(c)\"/><rect x=\"42\" y=\"78\" width=\"16\" height=\"10\" fill=\"#444\"/>"
        case .bottle:
            shape = "<rect x=\"44\" y=\"12\" width=\"12\" height=\"14\" fill=\"#444\"/><rect x=\"32\" y=\"26\" width=\"36\" height=\"60\" rx=\"10\" fill=\"\(c)\"/>"
        case .watch:
            shape = "<rect x=\"40\" y=\"8\" width=\"20\" height=\"84\" rx=\"4\" fill=\"\(c)\"/><circle cx=\"50\" cy=\"50\" r=\"20\" fill=\"#f4f4f0\" stroke=\"#888\" stroke-width=\"4\"/><path d=\"M50 50 L50 38 M50 50 L58 54\" stroke=\"#222\" stroke-width=\"2\"/>"
        case .box:
            shape = "<rect x=\"22\" y=\"30\" width=\"56\" height=\"40\" rx=\"4\" fill=\"\(c)\"/><path d=\"M22 44 L78 44\" stroke=\"#0003\" stroke-width=\"3\"/>"
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" role="img" aria-label="\(escapeHTML(title))">\
            <title>\(escapeHTML(title))</title><rect width="100" height="100" fill="#f6f5f0"/>\(shape)</svg>
            """
    }
}
