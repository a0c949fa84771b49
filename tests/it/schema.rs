//! The JSON Schema for editors stays in step with what the validator accepts.

use crate::common::*;

#[test]
fn the_committed_schema_is_the_generated_one() {
    let path = repo().join(unionplan::schema::FILE);
    let generated = unionplan::schema::text_form();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
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

#[test]
fn every_key_and_its_chinese_names_are_properties() {
    let schema = unionplan::schema::json();
    let defs = &schema["definitions"];
    for (within, fields) in unionplan::validate::FIELDS {
        let props = if *within == "spec" {
            &schema["properties"]
        } else {
            let def = &defs[*within];
            // A list entry may be written as a text: its map is the second choice.
            match def.get("oneOf") {
                Some(choices) => &choices[1]["properties"],
                None => &def["properties"],
            }
        };
        for field in *fields {
            for name in std::iter::once(*field).chain(unionplan::keys::chinese(field)) {
                let p = &props[name];
                assert!(p.is_object(), "{within}.{name} is not in the schema");
                let d = p["description"].as_str().unwrap();
                assert!(d.contains(" / "), "{within}.{name}: {d}");
            }
        }
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
