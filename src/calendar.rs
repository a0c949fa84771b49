//! The Chinese calendar a union's year is built around: festivals that
//! move (中秋节, 重阳节 …), anniversaries that count on (第41个教师节), and
//! the days schools are closed (weekends and 法定节假日, less the 调休
//! working days).
//!
//! The lunar dates, the solar terms and the statutory holidays come from
//! `tyme4rs`, the Rust port of 6tail's Tyme: no table here is typed by
//! hand. Its holidays are those the State Council has published, so a year
//! not yet announced has its weekends only.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use chrono::{Datelike, NaiveDate, Weekday};
use tyme4rs::tyme::Culture;
use tyme4rs::tyme::holiday::LegalHoliday;
use tyme4rs::tyme::lunar::LunarDay;
use tyme4rs::tyme::solar::SolarTerm;

/// A festival whose date moves from year to year.
// 春节 is the Spring Festival by its own English name, not "Spring".
#[allow(clippy::enum_variant_names)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Festival {
    SpringFestival,
    Lantern,
    DragonBoat,
    Qixi,
    MidAutumn,
    DoubleNinth,
    Laba,
    Qingming,
    WinterSolstice,
    MothersDay,
    FathersDay,
}

/// How a festival's date is found.
enum Rule {
    /// A day of the lunar year: month, day.
    Lunar(isize, usize),
    /// A solar term, by its name in the calendar library.
    Term(&'static str),
    /// The `nth` Sunday of a month.
    Sunday { month: u32, nth: u32 },
}

impl Festival {
    pub const ALL: [Festival; 11] = [
        Festival::SpringFestival,
        Festival::Lantern,
        Festival::DragonBoat,
        Festival::Qixi,
        Festival::MidAutumn,
        Festival::DoubleNinth,
        Festival::Laba,
        Festival::Qingming,
        Festival::WinterSolstice,
        Festival::MothersDay,
        Festival::FathersDay,
    ];

    /// Its name, as a plan writes it.
    pub fn name(self) -> &'static str {
        self.words()[0]
    }

    /// The words that name it in a plan, longest first.
    fn words(self) -> &'static [&'static str] {
        match self {
            Festival::SpringFestival => &["春节"],
            Festival::Lantern => &["元宵节", "元宵"],
            Festival::DragonBoat => &["端午节", "端午"],
            Festival::Qixi => &["七夕节", "七夕"],
            Festival::MidAutumn => &["中秋节", "中秋"],
            Festival::DoubleNinth => &["重阳节", "重阳"],
            Festival::Laba => &["腊八节", "腊八"],
            Festival::Qingming => &["清明节", "清明"],
            Festival::WinterSolstice => &["冬至"],
            Festival::MothersDay => &["母亲节"],
            Festival::FathersDay => &["父亲节"],
        }
    }

    fn rule(self) -> Rule {
        match self {
            Festival::SpringFestival => Rule::Lunar(1, 1),
            Festival::Lantern => Rule::Lunar(1, 15),
            Festival::DragonBoat => Rule::Lunar(5, 5),
            Festival::Qixi => Rule::Lunar(7, 7),
            Festival::MidAutumn => Rule::Lunar(8, 15),
            Festival::DoubleNinth => Rule::Lunar(9, 9),
            Festival::Laba => Rule::Lunar(12, 8),
            Festival::Qingming => Rule::Term("清明"),
            Festival::WinterSolstice => Rule::Term("冬至"),
            Festival::MothersDay => Rule::Sunday { month: 5, nth: 2 },
            Festival::FathersDay => Rule::Sunday { month: 6, nth: 3 },
        }
    }

    /// The festival's day in its own year `cycle`: the lunar year for a
    /// lunar festival (腊八 of lunar 2025 is in January 2026), the solar
    /// year otherwise. `None` outside the years the library covers.
    fn day_in_cycle(self, cycle: i32) -> Option<NaiveDate> {
        if !(1..=9998).contains(&cycle) {
            return None;
        }
        match self.rule() {
            Rule::Lunar(month, day) => {
                let solar = LunarDay::new(cycle as isize, month, day)
                    .ok()?
                    .get_solar_day();
                to_date(solar.get_year(), solar.get_month(), solar.get_day())
            }
            Rule::Term(name) => {
                // The library counts a year's terms from the 冬至 before it,
                // so the 冬至 of a year is the first term of the next.
                [cycle, cycle + 1].into_iter().find_map(|y| {
                    let solar = SolarTerm::new(y as isize, name).ok()?.get_solar_day();
                    to_date(solar.get_year(), solar.get_month(), solar.get_day())
                        .filter(|d| d.year() == cycle)
                })
            }
            Rule::Sunday { month, nth } => {
                NaiveDate::from_weekday_of_month_opt(cycle, month, Weekday::Sun, nth as u8)
            }
        }
    }
}

