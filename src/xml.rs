//! The one way an XML part of an outside file is parsed: a Word file's
//! parts for `import`, a school's template (参考文档) for rendering. Such a
//! file may be made to hurt: a part nested tens of thousands deep would
//! overflow the stack of the parser and of the tree walkers after it (a
//! 4 KB template could abort the process), a document type could expand
//! entities, and a flat part of millions of tiny elements would take
//! gigabytes as a tree. So the nesting is counted on the text before any
//! parser sees it ([`too_deep`], which serves HTML pages too), no DTD is
//! accepted, and the tree holds at most [`MAX_NODES`] nodes.

/// The most nesting a file may have: real pages and Word files stay far
/// below it (a table in a table in a text box is a few dozen deep).
pub const MAX_DEPTH: usize = 1_000;

/// The most nodes (elements, texts, attributes' owners) an XML part may
/// make: Word's `document.xml` of a 500-page book has about two million,
/// and a tree node costs roxmltree some 80 bytes, so this keeps a part's
/// tree under half a gigabyte whatever its text.
pub const MAX_NODES: u32 = 5_000_000;

/// Why an XML part was not parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Not well-formed XML, a DTD, or more than [`MAX_NODES`] nodes.
    Malformed,
}

/// `text` parsed as XML, if it is well-formed, has no DTD, nests at most
/// [`MAX_DEPTH`] deep and makes at most [`MAX_NODES`] nodes.
pub fn parse(text: &str) -> Result<roxmltree::Document<'_>, Refused> {
    if too_deep(text) {
        return Err(Refused::TooDeep);
    }
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
    };
    roxmltree::Document::parse_with_options(text, options).map_err(|_| Refused::Malformed)
}

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
    fn parse_refuses_deep_nesting_a_dtd_and_too_many_nodes() {
        let deep = format!("{}{}", "<a>".repeat(200_000), "</a>".repeat(200_000));
        assert_eq!(parse(&deep).err(), Some(Refused::TooDeep));
        let dtd = r#"<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>"#;
        assert_eq!(parse(dtd).err(), Some(Refused::Malformed));
        let flat = format!("<a>{}</a>", "<b/>".repeat(MAX_NODES as usize));
        assert_eq!(parse(&flat).err(), Some(Refused::Malformed));
        assert!(parse("<a><b/></a>").is_ok());
    }

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
