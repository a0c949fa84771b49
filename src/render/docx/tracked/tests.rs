use super::*;

fn block(kind: BlockKind, text: &str) -> Block {
    Block {
        table: None,
        kind,
        runs: vec![Run {
            text: text.to_string(),
            ..Run::default()
        }],
    }
}

fn all_chars(blocks: &[Block]) -> Vec<Chars<'_>> {
    blocks.iter().map(Chars::of).collect()
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// What the character diff of `old` and `new` marks, tidied: the
/// unchanged text as `=…`, a change as `-old+new`.
fn marked(old: &str, new: &str) -> Vec<String> {
    let (a, b) = (chars(old), chars(new));
    tidy(diff_chars(&a, &b), &a, &b)
        .into_iter()
        .map(|s| match s {
            Seg::Same(o, _) => format!("={}", a[o].iter().collect::<String>()),
            Seg::Changed(o, n) => format!(
                "-{}+{}",
                a[o].iter().collect::<String>(),
                b[n].iter().collect::<String>()
            ),
        })
        .collect()
}

#[test]
fn a_changed_word_alone_is_marked() {
    assert_eq!(
        marked(
            "组织教职工开展读书沙龙活动。",
            "组织教职工开展摄影展览活动。"
        ),
        ["=组织教职工开展", "-读书沙龙+摄影展览", "=活动。"]
    );
    assert_eq!(marked("相同", "相同"), ["=相同"]);
    assert_eq!(marked("", "新"), ["-+新"]);
}

#[test]
fn numbers_and_latin_words_change_whole() {
    assert_eq!(
        marked(
            "青溪路小学2025年工会工作计划",
            "青溪路小学2026年工会工作计划"
        ),
        ["=青溪路小学", "-2025+2026", "=年工会工作计划"]
    );
    assert_eq!(marked("第3次", "第13次"), ["=第", "-3+13", "=次"]);
    assert_eq!(
        marked("用WPS打开", "用Word打开"),
        ["=用", "-WPS+Word", "=打开"]
    );
}

#[test]
fn one_unchanged_character_between_changes_joins_them() {
    assert_eq!(
        marked("建设读书沙龙。", "建设图书角。"),
        ["=建设", "-读书沙龙+图书角", "=。"]
    );
    // Two characters stay: a word of their own.
    assert_eq!(
        marked("组织教职工开展读书活动", "组织全体会员开展摄影活动"),
        ["=组织", "-教职工+全体会员", "=开展", "-读书+摄影", "=活动"]
    );
}

#[test]
fn a_huge_change_is_one_piece() {
    let old = format!("开头{}结尾", "一二".repeat(3000));
    let new = format!("开头{}结尾", "二一".repeat(3000));
    let (a, b) = (chars(&old), chars(&new));
    assert_eq!(
        diff_chars(&a, &b),
        [
            Seg::Same(0..2, 0..2),
            Seg::Changed(2..6002, 2..6002),
            Seg::Same(6002..6004, 6002..6004)
        ]
    );
    // A small change in a huge paragraph is still found.
    let new = format!("开头{}结尾了", "一二".repeat(3000));
    assert_eq!(marked(&old, &new).len(), 2);
}

/// The paragraphs' text with every change accepted (`gone` deleted)
/// or rejected (`gone` inserted). A paragraph whose mark is gone has
/// nothing else left.
fn view(paragraphs: &[Paragraph], gone: Change) -> Vec<String> {
    let mut out = Vec::new();
    for p in paragraphs {
        let text: String = p
            .pieces
            .iter()
            .filter(|x| x.change != gone)
            .map(|x| if x.run.line_break { "\n" } else { x.text })
            .collect();
        if p.mark == gone {
            assert_eq!(text, "", "a paragraph that goes takes its text");
        } else {
            out.push(text);
        }
    }
    out
}

fn texts(blocks: &[Block]) -> Vec<String> {
    blocks.iter().map(Block::plain_text).collect()
}