fn to_date(year: isize, month: usize, day: usize) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    )
}

/// The festival `text` names, if it names exactly one.
pub fn festival_named(text: &str) -> Option<Festival> {
    let mut found = Festival::ALL
        .into_iter()
        .filter(|f| f.words().iter().any(|w| text.contains(w)));
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// How far a dated item may be from its festival and still move with it.
pub const FESTIVAL_REACH: i64 = 7;

/// A date that moves with its festival.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FestivalMove {
    pub festival: Festival,
    pub old: NaiveDate,
    /// The same distance from the festival's day within the new plan's
    /// period; `None` when the festival has no day there (a calendar year
    /// may have no 腊八: 2023's fell on 2022-12-30 and 2024-01-18).
    pub new: Option<NaiveDate>,
}

/// Where `date`, on an item that names `festival` in a plan for `from`
/// (its year and period), goes in the plan for `to_year` over the same
/// period: the same number of days from the festival's day that falls in
/// the same place of the new plan's period as the old day did of the old
/// one (within it, for a date the plan covers; a plan's months fall in the
/// years [`crate::spec::Period::year_of_month`] gives). Counting a lunar year on
/// is not enough: lunar 2021's 腊八 is 2022-01-10, lunar 2022's is
/// 2022-12-30, outside a plan for 2023. `None` when the date is more than
/// [`FESTIVAL_REACH`] days from the festival (the item is then only about
/// it, not on it).
pub fn festival_move(
    festival: Festival,
    date: NaiveDate,
    from: (i32, crate::spec::Period),
    to_year: i32,
) -> Option<FestivalMove> {
    let (from_year, period) = from;
    let (cycle, day) = (date.year() - 1..=date.year() + 1)
        .filter_map(|c| Some((c, festival.day_in_cycle(c)?)))
        .min_by_key(|(_, d)| (date - *d).num_days().abs())?;
    let offset = date - day;
    if offset.num_days().abs() > FESTIVAL_REACH {
        return None;
    }
    // How many years after its plan's year a date's month falls: 0 for a
    // date the plan covers.
    let place = |d: NaiveDate, year: i32| d.year() - period.year_of_month(year, d.month());
    let cycle = cycle.checked_add(to_year.checked_sub(from_year)?)?;
    let new = [cycle, cycle - 1, cycle + 1]
        .into_iter()
        .filter_map(|c| Some(festival.day_in_cycle(c)? + offset))
        .find(|d| place(*d, to_year) == place(date, from_year));
    Some(FestivalMove {
        festival,
        old: date,
        new,
    })
}

/// Why a school is closed on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayOff {
    Weekend(Weekday),
    /// A statutory holiday, by its name (春节, 国庆节 …).
    Holiday(String),
}

