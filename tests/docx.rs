//! The DOCX read back: page set-up, fonts, sizes, indents, footers, text.

mod common;

use common::*;
use unionplan::render::Format;

fn example_docx() -> (String, Vec<u8>) {
    let path = example("qingxi-2025.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    let docx = render_file(&path, Format::Docx);
    (yaml, docx)
}

#[test]
fn every_part_is_well_formed_xml() {
    let (_, docx) = example_docx();
    for name in docx_part_names(&docx) {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let text = docx_part(&docx, &name);
            roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

#[test]
fn page_is_a4_with_gbt9704_margins_and_a_22_line_grid() {
    let (_, docx) = example_docx();
    let xml = docx_part(&docx, "word/document.xml");
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#), "A4");
    for attr in [
        r#"w:top="2098""#,
        r#"w:right="1474""#,
        r#"w:bottom="1985""#,
        r#"w:left="1588""#,
    ] {
        assert!(xml.contains(attr), "margin {attr}");
    }
    assert!(xml.contains(r#"<w:docGrid w:type="lines" w:linePitch="579" />"#));
    // Every paragraph of the body has exact 28.95 pt lines.
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let body_paragraphs: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .collect();
    assert!(body_paragraphs.len() > 40);
    for p in &body_paragraphs {
        let spacing = p
            .descendants()
            .find(|n| n.has_tag_name((W, "spacing")))
            .expect("every paragraph sets its spacing");
        assert_eq!(spacing.attribute((W, "line")), Some("579"));
        assert_eq!(spacing.attribute((W, "lineRule")), Some("exact"));
    }
}

/// The paragraph whose text is `text`, as a node.
fn paragraph<'a>(doc: &'a roxmltree::Document, text: &str) -> roxmltree::Node<'a, 'a> {
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .find(|p| {
            p.descendants()
                .filter(|n| n.has_tag_name((W, "t")))
                .filter_map(|t| t.text())
                .collect::<String>()
                == text
        })
        .unwrap_or_else(|| panic!("a paragraph reading {text:?}"))
}

fn attr<'a>(p: roxmltree::Node<'a, 'a>, tag: &str, name: &str) -> Option<&'a str> {
    p.descendants()
        .find(|n| n.has_tag_name((W, tag)))
        .and_then(|n| n.attribute((W, name)))
}

#[test]
fn fonts_sizes_and_indents_follow_the_layout() {
    let (_, docx) = example_docx();
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();

    // (text, east-asian font, size in half-points, alignment, first-line indent, bold)
    let cases = [
        (
            "青溪路小学2025年工会工作计划",
            "方正小标宋简体",
            "44",
            "center",
            None,
            false,
        ),
        ("一、指导思想", "黑体", "32", "both", Some("640"), false),
        (
            "（一）加强思想政治引领，建设高素质教职工队伍",
            "楷体",
            "32",
            "both",
            Some("640"),
            false,
        ),
        (
            "1.抓好政治理论学习",
            "仿宋",
            "32",
            "both",
            Some("640"),
            true,
        ),
        (
            "（1）会前广泛征集提案，做好提案的整理和立案工作。",
            "仿宋",
            "32",
            "both",
            Some("640"),
            false,
        ),
        ("青溪路小学工会委员会", "仿宋", "32", "right", None, false),
        ("2025年2月18日", "仿宋", "32", "right", None, false),
    ];
    for (text, font, size, jc, first_line, bold) in cases {
        let p = paragraph(&doc, text);
        assert_eq!(attr(p, "rFonts", "eastAsia"), Some(font), "{text}");
        assert_eq!(attr(p, "rFonts", "hint"), Some("eastAsia"), "{text}");
        assert_eq!(attr(p, "sz", "val"), Some(size), "{text}");
        assert_eq!(attr(p, "jc", "val"), Some(jc), "{text}");
        assert_eq!(attr(p, "ind", "firstLine"), first_line, "{text}");
        let has_bold = p.descendants().any(|n| n.has_tag_name((W, "b")));
        assert_eq!(has_bold, bold, "{text}");
    }
    let sig = paragraph(&doc, "青溪路小学工会委员会");
    assert_eq!(attr(sig, "ind", "right"), Some("640"));
    // 28 characters a line: body-size text is tightened by 0.25 pt; the title is not.
    let body = paragraph(&doc, "一、指导思想");
    assert_eq!(
        attr(body, "spacing", "val"),
        None,
        "paragraph spacing has no val"
    );
    fn run_spacing<'a>(p: roxmltree::Node<'a, 'a>) -> Option<&'a str> {
        p.descendants()
            .filter(|n| n.has_tag_name((W, "rPr")))
            .find_map(|r| r.children().find(|c| c.has_tag_name((W, "spacing"))))
            .and_then(|n| n.attribute((W, "val")))
    }
    assert_eq!(run_spacing(body), Some("-5"));
    assert_eq!(
        run_spacing(paragraph(&doc, "青溪路小学2025年工会工作计划")),
        None
    );
}

#[test]
fn every_run_names_its_east_asian_font_with_the_hint() {
    let (_, docx) = example_docx();
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let runs: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "r")))
        .collect();
    assert!(runs.len() > 50);
    for r in runs {
        let fonts = r
            .descendants()
            .find(|n| n.has_tag_name((W, "rFonts")))
            .expect("every run has rFonts");
        assert!(fonts.attribute((W, "eastAsia")).is_some());
        assert_eq!(fonts.attribute((W, "hint")), Some("eastAsia"));
    }
}

#[test]
fn footers_number_pages_odd_right_even_left_with_a_page_field() {
    let (_, docx) = example_docx();
    let settings = docx_part(&docx, "word/settings.xml");
    assert!(settings.contains("<w:evenAndOddHeaders"));
    let xml = docx_part(&docx, "word/document.xml");
    assert!(xml.contains(r#"<w:footerReference w:type="default""#));
    assert!(xml.contains(r#"<w:footerReference w:type="even""#));
    for (part, jc) in [("word/footer1.xml", "right"), ("word/footer2.xml", "left")] {
        let footer = docx_part(&docx, part);
        let doc = roxmltree::Document::parse(&footer).unwrap();
        let p = doc
            .descendants()
            .find(|n| n.has_tag_name((W, "p")))
            .unwrap();
        assert_eq!(attr(p, "jc", "val"), Some(jc), "{part}");
        assert_eq!(attr(p, "rFonts", "eastAsia"), Some("宋体"), "{part}");
        assert_eq!(attr(p, "sz", "val"), Some("28"), "{part}");
        let instr: String = doc
            .descendants()
            .filter(|n| n.has_tag_name((W, "instrText")))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(instr.trim(), "PAGE", "{part}");
        let text: String = doc
            .descendants()
            .filter(|n| n.has_tag_name((W, "t")))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(text, "— 1 —", "{part}");
    }
}

#[test]
fn the_font_table_names_fallbacks() {
    let (_, docx) = example_docx();
    let fonts = docx_part(&docx, "word/fontTable.xml");
    assert!(fonts.contains(r#"<w:font w:name="方正小标宋简体"><w:altName w:val="黑体"/>"#));
    assert!(fonts.contains(r#"<w:font w:name="仿宋"><w:altName w:val="FangSong"/>"#));
}

#[test]
fn every_text_of_the_spec_is_present_in_order() {
    let (yaml, docx) = example_docx();
    let text = docx_paragraphs(&docx).join("\n");
    assert_in_order(&text, &spec_texts(&yaml));
    // And the numbering the user never typed.
    assert_in_order(
        &text,
        &[
            "一、指导思想",
            "二、工作目标",
            "1.校务公开",
            "三、主要工作",
            "（一）",
            "1.抓好",
            "（二）",
            "（1）会前",
            "四、具体工作安排",
            "二月",
            "1、制定",
            "七、八月",
            "十二月",
            "一月",
        ]
        .map(String::from),
    );
}

#[test]
fn style_section_changes_fonts_and_sizes() {
    let yaml = "school: 甲校\nyear: 2025\nguiding_principles: 文字。\nmeasures: [做事]\nstyle:\n  body_font: 仿宋_GB2312\n  heading1_font: 方正黑体简体\n  title_size: 20\n  lines_per_page: 20\n";
    let docx = render_text(yaml, Format::Docx);
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    assert_eq!(
        attr(paragraph(&doc, "文字。"), "rFonts", "eastAsia"),
        Some("仿宋_GB2312")
    );
    assert_eq!(
        attr(paragraph(&doc, "一、指导思想"), "rFonts", "eastAsia"),
        Some("方正黑体简体")
    );
    assert_eq!(
        attr(paragraph(&doc, "甲校2025年工会工作计划"), "sz", "val"),
        Some("40")
    );
    assert!(xml.contains(r#"w:linePitch="637""#), "12755 / 20 lines");
}

#[test]
fn markdown_in_text_becomes_bold_runs() {
    let (_, docx) = example_docx();
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let run = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "r")))
        .find(|r| {
            r.descendants()
                .any(|t| t.has_tag_name((W, "t")) && t.text() == Some("严格执行师德“一票否决”"))
        })
        .expect("the strong text is its own run");
    assert!(run.descendants().any(|n| n.has_tag_name((W, "b"))));
}

#[test]
fn one_blank_line_follows_the_title_and_precedes_the_signature() {
    let (_, docx) = example_docx();
    let paragraphs = docx_paragraphs(&docx);
    assert_eq!(paragraphs[0], "青溪路小学2025年工会工作计划");
    assert_eq!(paragraphs[1], "");
    assert!(paragraphs[2].starts_with("新的一年"));
    let n = paragraphs.len();
    assert_eq!(
        paragraphs[n - 3..],
        ["", "青溪路小学工会委员会", "2025年2月18日"]
    );
    // The 22 pt title keeps one 28.95 pt line instead of snapping to two.
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let title = paragraph(&doc, "青溪路小学2025年工会工作计划");
    assert_eq!(attr(title, "snapToGrid", "val"), Some("false"));
}

#[test]
fn markdown_lists_emphasis_and_line_breaks_in_docx_and_html() {
    let yaml = "school: 甲校\nyear: 2025\nguiding_principles: |\n  要*重视*师德，~~旧提法~~。\n  第一行\\\n  第二行\n\n  1. 甲项\n  2. 乙项\n     - 子项\nmeasures: [做事]\n";
    let docx = render_text(yaml, Format::Docx);
    let paragraphs = docx_paragraphs(&docx);
    for want in [
        "要重视师德，旧提法。",
        "第一行第二行",
        "1. 甲项",
        "2. 乙项",
        "• 子项",
    ] {
        assert!(
            paragraphs.iter().any(|p| p == want),
            "{want:?} in {paragraphs:#?}"
        );
    }
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let run_with = |text: &str| {
        doc.descendants()
            .filter(|n| n.has_tag_name((W, "r")))
            .find(|r| {
                r.descendants()
                    .any(|t| t.has_tag_name((W, "t")) && t.text() == Some(text))
            })
            .unwrap_or_else(|| panic!("a run {text:?}"))
    };
    assert!(
        run_with("重视")
            .descendants()
            .any(|n| n.has_tag_name((W, "i")))
    );
    assert!(
        run_with("旧提法")
            .descendants()
            .any(|n| n.has_tag_name((W, "strike")))
    );
    let line = paragraph(&doc, "第一行第二行");
    assert!(line.descendants().any(|n| n.has_tag_name((W, "br"))));
    let nested = paragraph(&doc, "• 子项");
    assert_eq!(
        attr(nested, "ind", "left"),
        Some("640"),
        "nested items indent 2 characters more"
    );

    let html = String::from_utf8(render_text(yaml, Format::Html)).unwrap();
    assert!(
        html.contains("<p>要<em>重视</em>师德，<s>旧提法</s>。</p>"),
        "{html}"
    );
    assert!(html.contains("<p>第一行<br>第二行</p>"));
    assert!(html.contains("<p class=\"li li-1\">1. 甲项</p>"));
    assert!(html.contains("<p class=\"li li-2\">• 子项</p>"));
}
