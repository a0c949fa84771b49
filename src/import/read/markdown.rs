//! Markdown: paragraphs and list items, ordered lists numbered again.

use super::*;

/// Markdown: each heading, paragraph line and list item is a paragraph.
/// Ordered list items get their numbers back (`1.`, and `（1）` one level
/// down), so nesting survives.
pub fn markdown(text: &str) -> Paragraphs {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut paras = Vec::new();
    let mut schedule_table = false;
    // The lines of the table cell being read.
    let mut cell = Vec::new();
    let mut cur = String::new();
    // The next number of each open list; None for bullets.
    let mut lists: Vec<Option<u64>> = Vec::new();
    // The rows of the table being read, each a list of cells.
    let mut rows: Option<Vec<Vec<Vec<String>>>> = None;
    for event in Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => {
                flush(&mut cur, &mut paras);
                rows = Some(Vec::new());
            }
            Event::End(TagEnd::Table) => {
                let (table, schedule) = table(rows.take().unwrap_or_default());
                paras.extend(table);
                schedule_table |= schedule;
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                if let Some(rows) = &mut rows {
                    rows.push(Vec::new());
                }
            }
            // `<br>` parts a cell's lines, as unionplan's own tables write them.
            Event::InlineHtml(h)
                if rows.is_some() && h.trim().to_ascii_lowercase().starts_with("<br") =>
            {
                flush(&mut cur, &mut cell);
            }
            Event::End(TagEnd::TableCell) => {
                flush(&mut cur, &mut cell);
                if let Some(row) = rows.as_mut().and_then(|r| r.last_mut()) {
                    row.push(std::mem::take(&mut cell));
                }
            }
            Event::Start(Tag::List(start)) => {
                flush(&mut cur, &mut paras);
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut cur, &mut paras);
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                flush(&mut cur, &mut paras);
                let depth = lists.iter().filter(|l| l.is_some()).count();
                if let Some(Some(n)) = lists.last_mut() {
                    cur.push_str(&if depth > 1 {
                        format!("（{n}）")
                    } else {
                        format!("{n}.")
                    });
                    *n += 1;
                }
            }
            Event::Start(Tag::Paragraph | Tag::Heading { .. })
            | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item)
            | Event::HardBreak
            | Event::Rule => flush(&mut cur, &mut paras),
            Event::SoftBreak => flush(&mut cur, &mut paras),
            Event::Text(t) | Event::Code(t) => cur.push_str(&t),
            _ => {}
        }
    }
    flush(&mut cur, &mut paras);
    Paragraphs {
        paras,
        schedule_table,
        ..Paragraphs::default()
    }
}
