//! `unionplan diff OLD NEW --docx`: the new plan as a Word file whose
//! differences from the old one are tracked changes. Read back as Word
//! would: accepting every change gives the new plan's paragraphs, and
//! rejecting every change the old plan's, exactly as `render` writes them;
//! each change is authored, dated and no wider than what changed; the file
//! passes the OOXML validators.

use std::path::Path;

use crate::common::*;

/// Last year's plan, small, in the project's own words.
const OLD: &str = r#"school: 青溪路小学
year: 2025
guiding_principles: 以习近平新时代中国特色社会主义思想为指导，团结带领全体教职工为办好人民满意的教育贡献力量。
measures:
  - title: 加强思想政治引领
    text: 组织教职工开展读书沙龙活动，每学期不少于两次。
  - title: 推进民主管理
    text: 按时召开教职工代表大会，落实校务公开制度。
  - title: 丰富文体生活
    text: 每月组织一次教职工羽毛球比赛。
schedule:
  - month: 3
    items:
      - text: “三八”妇女节庆祝活动
        date: 2025-03-08
      - 召开第五届教职工代表大会第二次会议
signature:
  org: 青溪路小学工会
  date: 2025-02-18
"#;

/// This year's: one word changed (读书沙龙 → 摄影展览), a measure removed
/// (推进民主管理), one added (关心教职工身心健康), a date moved (3月8日 →
/// 3月6日).
const NEW: &str = r#"school: 青溪路小学
year: 2025
guiding_principles: 以习近平新时代中国特色社会主义思想为指导，团结带领全体教职工为办好人民满意的教育贡献力量。
measures:
  - title: 加强思想政治引领
    text: 组织教职工开展摄影展览活动，每学期不少于两次。
  - title: 丰富文体生活
    text: 每月组织一次教职工羽毛球比赛。
  - title: 关心教职工身心健康
    text: 组织全体教职工参加年度健康体检。
schedule:
  - month: 3
    items:
      - text: “三八”妇女节庆祝活动
        date: 2025-03-06
      - 召开第五届教职工代表大会第二次会议
signature:
  org: 青溪路小学工会
  date: 2025-02-18
"#;

/// Which plan to read out of a tracked-changes document.
#[derive(Clone, Copy, PartialEq)]
enum View {
    /// Every change accepted: the new plan.
    Accept,
    /// Every change rejected: the old plan.
    Reject,
}

/// The paragraphs of `word/document.xml` with every change accepted or
/// rejected, as Word does it: inserted runs are kept (or dropped), deleted
/// ones dropped (or kept), and a paragraph whose mark goes away joins the
/// next one. A line break reads as `\n`; the blank lines are "".
fn paragraphs(docx: &[u8], view: View) -> Vec<String> {
    let xml = docx_part(docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let body = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "body")))
        .unwrap();
    let (kept, dropped) = match view {
        View::Accept => ("ins", "del"),
        View::Reject => ("del", "ins"),
    };
    let mut out = Vec::new();
    let mut carried = String::new();
    for p in body.children().filter(|n| n.has_tag_name((W, "p"))) {
        let mut text = std::mem::take(&mut carried);
        for c in p.children().filter(|c| c.is_element()) {
            let runs: Vec<Node> = match c.tag_name().name() {
                "r" => vec![c],
                t if t == kept => c.children().filter(|r| r.has_tag_name((W, "r"))).collect(),
                t if t == dropped || t == "pPr" => Vec::new(),
                other => panic!("unexpected w:{other} in a paragraph"),
            };
            for r in runs {
                for piece in r.children() {
                    match piece.tag_name().name() {
                        "t" | "delText" => text.push_str(piece.text().unwrap_or("")),
                        "br" => text.push('\n'),
                        _ => {}
                    }
                }
            }
        }
        let mark_goes = child(p, "pPr")
            .and_then(|ppr| child(ppr, "rPr"))
            .and_then(|rpr| child(rpr, dropped))
            .is_some();
        if mark_goes {
            carried = text;
        } else {
            out.push(text);
        }
    }
    assert!(carried.is_empty(), "the last paragraph mark was removed");
    out
}

