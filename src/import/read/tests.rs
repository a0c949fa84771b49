use super::*;

#[test]
fn wrapped_lines_are_joined_and_short_ones_kept() {
    let mut text = String::from("一、加强学习\n");
    for _ in 0..6 {
        text.push_str("组织教职工认真学习上级文件精神做好各项工作落实\n");
    }
    text.push_str("完成。\n二、关心教职工\n");
    let paras = plain(&text);
    assert_eq!(paras.len(), 3, "{paras:?}");
    assert!(paras[1].ends_with("完成。"));
}

#[test]
fn markdown_lists_keep_their_numbers() {
    let paras = markdown("## 三、主要工作\n\n1. 甲\n   1. 乙\n2. 丙\n");
    let texts: Vec<&str> = paras.paras.iter().map(String::as_str).collect();
    assert_eq!(texts, ["三、主要工作", "1.甲", "（1）乙", "2.丙"]);
}

#[test]
fn schedule_tables_read_as_months_and_items() {
    let cell = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let rows = vec![
        vec![cell(&["月份"]), cell(&["工作内容"]), cell(&["负责人"])],
        vec![
            cell(&["二月"]),
            cell(&["1.制定计划", "2.开学慰问"]),
            cell(&["工会主席"]),
        ],
        vec![cell(&["三月"]), cell(&["三八节活动"]), cell(&[])],
    ];
    assert_eq!(
        table(rows),
        (
            vec![
                "二月".to_string(),
                "1.制定计划（负责：工会主席）".into(),
                "2.开学慰问（负责：工会主席）".into(),
                "三月".into(),
                "三八节活动".into()
            ],
            true
        )
    );
    // unionplan's own table: a 时间 column, and lines led by item numbers.
    let rows = vec![
        vec![
            cell(&["月份"]),
            cell(&["工作内容"]),
            cell(&["时间"]),
            cell(&["负责人"]),
        ],
        vec![
            cell(&["三月"]),
            cell(&["1、三八节活动", "2、植树", "3、会议"]),
            cell(&["1、3月8日", "2、3月12日"]),
            cell(&["2、工会主席"]),
        ],
    ];
    assert_eq!(
        table(rows).0,
        [
            "三月",
            "1、三八节活动（3月8日）",
            "2、植树（3月12日，负责：工会主席）",
            "3、会议"
        ]
    );
    // Any other table reads cell by cell.
    let rows = vec![
        vec![cell(&["姓名"]), cell(&["分工"])],
        vec![cell(&["李明"]), cell(&["主席"])],
    ];
    let (paras, schedule) = table(rows);
    assert_eq!(paras, ["姓名", "分工", "李明", "主席"]);
    assert!(!schedule);
}

#[test]
fn html_skips_page_furniture() {
    let page = r#"<html><head><title>x</title><script>var a=1;</script></head><body>
        <div class="nav">首页 &gt; 范文</div>
        <h1>礼河小学2025年工会工作计划</h1>
        <p>一、指导思想</p><p>以<b>教职工</b>为本。</p>
        <footer>版权所有</footer></body></html>"#;
    let texts = html(page).paras;
    assert_eq!(
        texts,
        [
            "礼河小学2025年工会工作计划",
            "一、指导思想",
            "以教职工为本。"
        ]
    );
}

