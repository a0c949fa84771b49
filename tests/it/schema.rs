//! The JSON Schema for editors stays in step with what the validator accepts.

use crate::common::*;
use unionplan::spec::fields;

#[test]
fn the_committed_schema_is_the_generated_one() {
    let path = repo().join(unionplan::schema::FILE);
    let generated = unionplan::schema::text_form();
    if update_golden() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap();
    assert!(
        committed == generated,
        "{} is out of date: run `cargo run -- schema > {}` (or UPDATE_GOLDEN=1 cargo test)",
        unionplan::schema::FILE,
        unionplan::schema::FILE
    );
    let dir = tempfile::tempdir().unwrap();
    let o = unionplan(dir.path(), &["schema"]);
    assert_eq!(String::from_utf8(o.stdout).unwrap(), generated);
}

/// Every field of the field table, under every name, is a property of the
/// schema, with a description in both languages; and the validator
/// knows it: it accepts the key where the table puts it, and reports a
/// required one missing. So a field added to the table shows up in both.
#[test]
fn every_field_of_the_table_is_in_the_schema_and_the_validator() {
    let schema = unionplan::schema::json();
    let defs = &schema["definitions"];
    for (map, field) in fields::all() {
        let props = if map.name == "spec" {
            &schema["properties"]
        } else {
            let def = &defs[map.name];
            // A list entry may be written as a text: its map is the second choice.
            match def.get("oneOf") {
                Some(choices) => &choices[1]["properties"],
                None => &def["properties"],
            }
        };
        for name in std::iter::once(field.name).chain(field.chinese.iter().copied()) {
            let p = &props[name];
            assert!(p.is_object(), "{}.{name} is not in the schema", map.name);
            let d = p["description"].as_str().unwrap();
            assert!(d.contains(" / "), "{}.{name}: {d}", map.name);
        }
        let required = schema_requires(&schema, map.name, field.name);
        assert_eq!(required, field.required, "{}.{}", map.name, field.name);

        if field.name == "extends" {
            continue; // read by `extends` itself, before validation
        }
        let messages = problems(&in_map(map.name, &format!("{}: x", field.name)));
        let unknown = unionplan::messages::unknown_field(field.name);
        let unknown = (unknown.code, unknown.text);
        assert!(
            !messages.contains(&unknown),
            "{}.{} is refused: {messages:?}",
            map.name,
            field.name
        );
        if field.required {
            let missing = unionplan::messages::missing_field(field.name);
            let missing = (missing.code, missing.text);
            let messages = problems(&in_map(map.name, ""));
            assert!(
                messages.contains(&missing),
                "{}.{} is not reported missing: {messages:?}",
                map.name,
                field.name
            );
        }
    }
}

/// Does the schema require `field` in `map` (under any of its names)?
fn schema_requires(schema: &serde_json::Value, map: &str, field: &str) -> bool {
    let object = if map == "spec" {
        schema
    } else {
        let def = &schema["definitions"][map];
        def.get("oneOf").map_or(def, |c| &c[1])
    };
    object["allOf"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|a| a["anyOf"][0]["required"][0].as_str() == Some(field))
}

/// A spec, in flow style, whose map of kind `map` holds `content`.
fn in_map(map: &str, content: &str) -> String {
    match map {
        "spec" => format!("{{{content}}}"),
        "goal" => format!("{{goals: [{{{content}}}]}}"),
        "measure" => format!("{{measures: [{{{content}}}]}}"),
        "entry" => format!("{{schedule: [{{{content}}}]}}"),
        "item" => format!("{{schedule: [{{month: 3, items: [{{{content}}}]}}]}}"),
        other => format!("{{{other}: {{{content}}}}}"),
    }
}

/// The code and message of every problem validation finds in `yaml`.
fn problems(yaml: &str) -> Vec<(unionplan::messages::Code, String)> {
    match unionplan::parse_spec(std::path::Path::new("t.yaml"), yaml) {
        Ok(_) => Vec::new(),
        Err(unionplan::Error::Invalid(diags)) => {
            diags.into_iter().map(|d| (d.code, d.message)).collect()
        }
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn init_writes_the_schema_beside_a_new_spec_and_points_at_it() {
    let dir = tempfile::tempdir().unwrap();
    let o = unionplan(dir.path(), &["init", "plan.yaml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let spec = std::fs::read_to_string(dir.path().join("plan.yaml")).unwrap();
    assert!(spec.starts_with("# yaml-language-server: $schema=unionplan.schema.json\n"));
    let schema = std::fs::read_to_string(dir.path().join("unionplan.schema.json")).unwrap();
    assert_eq!(schema, unionplan::schema::text_form());
}
