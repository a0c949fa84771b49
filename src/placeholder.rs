//! Placeholders in text: `{{ year }}年工会工作行事历` never needs editing
//! when the plan moves to the next year.
//!
//! Known names: `school`, `year`, `next_year`, `prev_year`, `period_name`
//! (年度 / 上半年 / 下半年 / 学年). Spaces inside the braces are optional.
//! `\{{` writes two braces literally. A `{{` that is not a known
//! placeholder is an error, never silently dropped or passed through.

use crate::spec::{Period, Spec};

pub const NAMES: [&str; 5] = ["school", "year", "next_year", "prev_year", "period_name"];

/// What is wrong with a text's placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// `{{ name }}` with a name that is not one of [`NAMES`].
    Unknown(String),
    /// `{{` with no `}}` after it.
    Unclosed,
}

/// The pieces of a text: literal runs and placeholder names.
enum Piece<'a> {
    Text(&'a str),
    Var(&'a str),
}

fn pieces(text: &str) -> Result<Vec<Piece<'_>>, Problem> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("{{") {
        if rest[..i].ends_with('\\') {
            // `\{{`: the braces themselves.
            out.push(Piece::Text(&rest[..i - 1]));
            out.push(Piece::Text("{{"));
            rest = &rest[i + 2..];
            continue;
        }
        out.push(Piece::Text(&rest[..i]));
        let after = &rest[i + 2..];
        let end = after.find("}}").ok_or(Problem::Unclosed)?;
        let name = after[..end].trim();
        if !NAMES.contains(&name) {
            return Err(Problem::Unknown(after[..end].to_string()));
        }
        out.push(Piece::Var(name));
        rest = &after[end + 2..];
    }
    out.push(Piece::Text(rest));
    Ok(out)
}

/// Check a text's placeholders without expanding them.
pub fn check(text: &str) -> Result<(), Problem> {
    pieces(text).map(|_| ())
}

/// Does the text use any placeholder?
pub fn uses_any(text: &str) -> bool {
    matches!(pieces(text), Ok(p) if p.iter().any(|p| matches!(p, Piece::Var(_))))
}

/// The values placeholders stand for in one plan.
pub struct Values {
    school: String,
    year: i32,
    period: Period,
}

impl Values {
    pub fn of(spec: &Spec) -> Values {
        Values {
            school: spec.school.clone(),
            year: spec.year,
            period: spec.period,
        }
    }

    fn get(&self, name: &str) -> String {
        match name {
            "school" => self.school.clone(),
            "year" => self.year.to_string(),
            "next_year" => (self.year + 1).to_string(),
            "prev_year" => (self.year - 1).to_string(),
            "period_name" => period_name(self.period).to_string(),
            _ => unreachable!("names are checked by `pieces`"),
        }
    }

    /// `text` with its placeholders replaced; a text that does not check
    /// (see [`check`]) is returned unchanged.
    pub fn expand(&self, text: &str) -> String {
        match pieces(text) {
            Ok(pieces) => pieces
                .iter()
                .map(|p| match p {
                    Piece::Text(t) => t.to_string(),
                    Piece::Var(name) => self.get(name),
                })
                .collect(),
            Err(_) => text.to_string(),
        }
    }
}

/// The period as plans write it.
pub fn period_name(p: Period) -> &'static str {
    match p {
        Period::Year => "年度",
        Period::Spring => "上半年",
        Period::Autumn => "下半年",
        Period::SchoolYear => "学年",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Values {
        Values {
            school: "礼河实验学校".into(),
            year: 2025,
            period: Period::Autumn,
        }
    }

    #[test]
    fn expands_every_name_with_or_without_spaces() {
        let v = values();
        assert_eq!(v.expand("{{ year }}年{{period_name}}"), "2025年下半年");
        assert_eq!(v.expand("{{prev_year}}—{{ next_year }}"), "2024—2026");
        assert_eq!(v.expand("{{ school }}工会"), "礼河实验学校工会");
    }

    #[test]
    fn literal_braces_and_problems() {
        assert_eq!(values().expand("写作 \\{{ year }}"), "写作 {{ year }}");
        assert_eq!(check("{{ yaer }}"), Err(Problem::Unknown(" yaer ".into())));
        assert_eq!(check("开头 {{ year"), Err(Problem::Unclosed));
        assert_eq!(check("单个 { 和 } 没关系"), Ok(()));
        assert!(uses_any("{{year}}"));
        assert!(!uses_any("\\{{year}}"));
    }
}
