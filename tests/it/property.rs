//! Property test: any valid spec renders, and nothing is lost on the way.
//!
//! Random specs (random trees of measures, random schedules, text with
//! characters that mean something to YAML, Markdown, HTML or XML) must
//! render in every format such that every DOCX part is well-formed XML,
//! every text of the spec appears in every output, and the numbering is
//! consecutive.

use std::path::Path;

use crate::common::*;
use proptest::prelude::*;
use serde_yaml::{Mapping, Value};
use unionplan::blocks::Document;

/// The numbers headings are written with, as a table of their own: the
/// numbering is checked against what a person writes, not against the
/// library's own `to_chinese` (which would agree with itself). A plan has
/// at most five sections and a handful of measures.
const CHINESE: [&str; 12] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
];

fn chinese_number(n: u32) -> &'static str {
    CHINESE[n as usize - 1]
}
use unionplan::parse_spec;
use unionplan::render::Format;

/// Pieces of text, some of them meaningful to YAML, Markdown, HTML or XML.
const PIECES: &[&str] = &[
    "工会",
    "教职工",
    "活动",
    "师德",
    "2025",
    "100%",
    "#",
    "<b>",
    "</p>",
    "1.",
    "- ",
    "“引号”",
    "——",
    "……",
    "'",
    "\"",
    ": ",
    "|",
    " | --- |",
    "<br>",
    ">",
    "[注]",
    "!",
    "？",
    "＆",
    "A&B",
    "x < y",
    "C#",
    "+",
];

fn text() -> impl Strategy<Value = String> {
    // Starting with a Chinese word keeps a leading "- " or "1." from making
    // the whole text a list, which would (rightly) change its characters.
    // Or with what Markdown would swallow whole: a code fence (its info
    // string), a link reference definition, an image.
    (
        prop::sample::select(vec![
            "学校",
            "工会",
            "组织",
            "开展",
            "```通知",
            "~~~注意",
            "[备注]: 按时完成",
            "[注]:",
        ]),
        prop::collection::vec(prop::sample::select(PIECES), 0..8),
    )
        .prop_map(|(first, rest)| {
            let mut s = first.to_string();
            for p in rest {
                s.push_str(p);
            }
            s.trim_end().to_string()
        })
}

#[derive(Debug, Clone)]
struct M {
    title: Option<String>,
    text: Option<String>,
    items: Vec<M>,
}

fn measure(depth: u32) -> BoxedStrategy<M> {
    let leaf =
        (prop::option::of(text()), prop::option::of(text())).prop_map(|(title, text)| {
            match (title, text) {
                (None, None) => M {
                    title: Some("补".into()),
                    text: None,
                    items: vec![],
                },
                (title, text) => M {
                    title,
                    text,
                    items: vec![],
                },
            }
        });
    if depth == 1 {
        return leaf.boxed();
    }
    (leaf, prop::collection::vec(measure(depth - 1), 0..3))
        .prop_map(|(mut m, items)| {
            if !items.is_empty() && m.title.is_none() {
                m.title = Some("标题".into());
            }
            m.items = items;
            m
        })
        .boxed()
}

#[derive(Debug, Clone)]
struct Entry {
    months: Vec<u32>,
    items: Vec<(String, Option<u32>, Option<String>)>,
}

fn schedule() -> impl Strategy<Value = Vec<Entry>> {
    (
        Just((1..=12).collect::<Vec<u32>>()).prop_shuffle(),
        0..6usize,
        prop::collection::vec(
            prop::collection::vec(
                (
                    text(),
                    prop::option::of(1u32..=28),
                    prop::option::of(text()),
                ),
                1..4,
            ),
            6,
        ),
    )
        .prop_map(|(months, n, items)| {
            // Entries of one or two months, no month twice.
            let mut out = Vec::new();
            let mut rest = &months[..];
            for (i, items) in items.into_iter().take(n).enumerate() {
                let take = if i % 2 == 0 { 1 } else { 2 };
                if rest.len() < take {
                    break;
                }
                out.push(Entry {
                    months: rest[..take].to_vec(),
                    items,
                });
                rest = &rest[take..];
            }
            out
        })
}

