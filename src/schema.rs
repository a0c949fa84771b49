//! The JSON Schema of the spec, for editors: with it, VS Code's YAML
//! extension completes keys (English and Chinese), shows what each means,
//! and flags mistakes as the user types.
//!
//! Why not derived from the Rust types: the shapes a spec accepts (an item
//! is a text or a map, `month` or `months`, every key also under its
//! Chinese names) are defined by the validator's field lists, not by one
//! Rust type. The schema is built from those same lists
//! ([`crate::validate::FIELDS`]) and [`crate::keys`], so it cannot drift
//! from what the validator accepts; a test checks that every listed field
//! is described.

use serde_json::{Map, Value, json};

use crate::keys;
use crate::validate::FIELDS;

/// Where the schema is published in this repository.
pub const FILE: &str = "schema/unionplan.schema.json";
/// How the example specs in `specs/` refer to it.
pub const FILE_FROM_SPECS: &str = "../schema/unionplan.schema.json";
/// The name `unionplan init` gives it beside a new spec.
pub const LOCAL_NAME: &str = "unionplan.schema.json";

/// "中文说明 / English description" for each field, by name.
fn describe(field: &str) -> &'static str {
    match field {
        "extends" => {
            "以另一份计划为基础，只写不同的地方（相对于本文件的路径） / Start from another spec (a path relative to this file) and give only what differs"
        }
        "school" => "学校或单位名称 / School or unit name",
        "year" => {
            "计划的年份（学年计划写开始的那一年） / The plan's year (the first year of a school year)"
        }
        "period" => {
            "期间：year 年度、spring 上半年、autumn 下半年、school-year 学年 / The period the plan covers"
        }
        "title" => {
            "标题；不写时由学校、年份、期间生成 / Title; built from school, year and period when absent"
        }
        "intro" => "前言：第一节之前的段落 / Preface before the first section",
        "guiding_principles" => {
            "指导思想（每行一段） / Guiding principles (one paragraph per line)"
        }
        "goals" => "工作目标：一段文字，或一个列表 / Goals: a text or a list",
        "measures" => {
            "主要工作：最多四层，自动编号（一）1.（1）① / Measures: a tree of up to four levels, numbered automatically"
        }
        "schedule" => {
            "具体工作安排：按写的顺序排列的月份 / The monthly schedule, in the order written"
        }
        "signature" => "落款 / Signature",
        "headings" => "各节标题的措辞 / The wording of the section headings",
        "style" => "字体和字号（默认按 GB/T 9704） / Fonts and sizes (GB/T 9704 by default)",
        "text" => "正文 / Text",
        "target" => "可衡量的目标值，显示在条目旁 / A measurable target, shown beside the item",
        "items" => "下一层的条目 / The items below",
        "id" => {
            "编号：明年的计划用它按条修改或删除 / An id, by which next year's spec changes or removes this entry"
        }
        "remove" => {
            "true：删除上一份计划里同 id 的项 / true: remove the entry with this id from the spec extended"
        }
        "month" => "月份，1 到 12 / The month, 1 to 12",
        "months" => {
            "几个月合在一起，例如 [7, 8] 即七、八月 / Several months together, e.g. [7, 8] for 七、八月"
        }
        "date" => "日期，例如 2025-03-08 / A date such as 2025-03-08",
        "owner" => "负责人或部门 / Person or office responsible",
        "org" => {
            "落款单位；默认“<学校>工会委员会” / The signing body; default \"<school>工会委员会\""
        }
        "title_font" => "标题字体 / Title font",
        "title_fallback_font" => "标题字体缺失时的替代字体 / Used where the title font is missing",
        "body_font" => "正文字体 / Body font",
        "heading1_font" => "一级标题（一、）字体 / Font of 一、 headings",
        "heading2_font" => "二级标题（（一））和月份字体 / Font of （一） headings and months",
        "heading3_font" => "三、四级标题字体 / Font of 1. and （1） headings",
        "page_number_font" => "页码字体 / Page number font",
        "title_size" => "标题字号（磅），22 即二号 / Title size in points; 22 is 2号",
        "body_size" => "正文字号（磅），16 即三号 / Body size in points; 16 is 3号",
        "page_number_size" => "页码字号（磅），14 即四号 / Page number size in points; 14 is 4号",
        "lines_per_page" => "每页行数 / Lines per page",
        _ => "",
    }
}

fn text() -> Value {
    json!({"type": ["string", "number"], "minLength": 1})
}

fn date() -> Value {
    json!({"type": "string", "pattern": "^\\s*\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?\\s*$"})
}

fn month() -> Value {
    json!({"type": "integer", "minimum": 1, "maximum": 12})
}

