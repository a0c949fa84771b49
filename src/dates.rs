//! Dates as a spec writes them: `2025-03-08`, `2025/3/8`, `2025.3.8` or
//! `2025年3月8日`, in one lexer. Validation reads them with [`parse`];
//! `rollover` moves them with [`lex`], which says where the year, month and
//! day are, so it can rewrite the year and keep the rest as typed; the JSON
//! Schema gives editors the same forms as [`PATTERN`].

use chrono::NaiveDate;

/// What separates the parts of a date.
const SEPARATORS: [char; 6] = ['-', '/', '.', '年', '月', '日'];

/// The same forms as a regular expression, for the JSON Schema.
pub const PATTERN: &str = "^\\s*\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?\\s*$";

/// The byte ranges of year, month and day in `s`: three runs of up to
/// four ASCII digits between separators, and nothing else but spaces at
/// either end.
pub fn lex(s: &str) -> Option<[(usize, usize); 3]> {
    let start = s.len() - s.trim_start().len();
    let t = s.trim();
    let mut runs = Vec::with_capacity(3);
    let mut from = 0;
    for (i, c) in t.char_indices().chain(std::iter::once((t.len(), '-'))) {
        if !SEPARATORS.contains(&c) {
            continue;
        }
        let part = &t[from..i];
        if !part.is_empty() {
            if part.len() > 4 || !part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            runs.push((start + from, start + i));
        }
        from = i + c.len_utf8();
    }
    runs.try_into().ok()
}

/// A date read from a spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parsed {
    Date(NaiveDate),
    /// A real month and day that this year lacks: 29 February 2025.
    Impossible,
    Unreadable,
}

pub fn parse(s: &str) -> Parsed {
    let Some(runs) = lex(s) else {
        return Parsed::Unreadable;
    };
    let [y, m, d] = runs.map(|(a, b)| s[a..b].parse::<u32>().unwrap_or(0));
    if y < 1000 {
        return Parsed::Unreadable;
    }
    match NaiveDate::from_ymd_opt(y as i32, m, d) {
        Some(date) => Parsed::Date(date),
        None if (1..=12).contains(&m) && (1..=31).contains(&d) => Parsed::Impossible,
        None => Parsed::Unreadable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_teachers_write() {
        let march_8 = NaiveDate::from_ymd_opt(2025, 3, 8).unwrap();
        for s in [
            "2025-03-08",
            "2025/3/8",
            "2025.3.8",
            "2025年3月8日",
            " 2025-3-8 ",
        ] {
            assert_eq!(parse(s), Parsed::Date(march_8), "{s}");
        }
        assert_eq!(parse("2025-02-29"), Parsed::Impossible);
        assert!(matches!(parse("2024-02-29"), Parsed::Date(_)));
        assert_eq!(parse("三月八日"), Parsed::Unreadable);
        assert_eq!(parse("2025-13-01"), Parsed::Unreadable);
        assert_eq!(parse("25-3-8"), Parsed::Unreadable);
        assert_eq!(parse("2025-3"), Parsed::Unreadable);
    }

    #[test]
    fn the_lexer_says_where_each_part_is() {
        let s = " 2025年3月08日";
        let [y, m, d] = lex(s).unwrap();
        assert_eq!(
            (&s[y.0..y.1], &s[m.0..m.1], &s[d.0..d.1]),
            ("2025", "3", "08")
        );
    }
}
