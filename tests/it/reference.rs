//! The school's own Word file as a reference document (参考文档): the plan
//! takes its page, its header with the logo, and its styles' fonts, sizes
//! and spacing, and nothing of its body; a file that is no DOCX is refused.

use crate::common::*;
use unionplan::render::Format;

const SPEC: &str = "school: 青溪路小学
year: 2025
guiding_principles: 服务教职工。
measures: [做好慰问。]
signature: {date: 2025-02-18}
";

/// A folder with the template and a spec naming it (in Chinese keys).
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("模板")).unwrap();
    school_template(&dir.path().join("模板/学校模板.docx"));
    std::fs::write(
        dir.path().join("plan.yaml"),
        format!("{SPEC}样式:\n  参考文档: 模板/学校模板.docx\n"),
    )
    .unwrap();
    dir
}

/// `tag/@attr` in effect for the paragraph of `part` holding `text`: of
/// its paragraph properties, or (`run`) of its first run's.
fn look(docx: &[u8], part: &str, text: &str, run: bool, tag: &str, attr: &str) -> Option<String> {
    let styles_xml = docx_part(docx, "word/styles.xml");
    let styles = roxmltree::Document::parse(&styles_xml).unwrap();
    let xml = docx_part(docx, part);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let p = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "p")) && paragraph_text(*n).contains(text))
        .unwrap_or_else(|| panic!("no paragraph with {text} in {part}"));
    match run {
        false => para_prop(&styles, p, tag, attr),
        true => {
            let r = p.children().find(|n| n.has_tag_name((W, "r"))).unwrap();
            run_prop(&styles, p, r, tag, attr)
        }
    }
}

/// [`look`] in the document body.
fn body_look(docx: &[u8], text: &str, run: bool, tag: &str, attr: &str) -> Option<String> {
    look(docx, "word/document.xml", text, run, tag, attr)
}