#[derive(Debug, Clone)]
struct Case {
    school: String,
    year: i32,
    period: &'static str,
    guiding: String,
    goals: Vec<(String, Option<String>)>,
    measures: Vec<M>,
    schedule: Vec<Entry>,
    /// The schedule as a table (行事历) rather than lists.
    table: bool,
}

fn case() -> impl Strategy<Value = Case> {
    (
        text(),
        2000i32..2100,
        prop::sample::select(vec!["year", "spring", "autumn", "school-year"]),
        text(),
        prop::collection::vec((text(), prop::option::of(text())), 0..4),
        prop::collection::vec(measure(4), 1..4),
        schedule(),
        any::<bool>(),
    )
        .prop_map(
            |(school, year, period, guiding, goals, measures, schedule, table)| Case {
                school,
                year,
                period,
                guiding,
                goals,
                measures,
                schedule,
                table,
            },
        )
}

fn s(v: &str) -> Value {
    Value::String(v.to_string())
}

fn measure_value(m: &M) -> Value {
    let mut map = Mapping::new();
    if let Some(t) = &m.title {
        map.insert(s("title"), s(t));
    }
    if let Some(t) = &m.text {
        map.insert(s("text"), s(t));
    }
    if !m.items.is_empty() {
        map.insert(
            s("items"),
            Value::Sequence(m.items.iter().map(measure_value).collect()),
        );
    }
    Value::Mapping(map)
}

fn yaml(c: &Case) -> String {
    let mut map = Mapping::new();
    map.insert(s("school"), s(&c.school));
    map.insert(s("year"), Value::Number(c.year.into()));
    map.insert(s("period"), s(c.period));
    map.insert(s("guiding_principles"), s(&c.guiding));
    if !c.goals.is_empty() {
        let goals = c.goals.iter().map(|(t, target)| {
            let mut g = Mapping::new();
            g.insert(s("text"), s(t));
            if let Some(tg) = target {
                g.insert(s("target"), s(tg));
            }
            Value::Mapping(g)
        });
        map.insert(s("goals"), Value::Sequence(goals.collect()));
    }
    map.insert(
        s("measures"),
        Value::Sequence(c.measures.iter().map(measure_value).collect()),
    );
    if !c.schedule.is_empty() {
        let entries = c.schedule.iter().map(|e| {
            let mut m = Mapping::new();
            let months = e.months.iter().map(|&n| Value::Number(n.into())).collect();
            m.insert(s("months"), Value::Sequence(months));
            let items = e.items.iter().map(|(t, day, owner)| {
                let mut i = Mapping::new();
                i.insert(s("text"), s(t));
                if let Some(d) = day {
                    let date = format!("{}-{:02}-{:02}", c.year, e.months[0], d);
                    i.insert(s("date"), s(&date));
                }
                if let Some(o) = owner {
                    i.insert(s("owner"), s(o));
                }
                Value::Mapping(i)
            });
            m.insert(s("items"), Value::Sequence(items.collect()));
            Value::Mapping(m)
        });
        map.insert(s("schedule"), Value::Sequence(entries.collect()));
    }
    if c.table {
        let mut style = Mapping::new();
        style.insert(s("schedule_layout"), s("table"));
        map.insert(s("style"), Value::Mapping(style));
    }
    map.insert(s("signature"), {
        let mut sig = Mapping::new();
        sig.insert(s("date"), s(&format!("{}-01-15", c.year)));
        Value::Mapping(sig)
    });
    serde_yaml::to_string(&Value::Mapping(map)).unwrap()
}

