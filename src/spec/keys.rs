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
//! [`crate::load::extends`] renames them when it reads a file; error messages
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

/// Which names a file's keys are written in, so messages name fields the
/// way the user wrote them: `主要工作[2].事项[1].内容` and `月份: 2` for a
/// file in Chinese keys, `measures[2].items[1].text` and `month: 2` for one
/// in English.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Naming {
    /// English keys: `measures[2].items[1].text`.
    #[default]
    English,
    /// Chinese keys: `主要工作[2].事项[1].内容`.
    Chinese,
}

impl Naming {
    /// The naming of a file: Chinese when more of its top-level keys are
    /// Chinese names than English ones.
    pub fn of(value: &serde_yaml::Value) -> Naming {
        let Some(map) = value.as_mapping() else {
            return Naming::English;
        };
        let (mut zh, mut en) = (0, 0);
        for k in map.keys().filter_map(|k| k.as_str()) {
            if english(k).is_some() {
                zh += 1;
            } else if k.is_ascii() {
                en += 1;
            }
        }
        if zh > en {
            Naming::Chinese
        } else {
            Naming::English
        }
    }

    /// How to name the English key `key`: its first Chinese name for a
    /// Chinese file, where it has one.
    pub fn key(self, key: &str) -> String {
        match self {
            Naming::Chinese => chinese(key)
                .first()
                .map_or_else(|| key.to_string(), |zh| zh.to_string()),
            Naming::English => key.to_string(),
        }
    }
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
        assert_eq!(Naming::Chinese.key("measures"), "主要工作");
        assert_eq!(Naming::Chinese.key("body_font"), "body_font");
        assert_eq!(Naming::English.key("measures"), "measures");
        assert_eq!(english("school"), None);
    }
}