fn check_carried_over(docx: &[u8]) {
    let names = docx_part_names(docx);
    // The header and its logo, with the relationship between them.
    let header = docx_part(docx, "word/refheader1.xml");
    assert!(header.contains("青溪路小学工会委员会"));
    assert!(header.contains(r#"r:embed="rIdLogo""#));
    let rels = docx_part(docx, "word/_rels/refheader1.xml.rels");
    assert!(rels.contains(r#"Id="rIdLogo""#) && rels.contains(r#"Target="media/ref1_logo.png""#));
    assert!(names.contains(&"word/media/ref1_logo.png".to_string()));
    assert!(docx_bytes(docx, "word/media/ref1_logo.png").starts_with(b"\x89PNG"));
    let types = docx_part(docx, "[Content_Types].xml");
    assert!(types.contains(r#"<Default Extension="png" ContentType="image/png"/>"#));
    assert!(types.contains(r#"PartName="/word/refheader1.xml""#));
    // On odd and even pages; the page numbers stay (the template has no footer).
    let document = docx_part(docx, "word/document.xml");
    let doc_rels = docx_part(docx, "word/_rels/document.xml.rels");
    assert!(doc_rels.contains(r#"Target="refheader1.xml""#));
    assert!(document.contains(r#"<w:headerReference w:type="default" r:id="rIdRefheader1"/>"#));
    assert!(document.contains(r#"<w:headerReference w:type="even" r:id="rIdRefheader1"/>"#));
    assert!(document.contains(r#"<w:footerReference w:type="default""#));
    // The template's page.
    assert!(document.contains(
        r#"<w:pgMar w:top="2500" w:right="1800" w:bottom="2000" w:left="1800" w:header="900" w:footer="900" w:gutter="0"/>"#
    ));
    // Nothing of its body.
    assert!(!document.contains("模板正文"));
    // Its styles: 正文 in 宋体 14 pt, 6 pt after; 一级标题 (named so) in 微软雅黑.
    let body = |run, tag, attr| body_look(docx, "服务教职工", run, tag, attr);
    assert_eq!(body(true, "rFonts", "eastAsia").as_deref(), Some("宋体"));
    assert_eq!(body(true, "sz", "val").as_deref(), Some("28"));
    assert_eq!(body(false, "spacing", "after").as_deref(), Some("120"));
    assert_eq!(
        body_look(docx, "指导思想", true, "rFonts", "eastAsia").as_deref(),
        Some("微软雅黑")
    );
}

#[test]
fn a_spec_s_reference_doc_gives_the_plan_its_header_page_and_styles() {
    let dir = folder();
    let docx = render_file(&dir.path().join("plan.yaml"), Format::Docx);
    check_carried_over(&docx);
}

#[test]
fn the_command_line_reference_doc_works_for_render_and_batch() {
    let dir = folder();
    std::fs::write(dir.path().join("bare.yaml"), SPEC).unwrap();
    let run = unionplan(
        dir.path(),
        &[
            "render",
            "bare.yaml",
            "-f",
            "docx",
            "--reference-doc",
            "模板/学校模板.docx",
        ],
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let docx = std::fs::read(dir.path().join("out/bare.docx")).unwrap();
    assert_valid_docx(&docx, "render --reference-doc");
    check_carried_over(&docx);

    std::fs::write(
        dir.path().join("d.yaml"),
        "base: bare.yaml\nschools:\n  - school: 甲校\n  - school: 乙校\n",
    )
    .unwrap();
    let run = unionplan(
        dir.path(),
        &[
            "batch",
            "d.yaml",
            "-o",
            "all",
            "-f",
            "docx",
            "--flat",
            "--reference-doc",
            "模板/学校模板.docx",
        ],
    );
    assert!(run.status.success(), "{}", stderr(&run));
    for school in ["甲校", "乙校"] {
        let docx = std::fs::read(
            dir.path()
                .join(format!("all/{school}2025年工会工作计划.docx")),
        )
        .unwrap();
        assert_valid_docx(&docx, school);
        assert!(docx_part(&docx, "word/refheader1.xml").contains("青溪路小学工会委员会"));
    }
}

#[test]
fn a_template_that_is_no_docx_is_a_located_error_naming_it() {
    let dir = folder();
    std::fs::write(dir.path().join("模板/坏的.docx"), "这不是 Word 文件").unwrap();
    std::fs::write(
        dir.path().join("plan.yaml"),
        format!("{SPEC}样式:\n  参考文档: 模板/坏的.docx\n"),
    )
    .unwrap();
    let run = unionplan(dir.path(), &["render", "plan.yaml", "-f", "docx"]);
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert!(err.contains("plan.yaml:7:9"), "{err}");
    assert!(err.contains("参考文档"), "{err}");
    assert!(err.contains("坏的.docx 不是 Word 文件"), "{err}");
    assert!(!dir.path().join("out/plan.docx").exists());

    // A damaged one: a zip whose document part is cut short.
    let mut bytes = std::fs::read(dir.path().join("模板/学校模板.docx")).unwrap();
    bytes.truncate(bytes.len() / 2);
    std::fs::write(dir.path().join("模板/坏的.docx"), bytes).unwrap();
    std::fs::write(dir.path().join("bare.yaml"), SPEC).unwrap();
    let run = unionplan(
        dir.path(),
        &["render", "bare.yaml", "--reference-doc", "模板/坏的.docx"],
    );
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert!(err.contains("坏的.docx"), "{err}");
    assert!(!dir.path().join("out").exists(), "nothing written: {err}");
}

/// In a district file each school may name its own template, relative to
/// the district file; one named by the shared spec is relative to that spec.
#[test]
fn a_district_file_gives_each_school_its_own_template() {
    let dir = folder();
    // Batch `district` into `out`: has each school's plan the letterhead?
    let letterheads = |district: &str, out: &str, schools: &[&str]| -> Vec<bool> {
        let run = unionplan(
            dir.path(),
            &["batch", district, "-o", out, "-f", "docx", "--flat"],
        );
        assert!(run.status.success(), "{}", stderr(&run));
        schools
            .iter()
            .map(|school| {
                let path = dir
                    .path()
                    .join(format!("{out}/{school}2025年工会工作计划.docx"));
                let docx = std::fs::read(path).unwrap();
                assert_valid_docx(&docx, school);
                let names = docx_part_names(&docx);
                names.iter().any(|n| n == "word/refheader1.xml")
                    && docx_part(&docx, "word/refheader1.xml").contains("青溪路小学工会委员会")
            })
            .collect()
    };
    std::fs::create_dir(dir.path().join("共用")).unwrap();
    std::fs::write(dir.path().join("共用/bare.yaml"), SPEC).unwrap();
    std::fs::write(
        dir.path().join("d.yaml"),
        "共用计划: 共用/bare.yaml\n学校:\n  - 学校: 甲校\n    样式: {参考文档: 模板/学校模板.docx}\n  - 学校: 乙校\n",
    )
    .unwrap();
    assert_eq!(
        letterheads("d.yaml", "all", &["甲校", "乙校"]),
        [true, false]
    );

    // The shared spec names the template relative to itself.
    std::fs::create_dir(dir.path().join("共用/模板")).unwrap();
    school_template(&dir.path().join("共用/模板/学校模板.docx"));
    std::fs::write(
        dir.path().join("共用/bare.yaml"),
        format!("{SPEC}样式:\n  参考文档: 模板/学校模板.docx\n"),
    )
    .unwrap();
    assert_eq!(letterheads("d.yaml", "all2", &["乙校"]), [true]);

    // A roster column names it too, relative to the district file.
    std::fs::write(dir.path().join("共用/bare.yaml"), SPEC).unwrap();
    std::fs::write(
        dir.path().join("名单.csv"),
        "学校,样式.参考文档\n丙校,模板/学校模板.docx\n丁校,\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("r.yaml"),
        "共用计划: 共用/bare.yaml\n名单: 名单.csv\n",
    )
    .unwrap();
    assert_eq!(
        letterheads("r.yaml", "all3", &["丙校", "丁校"]),
        [true, false]
    );
}

/// A template whose 正文 sets its own line spacing gives it to the plan,
/// with its document grid (in Word "1.5 lines" is 1.5 of the grid's);
/// one that sets none leaves the plan its own grid and exact pitch.
#[test]
fn the_template_s_line_spacing_comes_with_its_grid() {
    let dir = folder();
    let template = dir.path().join("模板/学校模板.docx");
    let plan = |dir: &tempfile::TempDir| {
        let run = unionplan(dir.path(), &["render", "plan.yaml", "-f", "docx"]);
        assert!(run.status.success(), "{}", stderr(&run));
        std::fs::read(dir.path().join("out/plan.docx")).unwrap()
    };
    let own = plan(&dir);
    let document = docx_part(&own, "word/document.xml");
    assert!(document.contains(r#"<w:docGrid w:type="lines" w:linePitch="#));
    assert!(!document.contains(r#"w:linePitch="312""#));
    assert_eq!(
        body_look(&own, "服务教职工", false, "spacing", "lineRule").as_deref(),
        Some("exact")
    );

    rewrite_part(&template, "word/styles.xml", |x| {
        x.replace(
            r#"<w:spacing w:after="120"/>"#,
            r#"<w:spacing w:after="120" w:line="360"/>"#,
        )
    });
    rewrite_part(&template, "word/document.xml", |x| {
        x.replace(
            "</w:sectPr>",
            r#"<w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>"#,
        )
    });
    let taken = plan(&dir);
    assert_valid_docx(&taken, "1.5 倍行距的模板");
    let document = docx_part(&taken, "word/document.xml");
    assert!(document.contains(r#"<w:docGrid w:type="lines" w:linePitch="312"/>"#));
    let spacing = |attr| body_look(&taken, "服务教职工", false, "spacing", attr);
    assert_eq!(spacing("line").as_deref(), Some("360"));
    assert_eq!(spacing("lineRule").as_deref(), Some("auto"));
    assert_eq!(spacing("after").as_deref(), Some("120"));

    // Exactly 28 pt, and no grid in the template: none in the plan.
    rewrite_part(&template, "word/styles.xml", |x| {
        x.replace(r#"w:line="360""#, r#"w:line="560" w:lineRule="exact""#)
    });
    rewrite_part(&template, "word/document.xml", |x| {
        x.replace(r#"<w:docGrid w:type="lines" w:linePitch="312"/>"#, "")
    });
    let exact = plan(&dir);
    assert_valid_docx(&exact, "固定行距的模板");
    assert!(!docx_part(&exact, "word/document.xml").contains("docGrid"));
    let styles = docx_part(&exact, "word/styles.xml");
    assert!(
        styles.contains(r#"w:line="560" w:lineRule="exact""#),
        "{styles}"
    );
}

/// A long-running `preview` sees a template saved again: it is read anew
/// when the file changes, and kept while it does not.
#[test]
fn a_template_saved_again_is_read_again() {
    use unionplan::reference;
    let dir = folder();
    let path = dir.path().join("模板/学校模板.docx");
    let first = reference::load(&path).unwrap();
    assert!(std::sync::Arc::ptr_eq(
        &first,
        &reference::load(&path).unwrap()
    ));
    rewrite_part(&path, "word/styles.xml", |x| x.replace("微软雅黑", "黑体"));
    let again = reference::load(&path).unwrap();
    assert_eq!(
        again.looks["PlanHeading1"].font.as_deref(),
        Some("黑体"),
        "{:?}",
        again.looks
    );
    assert_eq!(
        first.looks["PlanHeading1"].font.as_deref(),
        Some("微软雅黑")
    );

    // And what a plan is made of follows: its header too, in one process.
    let spec = dir.path().join("plan.yaml");
    let header = |docx: &[u8]| docx_part(docx, "word/refheader1.xml");
    assert!(header(&render_file(&spec, Format::Docx)).contains("青溪路小学工会委员会"));
    rewrite_part(&path, "word/header1.xml", |x| {
        x.replace("青溪路小学工会委员会", "新校名")
    });
    let again = render_file(&spec, Format::Docx);
    assert!(header(&again).contains("新校名"), "{}", header(&again));
}

/// A header naming one picture twice, and a chart: the picture is copied
/// once, the chart not at all (a header brings its pictures only), with a
/// warning, and the package stays valid (a second `Default` for `xml`, or
/// a part twice, makes it one Word cannot open).
#[test]
fn shared_pictures_are_copied_once_and_charts_not_at_all() {
    let dir = folder();
    let template = dir.path().join("模板/学校模板.docx");
    rewrite_part(&template, "word/_rels/header1.xml.rels", |x| {
        x.replace(
            "</Relationships>",
            concat!(
                r#"<Relationship Id="rIdLogo2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.png"/>"#,
                r#"<Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart1.xml"/>"#,
                "</Relationships>"
            ),
        )
    });
    rewrite_part(&template, "word/charts/chart1.xml", |_| CHART.into());
    rewrite_part(&template, "[Content_Types].xml", |x| {
        x.replace("</Types>", &format!(r#"<Override PartName="/word/charts/chart1.xml" ContentType="{CHART_TYPE}"/></Types>"#))
    });
    let (docx, warnings) = render_ok(&dir, "同一张图用两次的页眉");
    assert_eq!(warnings, ["reference_content_dropped"]);
    let names = docx_part_names(&docx);
    let logos = names.iter().filter(|n| n.contains("logo.png")).count();
    assert_eq!(logos, 1, "{names:?}");
    let rels = docx_part(&docx, "word/_rels/refheader1.xml.rels");
    assert!(rels.contains(r#"Id="rIdLogo2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/ref1_logo.png""#), "{rels}");
    assert!(!rels.contains("rIdChart"), "{rels}");
    assert!(!names.iter().any(|n| n.contains("chart")), "{names:?}");
    let types = docx_part(&docx, "[Content_Types].xml");
    assert_eq!(types.matches(r#"Extension="xml""#).count(), 1, "{types}");
    assert!(!types.contains(CHART_TYPE), "{types}");
}

const CHART_TYPE: &str = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/// The least chart a package may hold: an empty bar chart and its axes.
const CHART: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/>"#,
    r#"<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:axId val="1"/><c:axId val="2"/></c:barChart>"#,
    r#"<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>"#,
    r#"<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>"#,
    r#"</c:plotArea></c:chart></c:chartSpace>"#
);

/// Adds part `word/{name}.xml` of kind `kind` (header, footer, settings)
/// holding `body` to the template at `path`, related to its document as
/// `id`; a header or footer stands on the pages of `pages` (and `first`
/// gives the template a first page of its own).
fn add_part(
    path: &std::path::Path,
    kind: &str,
    name: &str,
    id: &str,
    body: &str,
    pages: Option<&str>,
) {
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let root = match kind {
        "header" => "hdr",
        "footer" => "ftr",
        other => other,
    };
    rewrite_part(path, &format!("word/{name}.xml"), |_| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} {w}>{body}</w:{root}>"#
        )
    });
    rewrite_part(path, "word/_rels/document.xml.rels", |x| {
        x.replace(
            "</Relationships>",
            &format!(r#"<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{name}.xml"/></Relationships>"#),
        )
    });
    rewrite_part(path, "[Content_Types].xml", |x| {
        x.replace(
            "</Types>",
            &format!(r#"<Override PartName="/word/{name}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/></Types>"#),
        )
    });
    let Some(pages) = pages else { return };
    let title_page = if pages == "first" { "<w:titlePg/>" } else { "" };
    rewrite_part(path, "word/document.xml", |x| {
        x.replace(
            "<w:pgSz ",
            &format!(r#"<w:{kind}Reference w:type="{pages}" r:id="{id}"/><w:pgSz "#),
        )
        .replace("</w:sectPr>", &format!("{title_page}</w:sectPr>"))
    });
}

/// A paragraph saying `text`.
fn paragraph(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

/// The plan's `w:{tag}Reference`s (tag: header or footer): each page type
/// and the part it names, sorted.
fn section_refs(docx: &[u8], tag: &str) -> Vec<(String, String)> {
    let document = docx_part(docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&document).unwrap();
    let rels = docx_part(docx, "word/_rels/document.xml.rels");
    let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut out: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, format!("{tag}Reference").as_str())))
        .map(|n| {
            let id = n.attribute((r, "id")).unwrap();
            let target = rels
                .split("<Relationship ")
                .find(|rel| rel.contains(&format!(r#"Id="{id}""#)))
                .and_then(|rel| rel.split(r#"Target=""#).nth(1))
                .and_then(|t| t.split('"').next())
                .unwrap()
                .to_string();
            (n.attribute((W, "type")).unwrap().to_string(), target)
        })
        .collect();
    out.sort();
    out
}

/// The page numbers stay on every page the template leaves without a
/// footer; a template footer without one is warned of, at the spec's line.
#[test]
fn page_numbers_stay_where_the_template_has_no_footer() {
    let refs = |docx: &[u8]| section_refs(docx, "footer");
    let render = |dir: &tempfile::TempDir| {
        let run = unionplan(dir.path(), &["render", "plan.yaml", "-f", "docx"]);
        assert!(run.status.success(), "{}", stderr(&run));
        let docx = std::fs::read(dir.path().join("out/plan.docx")).unwrap();
        assert_valid_docx(&docx, "带页脚的模板");
        (docx, stderr(&run))
    };
    let pair = |k: &str, t: &str| (k.to_string(), t.to_string());

    // A footer on the first page only: the others keep their numbers.
    let dir = folder();
    add_part(
        &dir.path().join("模板/学校模板.docx"),
        "footer",
        "footer1",
        "rIdF",
        &paragraph("校址：青溪路 1 号"),
        Some("first"),
    );
    let (docx, err) = render(&dir);
    assert_eq!(
        refs(&docx),
        [
            pair("default", "footer1.xml"),
            pair("even", "footer2.xml"),
            pair("first", "reffooter2.xml"),
        ]
    );
    assert!(err.contains("plan.yaml:7:"), "{err}");
    assert!(err.contains("页脚里没有页码"), "{err}");

    // A letterhead on the first page alone: that page keeps its number.
    let dir = folder();
    rewrite_part(
        &dir.path().join("模板/学校模板.docx"),
        "word/document.xml",
        |x| {
            x.replace(
                r#"w:type="default" r:id="rId10""#,
                r#"w:type="first" r:id="rId10""#,
            )
            .replace("</w:sectPr>", "<w:titlePg/></w:sectPr>")
        },
    );
    let (docx, err) = render(&dir);
    assert_eq!(
        refs(&docx),
        [
            pair("default", "footer1.xml"),
            pair("even", "footer2.xml"),
            pair("first", "footer1.xml"),
        ]
    );
    assert!(!err.contains("页脚里没有页码"), "{err}");
}

/// The body font the template gives Chinese text: its `eastAsia` font, or
/// its theme's Chinese font where it names that (`eastAsiaTheme`), never
/// its Western font.
#[test]
fn the_chinese_font_comes_from_the_theme_never_the_western_font() {
    let body_font = |dir: &tempfile::TempDir| {
        let run = unionplan(dir.path(), &["render", "plan.yaml", "-f", "docx"]);
        assert!(run.status.success(), "{}", stderr(&run));
        let docx = std::fs::read(dir.path().join("out/plan.docx")).unwrap();
        body_look(&docx, "服务教职工", true, "rFonts", "eastAsia")
    };
    let dir = folder();
    let template = dir.path().join("模板/学校模板.docx");
    rewrite_part(&template, "word/styles.xml", |x| {
        x.replace(r#"w:eastAsia="宋体""#, r#"w:eastAsiaTheme="minorEastAsia""#)
    });
    // No theme to name a font: the plan keeps its own, not Times New Roman.
    assert_eq!(body_font(&dir).as_deref(), Some("仿宋"));

    rewrite_part(&template, "word/theme/theme1.xml", |_| {
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements><a:fontScheme name="Office">"#,
            r#"<a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="等线 Light"/></a:majorFont>"#,
            r#"<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="等线"/></a:minorFont>"#,
            r#"</a:fontScheme></a:themeElements></a:theme>"#
        )
        .into()
    });
    rewrite_part(&template, "word/_rels/document.xml.rels", |x| {
        x.replace(
            "</Relationships>",
            r#"<Relationship Id="rIdTheme" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>"#,
        )
    });
    assert_eq!(body_font(&dir).as_deref(), Some("等线"));
}

/// Every style the template defines gives the plan its font and size:
/// the headings', the signature's and the table's too.
#[test]
fn every_named_style_takes_its_font_and_size() {
    let dir = folder();
    let template = dir.path().join("模板/学校模板.docx");
    rewrite_part(&template, "word/styles.xml", |x| {
        x.replace(
            r#"<w:rFonts w:eastAsia="微软雅黑"/></w:rPr>"#,
            r#"<w:rFonts w:eastAsia="微软雅黑"/><w:sz w:val="36"/></w:rPr>"#,
        )
        .replace(
            "</w:styles>",
            concat!(
                r#"<w:style w:type="paragraph" w:styleId="a9"><w:name w:val="落款"/><w:rPr><w:rFonts w:eastAsia="楷体"/></w:rPr></w:style>"#,
                r#"<w:style w:type="paragraph" w:styleId="PlanTableHead"><w:name w:val="Table Head"/><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="24"/></w:rPr></w:style>"#,
                "</w:styles>"
            ),
        )
    });
    std::fs::write(
        dir.path().join("plan.yaml"),
        format!(
            "{SPEC}schedule:\n  - month: 3\n    items: [{{text: 植树, owner: 工会主席}}]\n样式:\n  工作安排版式: 表格\n  参考文档: 模板/学校模板.docx\n"
        ),
    )
    .unwrap();
    let run = unionplan(dir.path(), &["render", "plan.yaml", "-f", "docx"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let docx = std::fs::read(dir.path().join("out/plan.docx")).unwrap();
    assert_valid_docx(&docx, "各样式都有字体字号的模板");
    let look = |text: &str| {
        (
            body_look(&docx, text, true, "rFonts", "eastAsia").unwrap_or_default(),
            body_look(&docx, text, true, "sz", "val").unwrap_or_default(),
        )
    };
    assert_eq!(look("指导思想"), ("微软雅黑".into(), "36".into()));
    assert_eq!(look("工会委员会"), ("楷体".into(), "28".into()));
    assert_eq!(look("负责人"), ("宋体".into(), "24".into()));
    assert_eq!(look("服务教职工"), ("宋体".into(), "28".into()));
}

/// The letterhead keeps its look: its paragraphs are in copies of the
/// template's own styles (页眉 with its rule under it; 正文 where it names
/// none), never in the plan's indented 正文 at an exact pitch that would
/// cut a tall logo.
#[test]
fn the_letterhead_keeps_the_template_s_styles() {
    let dir = folder();
    let template = dir.path().join("模板/学校模板.docx");
    rewrite_part(&template, "word/styles.xml", |x| {
        x.replace(
            "</w:styles>",
            concat!(
                r#"<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="header"/><w:basedOn w:val="Normal"/>"#,
                r#"<w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr><w:jc w:val="center"/></w:pPr>"#,
                r#"<w:rPr><w:sz w:val="18"/></w:rPr></w:style></w:styles>"#
            ),
        )
    });
    // A 2 cm logo, and a second line naming no style.
    rewrite_part(&template, "word/header1.xml", |x| {
        x.replace(
            r#"<w:pPr><w:jc w:val="center"/></w:pPr>"#,
            r#"<w:pPr><w:pStyle w:val="a3"/></w:pPr>"#,
        )
        .replace(r#"cx="360000" cy="360000""#, r#"cx="720000" cy="720000""#)
        .replace(
            "</w:hdr>",
            "<w:p><w:r><w:t>地址：青溪路 1 号</w:t></w:r></w:p></w:hdr>",
        )
    });
    let run = unionplan(dir.path(), &["render", "plan.yaml", "-f", "docx"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let docx = std::fs::read(dir.path().join("out/plan.docx")).unwrap();
    assert_valid_docx(&docx, "带页眉样式的模板");
    let styles_xml = docx_part(&docx, "word/styles.xml");
    let header = |text, tag, attr| look(&docx, "word/refheader1.xml", text, false, tag, attr);
    let letterhead = "青溪路小学工会委员会";
    assert_eq!(
        header(letterhead, "pStyle", "val").as_deref(),
        Some("Refa3")
    );
    assert_eq!(header(letterhead, "jc", "val").as_deref(), Some("center"));
    assert!(styles_xml.contains(
        r#"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>"#
    ));
    assert_eq!(
        header("地址", "pStyle", "val").as_deref(),
        Some("RefNormal")
    );
    for p in [letterhead, "地址"] {
        assert_eq!(header(p, "spacing", "lineRule").as_deref(), Some("auto"));
        assert_eq!(header(p, "ind", "firstLine").as_deref(), Some("0"));
    }
    // The template's 正文 is a style of its own, not a second "Normal".
    assert_eq!(styles_xml.matches(r#"<w:name w:val="Normal"/>"#).count(), 1);
    assert!(styles_xml.contains(r#"<w:name w:val="Normal (参考文档)"/>"#));
}

/// An even-page header left in a file whose settings do not ask for odd
/// and even pages is one Word does not show: the plan does not either.
#[test]
fn an_even_page_header_word_does_not_show_is_not_taken() {
    let header_on = |settings: Option<&str>| -> Vec<String> {
        let dir = folder();
        let template = dir.path().join("模板/学校模板.docx");
        add_part(
            &template,
            "header",
            "header2",
            "rId12",
            &paragraph("旧的偶数页页眉"),
            Some("even"),
        );
        if let Some(settings) = settings {
            add_part(&template, "settings", "settings", "rId13", settings, None);
        }
        let run = unionplan(dir.path(), &["render", "plan.yaml", "-f", "docx"]);
        assert!(run.status.success(), "{}", stderr(&run));
        let docx = std::fs::read(dir.path().join("out/plan.docx")).unwrap();
        assert_valid_docx(&docx, "带偶数页页眉的模板");
        let refs = section_refs(&docx, "header");
        let (_, target) = refs.iter().find(|(kind, _)| kind == "even").unwrap();
        let header = docx_part(&docx, &format!("word/{target}"));
        ["青溪路小学工会委员会", "旧的偶数页页眉"]
            .into_iter()
            .filter(|t| header.contains(t))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(header_on(None), ["青溪路小学工会委员会"]);
    assert_eq!(
        header_on(Some("<w:zoom w:percent=\"100\"/>")),
        ["青溪路小学工会委员会"]
    );
    assert_eq!(
        header_on(Some("<w:evenAndOddHeaders/>")),
        ["旧的偶数页页眉"]
    );
}

/// A header the template keeps outside itself (a link, which Word does
/// not show) is passed over; the rest of the template still serves.
#[test]
fn a_header_kept_outside_the_file_is_passed_over() {
    let dir = folder();
    let template = dir.path().join("模板/学校模板.docx");
    rewrite_part(&template, "word/_rels/document.xml.rels", |x| {
        x.replace(
            "</Relationships>",
            r#"<Relationship Id="rIdOut" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="http://example.com/header.xml" TargetMode="External"/></Relationships>"#,
        )
    });
    rewrite_part(&template, "word/document.xml", |x| {
        x.replace(
            "<w:pgSz ",
            r#"<w:headerReference w:type="first" r:id="rIdOut"/><w:pgSz "#,
        )
    });
    let run = unionplan(dir.path(), &["render", "plan.yaml", "-f", "docx"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let docx = std::fs::read(dir.path().join("out/plan.docx")).unwrap();
    assert_valid_docx(&docx, "页眉在文件外的模板");
    check_carried_over(&docx);
    assert!(!docx_part(&docx, "word/_rels/document.xml.rels").contains("example.com"));
}

/// A template as Word's Insert → Page Number makes it: the PAGE field
/// inside a content control (`w:sdt`), the number shown "- 2 -"
/// (`numberInDash`), and a first-page footer with no number that no page
/// uses (no `w:titlePg`). No warning, and the plan keeps the format.
#[test]
fn a_word_made_page_number_footer_is_taken_with_its_format() {
    let dir = folder();
    let template = dir.path().join("模板/学校模板.docx");
    let field = concat!(
        r#"<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Page Numbers (Bottom of Page)"/>"#,
        r#"<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent><w:p>"#,
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE   \* MERGEFORMAT </w:instrText></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>- 1 -</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
        r#"</w:p></w:sdtContent></w:sdt>"#
    );
    add_part(
        &template,
        "footer",
        "footer1",
        "rIdF1",
        field,
        Some("default"),
    );
    add_part(
        &template,
        "footer",
        "footer3",
        "rIdF3",
        &paragraph("封面"),
        None,
    );
    rewrite_part(&template, "word/document.xml", |x| {
        x.replace(
            "<w:pgSz ",
            r#"<w:footerReference w:type="first" r:id="rIdF3"/><w:pgSz "#,
        )
        .replace(
            r#"w:gutter="0"/>"#,
            r#"w:gutter="0"/><w:pgNumType w:fmt="numberInDash"/>"#,
        )
    });
    let run = unionplan(dir.path(), &["render", "plan.yaml", "-f", "docx"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(!stderr(&run).contains("页脚里没有页码"), "{}", stderr(&run));
    let docx = std::fs::read(dir.path().join("out/plan.docx")).unwrap();
    assert_valid_docx(&docx, "Word 的页码页脚");
    let document = docx_part(&docx, "word/document.xml");
    assert!(
        document.contains(r#"<w:pgNumType w:fmt="numberInDash"/>"#),
        "{document}"
    );
}

// A template from outside is input like any other: whatever it holds, the
// answer is a message naming it, never a crash, a hang or a package Word
// refuses.

/// `unionplan --message-format json ARGS` in `dir`: its exit code and each
/// problem's code and line.
fn problems(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, Vec<(String, u64)>) {
    let mut all = vec!["--message-format", "json"];
    all.extend(args);
    let run = unionplan(dir, &all);
    let found = stderr(&run)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l)
                .unwrap_or_else(|_| panic!("not JSON: {l} ({:?})", run.status));
            (
                v["code"].as_str().unwrap().to_string(),
                v["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    (run.status.code(), found)
}

/// A template whose `[Content_Types].xml` or theme nests 200,000 elements
/// (4 KB zipped) is refused at the spec's line, by `validate` too.
#[test]
fn a_template_nested_too_deep_is_refused_not_a_crash() {
    let deep = format!("{}{}", "<a>".repeat(200_000), "</a>".repeat(200_000));
    let theme_rel = r#"<Relationship Id="rIdTheme" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>"#;
    for part in [
        "[Content_Types].xml",
        "word/theme/theme1.xml",
        "word/styles.xml",
    ] {
        let dir = folder();
        let template = dir.path().join("模板/学校模板.docx");
        if part.contains("theme") {
            rewrite_part(&template, "word/_rels/document.xml.rels", |x| {
                x.replace("</Relationships>", theme_rel)
            });
        }
        rewrite_part(&template, part, |x| {
            if x.is_empty() {
                deep.clone()
            } else {
                x.replacen("><", &format!(">{deep}<"), 2)
            }
        });
        for command in ["validate", "render"] {
            let (code, found) = problems(dir.path(), &[command, "plan.yaml"]);
            assert_eq!(code, Some(1), "{part} {command}: {found:?}");
            assert_eq!(found, [("reference_damaged".to_string(), 7)], "{part}");
        }
    }
}

/// The template at `path` with its header showing `n` pictures,
/// `media/big{i}.png`, each of `bytes` (and so made to inflate); those of
/// `aliases` are entries of the zip sharing the data of `media/big1.png`.
fn with_pictures(path: &std::path::Path, n: usize, bytes: &[u8], aliases: &[&str]) {
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
    let rels: String = (1..=n)
        .map(|i| {
            format!(r#"<Relationship Id="rIdBig{i}" Type="{rel}" Target="media/big{i}.png"/>"#)
        })
        .collect();
    rewrite_part(path, "word/_rels/header1.xml.rels", |x| {
        x.replace("</Relationships>", &format!("{rels}</Relationships>"))
    });
    let mut entries = zip_entries(path);
    for i in 1..=n {
        let name = format!("word/media/big{i}.png");
        if i == 1 || !aliases.contains(&name.as_str()) {
            entries.push((name, bytes.to_vec()));
        }
    }
    let aliases: Vec<(&str, &str)> = aliases
        .iter()
        .map(|a| (*a, "word/media/big1.png"))
        .collect();
    std::fs::write(path, raw_zip(&entries, &aliases)).unwrap();
}

/// A zip bomb: many entries of a few kilobytes sharing one stream that
/// inflates to 31 MB (once 3.9 GB of memory and 17 s), or pictures of
/// 31 MB each: the template is refused, naming it, before it is inflated.
#[test]
fn a_template_that_inflates_past_its_budget_is_refused() {
    // A PNG of 100 × 100 pixels, as its header says, of 31 MB.
    let mut big = png_header(100, 100);
    big.resize(31 << 20, 0);
    // Entries sharing one stream.
    let dir = folder();
    let template = dir.path().join("模板/学校模板.docx");
    let aliases: Vec<String> = (2..=5).map(|i| format!("word/media/big{i}.png")).collect();
    let aliases: Vec<&str> = aliases.iter().map(String::as_str).collect();
    with_pictures(&template, 5, b"\x89PNG small", &aliases);
    assert_eq!(
        problems(dir.path(), &["validate", "plan.yaml"]),
        (Some(1), vec![("reference_overlapping".to_string(), 7)])
    );
    // Pictures that together inflate past the budget.
    let dir = folder();
    let template = dir.path().join("模板/学校模板.docx");
    with_pictures(&template, 3, &big, &[]);
    assert!(std::fs::metadata(&template).unwrap().len() < 1 << 20);
    assert_eq!(
        problems(dir.path(), &["validate", "plan.yaml"]),
        (Some(1), vec![("reference_too_large".to_string(), 7)])
    );
    // And on the command line, naming the file.
    std::fs::write(dir.path().join("bare.yaml"), SPEC).unwrap();
    let run = unionplan(
        dir.path(),
        &[
            "render",
            "bare.yaml",
            "--reference-doc",
            "模板/学校模板.docx",
        ],
    );
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("学校模板.docx"), "{}", stderr(&run));
}

/// Every XML part of `docx` parses, as Word would refuse the whole file
/// for one that does not.
fn assert_well_formed(docx: &[u8]) {
    for name in docx_part_names(docx) {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let xml = docx_part(docx, &name);
            if let Err(e) = roxmltree::Document::parse(&xml) {
                panic!("{name}: {e}\n{xml}");
            }
        }
    }
}

/// Renders `plan.yaml` of `dir`: the DOCX, checked well-formed and valid,
/// and the codes of the warnings.
fn render_ok(dir: &tempfile::TempDir, what: &str) -> (Vec<u8>, Vec<String>) {
    let (code, found) = problems(dir.path(), &["render", "plan.yaml", "-f", "docx"]);
    assert_eq!(code, Some(0), "{what}: {found:?}");
    let docx = std::fs::read(dir.path().join("out/plan.docx")).unwrap();
    assert_well_formed(&docx);
    assert_valid_docx(&docx, what);
    (docx, found.into_iter().map(|(c, _)| c).collect())
}

/// What the template's styles and headers hold is written back as XML
/// Word reads: a style ID with `"` and `<` escaped, prefixes declared only
/// on the template's root (`w14:`, as Word 2010 writes, or `ns0:`)
/// declared or left out, a self-closing `<w:pPr/>` given its style inside,
/// a paragraph declaring its own prefix keeping the declaration.
#[test]
fn copied_styles_and_headers_are_well_formed_and_declared() {
    let dir = folder();
    let template = dir.path().join("模板/学校模板.docx");
    rewrite_part(&template, "word/styles.xml", |x| {
        x.replace(
            "<w:styles ",
            r#"<w:styles xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
        )
        .replace(
            "</w:styles>",
            concat!(
                r#"<w:style w:type="paragraph" w:styleId="a&quot;&lt;b"><w:name w:val="页眉"/>"#,
                r#"<w:pPr><ns0:jc ns0:val="center"/></w:pPr><w:rPr><w14:ligatures w14:val="standard"/><w:sz w:val="18"/></w:rPr></w:style>"#,
                r#"<w:style w:type="character" w:styleId="c&quot;"><w:name w:val="强调"/><w:rPr><w:b/></w:rPr></w:style>"#,
                "</w:styles>"
            ),
        )
    });
    rewrite_part(&template, "word/header1.xml", |x| {
        x.replace(
            "</w:hdr>",
            concat!(
                r#"<w:p><w:pPr><w:pStyle w:val="a&quot;&lt;b"/></w:pPr><w:r><w:rPr><w:rStyle w:val="c&quot;"/></w:rPr><w:t>第二行</w:t></w:r></w:p>"#,
                r#"<w:p><w:pPr/><w:r><w:t>第三行</w:t></w:r></w:p>"#,
                r#"<x:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>"#,
                r#"<w:p><w:pPr><x:pStyle xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main" x:val="a&quot;&lt;b"/></w:pPr></w:p>"#,
                "</w:hdr>"
            ),
        )
    });
    // A page type Word does not know, with a quote in it: not taken.
    rewrite_part(&template, "word/document.xml", |x| {
        x.replace(
            "<w:pgSz ",
            r#"<w:headerReference w:type="a&quot;b" r:id="rId10"/><w:pgSz "#,
        )
    });
    let (docx, _) = render_ok(&dir, "转义与命名空间");
    let header = |text, tag, attr| look(&docx, "word/refheader1.xml", text, false, tag, attr);
    assert_eq!(
        header("第二行", "pStyle", "val").as_deref(),
        Some(r#"Refa"<b"#)
    );
    assert_eq!(header("第二行", "jc", "val").as_deref(), Some("center"));
    assert_eq!(
        header("第三行", "pStyle", "val").as_deref(),
        Some("RefNormal")
    );
}

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A header relationship pointing at what is no header (the body, which
/// would copy the template's text into the plan, its styles, the package's
/// `[Content_Types].xml`), one typed as no header, and one part used as
/// both header and footer: the template is refused as damaged.
#[test]
fn a_header_that_is_no_header_is_refused() {
    type Change = fn(&std::path::Path);
    let cases: [(&str, Change); 5] = [
        ("document.xml", |t| {
            rewrite_part(t, "word/_rels/document.xml.rels", |x| {
                x.replace(r#"Target="header1.xml""#, r#"Target="document.xml""#)
            })
        }),
        ("styles.xml", |t| {
            rewrite_part(t, "word/_rels/document.xml.rels", |x| {
                x.replace(r#"Target="header1.xml""#, r#"Target="styles.xml""#)
            })
        }),
        ("[Content_Types].xml", |t| {
            rewrite_part(t, "word/_rels/document.xml.rels", |x| {
                x.replace(
                    r#"Target="header1.xml""#,
                    r#"Target="../[Content_Types].xml""#,
                )
            })
        }),
        ("typed as styles", |t| {
            rewrite_part(t, "word/_rels/document.xml.rels", |x| {
                x.replace(
                    &format!(r#"Id="rId10" Type="{REL}/header""#),
                    &format!(r#"Id="rId10" Type="{REL}/styles""#),
                )
            })
        }),
        ("header and footer", |t| {
            rewrite_part(t, "word/document.xml", |x| {
                x.replace(
                    "<w:pgSz ",
                    r#"<w:footerReference w:type="default" r:id="rId10"/><w:pgSz "#,
                )
            })
        }),
    ];
    for (what, change) in cases {
        let dir = folder();
        change(&dir.path().join("模板/学校模板.docx"));
        let (code, found) = problems(dir.path(), &["validate", "plan.yaml"]);
        assert_eq!(code, Some(1), "{what}: {found:?}");
        assert_eq!(found, [("reference_damaged".to_string(), 7)], "{what}");
    }
    // A header whose content type says it is something else.
    let dir = folder();
    rewrite_part(
        &dir.path().join("模板/学校模板.docx"),
        "[Content_Types].xml",
        |x| x.replace("wordprocessingml.header+xml", "wordprocessingml.styles+xml"),
    );
    let (code, found) = problems(dir.path(), &["validate", "plan.yaml"]);
    assert_eq!((code, found.len()), (Some(1), 1), "{found:?}");
}

/// A header's own relationships: only its pictures are copied. A link to
/// another header (or to itself), to the body or to the styles is not; nor
/// is a picture kept outside the file (`TargetMode="External"`, a web
/// address or a path, which LibreOffice would fetch), of which the school
/// is warned. Pictures whose names differ only in case, have a space or
/// no extension are copied under names of their own.
#[test]
fn a_header_brings_its_pictures_and_nothing_else() {
    let dir = folder();
    let template = dir.path().join("模板/学校模板.docx");
    let rel = |id: &str, kind: &str, target: &str, external: bool| {
        format!(
            r#"<Relationship Id="{id}" Type="{REL}/{kind}" Target="{target}"{}/>"#,
            if external {
                r#" TargetMode="External""#
            } else {
                ""
            }
        )
    };
    let rels = [
        rel("rIdSelf", "header", "header1.xml", false),
        rel("rIdBody", "image", "document.xml", false),
        rel("rIdStyles", "styles", "styles.xml", false),
        rel("rIdWeb", "image", "http://example.com/track.png", true),
        rel("rIdFile", "image", "../../secret.png", true),
        rel("rIdUpper", "image", "media/LOGO.png", false),
        rel("rIdSpace", "image", "media/my logo.png", false),
        rel("rIdBare", "image", "media/logo", false),
    ]
    .concat();
    rewrite_part(&template, "word/_rels/header1.xml.rels", |x| {
        x.replace("</Relationships>", &format!("{rels}</Relationships>"))
    });
    // Each relationship used by a picture of the header.
    let picture = |(n, id): (usize, &&str), link: bool| {
        let attr = if link { "r:link" } else { "r:embed" };
        format!(
            concat!(
                r#"<w:p><w:r><w:drawing><wp:inline><wp:extent cx="360000" cy="360000"/><wp:docPr id="{}" name="图"/>"#,
                r#"<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>"#,
                r#"<pic:nvPicPr><pic:cNvPr id="{}" name="图"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip {}="{}"/>"#,
                r#"<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="360000" cy="360000"/></a:xfrm>"#,
                r#"<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#,
                r#"<w:r><w:t>{}</w:t></w:r></w:p>"#
            ),
            n + 10,
            n + 10,
            attr,
            id,
            id
        )
    };
    let pictures: String = ["rIdBody", "rIdUpper", "rIdSpace", "rIdBare"]
        .iter()
        .enumerate()
        .map(|p| picture(p, false))
        .chain(
            ["rIdWeb", "rIdFile"]
                .iter()
                .enumerate()
                .map(|(n, id)| picture((n + 4, id), true)),
        )
        .collect();
    rewrite_part(&template, "word/header1.xml", |x| {
        x.replace("</w:hdr>", &format!("{pictures}</w:hdr>"))
    });
    let logo = docx_bytes(&std::fs::read(&template).unwrap(), "word/media/logo.png");
    for name in [
        "word/media/LOGO.png",
        "word/media/my logo.png",
        "word/media/logo",
    ] {
        let logo = logo.clone();
        let mut entries = zip_entries(&template);
        entries.push((name.to_string(), logo));
        std::fs::write(&template, raw_zip(&entries, &[])).unwrap();
    }
    let (docx, warnings) = render_ok(&dir, "页眉的各种关系");
    assert_eq!(
        warnings,
        ["reference_external_dropped", "reference_content_dropped"]
    );
    let names = docx_part_names(&docx);
    let copied: std::collections::BTreeSet<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|n| n.contains("ref"))
        .collect();
    // The header, its relationships and three pictures (`LOGO.png` is
    // `logo.png`, as a package compares names); no second header, no
    // body, no styles.
    assert_eq!(
        copied,
        std::collections::BTreeSet::from([
            "word/refheader1.xml",
            "word/_rels/refheader1.xml.rels",
            "word/media/ref1_logo.png",
            "word/media/ref1_mylogo.png",
            "word/media/ref1_2_logo.png",
        ]),
        "{names:?}"
    );
    let lower: std::collections::BTreeSet<String> =
        names.iter().map(|n| n.to_lowercase()).collect();
    assert_eq!(lower.len(), names.len(), "{names:?}");
    assert!(names.iter().all(|n| !n.contains(' ')), "{names:?}");
    for name in &names {
        let text = String::from_utf8_lossy(&docx_bytes(&docx, name)).into_owned();
        assert!(!text.contains("example.com"), "{name}");
        assert!(!text.contains("secret"), "{name}");
        assert!(!text.contains("模板正文不应出现"), "{name}");
    }
    let header = docx_part(&docx, "word/refheader1.xml");
    for id in ["rIdUpper", "rIdSpace", "rIdBare"] {
        assert!(header.contains(&format!(r#"r:embed="{id}""#)), "{id}");
    }
    for id in ["rIdWeb", "rIdFile", "rIdBody"] {
        assert!(!header.contains(&format!(r#""{id}""#)), "{id}: {header}");
    }
}

/// A header of the body's kept outside the file with a relative target
/// is passed over with a warning, as one with a web address is.
#[test]
fn a_relative_external_header_is_passed_over_with_a_warning() {
    let dir = folder();
    let template = dir.path().join("模板/学校模板.docx");
    rewrite_part(&template, "word/_rels/document.xml.rels", |x| {
        x.replace(
            "</Relationships>",
            &format!(r#"<Relationship Id="rIdOut" Type="{REL}/header" Target="../../别处/header.xml" TargetMode="External"/></Relationships>"#),
        )
    });
    rewrite_part(&template, "word/document.xml", |x| {
        x.replace(
            "<w:pgSz ",
            r#"<w:headerReference w:type="first" r:id="rIdOut"/><w:pgSz "#,
        )
    });
    let (docx, warnings) = render_ok(&dir, "页眉在文件外的模板");
    assert_eq!(warnings, ["reference_external_dropped"]);
    check_carried_over(&docx);
}

/// A PNG of `width` × `height` pixels, as far as a reader of its header
/// can tell (its signature and IHDR chunk).
fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 6, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(13u32.to_be_bytes());
    png.extend(&ihdr);
    png.extend(crc32fast::hash(&ihdr).to_be_bytes());
    png
}

/// A logo of 12000 × 12000 pixels (3.6 KB zipped, once 1 GB and 4 s of
/// LibreOffice per PDF) is refused, naming the template and the picture.
#[test]
fn a_picture_too_large_to_show_is_refused() {
    let dir = folder();
    let template = dir.path().join("模板/学校模板.docx");
    let mut entries = zip_entries(&template);
    for (name, data) in &mut entries {
        if name == "word/media/logo.png" {
            *data = png_header(12_000, 12_000);
        }
    }
    std::fs::write(&template, raw_zip(&entries, &[])).unwrap();
    let (code, found) = problems(dir.path(), &["validate", "plan.yaml"]);
    assert_eq!(code, Some(1), "{found:?}");
    assert_eq!(found, [("reference_image_too_large".to_string(), 7)]);
    let run = unionplan(dir.path(), &["validate", "plan.yaml"]);
    assert!(stderr(&run).contains("logo.png"), "{}", stderr(&run));
    assert!(stderr(&run).contains("学校模板.docx"), "{}", stderr(&run));
}

/// A template's font name longer than Word holds (31 characters in
/// `w:rFonts`): the plan keeps its own font, and a header or a style
/// copied with such a name drops it, so the DOCX stays valid.
#[test]
fn a_template_font_name_longer_than_word_holds_is_not_taken() {
    let dir = folder();
    let template = dir.path().join("模板/学校模板.docx");
    let long = "长".repeat(40);
    rewrite_part(&template, "word/styles.xml", |x| {
        x.replace(r#"w:eastAsia="宋体""#, &format!(r#"w:eastAsia="{long}""#))
    });
    rewrite_part(&template, "word/header1.xml", |x| {
        x.replace(
            "<w:r><w:t>青溪路",
            &format!(
                r#"<w:r><w:rPr><w:rFonts w:eastAsia="{long}" w:ascii="Arial"/></w:rPr><w:t>青溪路"#
            ),
        )
    });
    let (docx, _) = render_ok(&dir, "字体名过长的模板");
    assert_eq!(
        body_look(&docx, "服务教职工", true, "rFonts", "eastAsia").as_deref(),
        Some("仿宋")
    );
    for name in docx_part_names(&docx) {
        if name.ends_with(".xml") {
            assert!(!docx_part(&docx, &name).contains(&long), "{name}");
        }
    }
    assert!(docx_part(&docx, "word/refheader1.xml").contains(r#"w:ascii="Arial""#));
}

/// A template made in Word by others (tests/templates/): a 公文 template
/// with its page, headers and footers for odd, even and first pages, page
/// numbers inside content controls (Word's Insert → Page Number) and the
/// `numberInDash` format. The plan takes its page and number format, its
/// footers (no warning: their PAGE field is in a `w:sdt`), nothing of its
/// body, and both validators pass it.
/// The plan rendered with `tests/templates/<name>` as its template, which
/// must be taken without a word: no warning, and a DOCX both validators
/// pass.
fn with_published_template(name: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let template = repo().join("tests/templates").join(name);
    std::fs::write(dir.path().join("plan.yaml"), SPEC).unwrap();
    let args = ["render", "plan.yaml", "-f", "docx", "--reference-doc"];
    let (code, found) = problems(
        dir.path(),
        &[&args[..], &[template.to_str().unwrap()]].concat(),
    );
    assert_eq!((code, &found[..]), (Some(0), &[][..]), "{name}");
    let docx = std::fs::read(dir.path().join("out/plan.docx")).unwrap();
    assert_valid_docx(&docx, &format!("the plan with the template {name}"));
    docx
}

#[test]
fn a_public_template_made_in_word_is_taken_whole() {
    // No warning either of footers without page numbers.
    let docx = with_published_template("gongwen-lite.docx");
    let doc = docx_part(&docx, "word/document.xml");
    for want in [
        r#"<w:pgMar w:top="2098" w:right="1474" w:bottom="1985" w:left="1588" w:header="851" w:footer="1418" w:gutter="0"/>"#,
        r#"<w:pgNumType w:fmt="numberInDash"/>"#,
        r#"<w:footerReference w:type="even""#,
        r#"<w:footerReference w:type="first""#,
    ] {
        assert!(doc.contains(want), "{want}");
    }
    let paragraphs = docx_paragraphs(&docx).join("\n");
    assert!(
        paragraphs.contains("青溪路小学2025年工会工作计划"),
        "{paragraphs}"
    );
    let names = docx_part_names(&docx);
    let footers: Vec<_> = names.iter().filter(|n| n.contains("footer")).collect();
    assert!(footers.len() >= 3, "{names:?}");
    let with_page = footers
        .iter()
        .filter(|f| docx_part(&docx, f).contains("PAGE"))
        .count();
    assert!(with_page >= 2, "the template's page numbers came along");
}

/// A GB/T 9704 template that went through WPS and was last saved by Word:
/// its page numbers sit in floating text boxes (a `wps:wsp` shape with a
/// VML fallback), in separate odd and even footers. They are found, come
/// along whole, and the plan prints odd and even pages apart as the
/// template does.
#[test]
fn a_template_with_page_numbers_in_text_boxes_is_taken_whole() {
    // No warning either of footers without page numbers.
    let docx = with_published_template("doofficialdocument.dotx");
    let doc = docx_part(&docx, "word/document.xml");
    for want in [
        r#"<w:pgMar w:top="2098" w:right="1474" w:bottom="1985" w:left="1588" w:header="851" w:footer="1389" w:gutter="0"/>"#,
        r#"<w:footerReference w:type="even""#,
        r#"<w:footerReference w:type="default""#,
    ] {
        assert!(doc.contains(want), "{want}");
    }
    assert!(docx_part(&docx, "word/settings.xml").contains("<w:evenAndOddHeaders/>"));
    let names = docx_part_names(&docx);
    let footers: Vec<_> = names.iter().filter(|n| n.contains("footer")).collect();
    let boxed = footers
        .iter()
        .map(|f| docx_part(&docx, f))
        .filter(|x| x.contains("<w:txbxContent>") && x.contains("PAGE") && x.contains("<v:textbox"))
        .count();
    assert_eq!(
        boxed, 2,
        "both footers keep their boxed page number: {names:?}"
    );
}

/// The size (half-points) and Chinese font of the body text's first run,
/// as Word resolves them through the style chain.
fn body_size_and_font(docx: &[u8]) -> (Option<String>, Option<String>) {
    (
        body_look(docx, "服务教职工。", true, "sz", "val"),
        body_look(docx, "服务教职工。", true, "rFonts", "eastAsia"),
    )
}

/// A letterhead saved by WPS, whose 正文 is WPS's blank default (五号 宋体):
/// its page and sections are taken, but not that 正文, which would set the
/// plan's body small on a grid meant for 三号; the school is told why, and
/// how to have it anyway.
#[test]
fn a_wps_letterhead_with_a_blank_body_style_keeps_the_plan_body() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("tests/templates/wps-hongtou.docx"),
        dir.path().join("红头.docx"),
    )
    .unwrap();
    let with = |style: &str| {
        let spec = format!("{SPEC}style:\n  reference_doc: 红头.docx\n{style}");
        std::fs::write(dir.path().join("plan.yaml"), spec).unwrap();
        let (code, found) = problems(dir.path(), &["render", "plan.yaml", "-f", "docx"]);
        assert_eq!(code, Some(0), "{found:?}");
        let docx = std::fs::read(dir.path().join("out/plan.docx")).unwrap();
        assert_valid_docx(&docx, "the plan with a letterhead saved by WPS");
        (found, docx)
    };
    let (found, docx) = with("");
    let codes: Vec<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["reference_blank_body"], "{found:?}");
    assert_eq!(found[0].1, 7, "at the line naming the template");
    assert_eq!(
        body_size_and_font(&docx),
        (Some("32".into()), Some("仿宋".into())),
        "三号 仿宋, the plan's own"
    );
    // The last section's page: GB/T 9704's margins, as the letterhead's.
    assert!(docx_part(&docx, "word/document.xml").contains(
        r#"<w:pgMar w:top="2098" w:right="1474" w:bottom="1985" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>"#
    ));
    // Asked for in the plan, 五号 宋体 is what the school gets, and the
    // warning has nothing left to say.
    let (found, docx) = with("  body_size: 10.5\n  body_font: 宋体\n");
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(
        body_size_and_font(&docx),
        (Some("21".into()), Some("宋体".into()))
    );
}