/// The paragraphs of a plain DOCX (no changes: both views are the same).
fn plain_paragraphs(docx: &[u8]) -> Vec<String> {
    let accepted = paragraphs(docx, View::Accept);
    assert_eq!(
        accepted,
        paragraphs(docx, View::Reject),
        "a plain render has no changes"
    );
    accepted
}

/// `spec` rendered by `unionplan render -f docx` in `dir`.
fn rendered(dir: &Path, spec: &str) -> Vec<u8> {
    let out = dir.join("plain");
    let o = unionplan(
        dir,
        &["render", spec, "-f", "docx", "-o", out.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let stem = Path::new(spec).file_stem().unwrap().to_str().unwrap();
    std::fs::read(out.join(format!("{stem}.docx"))).unwrap()
}

/// `unionplan diff old new --docx changes.docx` in `dir`: the Word file,
/// and what the command printed on standard output.
fn tracked(dir: &Path, old: &str, new: &str) -> (Vec<u8>, String) {
    let o = unionplan(dir, &["diff", old, new, "--docx", "changes.docx"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("已生成 changes.docx"),
        "the file is reported: {}",
        stderr(&o)
    );
    let bytes = std::fs::read(dir.join("changes.docx")).unwrap();
    (bytes, String::from_utf8(o.stdout).unwrap())
}

/// The plans of `OLD` and `NEW` written into a new folder.
fn small_plans() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.yaml"), OLD).unwrap();
    std::fs::write(dir.path().join("new.yaml"), NEW).unwrap();
    dir
}

/// Every `w:ins` and `w:del` of the document: on runs and on paragraph marks.
fn changes<'a>(doc: &'a roxmltree::Document<'a>) -> Vec<Node<'a>> {
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "ins")) || n.has_tag_name((W, "del")))
        .collect()
}

/// The text of the runs of `p` that are direct children (unchanged), or
/// inside its `w:ins` or `w:del` (`wrapper`), in order and joined.
fn texts_of(p: Node, wrapper: Option<&str>) -> Vec<String> {
    p.children()
        .filter(|c| match wrapper {
            None => c.has_tag_name((W, "r")),
            Some(w) => c.has_tag_name((W, w)),
        })
        .map(|c| {
            c.descendants()
                .filter(|t| t.has_tag_name((W, "t")) || t.has_tag_name((W, "delText")))
                .filter_map(|t| t.text())
                .collect::<String>()
        })
        .collect()
}

/// The body paragraph whose text, changed or not, contains `needle`.
fn paragraph_with<'a>(doc: &'a roxmltree::Document<'a>, needle: &str) -> Node<'a> {
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .find(|p| {
            p.descendants()
                .filter(|t| t.has_tag_name((W, "t")) || t.has_tag_name((W, "delText")))
                .filter_map(|t| t.text())
                .collect::<String>()
                .contains(needle)
        })
        .unwrap_or_else(|| panic!("no paragraph holds {needle:?}"))
}

fn mark_of<'a>(p: Node<'a>) -> Option<&'a str> {
    let rpr = child(p, "pPr").and_then(|ppr| child(ppr, "rPr"))?;
    ["ins", "del"].into_iter().find(|t| child(rpr, t).is_some())
}

#[test]
fn accepting_gives_the_new_plan_and_rejecting_the_old() {
    let dir = small_plans();
    let (docx, _) = tracked(dir.path(), "old.yaml", "new.yaml");
    let old = plain_paragraphs(&rendered(dir.path(), "old.yaml"));
    let new = plain_paragraphs(&rendered(dir.path(), "new.yaml"));
    assert_ne!(old, new);
    assert_eq!(paragraphs(&docx, View::Accept), new);
    assert_eq!(paragraphs(&docx, View::Reject), old);
    assert_valid_docx(&docx, "the tracked changes of two small plans");
}

