//! The DOCX read back: page set-up, fonts, sizes, indents, footers, text.

use crate::common::*;
use unionplan::render::Format;

/// `styles.xml` of a DOCX, parsed.
fn styles_of(docx: &[u8]) -> String {
    docx_part(docx, "word/styles.xml")
}

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
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let styles_xml = styles_of(&docx);
    let styles = roxmltree::Document::parse(&styles_xml).unwrap();
    let sect = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "sectPr")))
        .unwrap();
    let get = |tag: &str, a: &str| {
        child(sect, tag)
            .and_then(|n| n.attribute((W, a)))
            .map(str::to_string)
    };
    assert_eq!(get("pgSz", "w").as_deref(), Some("11906"), "A4");
    assert_eq!(get("pgSz", "h").as_deref(), Some("16838"), "A4");
    for (side, twips) in [
        ("top", "2098"),
        ("right", "1474"),
        ("bottom", "1985"),
        ("left", "1588"),
    ] {
        assert_eq!(get("pgMar", side).as_deref(), Some(twips), "margin {side}");
    }
    assert_eq!(get("docGrid", "type").as_deref(), Some("lines"));
    assert_eq!(get("docGrid", "linePitch").as_deref(), Some("579"));
    // Every paragraph of the body has exact 28.95 pt lines.
    let body_paragraphs: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .collect();
    assert!(body_paragraphs.len() > 40);
    for p in body_paragraphs {
        assert_eq!(
            para_prop(&styles, p, "spacing", "line").as_deref(),
            Some("579")
        );
        assert_eq!(
            para_prop(&styles, p, "spacing", "lineRule").as_deref(),
            Some("exact")
        );
    }
}

/// The paragraph whose text is `text`, as a node.
fn paragraph<'a>(doc: &'a roxmltree::Document, text: &str) -> Node<'a> {
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

/// The first run of a paragraph.
fn first_run<'a>(p: Node<'a>) -> Node<'a> {
    p.children()
        .find(|n| n.has_tag_name((W, "r")))
        .expect("a run")
}

#[test]
fn fonts_sizes_and_indents_follow_the_layout() {
    let (_, docx) = example_docx();
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let styles_xml = styles_of(&docx);
    let styles = roxmltree::Document::parse(&styles_xml).unwrap();

    // (text, east-asian font, size in half-points, alignment, first-line indent, bold)
    let cases = [
        (
            "青溪路小学2025年工会工作计划",
            "方正小标宋简体",
            "44",
            "center",
            "0",
            false,
        ),
        ("一、指导思想", "黑体", "32", "both", "640", false),
        (
            "（一）加强思想政治引领，建设高素质教职工队伍",
            "楷体",
            "32",
            "both",
            "640",
            false,
        ),
        ("1.抓好政治理论学习", "仿宋", "32", "both", "640", true),
        (
            "（1）会前广泛征集提案，做好提案的整理和立案工作。",
            "仿宋",
            "32",
            "both",
            "640",
            false,
        ),
        ("青溪路小学工会委员会", "仿宋", "32", "right", "0", false),
        ("2025年2月18日", "仿宋", "32", "left", "0", false),
    ];
    for (text, font, size, jc, first_line, bold) in cases {
        let p = paragraph(&doc, text);
        let r = first_run(p);
        let run = |tag: &str, a: &str| run_prop(&styles, p, r, tag, a);
        let para = |tag: &str, a: &str| para_prop(&styles, p, tag, a);
        assert_eq!(run("rFonts", "eastAsia").as_deref(), Some(font), "{text}");
        assert_eq!(run("rFonts", "hint").as_deref(), Some("eastAsia"), "{text}");
        assert_eq!(run("sz", "val").as_deref(), Some(size), "{text}");
        assert_eq!(para("jc", "val").as_deref(), Some(jc), "{text}");
        assert_eq!(
            para("ind", "firstLine").as_deref(),
            Some(first_line),
            "{text}"
        );
        assert_eq!(run_toggle(&styles, p, r, "b"), bold, "{text}");
    }
    // GB/T 9704 §7.3.5.2: the 署名 右空二字 (two characters of 315 twips,
    // 16 pt less the spacing that fits 28 to the line), in twips alone;
    // the date starts two characters right of the 署名's first character:
    // 8844 twips of line, less the ten characters of the name.
    let sig = paragraph(&doc, "青溪路小学工会委员会");
    let ind = |p, a: &str| para_prop(&styles, p, "ind", a);
    assert_eq!(ind(sig, "right").as_deref(), Some("630"));
    assert_eq!(ind(sig, "rightChars").as_deref(), Some("0"));
    let date = paragraph(&doc, "2025年2月18日");
    assert_eq!(ind(date, "left").as_deref(), Some("5694"));
    assert_eq!(ind(date, "rightChars").as_deref(), Some("0"));
    // Two characters, also in characters, so the indent follows the size.
    let body = paragraph(&doc, "一、指导思想");
    assert_eq!(
        para_prop(&styles, body, "ind", "firstLineChars").as_deref(),
        Some("200")
    );
    // 28 characters a line: body-size text is tightened by 0.25 pt; the title is not.
    assert_eq!(
        run_prop(&styles, body, first_run(body), "spacing", "val").as_deref(),
        Some("-5")
    );
    let title = paragraph(&doc, "青溪路小学2025年工会工作计划");
    assert_eq!(
        run_prop(&styles, title, first_run(title), "spacing", "val").as_deref(),
        Some("0")
    );
}