#[test]
fn accepting_gives_the_new_blocks_and_rejecting_the_old() {
    use BlockKind::*;
    let mut with_break = block(Body, "第一行");
    with_break.runs.push(Run {
        line_break: true,
        ..Run::default()
    });
    with_break.runs.push(Run {
        text: "第二行".into(),
        bold: true,
        ..Run::default()
    });
    let old = vec![
        block(Title, "甲校2025年工会工作计划"),
        block(Heading(1), "一、指导思想"),
        block(Body, "以人为本，服务教职工。"),
        block(Heading(2), "（一）读书沙龙"),
        block(Body, "删去的一段。"),
        block(Heading(2), "（二）文体活动"),
        block(Signature, "甲校工会委员会"),
        block(Signature, "2025年2月1日"),
    ];
    let new = vec![
        block(Title, "甲校2026年工会工作计划"),
        block(Heading(1), "一、指导思想"),
        block(Body, "以人为本，全心全意服务教职工。"),
        block(Heading(2), "（一）新增的一项"),
        with_break,
        block(Heading(2), "（二）文体活动"),
        block(Signature, "甲校工会委员会"),
        block(Signature, "2026年2月1日"),
    ];
    let paragraphs = align(&old, &new);
    assert_eq!(view(&paragraphs, Change::Deleted), texts(&new));
    assert_eq!(view(&paragraphs, Change::Inserted), texts(&old));
    // Reworded paragraphs are paired; the rest are whole.
    let marks: Vec<Change> = paragraphs.iter().map(|p| p.mark).collect();
    assert_eq!(
        marks.iter().filter(|m| **m == Change::None).count(),
        6,
        "{marks:?}"
    );
}

#[test]
fn paragraphs_pair_by_likeness_and_kind() {
    use BlockKind::*;
    let old = [
        block(Heading(2), "（二）推进民主管理"),
        block(Body, "按时召开教代会。"),
        block(Heading(2), "（三）丰富文体生活"),
    ];
    let new = [block(Heading(2), "（二）丰富文体生活")];
    assert_eq!(pair(&all_chars(&old), &all_chars(&new)), [(2, 0)]);
    // A body paragraph is never paired with a heading, however alike.
    let new = [block(Body, "（三）丰富文体生活")];
    assert_eq!(pair(&all_chars(&old), &all_chars(&new)), []);
}

#[test]
fn a_stretch_too_large_to_compare_whole_still_pairs_near_paragraphs() {
    use BlockKind::*;
    // 1,500 paragraphs each reworded, one removed and one added: every
    // one differs, so the stretch is all of them.
    let text = |i: usize, v: &str| format!("第{i}项：组织教职工开展{v}活动，做好记录。");
    let mut old: Vec<Block> = (0..1500).map(|i| block(Body, &text(i, "读书"))).collect();
    let mut new: Vec<Block> = (0..1500).map(|i| block(Body, &text(i, "摄影"))).collect();
    old.remove(10);
    new.insert(20, block(Heading(2), "（二）新增的一项"));
    let (a, b) = (all_chars(&old), all_chars(&new));
    let pairs = pair(&a, &b);
    assert_eq!(pairs.len(), 1499, "every reworded paragraph is paired");
    // …with its own: 第11项 with 第11项, not with 第10项.
    let number = |c: &Chars| {
        c.chars
            .iter()
            .take_while(|c| **c != '项')
            .collect::<String>()
    };
    assert!(pairs.iter().all(|&(i, j)| number(&a[i]) == number(&b[j])));
    let paragraphs = align(&old, &new);
    assert_eq!(view(&paragraphs, Change::Deleted), texts(&new));
    assert_eq!(view(&paragraphs, Change::Inserted), texts(&old));
}

#[test]
fn a_last_paragraph_only_in_the_old_plan_keeps_its_mark() {
    use BlockKind::*;
    let old = [block(Body, "留下"), block(Signature, "去掉")];
    let new = [block(Body, "留下")];
    let paragraphs = align(&old, &new);
    assert_eq!(paragraphs.len(), 2);
    assert_eq!(paragraphs[1].mark, Change::None);
    assert!(
        paragraphs[1]
            .pieces
            .iter()
            .all(|p| p.change == Change::Deleted)
    );
}