#[test]
fn the_examples_tracked_accept_and_reject_to_each_plan() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["qingxi-2025.yaml", "qingxi-2026.yaml"] {
        std::fs::copy(example(f), dir.path().join(f)).unwrap();
    }
    let (docx, _) = tracked(dir.path(), "qingxi-2025.yaml", "qingxi-2026.yaml");
    let old = plain_paragraphs(&rendered(dir.path(), "qingxi-2025.yaml"));
    let new = plain_paragraphs(&rendered(dir.path(), "qingxi-2026.yaml"));
    assert_eq!(paragraphs(&docx, View::Accept), new);
    assert_eq!(paragraphs(&docx, View::Reject), old);
    assert_valid_docx(&docx, "qingxi-2025 → qingxi-2026 as tracked changes");
    // The year in the title is one change, the number whole.
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let title = paragraph_with(&doc, "工会工作计划");
    assert_eq!(texts_of(title, Some("del")), ["2025"]);
    assert_eq!(texts_of(title, Some("ins")), ["2026"]);
}

#[test]
fn every_change_is_authored_dated_and_numbered_once() {
    let dir = small_plans();
    let (docx, _) = tracked(dir.path(), "old.yaml", "new.yaml");
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let all = changes(&doc);
    assert!(all.iter().any(|n| n.tag_name().name() == "ins"), "no w:ins");
    assert!(all.iter().any(|n| n.tag_name().name() == "del"), "no w:del");
    let mut ids = Vec::new();
    for c in &all {
        assert_eq!(c.attribute((W, "author")), Some("青溪路小学工会"), "{c:?}");
        let date = c.attribute((W, "date")).expect("a date");
        let parsed = chrono::DateTime::parse_from_rfc3339(date).expect("ISO 8601");
        assert!(
            date.ends_with('Z') && date.len() == 20,
            "{date}: seconds, UTC"
        );
        let age = chrono::Utc::now().signed_duration_since(parsed);
        assert!(age.num_minutes().abs() < 10, "{date} is not now");
        ids.push(c.attribute((W, "id")).expect("an id").to_string());
    }
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "ids are unique");
    // Deleted text is w:delText, inserted and unchanged text w:t.
    for t in doc.descendants().filter(|n| n.has_tag_name((W, "t"))) {
        assert!(
            !t.ancestors().any(|a| a.has_tag_name((W, "del"))),
            "w:t deleted"
        );
    }
    for t in doc.descendants().filter(|n| n.has_tag_name((W, "delText"))) {
        assert!(
            t.ancestors().any(|a| a.has_tag_name((W, "del"))),
            "w:delText kept"
        );
    }
}

#[test]
fn a_changed_word_alone_is_deleted_and_inserted() {
    let dir = small_plans();
    let (docx, _) = tracked(dir.path(), "old.yaml", "new.yaml");
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();

    let p = paragraph_with(&doc, "摄影展览");
    assert_eq!(mark_of(p), None, "the paragraph itself stays");
    assert_eq!(texts_of(p, Some("del")), ["读书沙龙"]);
    assert_eq!(texts_of(p, Some("ins")), ["摄影展览"]);
    assert_eq!(
        texts_of(p, None),
        ["组织教职工开展", "活动，每学期不少于两次。"]
    );

    // The date of a schedule item: only its day.
    let p = paragraph_with(&doc, "妇女节");
    assert_eq!(texts_of(p, Some("del")), ["8"]);
    assert_eq!(texts_of(p, Some("ins")), ["6"]);
    assert_eq!(texts_of(p, None), ["1、“三八”妇女节庆祝活动（3月", "日）"]);

    // The measure after the removed one is renumbered: （三） → （二）.
    let p = paragraph_with(&doc, "丰富文体生活");
    assert_eq!(texts_of(p, Some("del")), ["三"]);
    assert_eq!(texts_of(p, Some("ins")), ["二"]);
}

