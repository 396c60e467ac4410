import Commerce

/// Escapes text for HTML element content and attribute values. Everything a page shows that
/// came from a merchant, a buyer or a request passes through here.
public func escapeHTML(_ text: String) -> String {
    Markup.escape(text)
}
