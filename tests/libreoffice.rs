//! A real client opens the DOCX: LibreOffice converts it to PDF, and the PDF
//! is checked for its pages, its text and the 22-line page.
//!
//! Needs `soffice` (libreoffice-writer-nogui), `pdftotext` and `pdfinfo`
//! (poppler-utils) and the CJK fonts (fonts-noto-cjk, fonts-arphic-ukai);
//! `.ci/run` installs them.
//!
//! Its own harness (libtest-mimic, `harness = false` in Cargo.toml): where
//! a program is missing, each test shows as ignored in cargo test's
//! summary, never as ok, except under CI (the `CI` variable set), where it
//! fails: a test left out there would hide a broken set-up. (The fonts are
//! not looked for: without them a test fails, it does not pass.)

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use unionplan::render::Format;

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let tests = tests![
        libreoffice_opens_the_example_plan,
        every_full_page_of_each_example_holds_22_lines,
        a_full_page_holds_22_lines,
        the_signature_never_splits_at_a_page_end,
        the_signature_is_placed_by_gbt9704,
        a_full_line_holds_28_characters,
        a_long_schedule_table_repeats_its_header_row_on_every_page,
        no_table_cell_breaks_a_date_or_an_owner,
        render_makes_a_pdf_with_the_docx_pages_text_and_embedded_fonts,
        a_batch_converts_every_school_in_one_libreoffice_process,
        the_reference_doc_s_header_shows_on_every_page,
    ];
    let trials = client_trials("LibreOffice", missing(), &tests);
    libtest_mimic::run(&args, trials).exit();
}

/// LibreOffice's command, where it is installed.
fn find_soffice() -> Option<PathBuf> {
    tool("soffice").or_else(|| tool("libreoffice"))
}

