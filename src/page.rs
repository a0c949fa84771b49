//! The page, the same in every format: A4, GB/T 9704's margins, and the
//! line pitch and character spacing that give 22 lines of 28 characters.
//!
//! The DOCX writes these values into its section and styles; the HTML
//! template gets them for its print CSS.

use unicode_width::UnicodeWidthStr;

use crate::blocks::{Run, Table};
use crate::spec::{SignatureLayout, Style};

/// A4 in twips (1/20 pt), and the GB/T 9704 margins.
pub const WIDTH: u32 = 11906;
pub const HEIGHT: u32 = 16838;
pub const MARGIN_TOP: u32 = 2098;
pub const MARGIN_BOTTOM: u32 = 1985;
pub const MARGIN_LEFT: u32 = 1588;
pub const MARGIN_RIGHT: u32 = 1474;
/// The text block's width between those margins.
pub const TEXT_WIDTH: u32 = WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

/// A page's size, margins and header and footer distances, in twips:
/// the plan's own (A4 and the margins above), or the one a school's
/// reference document sets in its last section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub width: u32,
    pub height: u32,
    pub top: u32,
    pub right: u32,
    pub bottom: u32,
    pub left: u32,
    pub header: u32,
    pub footer: u32,
}

/// The exact line spacing that fits `lines_per_page` lines in the text block:
/// 22 lines give 579 twips (28.95 pt), GB/T 9704's value.
pub fn line_pitch_twips(style: &Style) -> u32 {
    line_pitch_in(style, HEIGHT - MARGIN_TOP - MARGIN_BOTTOM)
}

/// The line pitch that fits `lines_per_page` lines in a text block
/// `text_height` twips high.
pub fn line_pitch_in(style: &Style, text_height: u32) -> u32 {
    (text_height / style.lines_per_page.max(1)).max(1)
}

/// Extra space after each character of body text, in twips, so that a
/// whole number of characters fills the line: GB/T 9704's 28 characters of
/// 3号 (16 pt) in 156 mm need −5 (−0.25 pt). A character grid would do
/// this in Word, but LibreOffice then sets only about 14 characters a line.
pub fn char_spacing_twips(style: &Style) -> i32 {
    char_spacing_in(style, TEXT_WIDTH)
}

/// The character spacing that fills a line `text_width` twips wide.
pub fn char_spacing_in(style: &Style, text_width: u32) -> i32 {
    let width = f64::from(text_width);
    let size = style.body_size * 20.0;
    let chars = (width / size).round().max(1.0);
    (width / chars).floor() as i32 - size.round() as i32
}

/// How far one character of body text advances, spacing included, in twips.
pub fn char_width_twips(style: &Style) -> u32 {
    char_width_in(style, TEXT_WIDTH)
}

/// How far one character of body text advances in a line `text_width` wide.
pub fn char_width_in(style: &Style, text_width: u32) -> u32 {
    ((style.body_size * 20.0).round() as i32 + char_spacing_in(style, text_width)).max(1) as u32
}

// ---- the page number -------------------------------------------------------

/// 7 mm in twips: GB/T 9704 §7.5 puts the page number's 一字线 this far
/// below the text block's lower edge.
pub const PAGE_NUMBER_BELOW: u32 = 397;

/// The page number's line height in twips: exactly its size, so the
/// middle of the line, where a CJK font draws its 一字线, is known.
pub fn page_number_line(style: &Style) -> u32 {
    (style.page_number_size * 20.0).round() as u32
}

/// The footer distance (page edge to the footer line's foot) that puts the
/// middle of the page number's line [`PAGE_NUMBER_BELOW`] the text block.
pub fn footer_distance(style: &Style) -> u32 {
    MARGIN_BOTTOM - PAGE_NUMBER_BELOW - page_number_line(style) / 2
}

// ---- tables ----------------------------------------------------------------

/// The narrowest and widest a centred column may be, in characters of body text.
pub const MIN_CHARS: f64 = 2.0;
pub const MAX_CHARS: f64 = 7.0;

/// The space between a cell's rule and its text, left and right, in twips
/// (Word's default, 0.19 cm).
pub const CELL_MARGIN: u32 = 108;

/// A little more than the text needs, in twips: without it LibreOffice
/// wraps a header that fits to the twip.
pub const SLACK: u32 = 60;

