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
        let source = crate::load::Source::from_text(path, text).map_err(Error::Invalid)?;
        text = crate::rollover::rollover(&source, year)?.text;
    }
    if let Some(school) = school {
        text = with_school(&text, school.trim());
    }
    // The examples point at the repository's schema; a user's spec at its neighbour.
    text = text.replace(crate::schema::FILE_FROM_SPECS, crate::schema::LOCAL_NAME);
    // A name or year that breaks the example is refused, not written.
    let spec = crate::parse_spec(path, &text)?;
    let text = on_working_days(&text, &spec.warnings);
    let spec = crate::parse_spec(path, &text)?;
    Ok(with_header(&text, path, &spec.school, spec.year, zh))
}

/// The example's dates that fall on a day schools are closed in the chosen
/// year (三八 on a Sunday), moved to the working day before, within its
/// month (or after, if the month has none before): a fresh plan should not
/// open with warnings about its own example.
fn on_working_days(text: &str, warnings: &[crate::diag::Diagnostic]) -> String {
    use chrono::Datelike;
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    for w in warnings.iter().filter(|w| w.code == "date_is_day_off") {
        let (Some(line), Some(col)) = (w.line, w.column) else {
            continue;
        };
        let Some(l) = lines.get_mut(line - 1) else {
            continue;
        };
        let Some((start, _)) = l.char_indices().nth(col - 1) else {
            continue;
        };
        let len = l[start..]
            .find(|c: char| c.is_whitespace() || c == ',' || c == '}')
            .unwrap_or(l.len() - start);
        let crate::dates::Parsed::Date(day) = crate::dates::parse(&l[start..start + len]) else {
            continue;
        };
        let working = |d: &chrono::NaiveDate| {
            d.month() == day.month() && crate::calendar::day_off(*d).is_none()
        };
        let before = day.iter_days().rev().skip(1).take(31).find(working);
        let after = || day.iter_days().skip(1).take(31).find(working);
        if let Some(moved) = before.or_else(after) {
            l.replace_range(start..start + len, &moved.format("%Y-%m-%d").to_string());
        }
    }
    lines.concat()
}

/// The example's opening comments, which speak of the repository's files
/// (`qingxi-2025.yaml`, the README), replaced by ones about the user's
/// own plan: its school and year as chosen, how to make its Word file.
fn with_header(text: &str, path: &Path, school: &str, year: i32, zh: bool) -> String {
    let mut lines = text.split_inclusive('\n').peekable();
    let mut out = String::with_capacity(text.len());
    // The schema line stays: editors read it.
    if let Some(first) = lines.next_if(|l| l.starts_with("# yaml-language-server:")) {
        out.push_str(first);
    }
    while lines.next_if(|l| l.starts_with('#')).is_some() {}
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let keys = if zh {
        "字段名用中文，也可以换成英文，两种可以混用"
    } else {
        "字段名用英文，也可以换成中文，两种可以混用"
    };
    out.push_str(&format!(
        "# {school}{year}年工会工作计划（unionplan 计划文件；{keys}）\n\
         # 改成自己学校的内容，然后生成 Word 文件：unionplan render {file}（或在工作台里点“生成 Word”）\n\
         # 每个字段怎么写，见使用说明的“修改计划文件”。\n\
         # 带编号（id）的条目，明年的计划可以用 extends 按编号修改或删除。\n"
    ));
    out.extend(lines);
    out
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
    fn the_opening_comments_are_about_the_users_plan() {
        let text = example(
            Path::new("青山小学2026.yaml"),
            true,
            Some("青山小学"),
            Some(2026),
        )
        .unwrap();
        let head: Vec<&str> = text.lines().take(5).collect();
        assert_eq!(
            head[0],
            "# yaml-language-server: $schema=unionplan.schema.json"
        );
        assert!(
            head[1].starts_with("# 青山小学2026年工会工作计划"),
            "{head:?}"
        );
        assert!(
            head[2].contains("unionplan render 青山小学2026.yaml"),
            "{head:?}"
        );
        assert!(
            !text.contains("qingxi") && !text.contains("README"),
            "{text}"
        );
        assert!(!text.contains("2025"), "{text}");
    }

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