/// The schema of the value of `field` within the map `within`.
fn value_of(within: &str, field: &str) -> Value {
    match (within, field) {
        ("spec", "year") => {
            json!({"type": ["integer", "string"], "minimum": 1949, "maximum": 2200, "pattern": "^\\d{4}$"})
        }
        ("spec", "period") => {
            json!({"enum": ["year", "spring", "autumn", "school-year", "年度", "全年", "上半年", "春季", "春季学期", "下半年", "秋季", "秋季学期", "学年"]})
        }
        ("spec", "extends") => json!({"type": "string"}),
        ("spec", "goals") => {
            json!({"oneOf": [text(), {"type": "array", "items": {"$ref": "#/definitions/goal"}}]})
        }
        ("spec", "measures") | ("measure", "items") => {
            json!({"type": "array", "items": {"$ref": "#/definitions/measure"}})
        }
        ("spec", "schedule") => json!({"type": "array", "items": {"$ref": "#/definitions/entry"}}),
        ("spec", "signature") => json!({"$ref": "#/definitions/signature"}),
        ("spec", "headings") => json!({"$ref": "#/definitions/headings"}),
        ("spec", "style") => json!({"$ref": "#/definitions/style"}),
        ("entry", "month") => month(),
        ("entry", "months") => json!({"type": "array", "items": month(), "minItems": 1}),
        ("entry", "items") => {
            json!({"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/item"}})
        }
        (_, "date") => date(),
        (_, "remove") => json!({"type": "boolean"}),
        ("style", f) if f.ends_with("_size") => {
            json!({"type": "number", "minimum": 5, "maximum": 72})
        }
        ("style", "lines_per_page") => json!({"type": "integer", "minimum": 10, "maximum": 40}),
        _ => text(),
    }
}

/// A map's properties under their English and Chinese names, with
/// descriptions, unknown keys refused, and each required field required
/// under any of its names.
fn object(within: &str, fields: &[&str], required: &[&str]) -> Value {
    let mut props = Map::new();
    for &f in fields {
        let mut schema = value_of(within, f);
        let names = keys::chinese(f);
        let zh = if names.is_empty() {
            String::new()
        } else {
            format!("（中文字段名：{}）", names.join("、"))
        };
        let what = if within == "headings" {
            format!(
                "“{}”一节标题的措辞 / The wording of this section's heading",
                keys::chinese(f).first().unwrap_or(&f)
            )
        } else {
            describe(f).to_string()
        };
        schema["description"] = Value::String(format!("{what}{zh}"));
        for name in std::iter::once(f).chain(names) {
            props.insert(name.to_string(), schema.clone());
        }
    }
    let all_of: Vec<Value> = required
        .iter()
        .map(|&f| {
            let any: Vec<Value> = std::iter::once(f)
                .chain(keys::chinese(f))
                .map(|n| json!({"required": [n]}))
                .collect();
            json!({"anyOf": any})
        })
        .collect();
    let mut o = json!({"type": "object", "properties": props, "additionalProperties": false});
    if !all_of.is_empty() {
        o["allOf"] = Value::Array(all_of);
    }
    o
}

/// A list entry written either as a text or as a map.
fn text_or(object: Value) -> Value {
    json!({"oneOf": [text(), object]})
}

/// The whole schema.
pub fn json() -> Value {
    let f = |name: &str| {
        FIELDS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, fields)| *fields)
            .expect("a field list of the validator")
    };
    let mut spec = object(
        "spec",
        f("spec"),
        &["school", "year", "guiding_principles", "measures"],
    );
    spec["$schema"] = json!("http://json-schema.org/draft-07/schema#");
    spec["$id"] = json!("https://unionplan.invalid/unionplan.schema.json");
    spec["title"] = json!("unionplan 工会工作计划 / union work plan spec");
    spec["description"] = json!("一份学校工会工作计划 / One school trade-union work plan");
    spec["definitions"] = json!({
        "goal": text_or(object("goal", f("goal"), &["text"])),
        "measure": text_or(object("measure", f("measure"), &[])),
        "entry": object("entry", f("entry"), &["items"]),
        "item": text_or(object("item", f("item"), &["text"])),
        "signature": object("signature", f("signature"), &[]),
        "headings": object("headings", f("headings"), &[]),
        "style": object("style", f("style"), &[]),
    });
    spec
}

/// The schema as it is published: pretty JSON with a final newline.
pub fn text_form() -> String {
    let mut s = serde_json::to_string_pretty(&json()).expect("the schema serialises");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_the_validator_accepts_is_described_in_both_languages() {
        for (within, fields) in FIELDS {
            for field in *fields {
                let d = describe(field);
                assert!(
                    d.contains(" / "),
                    "{within}.{field} has no Chinese / English description"
                );
            }
        }
    }
}
