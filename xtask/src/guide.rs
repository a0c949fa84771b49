//! The Chinese guide, `docs/使用说明.md`, as a web page a teacher opens by
//! double-clicking it: one HTML file with its style inside, headings that
//! the guide's own table of contents links to, and the pictures beside it.
//!
//! Written by pulldown-cmark, the Markdown parser unionplan itself uses.
//! The anchors are made the way GitHub makes them (lower case; letters,
//! digits, `-` and `_` kept, spaces become `-`, other signs dropped;
//! repeats numbered), since the guide's links are written for that.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// The page, and the pictures it shows (paths relative to the guide),
/// which the page finds in [`PICTURES`] beside it.
pub struct Page {
    pub html: String,
    pub pictures: Vec<String>,
}

/// The folder beside the page that holds its pictures, so that the
/// package's folder shows the few files a teacher needs, not screenshots.
pub const PICTURES: &str = "使用说明图片";

pub fn page(markdown: &str) -> Page {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let mut taken: HashMap<String, usize> = HashMap::new();
    let mut pictures = Vec::new();
    let mut title = String::new();
    for i in 0..events.len() {
        match &events[i] {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = *level;
                let text = heading_text(&events[i + 1..]);
                if title.is_empty() {
                    title = text.clone();
                }
                let mut id = slug(&text);
                let n = taken.entry(id.clone()).or_insert(0);
                if *n > 0 {
                    id = format!("{id}-{n}");
                }
                *n += 1;
                events[i] = Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id)),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                });
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) if is_local(dest_url) => {
                if !pictures.contains(&dest_url.to_string()) {
                    pictures.push(dest_url.to_string());
                }
                events[i] = Event::Start(Tag::Image {
                    link_type: *link_type,
                    dest_url: CowStr::from(format!("{PICTURES}/{dest_url}")),
                    title: title.clone(),
                    id: id.clone(),
                });
            }
            _ => {}
        }
    }
    // A line break inside a Chinese paragraph is no space: a browser
    // would show one between two characters.
    for i in 1..events.len().saturating_sub(1) {
        if matches!(events[i], Event::SoftBreak)
            && (ends_wide(&events[i - 1]) || starts_wide(&events[i + 1]))
        {
            events[i] = Event::Text(CowStr::Borrowed(""));
        }
    }
    let mut body = String::new();
    pulldown_cmark::html::push_html(&mut body, events.into_iter());
    let mut title_html = String::new();
    pulldown_cmark::html::push_html(&mut title_html, std::iter::once(Event::Text(title.into())));
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title_html}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    );
    Page { html, pictures }
}

/// The plain text of the heading whose events start at `events[0]`.
fn heading_text(events: &[Event]) -> String {
    let mut text = String::new();
    for e in events {
        match e {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

/// GitHub's anchor for a heading.
fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// Whether an event's text ends with a CJK character or sign.
fn ends_wide(e: &Event) -> bool {
    matches!(e, Event::Text(t) | Event::Code(t) if t.chars().last().is_some_and(is_wide))
}

/// Whether an event's text starts with a CJK character or sign.
fn starts_wide(e: &Event) -> bool {
    matches!(e, Event::Text(t) | Event::Code(t) if t.chars().next().is_some_and(is_wide))
}

fn is_wide(c: char) -> bool {
    c >= '\u{2E80}'
}

/// A picture that ships beside the page (not a web address).
fn is_local(url: &str) -> bool {
    !url.contains(':') && !url.starts_with('/')
}

/// Sized for reading on a school's office computer: the fonts Chinese
/// Windows has, a measure of about 40 characters, code set apart.
const STYLE: &str = r#"
body { margin: 0; background: #f4f4f1; color: #222;
  font: 17px/1.8 "Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC", sans-serif; }
main { max-width: 46em; margin: 0 auto; padding: 2em 2.5em 4em; background: #fff; }
h1 { font-size: 1.8em; border-bottom: 2px solid #b22; padding-bottom: .3em; }
h2 { font-size: 1.4em; margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: .2em; }
h3 { font-size: 1.15em; margin-top: 1.6em; }
a { color: #1a5fb4; }
code { font-family: Consolas, "Courier New", monospace; font-size: .92em;
  background: #f2f2ef; padding: .1em .3em; border-radius: 3px; }
pre { background: #f2f2ef; border-left: 4px solid #b22; padding: .8em 1em; overflow-x: auto; line-height: 1.5; }
pre code { background: none; padding: 0; }
img { max-width: 100%; border: 1px solid #ccc; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: .3em .6em; }
@media print { body { background: #fff; } main { max-width: none; padding: 0; } }
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_break_between_chinese_characters_is_no_space() {
        let html = page("# 说明\n\n第一行，\n第二行 Word\nfile\n").html;
        assert!(html.contains("第一行，第二行 Word\nfile"), "{html}");
    }

    #[test]
    fn anchors_are_githubs() {
        assert_eq!(slug("一、安装"), "一安装");
        assert_eq!(
            slug("三、用去年的 Word 文件开头"),
            "三用去年的-word-文件开头"
        );
        assert_eq!(slug("五、一个区（县）的各校计划"), "五一个区县的各校计划");
    }

    #[test]
    fn every_link_of_the_guide_finds_its_heading() {
        let guide = include_str!("../../docs/使用说明.md");
        let page = page(guide);
        let mut links = 0;
        for part in page.html.split("href=\"#").skip(1) {
            // pulldown-cmark percent-encodes the link; a browser decodes
            // it before looking for the id.
            let target = percent_decode(&part[..part.find('"').unwrap()]);
            assert!(
                page.html.contains(&format!("id=\"{target}\"")),
                "no heading for #{target}"
            );
            links += 1;
        }
        assert!(links >= 6, "{links} links");
        assert!(!page.pictures.is_empty(), "the guide shows the workbench");
        for picture in &page.pictures {
            let src = format!("src=\"{}/{}\"", PICTURES, picture);
            // Percent-encoded, as the links are; a browser decodes it.
            assert!(percent_decode(&page.html).contains(&src), "{src}");
        }
        for picture in &page.pictures {
            assert!(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../docs")
                    .join(picture)
                    .is_file(),
                "{picture}"
            );
        }
    }

    fn percent_decode(s: &str) -> String {
        let mut bytes = Vec::new();
        let mut rest = s.as_bytes();
        while let Some((&b, tail)) = rest.split_first() {
            let hex = tail
                .get(..2)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let (b'%', Some(byte)) = (b, hex) {
                bytes.push(byte);
                rest = &tail[2..];
            } else {
                bytes.push(b);
                rest = tail;
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    }
}
