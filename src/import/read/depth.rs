//! How deeply a page's or a Word part's elements nest, counted on the text
//! before any parser sees it. A file nested tens of thousands deep would
//! overflow the stack of the XML and tree walkers, or make the HTML parser
//! crawl (each element checks the elements open around it); no real plan
//! nests more than a few dozen deep, so such a file is refused instead.

/// The most nesting a file may have: real pages and Word files stay far
/// below it.
pub const MAX_DEPTH: usize = 1_000;

/// HTML elements that never hold others, or that a parser closes by
/// itself when the next one starts (`<p>`, `<li>` … written unclosed).
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot",
];

/// Is the nesting of `text` (XML or HTML) deeper than [`MAX_DEPTH`]?
pub fn too_deep(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (mut depth, mut i) = (0usize, 0usize);
    while let Some(at) = memchr_lt(bytes, i) {
        i = at + 1;
        let rest = &text[at..];
        // Comments, CDATA, doctype and processing instructions hold no elements.
        for (open, close) in [
            ("<!--", "-->"),
            ("<![CDATA[", "]]>"),
            ("<!", ">"),
            ("<?", "?>"),
        ] {
            if rest.starts_with(open) {
                i = rest
                    .find(close)
                    .map_or(bytes.len(), |e| at + e + close.len());
                break;
            }
        }
        if i != at + 1 {
            continue;
        }
        let Some(end) = rest.find('>') else { break };
        let tag = &rest[1..end];
        i = at + end + 1;
        if let Some(_closing) = tag.strip_prefix('/') {
            depth = depth.saturating_sub(1);
        } else if !tag.ends_with('/') {
            let name: String = tag
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == ':' || *c == '-')
                .collect::<String>()
                .to_ascii_lowercase();
            if !name.is_empty() && !NOT_NESTING.contains(&name.as_str()) {
                depth += 1;
                if depth > MAX_DEPTH {
                    return true;
                }
            }
        }
    }
    false
}

fn memchr_lt(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == b'<')
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_found_and_ordinary_pages_pass() {
        let deep = format!(
            "{}x{}",
            "<div>".repeat(MAX_DEPTH + 1),
            "</div>".repeat(MAX_DEPTH + 1)
        );
        assert!(too_deep(&deep));
        let ok = format!(
            "{}x{}",
            "<div>".repeat(MAX_DEPTH),
            "</div>".repeat(MAX_DEPTH)
        );
        assert!(!too_deep(&ok));
        // Thousands of unclosed <p>, <br> and siblings are no nesting.
        let flat = "<p>段落<br>".repeat(5_000) + &"<div>a</div>".repeat(5_000);
        assert!(!too_deep(&flat));
        let xml = format!(
            "<?xml version=\"1.0\"?><!-- <a><a><a> --><w:p/>{}",
            "<w:r></w:r>".repeat(3_000)
        );
        assert!(!too_deep(&xml));
    }
}