/// Whether schools are closed on `date`: a statutory holiday, or a
/// Saturday or Sunday that is not a 调休 working day.
pub fn day_off(date: NaiveDate) -> Option<DayOff> {
    // The library finds a holiday with a regular expression built per
    // call; a plan asks about a few hundred days at most, so each is
    // asked once.
    static SEEN: OnceLock<Mutex<HashMap<NaiveDate, Option<DayOff>>>> = OnceLock::new();
    let seen = SEEN.get_or_init(Default::default);
    if let Some(known) = seen.lock().ok().and_then(|s| s.get(&date).cloned()) {
        return known;
    }
    let answer = match LegalHoliday::from_ymd(
        date.year() as isize,
        date.month() as usize,
        date.day() as usize,
    ) {
        Some(h) if h.is_work() => None,
        Some(h) => Some(DayOff::Holiday(h.get_name())),
        None => match date.weekday() {
            w @ (Weekday::Sat | Weekday::Sun) => Some(DayOff::Weekend(w)),
            _ => None,
        },
    };
    if let Ok(mut s) = seen.lock() {
        s.insert(date, answer.clone());
    }
    answer
}

/// An anniversary whose number follows the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anniversary {
    /// 第N个教师节: 1985 was the first.
    TeachersDay,
    /// 第N个“三八”国际妇女节: 1911 was the first.
    WomensDay,
    /// 第N个“五一”国际劳动节: 1890 was the first.
    LabourDay,
    /// 建党 N 周年: founded 1921.
    Party,
    /// 建国 / 国庆 N 周年: founded 1949.
    Republic,
    /// 建军 N 周年: founded 1927.
    Army,
}

impl Anniversary {
    /// The number it has in `year`.
    pub fn count(self, year: i32) -> i32 {
        match self {
            // The first 教师节 is the 1st: counted from 1.
            Anniversary::TeachersDay => year - 1985 + 1,
            Anniversary::WomensDay => year - 1911 + 1,
            Anniversary::LabourDay => year - 1890 + 1,
            // A founding is 1 周年 a year after: counted from 0.
            Anniversary::Party => year - 1921,
            Anniversary::Republic => year - 1949,
            Anniversary::Army => year - 1927,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Anniversary::TeachersDay => "教师节",
            Anniversary::WomensDay => "“三八”国际妇女节",
            Anniversary::LabourDay => "“五一”国际劳动节",
            Anniversary::Party => "建党",
            Anniversary::Republic => "建国",
            Anniversary::Army => "建军",
        }
    }
}

/// A numbered anniversary or session found in a text: `第41个教师节`,
/// `建党104周年`, or one that follows no calendar (`第五届教代会`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbered {
    /// Byte range of the number in the text.
    pub start: usize,
    pub end: usize,
    /// The number, when written in Arabic digits.
    pub number: Option<i32>,
    /// What it counts, when it is one of the calendar's anniversaries.
    pub counts: Option<Anniversary>,
    /// The whole phrase, for a person to read (`第41个教师节`).
    pub phrase: String,
}

/// Chinese digits a number may be written with (第四十一个).
fn is_chinese_digit(c: char) -> bool {
    "〇零一二两三四五六七八九十百千".contains(c)
}

