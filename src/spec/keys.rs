//! Chinese names for the spec's keys, accepted anywhere beside the English
//! ones and mixed freely with them:
//!
//! ```yaml
//! 学校: 礼河实验学校
//! year: 2025
//! 工作安排:
//!   - 月份: 3
//!     事项: [三八妇女节庆祝活动]
//! ```
//!
//! The names mean the same in every place they can appear (`标题` is a
//! plan's title and a measure's title alike), so they are read without
//! knowing the map; they are given in the field table ([`super::fields`]).
//! [`crate::extends`] renames them when it reads a file; error messages
//! still point at the key as it was typed.

use super::fields;

/// The English key for a Chinese one.
pub fn english(key: &str) -> Option<&'static str> {
    fields::all()
        .find(|(_, f)| f.chinese.contains(&key))
        .map(|(_, f)| f.name)
}

/// The Chinese names of an English key, for documentation and the schema.
pub fn chinese(key: &str) -> Vec<&'static str> {
    fields::all()
        .find(|(_, f)| f.name == key && !f.chinese.is_empty())
        .map(|(_, f)| f.chinese.to_vec())
        .unwrap_or_default()
}

/// The value of `key` in a mapping, under its English or a Chinese name.
pub fn get<'v>(map: &'v serde_yaml::Value, key: &str) -> Option<(&'v str, &'v serde_yaml::Value)> {
    map.as_mapping()?.iter().find_map(|(k, v)| {
        let name = k.as_str()?;
        (name == key || english(name) == Some(key)).then_some((name, v))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_the_spec_has_a_chinese_name() {
        // Style settings are for the few who change fonts; they stay English.
        for (map, field) in fields::all() {
            if map.name == "style" {
                continue;
            }
            assert!(
                !chinese(field.name).is_empty(),
                "{}.{}",
                map.name,
                field.name
            );
            // One English key has one set of Chinese names wherever it is.
            assert_eq!(
                chinese(field.name),
                field.chinese,
                "{}.{}",
                map.name,
                field.name
            );
        }
        assert_eq!(english("工作安排"), Some("schedule"));
        assert_eq!(english("school"), None);
    }
}