fn texts(c: &Case) -> Vec<String> {
    fn walk(ms: &[M], out: &mut Vec<String>) {
        for m in ms {
            out.extend(m.title.iter().cloned());
            out.extend(m.text.iter().cloned());
            walk(&m.items, out);
        }
    }
    let mut out = vec![c.school.clone(), c.guiding.clone()];
    for (t, target) in &c.goals {
        out.push(t.clone());
        out.extend(target.iter().cloned());
    }
    walk(&c.measures, &mut out);
    for e in &c.schedule {
        for (t, _, owner) in &e.items {
            out.push(t.clone());
            out.extend(owner.iter().cloned());
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_spec_renders_every_text_with_consecutive_numbers(c in case()) {
        let text = yaml(&c);
        let spec = parse_spec(Path::new("p.yaml"), &text)
            .unwrap_or_else(|e| panic!("{e}\n{text}"));
        let outputs = crate::common::pipeline()
            .render(&spec, &Format::ALL)
            .unwrap();
        let get = |f: Format| &outputs.iter().find(|o| o.format == f).unwrap().bytes;

        let docx = get(Format::Docx);
        // The validators take about a second a file: the first few
        // generated specs are enough to meet every kind of text.
        static VALIDATED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        if VALIDATED.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < 8 {
            assert_valid_docx(docx, &text);
        }
        for part in docx_part_names(docx) {
            if part.ends_with(".xml") || part.ends_with(".rels") {
                let xml = docx_part(docx, &part);
                prop_assert!(roxmltree::Document::parse(&xml).is_ok(), "{part}");
            }
        }
        let docx_text = docx_paragraphs(docx).join("\n");
        let html = html_text(&String::from_utf8(get(Format::Html).clone()).unwrap());
        let md = String::from_utf8(get(Format::Markdown).clone()).unwrap();
        let md_text: String = Document::from_markdown(&md)
            .blocks
            .iter()
            .map(|b| b.plain_text() + "\n")
            .collect();
        for t in texts(&c) {
            prop_assert!(docx_text.contains(&t), "DOCX lacks {t:?}\n{text}");
            prop_assert!(html.contains(&t), "HTML lacks {t:?}");
            prop_assert!(md_text.contains(&t), "Markdown lacks {t:?}\n{md}");
        }

        // The Markdown carries no raw HTML but the signature marker and the
        // `<br>` parting a table's cell: pasted anywhere, user text cannot
        // turn into markup.
        let options = pulldown_cmark::Options::ENABLE_TABLES;
        let mut tables = 0;
        for event in pulldown_cmark::Parser::new_ext(&md, options) {
            match event {
                pulldown_cmark::Event::Html(h) | pulldown_cmark::Event::InlineHtml(h) => {
                    let allowed = h.trim() == unionplan::blocks::SIGNATURE_MARKER
                        || (c.table && h.as_ref() == "<br>");
                    prop_assert!(allowed, "raw HTML {:?} in\n{}", h, md);
                }
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Table(_)) => tables += 1,
                _ => {}
            }
        }
        // User text never makes a table: only the schedule is one.
        let want_tables = usize::from(c.table && !c.schedule.is_empty());
        prop_assert_eq!(tables, want_tables, "tables in\n{}", md);

        // Sections 一、二、… and top-level measures （一）（二）… in order.
        let sections = 2 + usize::from(!c.goals.is_empty()) + usize::from(!c.schedule.is_empty());
        let wanted: Vec<String> = (1..=sections as u32).map(|n| format!("{}、", chinese_number(n))).collect();
        assert_in_order(&docx_text, &wanted);
        let top: Vec<String> = (1..=c.measures.len() as u32)
            .map(|n| format!("\n（{}）", chinese_number(n)))
            .collect();
        assert_in_order(&docx_text, &top);
        for e in &c.schedule {
            let items: Vec<String> = (1..=e.items.len()).map(|n| format!("\n{n}、")).collect();
            assert_in_order(&docx_text, &items);
        }
    }
}

/// proptest reads the seeds of failures it once found from
/// `tests/proptest-regressions/NAME.txt` for `tests/it/NAME.rs` (the
/// folder beside the one holding `main.rs`); a seed file anywhere else is
/// never read, and the case it records never runs again.
#[test]
fn every_proptest_seed_file_is_where_proptest_reads_it() {
    let tests = repo().join("tests");
    let mut misplaced = Vec::new();
    let mut stack = vec![tests.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let read = path.parent() == Some(tests.join("proptest-regressions").as_path())
                && name
                    .strip_suffix(".txt")
                    .is_some_and(|stem| tests.join("it").join(format!("{stem}.rs")).is_file());
            if name.ends_with(".proptest-regressions")
                || (path.starts_with(tests.join("proptest-regressions")) && !read)
            {
                misplaced.push(path);
            }
        }
    }
    assert!(
        misplaced.is_empty(),
        "seed files proptest never reads: {misplaced:?}"
    );
    // And the ones it reads hold seeds.
    for name in ["import.txt", "property.txt"] {
        let text = std::fs::read_to_string(tests.join("proptest-regressions").join(name)).unwrap();
        assert!(text.lines().any(|l| l.starts_with("cc ")), "{name}");
    }
}