/// Every numbered phrase in `text`: 第N个/第N届/第N次 … and N周年.
pub fn numbered(text: &str) -> Vec<Numbered> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        let digits = |from: usize| {
            let ascii = chars[from..]
                .iter()
                .take_while(|(_, c)| c.is_ascii_digit())
                .count();
            if ascii > 0 {
                return (ascii, true);
            }
            let zh = chars[from..]
                .iter()
                .take_while(|(_, c)| is_chinese_digit(*c))
                .count();
            (zh, false)
        };
        // 第N个 / 第N届 / 第N次
        if c == '第' {
            let (n, ascii) = digits(i + 1);
            if n > 0 {
                let after = i + 1 + n;
                if let Some(&(_, unit)) = chars.get(after).filter(|(_, u)| "个届次".contains(*u))
                {
                    let (s, e) = (end_of(i + 1), end_of(after));
                    let rest: String = chars[after + 1..].iter().take(12).map(|(_, c)| c).collect();
                    let counts = (unit == '个').then(|| counted_festival(&rest)).flatten();
                    let tail: String = rest.chars().take(phrase_tail(&rest, counts)).collect();
                    out.push(Numbered {
                        start: s,
                        end: e,
                        number: ascii.then(|| text[s..e].parse().ok()).flatten(),
                        counts,
                        phrase: format!("{}{unit}{tail}", &text[b..e]),
                    });
                    i = after + 1;
                    continue;
                }
            }
        }
        // N周年
        let (n, ascii) = if c.is_ascii_digit() || is_chinese_digit(c) {
            let starts_run =
                i == 0 || !(chars[i - 1].1.is_ascii_digit() || is_chinese_digit(chars[i - 1].1));
            if starts_run { digits(i) } else { (0, false) }
        } else {
            (0, false)
        };
        if n > 0 && text[end_of(i + n)..].starts_with("周年") {
            let (s, e) = (b, end_of(i + n));
            let before: String = chars[i.saturating_sub(12)..i]
                .iter()
                .map(|(_, c)| c)
                .collect();
            let counts = founding(&before);
            out.push(Numbered {
                start: s,
                end: e,
                number: ascii.then(|| text[s..e].parse().ok()).flatten(),
                counts,
                phrase: format!("{}周年", &text[s..e]),
            });
            i += n;
            continue;
        }
        i += 1;
    }
    out
}

/// The festival a `第N个` counts: the first named in the words after it.
fn counted_festival(rest: &str) -> Option<Anniversary> {
    let near: String = rest.chars().take(10).collect();
    [
        ("教师节", Anniversary::TeachersDay),
        ("妇女节", Anniversary::WomensDay),
        ("劳动节", Anniversary::LabourDay),
    ]
    .into_iter()
    .filter_map(|(w, a)| Some((near.find(w)?, a)))
    .min_by_key(|(at, _)| *at)
    .map(|(_, a)| a)
}

/// How many characters after a `第N个` belong to the phrase shown.
fn phrase_tail(rest: &str, counts: Option<Anniversary>) -> usize {
    let end_word = match counts {
        Some(Anniversary::TeachersDay) => "教师节",
        Some(Anniversary::WomensDay) => "妇女节",
        Some(Anniversary::LabourDay) => "劳动节",
        // Up to the next punctuation or 第 (`第六届教职工代表大会第三次`
        // shows `第六届教职工代表大会`), at most 12: a phrase cut at six
        // read `第六届教职工代表大`.
        _ => {
            return rest
                .chars()
                .take_while(|c| !"，。；、,;：:（(第".contains(*c))
                .take(12)
                .count();
        }
    };
    rest.find(end_word)
        .map_or(0, |b| rest[..b].chars().count() + end_word.chars().count())
}