/// The running text keeps at least this share of the table's width, in
/// hundredths.
pub const TEXT_SHARE: u32 = 45;

/// A schedule item's number at the start of `text` (`1、`, `12、`), as the
/// cells of a 行事历 write them.
pub fn item_number(text: &str) -> Option<&str> {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (digits > 0 && text[digits..].starts_with('、')).then(|| &text[..digits + '、'.len_utf8()])
}

/// How wide a cell's line is, in characters, digits counted at 0.8 of a
/// character, not half: the fonts that stand in for 仿宋 where it is
/// missing (LibreOffice's on Linux, a browser's) draw digits wider and
/// space them off Chinese characters (measured: 10月29日 takes 5.2
/// characters through LibreOffice).
fn cell_chars(s: &str) -> f64 {
    chars_wide(s) + 0.3 * s.chars().filter(char::is_ascii_digit).count() as f64
}

/// How wide a column must be so that `text` breaks no word: its longest
/// date (`10月29日`) or name (`女工委员`), the words parted where a list of
/// them parts (、，, and spaces), or its item number. A line with no number
/// (a month, one name) is one word.
pub fn unbreakable_chars(text: &str) -> f64 {
    let Some(number) = item_number(text) else {
        return cell_chars(text);
    };
    text[number.len()..]
        .split(['、', '，', ',', ' ', '；', '/'])
        .map(cell_chars)
        .fold(cell_chars(number), f64::max)
}

/// How many characters of body text a column `width` twips wide holds.
pub fn column_chars(width: u32, char_width: u32) -> f64 {
    f64::from(width.saturating_sub(2 * CELL_MARGIN + SLACK)) / f64::from(char_width.max(1))
}

/// A cell's line `runs` as set in a column of `chars` characters: a
/// numbered line (`1、10月29日`) too wide for it goes on after a line break
/// behind its number, so it is the number that stands apart, never half a
/// date or a name, whatever the font.
pub fn cell_line(runs: &[Run], chars: f64) -> std::borrow::Cow<'_, [Run]> {
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    let number = match (runs.first(), item_number(&text)) {
        (Some(first), Some(n)) if first.text.starts_with(n) && cell_chars(&text) > chars => n,
        _ => return std::borrow::Cow::Borrowed(runs),
    };
    let first = &runs[0];
    let mut out = vec![
        Run {
            text: number.to_string(),
            ..first.clone()
        },
        Run {
            line_break: true,
            ..Run::default()
        },
    ];
    if first.text.len() > number.len() {
        out.push(Run {
            text: first.text[number.len()..].to_string(),
            ..first.clone()
        });
    }
    out.extend(runs[1..].iter().cloned());
    std::borrow::Cow::Owned(out)
}

