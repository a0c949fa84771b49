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
