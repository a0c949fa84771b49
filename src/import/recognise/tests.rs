use super::*;
use crate::spec::Period;

fn walk(text: &str) -> Draft {
    let (chunks, _) = chunks(&text.lines().map(String::from).collect::<Vec<_>>());
    let segs = segments(chunks);
    recognise(segs.last().unwrap())
}

#[test]
fn titles_name_school_year_and_period() {
    assert_eq!(year_in("2017下半年学校工会工作计划"), Some(Some(2017)));
    assert_eq!(year_in("20xx年工会工作计划"), Some(None));
    assert_eq!(year_in("201_年工会工作计划"), Some(None));
    assert_eq!(year_in("二〇二五年工会工作计划"), Some(Some(2025)));
    assert_eq!(period_in("2017下半年学校工会工作计划").0, Period::Autumn);
    assert_eq!(period_in("2025学年第一学期").0, Period::Autumn);
    assert_eq!(period_in("2024—2025学年工会工作计划").0, Period::SchoolYear);
    assert_eq!(
        school_in("礼河实验学校2012年工会工作计划").as_deref(),
        Some("礼河实验学校")
    );
    assert_eq!(school_in("2017下半年学校工会工作计划"), None);
    assert_eq!(
        school_in("2024—2025学年青溪路小学工会工作计划").as_deref(),
        Some("青溪路小学")
    );
    assert_eq!(school_in("幼儿园工会工作方案2023年"), None);
    assert_eq!(
        school_in("青溪路小学工会委员会").as_deref(),
        Some("青溪路小学")
    );
}

#[test]
fn separators_split_plans() {
    assert_eq!(
        separator("学校工会工作计划篇二"),
        Some(("学校工会工作计划".len(), "学校工会工作计划篇二".len()))
    );
    let s = "呢!工会工作计划【第一篇】20xx年";
    let (a, b) = separator(s).unwrap();
    assert_eq!(&s[a..b], "【第一篇】");
    assert_eq!(separator("参考4篇"), None);
    assert_eq!(separator("写一篇读书笔记"), None);
    // A collection's heading: the mark opens the line.
    assert_eq!(
        separator("篇一：小学工会工作计划范文"),
        Some((0, "篇一".len()))
    );
    assert_eq!(separator("【篇二】"), Some((0, "【篇二】".len())));
    assert_eq!(separator("范文3 工会工作计划"), Some((0, "范文3".len())));
    assert_eq!(separator("篇幅不长"), None);
    assert_eq!(separator("范文一样的写法"), None);
    // 【篇一】 before the plan's title, and 计划1 as a collection numbers them.
    assert_eq!(
        separator("【篇一】小学工会下半年工作计划"),
        Some((0, "【篇一】".len()))
    );
    assert_eq!(
        separator("计划3：学校工会工作计划"),
        Some((0, "计划3".len()))
    );
    assert_eq!(separator("计划一下活动"), None);
    // A title numbered as one of several.
    for (title, words) in [
        ("小学工会工作计划1", "小学工会工作计划"),
        ("学校工会工作计划（二）", "学校工会工作计划"),
        ("幼儿园工会工作方案12", "幼儿园工会工作方案"),
    ] {
        assert_eq!(
            separator(title),
            Some((words.len(), title.len())),
            "{title}"
        );
    }
    for text in [
        "工会工作计划2025",
        "九月：制定工会工作计划1",
        "制定工会工作计划。1",
        "小学工会工作计划（精选5篇）",
    ] {
        assert_eq!(separator(text), None, "{text}");
    }
}

/// The plans of a page share sentences: each keeps them, and a plan's own
/// repeats are still copies.
#[test]
fn copies_are_looked_for_within_one_plan() {
    let page = "篇一：学校工会工作计划\n一、指导思想\n学校工会以服务教职工为根本，做好桥梁和纽带。\n\
                二、主要工作\n1、组织教职工开展读书活动，每人写读书心得。\n\
                篇二：学校工会工作计划\n一、指导思想\n学校工会以服务教职工为根本，做好桥梁和纽带。\n\
                二、主要工作\n1、组织教职工开展读书活动，每人写读书心得。\n\
                学校工会以服务教职工为根本，做好桥梁和纽带。";
    let (chunks, _) = chunks(&page.lines().map(String::from).collect::<Vec<_>>());
    let segs = segments(chunks);
    assert_eq!(segs.len(), 3);
    for (i, seg) in segs[1..].iter().enumerate() {
        let d = recognise(seg);
        assert_eq!(d.guiding.len(), 1, "plan {}: {d:?}", i + 1);
        assert_eq!(d.measures.len(), 1, "plan {}: {d:?}", i + 1);
    }
    assert_eq!((segs[1].copies, segs[2].copies), (0, 1));
}

#[test]
fn dates_as_a_signature_writes_them() {
    let d = |t: &str| written_date(t).map(|w| (w.year, w.two_digit_year, w.month, w.day));
    assert_eq!(d("2025年2月18日"), Some((2025, false, 2, Some(18))));
    assert_eq!(d("二〇二五年二月十八日"), Some((2025, false, 2, Some(18))));
    assert_eq!(d("2025年2月"), Some((2025, false, 2, None)));
    assert_eq!(d("25年8月28日"), Some((25, true, 8, Some(28))));
    assert_eq!(d("２５年８月２８日"), Some((25, true, 8, Some(28))));
    assert_eq!(d("2025年13月1日"), None);
    assert_eq!(d("2025年2月18日召开"), None);
    // Only a whole date in four digits is a spec's date as it is.
    assert!(parse_date("2025年2月18日").is_some());
    for partial in ["2025年2月", "25年8月28日", "2025年2月30日", "0025年8月28日"] {
        assert_eq!(parse_date(partial), None, "{partial}");
    }
    assert_eq!(year_in("1930年工会工作计划"), None);
}