/// Each column's width of table `t`, in twips, adding up to `text_width`;
/// `char_width` is how far a character of body text advances. A centred
/// column (月份, 时间, 负责人) is as wide as its longest line, between
/// [`MIN_CHARS`] and [`MAX_CHARS`] characters, and never narrower than its
/// header or than a date or a name in it ([`unbreakable_chars`]), so no
/// cell reads `3月8/日` or `女工/委员`; a numbered line wider than its
/// column goes on after its number ([`cell_line`]). The other columns
/// (工作内容) share the rest, which is at least [`TEXT_SHARE`] per cent of
/// the table: the widest short columns give up a character at a time until
/// it is, down to what they must keep.
pub fn column_widths(t: &Table, columns: usize, text_width: u32, char_width: u32) -> Vec<u32> {
    let margins = 2 * CELL_MARGIN + SLACK;
    // Characters of text, two columns of width to one Chinese character.
    let chars_of = |p: &Vec<crate::blocks::Run>| {
        let text: String = p.iter().map(|r| r.text.as_str()).collect();
        (text.width() as f64 / 2.0).ceil()
    };
    let lines = |i: usize, header: bool| {
        t.rows
            .iter()
            .filter(move |r| r.header == header)
            .filter_map(move |r| r.cells.get(i))
            .flat_map(|c| c.paragraphs.iter())
    };
    let longest = |i: usize, header: bool| lines(i, header).map(chars_of).fold(0.0, f64::max);
    // What a column's text must keep on one line, in whole characters.
    let unbreakable = |i: usize| {
        lines(i, false)
            .map(|p| {
                let text: String = p.iter().map(|r| r.text.as_str()).collect();
                unbreakable_chars(&text).ceil()
            })
            .fold(0.0, f64::max)
    };
    // How many characters each centred column needs, and at least (its
    // header's); the others, none.
    let mut least = vec![MIN_CHARS; columns];
    let mut chars: Vec<Option<f64>> = (0..columns)
        .map(|i| {
            if !t.centred.get(i).copied().unwrap_or(false) {
                return None;
            }
            let header = longest(i, true).clamp(MIN_CHARS, MAX_CHARS);
            least[i] = unbreakable(i).min(MAX_CHARS).max(header);
            Some(longest(i, false).clamp(least[i], MAX_CHARS))
        })
        .collect();
    // With no column of running text, the last column takes what is left.
    if chars.iter().all(Option::is_some) {
        if let Some(last) = chars.last_mut() {
            *last = None;
        }
    }
    // The running text keeps its share of the width: the widest short
    // columns give up a character at a time until it does (their text
    // then wraps), never narrower than their header.
    let width = |c: f64| (c * f64::from(char_width)).round() as u32 + margins;
    let short = |chars: &[Option<f64>]| chars.iter().flatten().map(|&c| width(c)).sum::<u32>();
    let most = text_width / 100 * (100 - TEXT_SHARE);
    while short(&chars) > most {
        let widest = chars
            .iter_mut()
            .zip(&least)
            .filter_map(|(c, &least)| c.as_mut().filter(|c| **c > least))
            .max_by(|a, b| a.total_cmp(b));
        match widest {
            Some(c) => *c -= 1.0,
            None => break,
        }
    }
    let free = chars.iter().filter(|c| c.is_none()).count() as u32;
    let share = text_width.saturating_sub(short(&chars)) / free;
    let mut out: Vec<u32> = chars.iter().map(|c| c.map_or(share, width)).collect();
    // Rounding leaves a few twips: they go to the last column, so the
    // table is the text block's width exactly.
    let sum: u32 = out.iter().sum();
    if let Some(last) = out.last_mut() {
        *last += text_width.saturating_sub(sum);
    }
    out
}

// ---- the 落款 ----------------------------------------------------------------

/// How wide `text` is in characters of body text: a half-width character
/// (an Arabic digit, a Latin letter) counts half, as GB/T 9704 §7.3.5
/// counts it.
pub fn chars_wide(text: &str) -> f64 {
    text.width() as f64 / 2.0
}

/// Where a line of the 落款 goes, in characters of body text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Place {
    /// Set flush right, this far in from the right edge.
    Right(f64),
    /// Set flush left, its first character this far in from the right
    /// edge: where a line must start, whatever the width of its digits
    /// in the font at hand (仿宋's are half a character, others' wider).
    Start(f64),
    /// Centred on an axis this far in from the right edge: lines that
    /// must share a centre share it in any font.
    Centre(f64),
}

