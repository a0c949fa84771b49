//! HTML: the blocks as elements, inside the `plan.html` page template.

use super::{Format, Renderer, Typeset};
use crate::Error;
use crate::blocks::{Block, BlockKind, Document, Run, Table};
use crate::page;
use crate::spec::Style;

/// The HTML renderer.
pub struct Html;

impl Renderer for Html {
    fn format(&self) -> Format {
        Format::Html
    }

    fn render(&self, input: &Typeset) -> Result<Vec<u8>, Error> {
        let body = body(input.doc, input.style);
        let page = input
            .templates
            .html_page(&input.doc.title(), &body, input.style)?;
        Ok(page.into_bytes())
    }
}

/// The plan's blocks as HTML elements, one per line; `style` sizes the
/// columns of a table as the DOCX sizes them.
pub fn body(doc: &Document, style: &Style) -> String {
    let mut out = String::new();
    // The 落款's lines placed as in the DOCX (GB/T 9704 §7.3.5).
    let signature: Vec<String> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Signature)
        .map(|b| b.plain_text())
        .collect();
    let lines: Vec<&str> = signature.iter().map(String::as_str).collect();
    let mut places = page::signature_places(&lines, style.signature_layout).into_iter();
    let mut first_signature = true;
    for block in &doc.blocks {
        let mut inline = None;
        let (tag, class) = match block.kind {
            BlockKind::Table => {
                if let Some(t) = &block.table {
                    table(&mut out, t, style);
                }
                continue;
            }
            BlockKind::Title => ("h1", "title".to_string()),
            BlockKind::Heading(n) => (HEADING_TAGS[(n as usize).clamp(1, 5) - 1], String::new()),
            BlockKind::Body => ("p", String::new()),
            BlockKind::ListItem { depth } => ("p", format!("li li-{}", depth.min(3))),
            BlockKind::Signature => {
                inline = places.next().map(|place| match place {
                    page::Place::Right(em) => format!("padding-right: {em}em"),
                    page::Place::Start(em) => {
                        format!(
                            "text-align: left; padding-right: 0; padding-left: calc(100% - {em}em)"
                        )
                    }
                    page::Place::Centre(em) => format!(
                        "text-align: center; padding-right: 0; padding-left: calc(100% - {}em)",
                        2.0 * em
                    ),
                });
                let first = std::mem::take(&mut first_signature);
                (
                    "p",
                    format!("signature{}", if first { " first" } else { "" }),
                )
            }
        };
        out.push('<');
        out.push_str(tag);
        if !class.is_empty() {
            out.push_str(" class=\"");
            out.push_str(&class);
            out.push('"');
        }
        if let Some(css) = inline {
            out.push_str(" style=\"");
            out.push_str(&css);
            out.push('"');
        }
        out.push('>');
        runs(&mut out, block);
        out.push_str("</");
        out.push_str(tag);
        out.push_str(">\n");
    }
    out
}

const HEADING_TAGS: [&str; 5] = ["h2", "h3", "h4", "h5", "h6"];

/// A table: its columns as wide as in the DOCX (in per cent of the text
/// block), the header row in `thead`, which a browser repeats on every
/// printed page, and each cell's paragraphs as `p`.
fn table(out: &mut String, t: &Table, style: &Style) {
    out.push_str("<table class=\"schedule\">\n");
    let columns = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let text_width = page::TEXT_WIDTH;
    let char_width = page::char_width_twips(style);
    let widths = page::column_widths(t, columns, text_width, char_width);
    out.push_str("<colgroup>");
    for &w in &widths {
        let share = f64::from(w) * 100.0 / f64::from(text_width);
        out.push_str(&format!("<col style=\"width: {share:.1}%\">"));
    }
    out.push_str("</colgroup>\n");
    let (head, body): (Vec<_>, Vec<_>) = t.rows.iter().partition(|r| r.header);
    for (group, rows, cell_tag) in [("thead", head, "th"), ("tbody", body, "td")] {
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!("<{group}>\n"));
        for row in rows {
            out.push_str("<tr>");
            for (i, cell) in row.cells.iter().enumerate() {
                let centred = t.centred.get(i).copied().unwrap_or(false);
                out.push('<');
                out.push_str(cell_tag);
                if centred {
                    out.push_str(" class=\"centred\"");
                }
                out.push('>');
                for p in &cell.paragraphs {
                    // A numbered item's lines hang after its number, as in
                    // the DOCX.
                    let first = p.first().map_or("", |r| r.text.as_str());
                    match page::item_number(first).filter(|_| !centred) {
                        Some(n) => {
                            let em = page::chars_wide(n);
                            out.push_str(&format!(
                                "<p style=\"padding-left: {em}em; text-indent: -{em}em\">"
                            ));
                        }
                        None => out.push_str("<p>"),
                    }
                    if centred {
                        let chars =
                            page::column_chars(widths.get(i).copied().unwrap_or(0), char_width);
                        runs_into(out, &page::cell_line(p, chars));
                    } else {
                        runs_into(out, p);
                    }
                    out.push_str("</p>");
                }
                out.push_str("</");
                out.push_str(cell_tag);
                out.push('>');
            }
            out.push_str("</tr>\n");
        }
        out.push_str(&format!("</{group}>\n"));
    }
    out.push_str("</table>\n");
}

fn runs(out: &mut String, block: &Block) {
    runs_into(out, &block.runs)
}

fn runs_into(out: &mut String, runs: &[Run]) {
    for run in runs {
        if run.line_break {
            out.push_str("<br>");
            continue;
        }
        let tags = run_tags(run);
        for t in &tags {
            out.push('<');
            out.push_str(t);
            out.push('>');
        }
        escape_into(out, &run.text);
        for t in tags.iter().rev() {
            out.push_str("</");
            out.push_str(t);
            out.push('>');
        }
    }
}

fn run_tags(run: &Run) -> Vec<&'static str> {
    let mut tags = Vec::new();
    if run.bold {
        tags.push("strong");
    }
    if run.italic {
        tags.push("em");
    }
    if run.strike {
        tags.push("s");
    }
    if run.code {
        tags.push("code");
    }
    tags
}

/// Escape text for HTML element content and attribute values.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_html_is_shown_as_text() {
        let doc = Document::from_markdown("# \\<script>alert(1)\\</script>\n");
        assert_eq!(
            body(&doc, &Style::default()),
            "<h1 class=\"title\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>\n"
        );
    }
}
