//! A real client opens the DOCX: LibreOffice converts it to PDF, and the PDF
//! is checked for its pages, its text and the 22-line page.
//!
//! Needs `soffice` (libreoffice-writer-nogui), `pdftotext` and `pdfinfo`
//! (poppler-utils) and a CJK font (fonts-noto-cjk); `.ci/run` installs them.
//! Without them the test is skipped with the reason printed, except under
//! CI (the `CI` variable set), where a skip would hide a broken set-up.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use unionplan::render::Format;

/// The tools, or `None` after printing why the test is skipped.
fn tools() -> Option<PathBuf> {
    let soffice = tool("soffice").or_else(|| tool("libreoffice"));
    let missing: Vec<&str> = [
        ("soffice", soffice.is_some()),
        ("pdftotext", tool("pdftotext").is_some()),
        ("pdfinfo", tool("pdfinfo").is_some()),
    ]
    .into_iter()
    .filter(|(_, found)| !found)
    .map(|(name, _)| name)
    .collect();
    if missing.is_empty() {
        return soffice;
    }
    skip(&format!(
        "{} not installed (apt-get install libreoffice-writer-nogui fonts-noto-cjk poppler-utils)",
        missing.join(", ")
    ));
    None
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

/// The page as measured in the PDF: GB/T 9704 margins, centred title,
/// two-character indents and 28.95 pt lines.
fn check_geometry(pdf: &Path) {
    const MM: f64 = 72.0 / 25.4;
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

#[test]
fn libreoffice_opens_the_example_plan() {
    let Some(soffice) = tools() else { return };
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
        const MM: f64 = 72.0 / 25.4;
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
    let bodies: Vec<String> = texts
        .iter()
        .map(|page| {
            let mut lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
            lines.pop(); // the page number
            lines.concat()
        })
        .collect();
    let all = letters(&bodies.concat());
    let yaml = std::fs::read_to_string(&spec).unwrap();
    let wanted: Vec<String> = spec_texts(&yaml).iter().map(|t| letters(t)).collect();
    assert_in_order(&all, &wanted);
    assert!(all.contains("2025年2月18日"));
    assert!(all.contains("四具体工作安排"));
}

#[test]
fn a_full_page_holds_22_lines() {
    let Some(soffice) = tools() else { return };
    let dir = tempfile::tempdir().unwrap();
    let items: String = (1..=70).map(|i| format!("      - 第{i}条\n")).collect();
    let yaml = format!(
        "school: 甲校\nyear: 2025\nguiding_principles: 文字。\nmeasures:\n  - title: 条目\n    items:\n{items}signature: {{date: 2025-01-02}}\n"
    );
    let docx = dir.path().join("lines.docx");
    std::fs::write(&docx, render_text(&yaml, Format::Docx)).unwrap();
    let pdf = to_pdf(&soffice, dir.path(), &docx);
    let texts = page_texts(&pdf);
    assert!(texts.len() >= 3);
    // Page 2 is all one-line items: 22 lines of text, then the page number.
    let lines: Vec<&str> = texts[1].lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        lines.len(),
        23,
        "22 text lines and the page number: {lines:#?}"
    );
    assert_eq!(squeeze(lines[22]), "—2—");
}

#[test]
fn a_full_line_holds_28_characters() {
    let Some(soffice) = tools() else { return };
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

#[test]
fn a_long_schedule_table_repeats_its_header_row_on_every_page() {
    let Some(soffice) = tools() else { return };
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

#[test]
fn render_makes_a_pdf_with_the_docx_pages_text_and_embedded_fonts() {
    let Some(_) = tools() else { return };
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
    let all = letters(&page_texts(&pdf).concat());
    let yaml = std::fs::read_to_string(&spec).unwrap();
    let wanted: Vec<String> = spec_texts(&yaml).iter().map(|t| letters(t)).collect();
    assert_in_order(&all, &wanted);
    let fonts = pdf_fonts(&pdf);
    assert!(!fonts.is_empty());
    assert!(
        fonts.iter().all(|(_, embedded)| *embedded),
        "every font embedded: {fonts:?}"
    );
}

#[test]
fn a_batch_converts_every_school_in_one_libreoffice_process() {
    let Some(soffice) = tools() else { return };
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

#[test]
fn the_reference_doc_s_header_shows_on_every_page() {
    let Some(soffice) = tools() else { return };
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