/// Where each line of the 落款 goes, by GB/T 9704 §7.3.5. The last line is
/// the 成文日期, the lines before it the 署名 (one line as a rule; a long
/// name may take two).
///
/// - Without a seal (§7.3.5.2): the 署名 is 右空二字, and the date's first
///   character sits two characters right of the 署名's first character.
///   A date longer than that allows is itself 右空二字, and the 署名 moves
///   left so the two characters between their starts stay.
/// - With a seal (§7.3.5.1): the date is 右空四字 and the 署名 centred over
///   it: both are centred on the axis of a date 右空四字, so they share
///   their centre whatever the font's digits.
///
/// A 落款 of one line is 右空二字 (右空四字 when sealed).
pub fn signature_places(lines: &[&str], layout: SignatureLayout) -> Vec<Place> {
    let Some((date, names)) = lines.split_last() else {
        return Vec::new();
    };
    let sealed = layout == SignatureLayout::Sealed;
    if names.is_empty() {
        return vec![Place::Right(if sealed { 4.0 } else { 2.0 })];
    }
    let name = names.iter().map(|n| chars_wide(n)).fold(0.0, f64::max);
    let date = chars_wide(date);
    let (name, date) = if sealed {
        // A name wider than the space either side of the axis moves it,
        // keeping a quarter character clear of the margin: a line that
        // fills its width to the twip wraps in LibreOffice.
        let axis = f64::max(4.0 + date / 2.0, name / 2.0 + 0.25);
        (Place::Centre(axis), Place::Centre(axis))
    } else if date <= name - 2.0 {
        // The 署名 starts `name + 2` in; the date two characters later.
        (Place::Right(2.0), Place::Start(name))
    } else {
        (Place::Right(date + 4.0 - name), Place::Right(2.0))
    };
    let mut out = vec![name; names.len()];
    out.push(date);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::{Cell, Row, Run};

    #[test]
    fn gbt9704_line_pitch() {
        assert_eq!(line_pitch_twips(&Style::default()), 579);
    }

    #[test]
    fn twenty_eight_characters_a_line() {
        let style = Style::default();
        let spacing = char_spacing_twips(&style);
        assert_eq!(spacing, -5);
        let per_char = 320 + spacing;
        assert_eq!((WIDTH - MARGIN_LEFT - MARGIN_RIGHT) as i32 / per_char, 28);
    }

    fn cell(lines: &[&str]) -> Cell {
        Cell {
            paragraphs: lines
                .iter()
                .map(|l| {
                    vec![Run {
                        text: l.to_string(),
                        ..Run::default()
                    }]
                })
                .collect(),
        }
    }

    #[test]
    fn widths_fill_the_text_block_and_fit_the_short_columns() {
        let t = Table {
            centred: vec![true, false, true],
            rows: vec![
                Row {
                    header: true,
                    cells: vec![cell(&["月份"]), cell(&["工作内容"]), cell(&["负责人"])],
                },
                Row {
                    header: false,
                    cells: vec![
                        cell(&["七、八月"]),
                        cell(&["1、暑期慰问"]),
                        cell(&["1、工会主席", "2、女工委员"]),
                    ],
                },
            ],
        };
        let w = column_widths(&t, 3, 8844, 315);
        assert_eq!(w.iter().sum::<u32>(), 8844);
        let m = 216 + SLACK;
        assert_eq!(w[0], 4 * 315 + m);
        assert_eq!(w[2], 6 * 315 + m);
        assert!(w[1] > w[0] + w[2]);
        let mut t4 = t.clone();
        t4.centred = vec![true, false, true, true];
        t4.rows[0].cells.push(cell(&["时间"]));
        t4.rows[1].cells.push(cell(&["1、10月29日"]));
        // Four columns: the short ones give way to the text, down to the
        // month, a name and a date they hold (1、 then goes on its own).
        let w = column_widths(&t4, 4, 8844, 315);
        assert_eq!(w.iter().sum::<u32>(), 8844);
        assert_eq!(w[0], 4 * 315 + m, "the month keeps its four characters");
        assert_eq!(w[2], 4 * 315 + m, "女工委员 never breaks: {w:?}");
        assert_eq!(w[3], 6 * 315 + m, "10月29日 never breaks: {w:?}");
        assert!(w[1] > 8844 * 2 / 5, "{w:?}");
    }

    /// Where each line starts, in characters from the right edge.
    fn starts(lines: &[&str], layout: SignatureLayout) -> Vec<f64> {
        signature_places(lines, layout)
            .iter()
            .zip(lines)
            .map(|(place, l)| match place {
                Place::Right(right) => right + chars_wide(l),
                Place::Start(start) => *start,
                Place::Centre(axis) => axis + chars_wide(l) / 2.0,
            })
            .collect()
    }

    #[test]
    fn unsealed_the_date_starts_two_characters_right_of_the_name() {
        let u = SignatureLayout::Unsealed;
        // 10 characters of name, a date of 6.5 (four digits count two).
        let lines = ["青溪路小学工会委员会", "2025年2月18日"];
        assert_eq!(
            signature_places(&lines, u),
            vec![Place::Right(2.0), Place::Start(10.0)]
        );
        assert_eq!(starts(&lines, u), vec![12.0, 10.0]);
        // A short name: the date is 右空二字 and the name moves left.
        let short = ["甲校工会", "2025年12月18日"];
        let places = signature_places(&short, u);
        assert_eq!(places[1], Place::Right(2.0));
        let s = starts(&short, u);
        assert_eq!(s[0] - s[1], 2.0);
        assert!(matches!(places[0], Place::Right(r) if r > 2.0));
        // One line only: 右空二字.
        assert_eq!(signature_places(&["甲校工会"], u), vec![Place::Right(2.0)]);
        assert!(signature_places(&[], u).is_empty());
    }

    #[test]
    fn sealed_the_date_is_four_in_and_the_name_centred_over_it() {
        let s = SignatureLayout::Sealed;
        let lines = ["甲校工会", "2025年2月18日"];
        // The date 右空四字: its centre 4 + 6.5 / 2 in.
        let places = signature_places(&lines, s);
        assert_eq!(places, vec![Place::Centre(7.25), Place::Centre(7.25)]);
        // A name much longer than the date never runs past the margin.
        let long = ["某某市某某区某某街道中心小学工会委员会", "2025年2月"];
        assert_eq!(signature_places(&long, s)[0], Place::Centre(9.75));
    }

    #[test]
    fn a_date_or_a_name_keeps_its_cell_from_breaking_it() {
        assert_eq!(item_number("1、3月8日"), Some("1、"));
        assert_eq!(item_number("12、工会"), Some("12、"));
        assert_eq!(item_number("3月8日"), None);
        assert_eq!(item_number("、"), None);
        // 10月29日 is four characters, its digits counted at 0.8 of one
        // for the fonts that stand in: 5.2.
        assert!((unbreakable_chars("1、10月29日") - 5.2).abs() < 1e-9);
        assert_eq!(unbreakable_chars("1、工会主席、副主席"), 4.0);
        assert_eq!(unbreakable_chars("女工委员"), 4.0);
        assert_eq!(unbreakable_chars("七、八月"), 4.0);
        // Too wide for six characters: the date goes on after the number.
        let line = [Run {
            text: "1、10月29日".into(),
            ..Run::default()
        }];
        let set = cell_line(&line, 6.0);
        let texts: Vec<(&str, bool)> = set
            .iter()
            .map(|r| (r.text.as_str(), r.line_break))
            .collect();
        assert_eq!(texts, [("1、", false), ("", true), ("10月29日", false)]);
        assert_eq!(cell_line(&line, 7.0).len(), 1, "room for all of it");
        assert_eq!(
            cell_line(&line, 6.0).len(),
            3,
            "with its number, seven characters"
        );
    }

    #[test]
    fn short_columns_never_give_up_what_must_not_break() {
        let head = |cells: &[&str]| Row {
            header: true,
            cells: cells.iter().map(|c| cell(&[c])).collect(),
        };
        let row = |cells: &[&[&str]]| Row {
            header: false,
            cells: cells.iter().map(|c| cell(c)).collect(),
        };
        // Long dates and owners, which once squeezed 时间 and 负责人 until
        // they broke 3月8日 and 女工委员.
        let t = Table {
            centred: vec![true, false, true, true],
            rows: vec![
                head(&["月份", "工作内容", "时间", "负责人"]),
                row(&[
                    &["三月"],
                    &["1、“三八”妇女节庆祝活动", "2、召开工会委员会议"],
                    &["1、3月8日", "2、3月12日"],
                    &["1、女工委员", "2、工会副主席"],
                ]),
                row(&[
                    &["十月"],
                    &["1、重阳节座谈会"],
                    &["1、10月29日"],
                    &["1、工会副主席"],
                ]),
            ],
        };
        let cw = char_width_twips(&Style::default());
        let widths = column_widths(&t, 4, TEXT_WIDTH, cw);
        let chars = |w: u32| column_chars(w, cw);
        assert!(chars(widths[0]) >= 2.0, "月份: {widths:?}");
        assert!(chars(widths[2]) >= 5.0, "时间 holds 10月29日: {widths:?}");
        assert!(
            chars(widths[3]) >= 5.0,
            "负责人 holds 工会副主席: {widths:?}"
        );
        let others = [widths[0], widths[2], widths[3]];
        assert!(
            others.iter().all(|&w| w * 3 / 2 < widths[1]),
            "工作内容 the widest by far: {widths:?}"
        );
        assert_eq!(widths.iter().sum::<u32>(), TEXT_WIDTH);
    }
}