#[test]
fn a_measure_added_or_removed_is_a_whole_paragraph() {
    let dir = small_plans();
    let (docx, _) = tracked(dir.path(), "old.yaml", "new.yaml");
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    for (needle, change) in [
        ("关心教职工身心健康", "ins"),
        ("组织全体教职工参加年度健康体检。", "ins"),
        ("推进民主管理", "del"),
        ("按时召开教职工代表大会，落实校务公开制度。", "del"),
    ] {
        let p = paragraph_with(&doc, needle);
        assert_eq!(mark_of(p), Some(change), "{needle}: its paragraph mark");
        assert!(texts_of(p, None).is_empty(), "{needle}: unchanged runs");
        let other = if change == "ins" { "del" } else { "ins" };
        assert!(texts_of(p, Some(other)).is_empty(), "{needle}");
        assert!(
            texts_of(p, Some(change)).concat().ends_with(needle),
            "{needle}"
        );
    }
}

/// A title and a 落款 unlike the old ones are deleted and inserted whole,
/// each with the blank line that follows the title or comes before the
/// 落款 in its own plan.
#[test]
fn a_new_title_and_signature_keep_their_blank_lines() {
    let dir = small_plans();
    let new = NEW
        .replace("year: 2025\n", "year: 2025\ntitle: 秋季教职工活动安排\n")
        .replace("org: 青溪路小学工会", "org: 东湖区教育局直属学校联合会");
    std::fs::write(dir.path().join("new.yaml"), new).unwrap();
    let (docx, _) = tracked(dir.path(), "old.yaml", "new.yaml");
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let body: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .collect();
    let marks: Vec<Option<&str>> = body.iter().map(|p| mark_of(*p)).collect();
    // Old title, its blank line, new title, its blank line.
    assert_eq!(
        marks[..4],
        [Some("del"), Some("del"), Some("ins"), Some("ins")]
    );
    assert_eq!(
        paragraphs(&docx, View::Accept),
        plain_paragraphs(&rendered(dir.path(), "new.yaml"))
    );
    assert_eq!(
        paragraphs(&docx, View::Reject),
        plain_paragraphs(&rendered(dir.path(), "old.yaml"))
    );
    assert_valid_docx(&docx, "a new title and 落款 as tracked changes");
}

#[test]
fn the_text_diff_is_printed_as_without_docx() {
    let dir = small_plans();
    let (_, printed) = tracked(dir.path(), "old.yaml", "new.yaml");
    let plain = unionplan(dir.path(), &["diff", "old.yaml", "new.yaml"]);
    assert!(plain.status.success());
    assert_eq!(printed, String::from_utf8(plain.stdout).unwrap());
    assert!(printed.contains("删去：（二）推进民主管理"), "{printed}");
}

#[test]
fn without_an_org_the_author_is_the_schools_union() {
    let dir = small_plans();
    let new = NEW.replace("  org: 青溪路小学工会\n", "");
    std::fs::write(dir.path().join("new.yaml"), new).unwrap();
    let (docx, _) = tracked(dir.path(), "old.yaml", "new.yaml");
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let all = changes(&doc);
    assert!(!all.is_empty());
    for c in all {
        assert_eq!(c.attribute((W, "author")), Some("青溪路小学工会委员会"));
    }
    assert_eq!(
        paragraphs(&docx, View::Accept),
        plain_paragraphs(&rendered(dir.path(), "new.yaml"))
    );
    assert_valid_docx(&docx, "a new 落款 as tracked changes");
}

#[test]
fn the_word_file_never_replaces_a_plan() {
    let dir = small_plans();
    let o = unionplan(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--docx", "old.yaml"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("就是这次要读的文件"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("old.yaml")).unwrap(),
        OLD
    );
}