/// The programs the tests need that are not installed, and how to
/// install them; `None` where all are.
fn missing() -> Option<String> {
    // The page measures assume the fonts the README names: without them
    // LibreOffice falls back to others, the pages come out differently and
    // the tests would fail for the machine, not for the code.
    let fonts = std::process::Command::new("fc-list")
        .args([":", "family"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let missing: Vec<&str> = [
        ("soffice", find_soffice().is_some()),
        ("pdftotext", tool("pdftotext").is_some()),
        ("pdfinfo", tool("pdfinfo").is_some()),
        ("fonts-noto-cjk", fonts.contains("Noto Serif CJK")),
        ("fonts-arphic-ukai", fonts.contains("AR PL UKai")),
    ]
    .into_iter()
    .filter(|(_, found)| !found)
    .map(|(name, _)| name)
    .collect();
    (!missing.is_empty()).then(|| {
        format!(
            "{} not installed (apt-get install libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-ukai poppler-utils)",
            missing.join(", ")
        )
    })
}

/// LibreOffice's command: a test runs only where [`missing`] found it.
fn soffice() -> PathBuf {
    find_soffice().expect("soffice, found before the tests ran")
}

/// Convert `docx` with LibreOffice; returns the PDF's path.
fn to_pdf(soffice: &Path, dir: &Path, docx: &Path) -> PathBuf {
    // A profile of its own, so parallel runs don't fight over one.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("lo-profile").display()
    );
    let out = Command::new(soffice)
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(docx)
        .output()
        .expect("soffice runs");
    let pdf = dir.join(docx.file_stem().unwrap()).with_extension("pdf");
    assert!(
        pdf.is_file(),
        "LibreOffice made no PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    pdf
}

fn pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo prints Pages:")
}

/// The text of each page, laid out as on the page.
fn page_texts(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// The text of the pages without their page numbers (the last line of
/// each): a paragraph running over a page reads on unbroken.
fn body_text(pages: &[String]) -> String {
    pages
        .iter()
        .map(|page| {
            let mut lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
            lines.pop();
            lines.concat()
        })
        .collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Letters and digits only: pdftotext loses punctuation that LibreOffice
/// hangs into the margin at a line's end.
fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A word on the first page and its box, in points from the top left.
struct Word {
    text: String,
    x_min: f64,
    x_max: f64,
    y_min: f64,
}

fn page_words(pdf: &Path, page: usize) -> Vec<Word> {
    let page = page.to_string();
    let out = Command::new("pdftotext")
        .args(["-bbox", "-f", &page, "-l", &page])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let xml = String::from_utf8_lossy(&out.stdout).into_owned();
    let attr = |line: &str, name: &str| -> f64 {
        let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[start..].split('"').next().unwrap().parse().unwrap()
    };
    xml.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("<word "))
        .map(|l| Word {
            text: l[l.find('>').unwrap() + 1..l.rfind("</word>").unwrap()].to_string(),
            x_min: attr(l, "xMin"),
            x_max: attr(l, "xMax"),
            y_min: attr(l, "yMin"),
        })
        .collect()
}

const MM: f64 = 72.0 / 25.4;

/// The text block's lower edge, in points from the page's top: A4 less the
/// 35 mm bottom margin.
const BLOCK_BOTTOM: f64 = (297.0 - 35.0) * MM;

/// The lines of text on page `page` inside the text block (the page
/// number left out), top to bottom: each line's words.
fn body_lines(pdf: &Path, page: usize) -> Vec<Vec<Word>> {
    let mut lines: Vec<Vec<Word>> = Vec::new();
    let mut words = page_words(pdf, page);
    words.retain(|w| w.y_min < BLOCK_BOTTOM);
    words.sort_by(|a, b| a.y_min.total_cmp(&b.y_min));
    for w in words {
        match lines.last_mut() {
            Some(line) if (line[0].y_min - w.y_min).abs() < 2.0 => line.push(w),
            _ => lines.push(vec![w]),
        }
    }
    lines
}

fn line_text(line: &[Word]) -> String {
    line.iter().map(|w| w.text.as_str()).collect()
}

/// Every page but the last holds 22 lines, but for two reasons to end
/// short: the next page begins with a heading (a heading never ends a
/// page), which `heading` tells from its text; or the next page is the
/// last and holds the 落款, with the last line of text before it (the
/// 落款 never stands alone), and it is all that page holds.
fn assert_full_pages(pdf: &Path, name: &str, heading: impl Fn(&str) -> bool) {
    let count = pages(pdf);
    for page in 1..count {
        let lines = body_lines(pdf, page);
        // Page 1's blank line after the title has no words: count it.
        let n = lines.len() + usize::from(page == 1);
        let next: Vec<String> = body_lines(pdf, page + 1)
            .iter()
            .map(|l| line_text(l))
            .collect();
        let signed =
            page + 1 == count && next.len() <= 4 && next.iter().any(|l| l.ends_with("工会委员会"));
        let texts: Vec<String> = lines.iter().map(|l| line_text(l)).collect();
        assert!(
            n == 22 || (n == 21 && heading(&next[0])) || (n >= 19 && signed),
            "{name}: page {page} holds {n} lines, and page {} begins with {:?}:\n{texts:#?}",
            page + 1,
            next[0]
        );
    }
}

/// Does this line begin a heading of the plan (一、 （一） 1. 二月)?
fn is_heading(line: &str) -> bool {
    let numbered = |s: &str| {
        let digits = s.trim_start_matches(|c: char| c.is_ascii_digit());
        digits.len() < s.len() && digits.starts_with('.')
    };
    line.starts_with('（')
        || numbered(line)
        || line
            .chars()
            .next()
            .is_some_and(|c| "一二三四五六七八九十".contains(c))
}

/// The page number's 一字线: how far below the text block's lower edge the
/// middle of the first dash's box lies, in mm (a CJK font draws it at the
/// middle of its em box).
fn dash_below_block(pdf: &Path, page: usize) -> f64 {
    let out = Command::new("pdftotext")
        .args(["-bbox", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let xml = String::from_utf8_lossy(&out.stdout).into_owned();
    let line = xml
        .lines()
        .find(|l| l.contains(">—</word>"))
        .expect("a page number with its dashes");
    let attr = |name: &str| -> f64 {
        let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[start..].split('"').next().unwrap().parse().unwrap()
    };
    ((attr("yMin") + attr("yMax")) / 2.0 - BLOCK_BOTTOM) / MM
}

/// The page as measured in the PDF: GB/T 9704 margins, centred title,
/// two-character indents and 28.95 pt lines.
fn check_geometry(pdf: &Path) {
    let words = page_words(pdf, 1);
    let title_y = words[0].y_min;
    let title: Vec<&Word> = words.iter().filter(|w| w.y_min == title_y).collect();
    let left = title.iter().map(|w| w.x_min).fold(f64::MAX, f64::min);
    let right = title.iter().map(|w| w.x_max).fold(0.0, f64::max);
    let block_centre = (28.0 * MM + (210.0 - 26.0) * MM) / 2.0;
    assert!(
        ((left + right) / 2.0 - block_centre).abs() < 2.0,
        "title centred: {left}..{right}"
    );
    let below_margin = title_y - 37.0 * MM;
    assert!(
        (0.0..29.0).contains(&below_margin),
        "title on the first line: {title_y}"
    );

    let first = words
        .iter()
        .find(|w| w.text.starts_with("新的一年"))
        .unwrap();
    // The preface's second line: the next line down, which has no indent.
    let body = words
        .iter()
        .filter(|w| w.y_min > first.y_min + 1.0)
        .min_by(|a, b| a.y_min.total_cmp(&b.y_min))
        .unwrap();
    assert!(
        (body.x_min - 28.0 * MM).abs() < 1.0,
        "left margin 28 mm: {}",
        body.x_min
    );
    assert!(
        (first.x_min - body.x_min - 32.0).abs() < 1.0,
        "first-line indent of 2 characters"
    );
    let from_margin = first.y_min - 37.0 * MM;
    assert!(
        (2.0 * 28.95..3.0 * 28.95).contains(&from_margin),
        "the body starts on line 3, after the title and one blank line: {from_margin}"
    );
    let pitch = body.y_min - first.y_min;
    assert!((pitch - 28.95).abs() < 0.2, "exact 28.95 pt lines: {pitch}");
}

fn libreoffice_opens_the_example_plan() {
    let soffice = soffice();
    let dir = tempfile::tempdir().unwrap();
    let spec = example("qingxi-2025.yaml");
    let docx = dir.path().join("qingxi-2025.docx");
    std::fs::write(&docx, render_file(&spec, Format::Docx)).unwrap();
    let pdf = to_pdf(&soffice, dir.path(), &docx);

    let texts = page_texts(&pdf);
    assert_eq!(pages(&pdf), 5, "the example fills five A4 pages");
    assert_eq!(texts.len(), 5);
    // The title is on the first page, alone and centred.
    let first_line = texts[0].lines().find(|l| !l.trim().is_empty()).unwrap();
    assert_eq!(squeeze(first_line), "青溪路小学2025年工会工作计划");
    check_geometry(&pdf);
    // Page numbers "— n —", odd pages on the right, even pages on the left.
    for (i, page) in texts.iter().enumerate() {
        let last = page.lines().rev().find(|l| !l.trim().is_empty()).unwrap();
        assert_eq!(squeeze(last), format!("—{}—", i + 1), "page {}", i + 1);
        // One 14 pt character in from the text block's edge.
        let words = page_words(&pdf, i + 1);
        let bottom = words.iter().map(|w| w.y_min).fold(0.0, f64::max);
        let number: Vec<&Word> = words.iter().filter(|w| w.y_min == bottom).collect();
        if i % 2 == 0 {
            let right = number.iter().map(|w| w.x_max).fold(0.0, f64::max);
            let want = (210.0 - 26.0) * MM - 14.0;
            assert!(
                (right - want).abs() < 2.0,
                "odd page {} number at the right: {right}",
                i + 1
            );
        } else {
            let left = number.iter().map(|w| w.x_min).fold(f64::MAX, f64::min);
            let want = 28.0 * MM + 14.0;
            assert!(
                (left - want).abs() < 2.0,
                "even page {} number at the left: {left}",
                i + 1
            );
        }
    }
    // Every text of the spec, in order (lines are wrapped, so compare without spaces).
    let all = letters(&body_text(&texts));
    let yaml = std::fs::read_to_string(&spec).unwrap();
    let wanted: Vec<String> = spec_texts(&yaml).iter().map(|t| letters(t)).collect();
    assert_in_order(&all, &wanted);
    assert!(all.contains("2025年2月18日"));
    assert!(all.contains("四具体工作安排"));
    // GB/T 9704 §7.5: the 一字线 7 mm below the text block.
    for page in 1..=texts.len() {
        let below = dash_below_block(&pdf, page);
        assert!(
            (below - 7.0).abs() <= 1.0,
            "page {page}: the dash {below:.1} mm below the block"
        );
    }
}

fn every_full_page_of_each_example_holds_22_lines() {
    let soffice = soffice();
    let dir = tempfile::tempdir().unwrap();
    let examples = [
        "qingxi-2025.yaml",
        "qingxi-2025-zh.yaml",
        "qingxi-2026.yaml",
        "linjiang-2025-autumn.yaml",
    ];
    for name in examples {
        let spec = example(name);
        let docx = dir.path().join(name).with_extension("docx");
        std::fs::write(&docx, render_file(&spec, Format::Docx)).unwrap();
        let pdf = to_pdf(&soffice, dir.path(), &docx);
        assert!(pages(&pdf) >= 2, "{name} runs over pages");
        // A page ends a line or two short only where the next begins with
        // a heading or with the 落款, which keep with what follows.
        assert_full_pages(&pdf, name, is_heading);
    }
}

/// A plan of `items` one-line items under one heading, signed by `org`
/// on `date`, `style` added: typeset by LibreOffice, its PDF.
fn items_plan(
    soffice: &Path,
    dir: &Path,
    name: &str,
    items: usize,
    org: &str,
    date: &str,
    style: &str,
) -> PathBuf {
    let items: String = (1..=items).map(|i| format!("      - 第{i}条\n")).collect();
    let yaml = format!(
        "school: 甲校\nyear: 2025\nguiding_principles: 文字。\nmeasures:\n  - title: 条目\n    items:\n{items}signature: {{org: {org}, date: {date}}}\n{style}"
    );
    let docx = dir.join(name);
    std::fs::write(&docx, render_text(&yaml, Format::Docx)).unwrap();
    to_pdf(soffice, dir, &docx)
}

fn a_full_page_holds_22_lines() {
    let soffice = soffice();
    let dir = tempfile::tempdir().unwrap();
    let pdf = items_plan(
        &soffice,
        dir.path(),
        "lines.docx",
        70,
        "甲校工会委员会",
        "2025-01-02",
        "",
    );
    assert!(pages(&pdf) >= 4);
    // Page 2 is all one-line items: 22 lines of text, then the page number.
    let lines = body_lines(&pdf, 2);
    assert_eq!(
        lines.len(),
        22,
        "{:#?}",
        lines.iter().map(|l| line_text(l)).collect::<Vec<_>>()
    );
    assert_full_pages(&pdf, "70 items", |_| false);
}

/// The 落款 on the last page of `pdf`: the 署名's line and the date's, and
/// which line of the page the 署名 is.
fn signature_lines(pdf: &Path, org: &str) -> (Vec<Word>, Vec<Word>, usize) {
    let lines = body_lines(pdf, pages(pdf));
    let at = lines
        .iter()
        .position(|l| line_text(l) == org)
        .unwrap_or_else(|| panic!("the last page holds the 署名 {org}"));
    assert!(
        at + 1 < lines.len(),
        "the date follows the 署名 on its page"
    );
    let mut lines = lines.into_iter().skip(at);
    (lines.next().unwrap(), lines.next().unwrap(), at)
}

fn start(line: &[Word]) -> f64 {
    line.iter().map(|w| w.x_min).fold(f64::MAX, f64::min)
}

fn end(line: &[Word]) -> f64 {
    line.iter().map(|w| w.x_max).fold(0.0, f64::max)
}

fn the_signature_never_splits_at_a_page_end() {
    let soffice = soffice();
    let dir = tempfile::tempdir().unwrap();
    // Page 1 holds the title, a blank line, four lines of headings and
    // text and 16 items; page 2 items 17 to 36 on 20 lines. The blank
    // line and the 署名 then fill page 2, and the date would go alone.
    let org = "甲校工会委员会";
    let pdf = items_plan(
        &soffice,
        dir.path(),
        "split.docx",
        36,
        org,
        "2025-01-02",
        "",
    );
    assert_eq!(pages(&pdf), 3);
    let (_, date, at) = signature_lines(&pdf, org);
    assert_eq!(line_text(&date), "2025年1月2日");
    // Both went to page 3, and the last item with them: the 落款 never
    // stands alone on a page.
    assert_eq!(at, 1, "the 署名 follows one line of text on page 3");
    let last = line_text(&body_lines(&pdf, 3)[0]);
    assert!(last.ends_with("第36条"), "{last}");
    assert_eq!(body_lines(&pdf, 2).len(), 19);
}

fn the_signature_is_placed_by_gbt9704() {
    let soffice = soffice();
    let dir = tempfile::tempdir().unwrap();
    // One character of body text: 28 to the 156 mm line.
    let char_w = 156.0 * MM / 28.0;
    let right_edge = (210.0 - 26.0) * MM;
    // Name, date, the date as shown; unsealed, the 署名's right space;
    // sealed, the 落款's axis; all in characters from the right, a
    // half-width digit counted as half a character. LibreOffice's stand-in
    // for 仿宋 draws digits wider than that, so what is measured is what
    // does not depend on them: the right space of a line of Chinese
    // characters, the start of a line placed by its start, the centre of
    // a centred one.
    let cases = [
        // The 署名 右空二字; the date starts two characters right of it.
        (
            "青溪路小学工会委员会",
            "2025-02-18",
            "2025年2月18日",
            2.0,
            7.25,
        ),
        // The date (7 characters) too long for that: it is 右空二字, and
        // the 署名 starts two characters left of it: 7 + 2 + 2 - 4 in.
        ("甲校工会", "2025-12-18", "2025年12月18日", 7.0, 7.5),
        // A long name: the sealed axis is half the name in, and a quarter.
        (
            "某某市某某区实验小学工会委员会",
            "2025-01",
            "2025年1月",
            2.0,
            7.75,
        ),
    ];
    for (i, (org, when, shown, name_right, axis)) in cases.iter().enumerate() {
        // §7.3.5.2, no seal.
        let pdf = items_plan(
            &soffice,
            dir.path(),
            &format!("s{i}.docx"),
            3,
            org,
            when,
            "",
        );
        let (name, date, _) = signature_lines(&pdf, org);
        assert_eq!(line_text(&date), *shown);
        let right = (right_edge - end(&name)) / char_w;
        assert!(
            (right - name_right).abs() < 0.1,
            "{org}: the 署名 右空 {right:.2}, not {name_right}"
        );
        if *name_right == 2.0 {
            let gap = (start(&date) - start(&name)) / char_w;
            assert!(
                (gap - 2.0).abs() < 0.1,
                "{org}: the date starts {gap:.2} characters right of the 署名"
            );
        } else {
            let right = (right_edge - end(&date)) / char_w;
            assert!((right - 2.0).abs() < 0.1, "{org}: the date 右空 {right:.2}");
        }

        // §7.3.5.1, sealed: the date 右空四字, the 署名 centred over it.
        let pdf = items_plan(
            &soffice,
            dir.path(),
            &format!("sealed{i}.docx"),
            3,
            org,
            when,
            "style:\n  落款版式: 加盖印章\n",
        );
        let (name, date, _) = signature_lines(&pdf, org);
        let centre = |l: &[Word]| (start(l) + end(l)) / 2.0;
        let off = (centre(&name) - centre(&date)).abs() / char_w;
        assert!(off < 0.1, "{org} sealed: centres {off:.2} characters apart");
        let at = (right_edge - centre(&date)) / char_w;
        assert!(
            (at - axis).abs() < 0.1,
            "{org} sealed: the axis {at:.2} characters in, not {axis}"
        );
    }
}

fn a_full_line_holds_28_characters() {
    let soffice = soffice();
    let dir = tempfile::tempdir().unwrap();
    let yaml = format!(
        "school: 甲校\nyear: 2025\nguiding_principles: {}\nmeasures: [做事]\nsignature: {{date: 2025-01-02}}\n",
        "工".repeat(100)
    );
    let docx = dir.path().join("chars.docx");
    std::fs::write(&docx, render_text(&yaml, Format::Docx)).unwrap();
    let pdf = to_pdf(&soffice, dir.path(), &docx);
    let lines: Vec<usize> = page_texts(&pdf)[0]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && l.chars().all(|c| c == '工'))
        .map(|l| l.chars().count())
        .collect();
    // The first line is indented two characters.
    assert_eq!(lines, [26, 28, 28, 18], "characters per line");
}

fn a_long_schedule_table_repeats_its_header_row_on_every_page() {
    let soffice = soffice();
    let dir = tempfile::tempdir().unwrap();
    let months: String = (1..=12)
        .map(|m| {
            let items: String = (1..=4)
                .map(|i| format!("      - {{text: 第{m}月第{i}项工作安排, owner: 工会主席}}\n"))
                .collect();
            format!("  - month: {m}\n    items:\n{items}")
        })
        .collect();
    let yaml = format!(
        "school: 甲校\nyear: 2025\nguiding_principles: 文字。\nmeasures: [做事。]\nschedule:\n{months}signature: {{date: 2025-01-02}}\nstyle:\n  schedule_layout: table\n"
    );
    let docx = dir.path().join("table.docx");
    std::fs::write(&docx, render_text(&yaml, Format::Docx)).unwrap();
    let pdf = to_pdf(&soffice, dir.path(), &docx);
    let texts = page_texts(&pdf);
    assert!(
        texts.len() >= 3,
        "the schedule runs over pages: {}",
        texts.len()
    );
    // Every page the table runs on starts with its header row.
    for (i, page) in texts.iter().enumerate().skip(1) {
        if !page.contains("工作安排") {
            continue;
        }
        let first = page.lines().find(|l| !l.trim().is_empty()).unwrap();
        assert_eq!(
            squeeze(first),
            "月份工作内容负责人",
            "page {} starts with the header row:\n{page}",
            i + 1
        );
    }
    // Every item, in order, none split from its month: each month's four
    // items are on one page.
    let all = squeeze(&texts.concat());
    let wanted: Vec<String> = (1..=12)
        .flat_map(|m| (1..=4).map(move |i| format!("{i}、第{m}月第{i}项工作安排")))
        .collect();
    assert_in_order(&all, &wanted);
    for m in 1..=12 {
        let on = texts
            .iter()
            .filter(|p| squeeze(p).contains(&format!("第{m}月第")))
            .count();
        assert_eq!(on, 1, "month {m}'s row is on one page");
    }
}

fn no_table_cell_breaks_a_date_or_an_owner() {
    let soffice = soffice();
    let dir = tempfile::tempdir().unwrap();
    // Months of two items, each with its date and owner: the 时间 and
    // 负责人 cells number their lines (1、3月8日), which once squeezed them
    // until they read 3月8/日 and 女工/委员.
    let months: String = [(3, 8, "女工委员"), (9, 10, "工会主席"), (10, 29, "工会副主席"), (12, 31, "校工会委员会")]
        .iter()
        .map(|(m, d, owner)| {
            format!(
                "  - month: {m}\n    items:\n      - {{text: 组织全体教职工开展第{m}月的主题活动, date: 2025-{m:02}-{d:02}, owner: {owner}}}\n      - {{text: 召开工会委员会议，部署本月工作, date: 2025-{m:02}-{:02}, owner: 工会主席}}\n",
                d - 1
            )
        })
        .collect();
    let yaml = format!(
        "school: 甲校\nyear: 2025\nguiding_principles: 文字。\nmeasures: [做事。]\nschedule:\n{months}signature: {{date: 2025-01-02}}\nstyle:\n  schedule_layout: table\n"
    );
    let docx = dir.path().join("cells.docx");
    std::fs::write(&docx, render_text(&yaml, Format::Docx)).unwrap();
    let pdf = to_pdf(&soffice, dir.path(), &docx);
    let lines: Vec<String> = page_texts(&pdf)
        .iter()
        .flat_map(|p| p.lines().map(squeeze).collect::<Vec<_>>())
        .collect();
    for word in [
        "3月8日",
        "3月7日",
        "9月10日",
        "10月29日",
        "12月31日",
        "女工委员",
        "工会副主席",
        "校工会委员会",
    ] {
        assert!(
            lines.iter().any(|l| l.contains(word)),
            "{word} is whole on one line:\n{}",
            lines.join("\n")
        );
    }
}

/// The fonts of a PDF, as `pdffonts` lists them: (name, embedded).
fn pdf_fonts(pdf: &Path) -> Vec<(String, bool)> {
    let out = Command::new("pdffonts").arg(pdf).output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            // name … emb sub uni object ID: `emb` is the fifth from the end.
            let emb = cols.len().checked_sub(5).map(|i| cols[i])?;
            Some((cols[0].to_string(), emb == "yes"))
        })
        .collect()
}

fn render_makes_a_pdf_with_the_docx_pages_text_and_embedded_fonts() {
    let dir = tempfile::tempdir().unwrap();
    let spec = example("qingxi-2025.yaml");
    let out = dir.path().join("out");
    let run = render_to(dir.path(), &spec, &out, "pdf", &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(stderr(&run).contains("已生成"), "{}", stderr(&run));
    // Only the PDF: the DOCX it was made from is not left behind.
    let names: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["qingxi-2025.pdf"]);
    let pdf = out.join("qingxi-2025.pdf");
    // The pages of the DOCX as LibreOffice opens it (the example test
    // above): five, with every text of the spec in order.
    assert_eq!(pages(&pdf), 5);
    let all = letters(&body_text(&page_texts(&pdf)));
    let yaml = std::fs::read_to_string(&spec).unwrap();
    let wanted: Vec<String> = spec_texts(&yaml).iter().map(|t| letters(t)).collect();
    assert_in_order(&all, &wanted);
    let fonts = pdf_fonts(&pdf);
    assert!(!fonts.is_empty());
    assert!(
        fonts.iter().all(|(_, embedded)| *embedded),
        "every font embedded: {fonts:?}"
    );
    // Where 仿宋 and 楷体 are missing, the free fonts closest to them: a
    // serif body and a 楷体-like （一）, not one sans-serif for all.
    for wanted in ["NotoSerifCJK", "UKai", "NotoSansCJK"] {
        assert!(
            fonts
                .iter()
                .any(|(name, _)| name.replace(' ', "").contains(wanted)),
            "{wanted} in the PDF: {fonts:?}"
        );
    }
}

fn a_batch_converts_every_school_in_one_libreoffice_process() {
    let soffice = soffice();
    let dir = tempfile::tempdir().unwrap();
    // A LibreOffice that notes each time it is started.
    let log = dir.path().join("started.log");
    let wrapper = dir.path().join("soffice");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\necho started >> '{}'\nexec '{}' \"$@\"\n",
            log.display(),
            soffice.display()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let out = dir.path().join("out");
    let district = repo().join("specs/district/district.yaml");
    let args = [
        "batch",
        district.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-f",
        "pdf,docx",
        "--flat",
    ];
    let vars = [(unionplan::pdf::SOFFICE_VAR, wrapper.as_os_str())];
    let run = unionplan_with("zh_CN.UTF-8", dir.path(), &args, &vars);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(std::fs::read_to_string(&log).unwrap().lines().count(), 1);
    let pdfs: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    assert!(pdfs.len() >= 5, "{pdfs:?}");
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    for pdf in &pdfs {
        let name = pdf.file_name().unwrap().to_str().unwrap();
        assert!(pages(pdf) >= 1, "{name}");
        // Each school's PDF is its own plan, and the index links it.
        let school = name.split("2025").next().unwrap();
        assert!(squeeze(&page_texts(pdf)[0]).contains(school), "{name}");
        assert!(index.contains(name), "index.html links {name}");
    }
}

fn the_reference_doc_s_header_shows_on_every_page() {
    let soffice = soffice();
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("模板.docx");
    school_template(&template);
    let spec = example("qingxi-2025.yaml");
    let yaml = std::fs::read_to_string(&spec).unwrap();
    let yaml = format!("{yaml}\nstyle:\n  reference_doc: {}\n", template.display());
    let docx = dir.path().join("ref.docx");
    std::fs::write(&docx, render_text(&yaml, Format::Docx)).unwrap();
    let pdf = to_pdf(&soffice, dir.path(), &docx);
    let texts = page_texts(&pdf);
    assert!(texts.len() >= 4, "{}", texts.len());
    for (i, page) in texts.iter().enumerate() {
        let first = page.lines().find(|l| !l.trim().is_empty()).unwrap();
        assert_eq!(squeeze(first), "青溪路小学工会委员会", "page {}", i + 1);
    }
    // The plan's own text follows, and none of the template's.
    let all = squeeze(&texts.concat());
    assert!(all.contains("青溪路小学2025年工会工作计划"));
    assert!(!all.contains("模板正文"));
}
