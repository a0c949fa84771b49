//! `unionplan init`: the complete example spec a user starts from.

use std::path::Path;

use crate::Error;

/// The example specs, with English and Chinese keys.
const EXAMPLE_SPEC: &str = include_str!("../specs/qingxi-2025.yaml");
const EXAMPLE_SPEC_ZH: &str = include_str!("../specs/qingxi-2025-zh.yaml");
/// The school named in the examples, replaced by `init --school`.
const EXAMPLE_SCHOOL: &str = "青溪路小学";

/// The example, for `school` and `year` where given.
pub fn example(
    path: &Path,
    zh: bool,
    school: Option<&str>,
    year: Option<i32>,
) -> Result<String, Error> {
    let mut text = if zh { EXAMPLE_SPEC_ZH } else { EXAMPLE_SPEC }.to_string();
    if let Some(year) = year {
        let source =
            crate::load::Source::from_text(path, text).map_err(|d| Error::Invalid(vec![*d]))?;
        text = crate::rollover::rollover(&source, year)
            .map_err(|d| Error::Invalid(vec![*d]))?
            .text;
    }
    if let Some(school) = school {
        text = with_school(&text, school.trim());
    }
    // The examples point at the repository's schema; a user's spec at its neighbour.
    text = text.replace(crate::schema::FILE_FROM_SPECS, crate::schema::LOCAL_NAME);
    // A name or year that breaks the example is refused, not written.
    crate::parse_spec(path, &text)?;
    Ok(text)
}

/// The example `text` (with Chinese keys, from [`example`]) for `period`
/// (上半年, 下半年, 学年) instead of the whole year: the workbench's 计划类型.
pub fn with_period(path: &Path, text: &str, period: crate::spec::Period) -> Result<String, Error> {
    use crate::spec::Period;
    let name = match period {
        Period::Year => return Ok(text.to_string()),
        Period::Spring => "上半年",
        Period::Autumn => "下半年",
        Period::SchoolYear => "学年",
    };
    let Some(start) = text.find("\n期间: 年度") else {
        return Ok(text.to_string());
    };
    let at = start + "\n期间: ".len();
    let out = format!("{}{name}{}", &text[..at], &text[at + "年度".len()..]);
    crate::parse_spec(path, &out)?;
    Ok(out)
}

/// The example with `school` in place of its own school. In a comment the
/// name is put as it is; as a value it is a double-quoted YAML string, so
/// that a name such as `实验小学 #2` or `&a 小学` stays whole (unquoted, YAML
/// reads `#` as a comment and `&` as an anchor).
fn with_school(text: &str, school: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let value_at = body
            .find(": ")
            .map(|i| i + 2)
            .filter(|&i| !body.trim_start().starts_with('#') && body[i..].contains(EXAMPLE_SCHOOL));
        match value_at {
            Some(i) => {
                let value = body[i..].replace(EXAMPLE_SCHOOL, school);
                out.push_str(&body[..i]);
                if value.contains(|c: char| "#&*:!|>'\"%@`{}[],?".contains(c)) {
                    // A JSON string is a YAML double-quoted scalar.
                    out.push_str(&serde_json::to_string(&value).expect("a string serialises"));
                } else {
                    out.push_str(&value);
                }
                out.push_str(&line[body.len()..]);
            }
            None => out.push_str(&line.replace(EXAMPLE_SCHOOL, school)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names YAML would cut or misread unquoted come through whole.
    #[test]
    fn any_school_name_stays_whole() {
        for name in [
            "实验小学 #2",
            "&a 小学",
            "*星 小学",
            "甲校: 分校",
            "\"引号\"小学",
            "'单引号'小学",
        ] {
            for zh in [false, true] {
                let text = example(Path::new("plan.yaml"), zh, Some(name), None)
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                let spec = crate::parse_spec(Path::new("plan.yaml"), &text).unwrap();
                assert_eq!(spec.school, name);
                assert_eq!(
                    spec.signature.org.as_deref(),
                    Some(format!("{name}工会委员会").as_str())
                );
            }
        }
    }
}