/// A Word file whose body is `body` (what goes inside `w:body`), with
/// these other parts.
fn word(body: &str, parts: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", opts).unwrap();
    write!(
        zip,
        "<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>"
    )
    .unwrap();
    for (name, xml) in parts {
        zip.start_file(*name, opts).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The namespaces a Word part declares.
const NS: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"xmlns:v="urn:schemas-microsoft-com:vml" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#,
);

/// A paragraph of one run.
fn wp(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn word_paras(body: &str, parts: &[(&str, &str)]) -> Vec<String> {
    docx(&word(body, parts)).unwrap().paras
}

/// Word's tracked changes read as if accepted: what was deleted is gone,
/// what was inserted is there, and a moved paragraph (Word writes it at
/// its old place as `w:moveFrom` and at its new place as `w:moveTo`) is
/// read once, where it went, its old place not counted in the numbering.
#[test]
fn word_tracked_changes_read_as_accepted() {
    let numbering = format!(
        r#"<w:numbering {NS}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
    );
    let numbered = |runs: &str, mark: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr><w:rPr>{mark}</w:rPr></w:pPr>{runs}</w:p>"#
        )
    };
    let body = [
        r#"<w:p><w:r><w:t>以教职工</w:t></w:r><w:del w:id="1" w:author="甲"><w:r><w:delText>的需求</w:delText></w:r></w:del><w:ins w:id="2" w:author="甲"><w:r><w:t>为本</w:t></w:r></w:ins><w:del w:id="3" w:author="甲"><w:r><w:t>（删去的话）</w:t></w:r></w:del><w:r><w:t>。</w:t></w:r></w:p>"#.to_string(),
        numbered("<w:r><w:t>走访慰问。</w:t></w:r>", ""),
        numbered(
            r#"<w:moveFromRangeStart w:id="4" w:name="m1"/><w:moveFrom w:id="5" w:author="甲"><w:r><w:t>组织春游。</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="4"/>"#,
            r#"<w:moveFrom w:id="6" w:author="甲"/>"#,
        ),
        numbered("<w:r><w:t>生日慰问。</w:t></w:r>", ""),
        numbered(
            r#"<w:moveToRangeStart w:id="7" w:name="m1"/><w:moveTo w:id="8" w:author="甲"><w:r><w:t>组织春游。</w:t></w:r></w:moveTo><w:moveToRangeEnd w:id="7"/>"#,
            "",
        ),
    ]
    .concat();
    assert_eq!(
        word_paras(&body, &[("word/numbering.xml", &numbering)]),
        [
            "以教职工为本。",
            "1、走访慰问。",
            "2、生日慰问。",
            "3、组织春游。"
        ]
    );
}

/// A text box is written twice, as a drawing (`mc:Choice`) and for old
/// Word as VML (`mc:Fallback`): it is read once, after the paragraph it
/// is anchored in.
#[test]
fn word_text_boxes_are_read_once() {
    let text_box = |inside: &str| format!("<w:txbxContent>{inside}</w:txbxContent>");
    let boxed = [wp("重点工作：建家"), wp("年底前完成。")].concat();
    let body = format!(
        r#"<w:p><w:r><w:t>一、指导思想</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>{}"#,
        text_box(&boxed),
        text_box(&boxed),
        wp("以教职工为本。")
    );
    assert_eq!(
        word_paras(&body, &[]),
        [
            "一、指导思想",
            "重点工作：建家",
            "年底前完成。",
            "以教职工为本。"
        ]
    );
}

/// A table in a table's cell is read once, as part of that cell.
#[test]
fn word_nested_tables_are_read_once() {
    let cell = |inside: &str| format!("<w:tc><w:tcPr/>{inside}</w:tc>");
    let inner = format!(
        "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        cell(&wp("周一")),
        cell(&wp("例会"))
    );
    let body = format!(
        "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        cell(&format!("{}{inner}", wp("每周安排"))),
        cell(&wp("工会主席"))
    );
    assert_eq!(
        word_paras(&body, &[]),
        ["每周安排", "周一", "例会", "工会主席"]
    );
}

