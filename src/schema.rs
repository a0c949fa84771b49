//! The JSON Schema of the spec, for editors: with it, VS Code's YAML
//! extension completes keys (English and Chinese), shows what each means,
//! and flags mistakes as the user types.
//!
//! Why not derived from the Rust types: the shapes a spec accepts (an item
//! is a text or a map, `month` or `months`, every key also under its
//! Chinese names) are not one Rust type. The schema is built from the
//! field table ([`crate::spec::fields`]), the one the validator checks
//! keys and required fields against, so it cannot drift from what the
//! validator accepts.
//!
//! Why a schema built by hand rather than with a schema crate: it is one
//! small function of the table, and the crates derive from Rust types,
//! which is what the spec is not.

use serde_json::{Map, Value, json};

use crate::spec::fields::{self, Field, Kind, MapDef};
use crate::spec::{Choice, Period, ScheduleLayout, SignatureLayout};

/// Where the schema is published in this repository.
pub const FILE: &str = "schema/unionplan.schema.json";
/// How the example specs in `specs/` refer to it.
pub const FILE_FROM_SPECS: &str = "../schema/unionplan.schema.json";
/// The name `unionplan init` gives it beside a new spec.
pub const LOCAL_NAME: &str = "unionplan.schema.json";

fn text() -> Value {
    json!({"type": ["string", "number"], "minLength": 1})
}

fn month() -> Value {
    json!({"anyOf": [
        {"type": "integer", "minimum": 1, "maximum": 12},
        {"type": "string", "pattern": crate::dates::MONTHS_PATTERN}
    ]})
}

/// The schema of a value of this kind.
fn value_of(kind: Kind) -> Value {
    match kind {
        Kind::Text => text(),
        Kind::Year => {
            json!({"type": ["integer", "string"], "minimum": fields::YEARS.start(), "maximum": fields::YEARS.end(), "pattern": "^\\s*\\d{4}\\s*年?\\s*$"})
        }
        Kind::Period => json!({"enum": Period::spellings()}),
        Kind::ScheduleLayout => json!({"enum": ScheduleLayout::spellings()}),
        Kind::SignatureLayout => json!({"enum": SignatureLayout::spellings()}),
        Kind::Date => json!({"anyOf": [
            {"type": "string", "pattern": crate::dates::PATTERN},
            {"type": "string", "pattern": crate::dates::DAY_PATTERN},
            {"type": "string", "pattern": crate::dates::YEAR_MONTH_PATTERN},
            {"type": "number"}
        ]}),
        Kind::Month => month(),
        Kind::Months => json!({"type": "array", "items": month(), "minItems": 1}),
        Kind::Number { min, max, whole } => {
            json!({"type": if whole { "integer" } else { "number" }, "minimum": min, "maximum": max})
        }
        Kind::Bool => json!({"type": "boolean"}),
        Kind::File => json!({"type": "string"}),
        Kind::Map(of) => json!({"$ref": format!("#/definitions/{of}")}),
        Kind::List {
            of,
            or_text,
            non_empty,
            ..
        } => {
            let mut list =
                json!({"type": "array", "items": {"$ref": format!("#/definitions/{of}")}});
            if non_empty {
                list["minItems"] = json!(1);
            }
            if or_text {
                json!({"oneOf": [text(), list]})
            } else {
                list
            }
        }
    }
}

/// A map's properties under their English and Chinese names, with
/// descriptions, unknown keys refused, and each required field required
/// under any of its names.
fn object(def: &MapDef) -> Value {
    let mut props = Map::new();
    for f in def.fields {
        let mut schema = value_of(f.kind);
        let zh = if f.chinese.is_empty() {
            String::new()
        } else {
            format!("（中文字段名：{}）", f.chinese.join("、"))
        };
        schema["description"] = Value::String(format!("{}{zh}", f.description));
        for name in names(f) {
            props.insert(name.to_string(), schema.clone());
        }
    }
    let all_of: Vec<Value> = def
        .required()
        .map(|f| {
            let any: Vec<Value> = names(f).map(|n| json!({"required": [n]})).collect();
            json!({"anyOf": any})
        })
        .collect();
    let mut o = json!({"type": "object", "properties": props, "additionalProperties": false});
    if !all_of.is_empty() {
        o["allOf"] = Value::Array(all_of);
    }
    o
}

/// A field's English name, then its Chinese ones.
fn names(f: &Field) -> impl Iterator<Item = &'static str> {
    std::iter::once(f.name).chain(f.chinese.iter().copied())
}

/// May an entry of `map` be written as a plain text?
fn entry_may_be_text(map: &str) -> bool {
    fields::all().any(|(_, f)| matches!(f.kind, Kind::List { of, text: true, .. } if of == map))
}

/// The whole schema.
pub fn json() -> Value {
    let mut spec = object(fields::map("spec"));
    spec["$schema"] = json!("http://json-schema.org/draft-07/schema#");
    spec["$id"] = json!("https://unionplan.invalid/unionplan.schema.json");
    spec["title"] = json!("unionplan 工会工作计划 / union work plan spec");
    spec["description"] = json!("一份学校工会工作计划 / One school trade-union work plan");
    let mut definitions = Map::new();
    for def in fields::MAPS.iter().filter(|m| m.name != "spec") {
        let object = object(def);
        let schema = if entry_may_be_text(def.name) {
            json!({"oneOf": [text(), object]})
        } else {
            object
        };
        definitions.insert(def.name.to_string(), schema);
    }
    spec["definitions"] = Value::Object(definitions);
    spec
}

/// The schema as it is published: pretty JSON with a final newline.
pub fn text_form() -> String {
    let mut s = serde_json::to_string_pretty(&json()).expect("the schema serialises");
    s.push('\n');
    s
}