/// The founding an `N周年` counts: the one named nearest before it, so
/// that in `建党101周年暨建国73周年` the 73 counts 建国, not 建党.
fn founding(before: &str) -> Option<Anniversary> {
    let near: String = {
        let chars: Vec<char> = before.chars().collect();
        chars[chars.len().saturating_sub(10)..].iter().collect()
    };
    [
        (&["建党", "共产党成立", "党的生日"][..], Anniversary::Party),
        (&["建军", "解放军成立"][..], Anniversary::Army),
        (
            &["建国", "国庆", "新中国成立", "共和国成立"][..],
            Anniversary::Republic,
        ),
    ]
    .into_iter()
    .flat_map(|(words, a)| words.iter().map(move |w| (*w, a)))
    .filter_map(|(w, a)| Some((near.rfind(w)? + w.len(), a)))
    .max_by_key(|(end, _)| *end)
    .map(|(_, a)| a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn festivals_are_named_once() {
        assert_eq!(
            festival_named("中秋节慰问教职工"),
            Some(Festival::MidAutumn)
        );
        assert_eq!(
            festival_named("重阳节看望退休教师"),
            Some(Festival::DoubleNinth)
        );
        assert_eq!(festival_named("迎中秋、庆国庆"), Some(Festival::MidAutumn));
        assert_eq!(festival_named("春节、元宵节慰问"), None, "two festivals");
        assert_eq!(festival_named("召开教代会"), None);
    }

    #[test]
    fn anniversaries_and_sessions_are_found() {
        let found = numbered("庆祝第41个教师节，召开第五届教代会第3次会议，纪念建党104周年");
        let shown: Vec<_> = found
            .iter()
            .map(|n| (n.phrase.as_str(), n.number, n.counts))
            .collect();
        assert_eq!(
            shown,
            [
                ("第41个教师节", Some(41), Some(Anniversary::TeachersDay)),
                ("第五届教代会", None, None),
                ("第3次会议", Some(3), None),
                ("104周年", Some(104), Some(Anniversary::Party)),
            ]
        );
        assert_eq!(Anniversary::TeachersDay.count(2025), 41);
        assert_eq!(Anniversary::WomensDay.count(2026), 116);
        assert_eq!(Anniversary::Party.count(2025), 104);
        assert_eq!(Anniversary::Republic.count(2025), 76);
        assert_eq!(Anniversary::Army.count(2025), 98);
    }

    /// Each number counts the anniversary named nearest to it, once:
    /// `建党101周年暨建国73周年` counted the 73 as 建党 too (and 建国 not at
    /// all), and `第116个妇女节和教师节` counted 教师节.
    #[test]
    fn each_number_counts_the_anniversary_nearest_it() {
        let counts = |text: &str| -> Vec<_> {
            numbered(text)
                .iter()
                .map(|n| (n.number, n.counts))
                .collect()
        };
        assert_eq!(
            counts("纪念建党101周年暨建国73周年"),
            [
                (Some(101), Some(Anniversary::Party)),
                (Some(73), Some(Anniversary::Republic))
            ]
        );
        assert_eq!(
            counts("庆祝建军95周年、建国73周年"),
            [
                (Some(95), Some(Anniversary::Army)),
                (Some(73), Some(Anniversary::Republic))
            ]
        );
        assert_eq!(
            counts("庆祝第116个妇女节和教师节"),
            [(Some(116), Some(Anniversary::WomensDay))]
        );
    }

    /// Festival days 2024–2028, as published in almanacs and government
    /// calendars, typed from those and not from the library under test.
    const ALMANAC: [(Festival, [(u32, u32); 5]); 11] = [
        (
            Festival::SpringFestival,
            [(2, 10), (1, 29), (2, 17), (2, 6), (1, 26)],
        ),
        (
            Festival::Lantern,
            [(2, 24), (2, 12), (3, 3), (2, 20), (2, 9)],
        ),
        (
            Festival::DragonBoat,
            [(6, 10), (5, 31), (6, 19), (6, 9), (5, 28)],
        ),
        (Festival::Qixi, [(8, 10), (8, 29), (8, 19), (8, 8), (8, 26)]),
        (
            Festival::MidAutumn,
            [(9, 17), (10, 6), (9, 25), (9, 15), (10, 3)],
        ),
        (
            Festival::DoubleNinth,
            [(10, 11), (10, 29), (10, 18), (10, 8), (10, 26)],
        ),
        // 腊八 in January of each year (lunar 12/8 of the year before).
        (Festival::Laba, [(1, 18), (1, 7), (1, 26), (1, 15), (1, 4)]),
        (Festival::Qingming, [(4, 4), (4, 4), (4, 5), (4, 5), (4, 4)]),
        (
            Festival::WinterSolstice,
            [(12, 21), (12, 21), (12, 22), (12, 22), (12, 21)],
        ),
        (
            Festival::MothersDay,
            [(5, 12), (5, 11), (5, 10), (5, 9), (5, 14)],
        ),
        (
            Festival::FathersDay,
            [(6, 16), (6, 15), (6, 21), (6, 20), (6, 18)],
        ),
    ];

    #[test]
    fn every_festival_moves_to_its_day_across_four_year_boundaries() {
        use crate::spec::Period::Year;
        for (festival, days) in ALMANAC {
            for (i, pair) in days.windows(2).enumerate() {
                let year = 2024 + i as i32;
                let (old, new) = (
                    d(year, pair[0].0, pair[0].1),
                    d(year + 1, pair[1].0, pair[1].1),
                );
                let m = festival_move(festival, old, (year, Year), year + 1);
                assert_eq!(
                    m.map(|m| m.new),
                    Some(Some(new)),
                    "{} {old} → {new}",
                    festival.name()
                );
                // Three days before stays three days before.
                let before = old - chrono::Days::new(3);
                let m = festival_move(festival, before, (year, Year), year + 1).unwrap();
                assert_eq!(
                    m.new,
                    Some(new - chrono::Days::new(3)),
                    "{}",
                    festival.name()
                );
                // Back a year, and four years on.
                let back = festival_move(festival, new, (year + 1, Year), year);
                assert_eq!(back.map(|m| m.new), Some(Some(old)));
            }
            let (first, last) = (days[0], days[4]);
            let m = festival_move(festival, d(2024, first.0, first.1), (2024, Year), 2028).unwrap();
            assert_eq!(m.new, Some(d(2028, last.0, last.1)), "{}", festival.name());
        }
    }

    #[test]
    fn weekends_holidays_and_working_saturdays() {
        // 2026-03-08 is a Sunday; 2026-10-01 国庆节 a Thursday.
        assert_eq!(day_off(d(2026, 3, 8)), Some(DayOff::Weekend(Weekday::Sun)));
        assert_eq!(
            day_off(d(2026, 10, 1)),
            Some(DayOff::Holiday("国庆节".into()))
        );
        // 2026-02-14 is a Saturday worked for the 春节 break (调休).
        assert_eq!(day_off(d(2026, 2, 14)), None);
        assert_eq!(day_off(d(2026, 3, 9)), None, "a Monday");
    }

    /// 腊八 falls twice in 2022 (lunar 2021's and lunar 2022's) and not
    /// at all in 2023: a plan's 腊八 goes to the one within the new plan's
    /// period, or nowhere, never to a day outside it.
    #[test]
    fn a_festival_moves_to_its_day_within_the_new_plans_period() {
        use crate::spec::Period::{SchoolYear, Year};
        let laba = |from, to, period| {
            festival_move(Festival::Laba, d(2022, 1, 10), (from, period), to).map(|m| m.new)
        };
        assert_eq!(laba(2022, 2023, Year), Some(None), "no 腊八 in 2023");
        assert_eq!(laba(2022, 2024, Year), Some(Some(d(2024, 1, 18))));
        // A school year from September 2022 has the 腊八 of 2022-12-30.
        assert_eq!(laba(2021, 2022, SchoolYear), Some(Some(d(2022, 12, 30))));
        // 冬至 of a school year is in its first December, as before.
        let m = festival_move(
            Festival::WinterSolstice,
            d(2025, 12, 21),
            (2025, SchoolYear),
            2026,
        );
        assert_eq!(m.map(|m| m.new), Some(Some(d(2026, 12, 22))));
    }

    #[test]
    fn a_date_far_from_its_festival_stays_put() {
        use crate::spec::Period::Year;
        let plan = (2025, Year);
        assert_eq!(
            festival_move(Festival::MidAutumn, d(2025, 9, 1), plan, 2026),
            None
        );
        let m = festival_move(Festival::MidAutumn, d(2025, 10, 4), plan, 2026).unwrap();
        assert_eq!(m.new, Some(d(2026, 9, 23)), "two days before, as before");
    }
}