/// Hidden text (`w:vanish`, on the run or in its character style) is not
/// on the page, so it is no part of the plan.
#[test]
fn word_hidden_runs_are_not_read() {
    let styles = format!(
        r#"<w:styles {NS}><w:style w:type="character" w:styleId="Secret"><w:rPr><w:vanish/></w:rPr></w:style><w:style w:type="character" w:styleId="MoreSecret"><w:basedOn w:val="Secret"/></w:style><w:style w:type="character" w:styleId="Plain"><w:rPr><w:b/></w:rPr></w:style></w:styles>"#
    );
    let run = |rpr: &str, text: &str| format!("<w:r><w:rPr>{rpr}</w:rPr><w:t>{text}</w:t></w:r>");
    let body = format!(
        "<w:p>{}{}{}{}{}{}</w:p>",
        run("", "做好"),
        run("<w:vanish/>", "（批注：再想想）"),
        run(r#"<w:vanish w:val="0"/>"#, "送温暖"),
        run(r#"<w:rStyle w:val="MoreSecret"/>"#, "（留给自己看的）"),
        run(r#"<w:rStyle w:val="Plain"/>"#, "工作"),
        run(
            r#"<w:rStyle w:val="Secret"/><w:vanish w:val="false"/>"#,
            "。"
        ),
    );
    assert_eq!(
        word_paras(&body, &[("word/styles.xml", &styles)]),
        ["做好送温暖工作。"]
    );
}

/// Footnotes, endnotes and embedded chunks of another format are not
/// read into the plan, but they are counted, so the report can say so.
#[test]
fn word_footnotes_and_embedded_chunks_are_counted() {
    let body = format!(
        r#"<w:p><w:r><w:t>开展读书活动</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>。</w:t></w:r><w:r><w:endnoteReference w:id="3"/></w:r></w:p><w:altChunk r:id="rId9"/>{}<w:p><w:del w:id="1" w:author="甲"><w:r><w:footnoteReference w:id="4"/></w:r></w:del></w:p>"#,
        wp("二、主要工作")
    );
    let read = docx(&word(&body, &[])).unwrap();
    assert_eq!(read.paras, ["开展读书活动。", "二、主要工作"]);
    assert_eq!(
        read.unread,
        Unread {
            notes: 2,
            chunks: 1
        }
    );
}

/// A WordPress page: the title is in the article's own header, the plan
/// in a div whose classes name a sharing plugin's; the site's header, the
/// share buttons and the comments are furniture.
#[test]
fn html_keeps_the_articles_header_and_the_container_of_the_plan() {
    let page = r#"<html><body>
        <header id="masthead" class="site-header"><p class="site-title">好文小站</p>
          <nav><a href="/">首页</a></nav></header>
        <main><article>
          <header class="entry-header"><h1 class="entry-title">青山小学2025年工会工作计划</h1></header>
          <div class="entry-content share-friendly">
            <p>一、指导思想</p><p>以教职工为本，把学校工会建设成教职工信赖的家。</p>
            <p>二、主要工作</p><p>1、做好送温暖工作，逢年过节走访慰问困难教职工。</p>
            <div class="share-buttons">分享到：微信 微博</div>
          </div>
        </article></main>
        <div class="comment-list"><p>写得真好，收藏了。</p></div>
        </body></html>"#;
    assert_eq!(
        html(page).paras,
        [
            "青山小学2025年工会工作计划",
            "一、指导思想",
            "以教职工为本，把学校工会建设成教职工信赖的家。",
            "二、主要工作",
            "1、做好送温暖工作，逢年过节走访慰问困难教职工。"
        ]
    );
}

/// Struck-out text is what a web editor shows as deleted: it is no part
/// of the plan; inserted text is.
#[test]
fn html_struck_out_text_is_left_out() {
    let page = r#"<body><p>组织<del>秋游</del><s>春游</s><strike>郊游</strike><span style="color:red; text-decoration: line-through">踏青</span>读书活动<ins>和观影</ins>。</p></body>"#;
    assert_eq!(html(page).paras, ["组织读书活动和观影。"]);
}

/// A table in a table's cell is read once, as part of that cell.
#[test]
fn html_nested_tables_are_read_once() {
    let page = "<body><table><tr><td>每周安排<table><tr><td>周一</td><td>例会</td></tr></table></td><td>工会主席</td></tr></table></body>";
    assert_eq!(html(page).paras, ["每周安排", "周一", "例会", "工会主席"]);
}
