//! Text that names a past year: `制定2026年工会工作计划` left in a plan for
//! 2027, typed last year or inherited through `extends`. A warning, with the
//! file and line of the text, not an error: a plan may look back
//! (`回顾2026年工作`), and only the user can tell.

use serde_yaml::Value;

use crate::diag::Diagnostic;
use crate::load::{FieldPath, Loaded, Target};
use crate::messages as msg;

/// How far back a year counts as last year's text left in: further back,
/// it is history (`1985年设立教师节`).
const LOOK_BACK: i32 = 3;

/// Keys whose values are not text a reader sees as the plan's wording.
const NOT_TEXT: [&str; 6] = ["extends", "date", "id", "style", "month", "months"];

/// A warning for each text naming a recent past year.
pub(super) fn stale_years(src: &Loaded, year: i32) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    walk(&src.value, &FieldPath::root(), &mut |path, text| {
        if let Some(old) = past_year(text, year) {
            out.push(
                src.diagnostic(path, Target::Value, msg::stale_year(old, year))
                    .as_warning()
                    .with_help(
                        src.fix_here(path)
                            .unwrap_or_else(|| msg::stale_year_help(old, year)),
                    ),
            );
        }
    });
    out
}

fn walk(v: &Value, path: &FieldPath, f: &mut dyn FnMut(&FieldPath, &str)) {
    match v {
        Value::String(s) => f(path, s),
        Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, &path.index(i), f);
            }
        }
        Value::Mapping(map) => {
            for (k, item) in map {
                let Some(k) = k.as_str() else { continue };
                if !NOT_TEXT.contains(&k) {
                    walk(item, &path.key(k), f);
                }
            }
        }
        _ => {}
    }
}

/// The first year in `text` (four digits, then 年 or 学年, or a range
/// `2025—2026`) that is before the plan's and at most [`LOOK_BACK`] back.
/// A school-year plan for `year` names `year` first (2026—2027学年), so
/// the same test serves every period.
fn past_year(text: &str, first: i32) -> Option<i32> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let digits = bytes[i..i + 4].iter().all(u8::is_ascii_digit);
        let before = i > 0 && bytes[i - 1].is_ascii_digit();
        let after_digit = bytes.get(i + 4).is_some_and(u8::is_ascii_digit);
        if digits && !before && !after_digit {
            let rest = &text[i + 4..];
            let names_a_year = ["年", "学年", "—", "-", "–", "－"]
                .iter()
                .any(|w| rest.starts_with(w));
            let n: i32 = text[i..i + 4].parse().unwrap_or(0);
            if names_a_year && n < first && n >= first - LOOK_BACK {
                return Some(n);
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_past_years_are_found_and_history_is_not() {
        let y = |t| past_year(t, 2027);
        assert_eq!(y("制定2026年工会工作计划"), Some(2026));
        assert_eq!(y("2025—2026学年"), Some(2025));
        assert_eq!(y("制定2027年工会工作计划"), None);
        assert_eq!(y("1985年设立教师节"), None);
        assert_eq!(y("电话 20261234"), None);
        assert_eq!(y("共2026人"), None);
        assert_eq!(y("2028年目标"), None);
    }
}