#[test]
fn items_split_into_title_and_text() {
    assert_eq!(
        split_title("强化师德师风建设。把师德建设放在首位。", false),
        (
            Some("强化师德师风建设".into()),
            Some("把师德建设放在首位。".into())
        )
    );
    assert_eq!(
        split_title("继续做好送温暖工程。", true),
        (Some("继续做好送温暖工程".into()), None)
    );
    assert_eq!(
        split_title("组织教职工春游。", false),
        (None, Some("组织教职工春游。".into()))
    );
    let long = "认真贯彻落实上级工会决议，按照统一部署，密切结合学校实际，积极开展创建活动。使教职工不断学习。";
    assert_eq!(split_title(long, false), (None, Some(long.into())));
}

#[test]
fn months_are_named_once() {
    let e = |m: &[u32], i: &str| Entry {
        months: m.to_vec(),
        items: vec![i.to_string()],
    };
    let mut s = vec![e(&[2], "a"), e(&[3], "b"), e(&[2, 3], "c"), e(&[4], "d")];
    merge_overlaps(&mut s);
    assert_eq!(
        s,
        [
            Entry {
                months: vec![2, 3],
                items: vec!["a".into(), "b".into(), "c".into()]
            },
            e(&[4], "d")
        ]
    );
}

#[test]
fn levels_deeper_than_a_spec_stay_text() {
    let d = walk("一、甲\n（一）乙\n1、丙\n（1）丁\n①戊");
    let fourth = &d.measures[0].items[0].items[0].items[0];
    assert_eq!(fourth.head, "丁");
    assert_eq!(fourth.paras, ["①戊"]);
}

#[test]
fn schedule_item_details() {
    assert_eq!(
        item_details("“三八”妇女节庆祝活动（3月8日，负责：女工委员）"),
        (
            "“三八”妇女节庆祝活动".into(),
            Some((3, 8)),
            Some("女工委员".into())
        )
    );
    assert_eq!(
        item_details("教师活动。(待定)"),
        ("教师活动。(待定)".into(), None, None)
    );
    // One day, wherever plans put it: a group before the stop, groups of
    // their own, or opening the item.
    let day = |t: &str| {
        let (text, day, owner) = item_details(t);
        (text, day, owner)
    };
    assert_eq!(
        day("端午节慰问教职工（5月31日）。"),
        ("端午节慰问教职工".into(), Some((5, 31)), None)
    );
    assert_eq!(
        day("气排球比赛（11月15日）（负责：体育组）"),
        ("气排球比赛".into(), Some((11, 15)), Some("体育组".into()))
    );
    assert_eq!(
        day("气排球比赛（１１月１５日）"),
        ("气排球比赛".into(), Some((11, 15)), None)
    );
    // No one day, or a day in the words: the text as written.
    for text in [
        "4月23日：读书分享会。",
        "9月10日前召开教代会",
        "3月上旬开展学雷锋活动",
        "9月10日至12日运动会",
        "3月8日、9日分批体检",
        "经费审计（12月20日前）",
        "运动会（10月上旬）",
        "3月8日",
    ] {
        assert_eq!(day(text), (text.into(), None, None), "{text}");
    }
}

#[test]
fn run_on_text_is_split_where_numbering_continues() {
    let d = walk(
        "一、加强组织建设，提高水平1、明确委员分工。2、调整工会小组。二、丰富文化生活组织职工参加运动会。具体活动安排3月份1、3、8妇女节活动2、选举代表4月份:1、运动会2、培训7月8月份:组织夏季旅游",
    );
    assert_eq!(d.measures.len(), 2, "{:#?}", d.measures);
    assert_eq!(d.measures[0].items.len(), 2);
    assert_eq!(d.measures[0].head, "加强组织建设，提高水平");
    let months: Vec<Vec<u32>> = d.schedule.iter().map(|e| e.months.clone()).collect();
    assert_eq!(months, [vec![3], vec![4], vec![7, 8]]);
    assert_eq!(d.schedule[0].items, ["3、8妇女节活动", "选举代表"]);
    assert_eq!(d.schedule[2].items, ["组织夏季旅游"]);
}

#[test]
fn years_a_page_blanked_out() {
    let words = |t: &str| -> Vec<(String, bool)> {
        blank_years(t)
            .into_iter()
            .map(|(r, span)| (t[r].to_string(), span))
            .collect()
    };
    assert_eq!(
        words("20xx年、201_年、xxxx年和20××年"),
        [
            ("20xx".into(), false),
            ("201_".into(), false),
            ("xxxx".into(), false),
            ("20××".into(), false)
        ]
    );
    assert_eq!(words("2025—20xx学年"), [("20xx".into(), true)]);
    for text in ["2025年", "2x2x年", "x20xx年", "abxx年", "20xx"] {
        assert_eq!(words(text), [], "{text}");
    }
}

#[test]
fn titles_a_page_ran_together() {
    for t in [
        "大刘中心校工会委员会2025、2工会工作计划",
        "青山小学2025.3工会计划",
    ] {
        assert!(garbled_title(t), "{t}");
    }
    for t in [
        "青山小学2025年工会工作计划",
        "2024—2025学年第1学期工会工作计划",
        "2025年上半年工会工作计划（2月-7月）",
        "20xx年学校工会工作计划",
    ] {
        assert!(!garbled_title(t), "{t}");
    }
}