#[test]
fn every_run_has_an_east_asian_font_and_the_hint() {
    let (_, docx) = example_docx();
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let styles_xml = styles_of(&docx);
    let styles = roxmltree::Document::parse(&styles_xml).unwrap();
    let runs: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "r")))
        .collect();
    assert!(runs.len() > 50);
    for r in runs {
        let p = r.parent().unwrap();
        assert!(run_prop(&styles, p, r, "rFonts", "eastAsia").is_some());
        // The hint is the run's own, so “”—… stay in the Chinese font.
        let fonts = child(child(r, "rPr").expect("rPr"), "rFonts").expect("rFonts");
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
    let styles_xml = styles_of(&docx);
    let styles = roxmltree::Document::parse(&styles_xml).unwrap();
    for (part, jc) in [("word/footer1.xml", "right"), ("word/footer2.xml", "left")] {
        let footer = docx_part(&docx, part);
        let doc = roxmltree::Document::parse(&footer).unwrap();
        let p = doc
            .descendants()
            .find(|n| n.has_tag_name((W, "p")))
            .unwrap();
        let r = first_run(p);
        assert_eq!(
            para_prop(&styles, p, "jc", "val").as_deref(),
            Some(jc),
            "{part}"
        );
        assert_eq!(
            para_prop(&styles, p, "pStyle", "val").as_deref(),
            Some("PlanPageNumber"),
            "{part}"
        );
        assert_eq!(
            run_prop(&styles, p, r, "rFonts", "eastAsia").as_deref(),
            Some("宋体"),
            "{part}"
        );
        assert_eq!(
            run_prop(&styles, p, r, "sz", "val").as_deref(),
            Some("28"),
            "{part}"
        );
        let instr: String = doc
            .descendants()
            .filter(|n| n.has_tag_name((W, "instrText")))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(instr.trim(), "PAGE", "{part}");
        // The field's cached result is there, between separate and end.
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
    // 方正小标宋简体's stand-in is 宋体, a serif like it: 黑体 would look
    // like the 一级标题.
    assert!(fonts.contains(r#"<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>"#));
    // The fonts Chinese Windows has, described as Word describes them.
    let doc = roxmltree::Document::parse(&fonts).unwrap();
    let entry = |name: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name((W, "font")) && n.attribute((W, "name")) == Some(name))
            .unwrap_or_else(|| panic!("{name} in the font table"))
    };
    let value = |font: Node, tag: &str, attr: &str| {
        child(font, tag)
            .and_then(|e| e.attribute((W, attr)))
            .map(str::to_string)
    };
    for (name, alt, panose, family, pitch) in [
        (
            "仿宋",
            "FangSong",
            "02010609060101010101",
            "modern",
            "fixed",
        ),
        ("黑体", "SimHei", "02010609060101010101", "modern", "fixed"),
        ("楷体", "KaiTi", "02010609060101010101", "modern", "fixed"),
        ("宋体", "SimSun", "02010600030101010101", "auto", "variable"),
    ] {
        let f = entry(name);
        assert_eq!(value(f, "altName", "val").as_deref(), Some(alt), "{name}");
        assert_eq!(
            value(f, "panose1", "val").as_deref(),
            Some(panose),
            "{name}"
        );
        assert_eq!(value(f, "charset", "val").as_deref(), Some("86"), "{name}");
        assert_eq!(value(f, "family", "val").as_deref(), Some(family), "{name}");
        assert_eq!(value(f, "pitch", "val").as_deref(), Some(pitch), "{name}");
        assert_eq!(
            value(f, "sig", "csb0").as_deref(),
            Some("00040001"),
            "{name}: GB2312"
        );
    }
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
    let styles_xml = styles_of(&docx);
    let styles = roxmltree::Document::parse(&styles_xml).unwrap();
    let run = |text: &str, tag: &str, a: &str| {
        let p = paragraph(&doc, text);
        run_prop(&styles, p, first_run(p), tag, a)
    };
    assert_eq!(
        run("文字。", "rFonts", "eastAsia").as_deref(),
        Some("仿宋_GB2312")
    );
    assert_eq!(
        run("一、指导思想", "rFonts", "eastAsia").as_deref(),
        Some("方正黑体简体")
    );
    assert_eq!(
        run("甲校2025年工会工作计划", "sz", "val").as_deref(),
        Some("40")
    );
    assert!(xml.contains(r#"w:linePitch="637""#), "12755 / 20 lines");
    // The change is made in the named styles, where Word users change it.
    assert!(styles_xml.contains(r#"w:eastAsia="方正黑体简体""#));
    assert!(!xml.contains("方正黑体简体"));
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
    // The blank line before the 落款 is spacing on the 署名, not an empty
    // paragraph that could end a page, or begin one, alone.
    let n = paragraphs.len();
    assert_eq!(
        paragraphs[n - 2..],
        ["青溪路小学工会委员会", "2025年2月18日"]
    );
    assert!(!paragraphs[n - 3].is_empty());
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let styles_xml = styles_of(&docx);
    let styles = roxmltree::Document::parse(&styles_xml).unwrap();
    let name = paragraph(&doc, "青溪路小学工会委员会");
    let date = paragraph(&doc, "2025年2月18日");
    let before = |p| para_prop(&styles, p, "spacing", "before");
    assert_eq!(before(name).as_deref(), Some("579"));
    assert_eq!(before(date).as_deref(), Some("0"));
    // The 署名 never ends a page without its date.
    assert!(para_toggle(&styles, name, "keepNext"));
    assert!(!para_toggle(&styles, date, "keepNext"));
    // The 22 pt title keeps one 28.95 pt line instead of snapping to two.
    let title = paragraph(&doc, "青溪路小学2025年工会工作计划");
    assert_eq!(
        para_prop(&styles, title, "snapToGrid", "val").as_deref(),
        Some("0")
    );
}

#[test]
fn widow_control_is_off_and_headings_keep_with_the_next_line() {
    let (_, docx) = example_docx();
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let styles_xml = styles_of(&docx);
    let styles = roxmltree::Document::parse(&styles_xml).unwrap();
    // A 公文's page holds 22 lines: no paragraph moves a line over to
    // spare a lone one, in any style.
    for p in doc.descendants().filter(|n| n.has_tag_name((W, "p"))) {
        assert_eq!(
            para_prop(&styles, p, "widowControl", "val").as_deref(),
            Some("0"),
            "{:?}",
            p.descendants().filter_map(|t| t.text()).collect::<String>()
        );
    }
    let headings = [
        "一、指导思想",
        "（一）加强思想政治引领，建设高素质教职工队伍",
        "1.抓好政治理论学习",
    ];
    for heading in headings {
        let p = paragraph(&doc, heading);
        assert!(para_toggle(&styles, p, "keepNext"), "{heading}");
    }
    let title = paragraph(&doc, "青溪路小学2025年工会工作计划");
    assert!(!para_toggle(&styles, title, "keepNext"));
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
    let styles_xml = styles_of(&docx);
    let styles = roxmltree::Document::parse(&styles_xml).unwrap();
    assert_eq!(
        para_prop(&styles, nested, "ind", "left").as_deref(),
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

/// The named styles a Word user expects, with Chinese names and outline
/// levels; paragraphs name them instead of repeating fonts on every run.
#[test]
fn paragraphs_use_named_styles_with_chinese_names_and_outline_levels() {
    let (_, docx) = example_docx();
    let styles_xml = styles_of(&docx);
    let styles = roxmltree::Document::parse(&styles_xml).unwrap();
    let style = |id: &str| {
        styles
            .descendants()
            .find(|s| s.has_tag_name((W, "style")) && s.attribute((W, "styleId")) == Some(id))
            .unwrap_or_else(|| panic!("style {id}"))
    };
    let name = |id: &str| {
        child(style(id), "name")
            .and_then(|n| n.attribute((W, "val")))
            .unwrap()
            .to_string()
    };
    let outline = |id: &str| {
        child(style(id), "pPr")
            .and_then(|p| child(p, "outlineLvl"))
            .and_then(|n| n.attribute((W, "val")))
            .map(str::to_string)
    };
    // 正文 and 标题 are Word's built-in Normal and Title (shown so in
    // Chinese Word and WPS); the others carry their Chinese names.
    assert_eq!(name("Normal"), "Normal");
    assert_eq!(style("Normal").attribute((W, "default")), Some("1"));
    assert_eq!(name("Title"), "Title");
    for (id, zh, level) in [
        ("PlanHeading1", "一级标题", "1"),
        ("PlanHeading2", "二级标题", "2"),
        ("PlanHeading3", "三级标题", "3"),
        ("PlanHeading4", "四级标题", "4"),
    ] {
        assert_eq!(name(id), zh);
        assert_eq!(outline(id).as_deref(), Some(level), "{id}");
        assert!(child(style(id), "qFormat").is_some(), "{id} in the gallery");
    }
    assert_eq!(outline("Title").as_deref(), Some("0"));
    assert_eq!(name("PlanSignature"), "落款");
    assert_eq!(name("PlanPageNumber"), "页码");

    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let style_of = |text: &str| {
        let p = paragraph(&doc, text);
        child(p, "pPr")
            .and_then(|ppr| child(ppr, "pStyle"))
            .and_then(|s| s.attribute((W, "val")))
            .unwrap_or("Normal")
            .to_string()
    };
    for (text, id) in [
        ("青溪路小学2025年工会工作计划", "Title"),
        ("一、指导思想", "PlanHeading1"),
        (
            "（一）加强思想政治引领，建设高素质教职工队伍",
            "PlanHeading2",
        ),
        ("二月", "PlanHeading2"),
        ("1.抓好政治理论学习", "PlanHeading3"),
        // A level-4 item with text only is body text, numbered.
        (
            "（1）会前广泛征集提案，做好提案的整理和立案工作。",
            "Normal",
        ),
        ("青溪路小学工会委员会", "PlanSignature"),
        ("1.校务公开率达到100%", "Normal"),
    ] {
        assert_eq!(style_of(text), id, "{text}");
    }
    // No run repeats a font, size or spacing its style already gives.
    for tag in ["sz", "spacing", "ind", "jc"] {
        let direct = doc
            .descendants()
            .filter(|n| n.has_tag_name((W, "rPr")))
            .any(|r| child(r, tag).is_some());
        assert!(!direct, "a run carries w:{tag}");
    }
    assert!(!xml.contains("w:eastAsia="), "fonts come from the styles");
}

/// The document says it is Chinese: language, East Asian theme fonts,
/// and the first-line indent in characters.
#[test]
fn the_document_says_it_is_chinese() {
    let (_, docx) = example_docx();
    let styles_xml = styles_of(&docx);
    let styles = roxmltree::Document::parse(&styles_xml).unwrap();
    let defaults = styles
        .descendants()
        .find(|n| n.has_tag_name((W, "rPrDefault")))
        .and_then(|d| child(d, "rPr"))
        .expect("run defaults");
    let lang = child(defaults, "lang").expect("w:lang in the defaults");
    assert_eq!(lang.attribute((W, "eastAsia")), Some("zh-CN"));
    assert_eq!(
        child(defaults, "rFonts").and_then(|f| f.attribute((W, "eastAsia"))),
        Some("仿宋")
    );
    let theme = docx_part(&docx, "word/theme/theme1.xml");
    let theme = roxmltree::Document::parse(&theme).unwrap();
    const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
    let ea = |which: &str| {
        theme
            .descendants()
            .find(|n| n.has_tag_name((A, which)))
            .and_then(|f| f.children().find(|c| c.has_tag_name((A, "ea"))))
            .and_then(|e| e.attribute("typeface"))
            .map(str::to_string)
    };
    assert_eq!(ea("majorFont").as_deref(), Some("黑体"), "headings");
    assert_eq!(ea("minorFont").as_deref(), Some("仿宋"), "body");
    let rels = docx_part(&docx, "word/_rels/document.xml.rels");
    assert!(rels.contains(r#"Target="theme/theme1.xml""#));
    let settings = docx_part(&docx, "word/settings.xml");
    assert!(settings.contains(r#"<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>"#));
}

/// Real document properties: the signing union wrote it, now.
#[test]
fn document_properties_name_the_union_the_title_and_the_time() {
    let (_, docx) = example_docx();
    let core = docx_part(&docx, "docProps/core.xml");
    assert!(core.contains("<dc:title>青溪路小学2025年工会工作计划</dc:title>"));
    assert!(core.contains("<dc:creator>青溪路小学工会委员会</dc:creator>"));
    let when = now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    assert!(
        core.contains(&format!(">{when}</dcterms:created>")),
        "{core}"
    );
    assert!(core.contains(&format!(">{when}</dcterms:modified>")));
    assert!(
        !core.contains("1970") && !core.contains("unknown"),
        "{core}"
    );
    let app = docx_part(&docx, "docProps/app.xml");
    assert!(
        app.contains(&format!(
            "<Application>unionplan {}</Application>",
            env!("CARGO_PKG_VERSION")
        )),
        "{app}"
    );
    // Text that XML would read as markup is escaped in the properties too.
    let yaml = "school: 甲&乙<学校>\nyear: 2025\nguiding_principles: 文字。\nmeasures: [做事]\n";
    let docx = render_text(yaml, Format::Docx);
    let core = docx_part(&docx, "docProps/core.xml");
    assert!(core.contains("<dc:creator>甲&amp;乙&lt;学校&gt;工会委员会</dc:creator>"));
}

#[test]
fn siblings_of_the_1_level_share_one_weight() {
    // Two titled items (bold 三级标题) and two of text alone, under one （一）.
    let yaml = "school: 甲校\nyear: 2025\nguiding_principles: 文字。\nmeasures:\n  - title: 加强建设\n    items:\n      - title: 抓好政治理论学习\n        text: 每月组织一次集中学习。\n      - title: 加强师德建设\n      - 组织教职工参加区运动会，争取好成绩。\n      - 开展“三八”节活动\n      - \"**已加粗**的文字，不再加粗。\"\nsignature: {date: 2025-01-02}\n";
    let docx = render_text(yaml, Format::Docx);
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let styles_xml = styles_of(&docx);
    let styles = roxmltree::Document::parse(&styles_xml).unwrap();
    // Each sibling leads in bold: its title, or its text's first clause.
    let bold = |p: Node, text: &str| {
        p.children()
            .filter(|n| n.has_tag_name((W, "r")))
            .filter(|r| run_toggle(&styles, p, *r, "b"))
            .map(|r| r.descendants().filter_map(|t| t.text()).collect::<String>())
            .collect::<String>()
            .starts_with(text)
    };
    for (paragraph_text, lead) in [
        ("1.抓好政治理论学习", "1.抓好政治理论学习"),
        ("2.加强师德建设", "2.加强师德建设"),
        (
            "3.组织教职工参加区运动会，争取好成绩。",
            "3.组织教职工参加区运动会",
        ),
        ("4.开展“三八”节活动", "4.开展“三八”节活动"),
    ] {
        let p = paragraph(&doc, paragraph_text);
        assert!(bold(p, lead), "{paragraph_text}: {lead} in bold");
    }
    // The clause after the lead-in is body text, and the text of a titled
    // item too.
    let third = paragraph(&doc, "3.组织教职工参加区运动会，争取好成绩。");
    let last = third
        .children()
        .rfind(|n| n.has_tag_name((W, "r")))
        .unwrap();
    assert!(!run_toggle(&styles, third, last, "b"));
    let text = paragraph(&doc, "每月组织一次集中学习。");
    assert!(!run_toggle(&styles, text, first_run(text), "b"));
    // Text with Markdown of its own keeps it, with no lead-in around it.
    let own = paragraph(&doc, "5.已加粗的文字，不再加粗。");
    assert!(
        !run_toggle(&styles, own, first_run(own), "b"),
        "the number is not bold"
    );
}

/// Text fields are Markdown, and Markdown decodes character references:
/// typed `&lt;` showed as `<`. What a teacher types is what every format
/// shows, `&` and all, in code spans too.
#[test]
fn character_references_stay_as_typed_in_every_format() {
    let typed = [
        "甲&amp;乙",
        "&lt;通知&gt;",
        "&#x41;级",
        "&copy;本校",
        "AT&T 与 &",
        "`&amp;码`",
    ];
    let shown = [
        "甲&amp;乙",
        "&lt;通知&gt;",
        "&#x41;级",
        "&copy;本校",
        "AT&T 与 &",
        "&amp;码",
    ];
    let items: Vec<String> = typed.iter().map(|t| format!("  - '{t}'\n")).collect();
    let yaml = format!(
        "school: 甲校\nyear: 2025\nguiding_principles: 以……为指导。\nmeasures:\n{}signature: {{date: 2025-03-01}}\n",
        items.concat()
    );
    let docx = docx_paragraphs(&render_text(&yaml, Format::Docx)).join("\n");
    let html = html_text(&String::from_utf8(render_text(&yaml, Format::Html)).unwrap());
    let md = String::from_utf8(render_text(&yaml, Format::Markdown)).unwrap();
    let mut md_text = String::new();
    for e in pulldown_cmark::Parser::new(&md) {
        if let pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) = e {
            md_text.push_str(&t);
        }
    }
    for s in shown {
        assert!(docx.contains(s), "DOCX lost {s:?}: {docx}");
        assert!(html.contains(s), "HTML lost {s:?}: {html}");
        assert!(md_text.contains(s), "Markdown lost {s:?}: {md}");
    }
}
