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
//! plan's title and a measure's title alike), so one table serves.
//! [`crate::extends`] renames them when it reads a file; error messages
//! still point at the key as it was typed.

/// (Chinese, English). Several Chinese names may give one English key.
pub const ALIASES: &[(&str, &str)] = &[
    ("学校", "school"),
    ("学校名称", "school"),
    ("年度", "year"),
    ("年份", "year"),
    ("期间", "period"),
    ("标题", "title"),
    ("前言", "intro"),
    ("指导思想", "guiding_principles"),
    ("工作目标", "goals"),
    ("目标", "target"),
    ("目标值", "target"),
    ("主要工作", "measures"),
    ("工作安排", "schedule"),
    ("行事历", "schedule"),
    ("落款", "signature"),
    ("单位", "org"),
    ("落款单位", "org"),
    ("日期", "date"),
    ("各节标题", "headings"),
    ("样式", "style"),
    ("月份", "month"),
    ("多个月份", "months"),
    ("事项", "items"),
    ("条目", "items"),
    ("内容", "text"),
    ("正文", "text"),
    ("负责人", "owner"),
    ("编号", "id"),
    ("删除", "remove"),
    ("继承", "extends"),
];

/// The English key for a Chinese one.
pub fn english(key: &str) -> Option<&'static str> {
    ALIASES.iter().find(|(zh, _)| *zh == key).map(|(_, en)| *en)
}

/// The Chinese names of an English key, for documentation and the schema.
pub fn chinese(key: &str) -> Vec<&'static str> {
    ALIASES
        .iter()
        .filter(|(_, en)| *en == key)
        .map(|(zh, _)| *zh)
        .collect()
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
        for (within, fields) in crate::validate::FIELDS {
            if *within == "style" {
                continue;
            }
            for key in *fields {
                assert!(!chinese(key).is_empty(), "{within}.{key}");
            }
        }
        assert_eq!(english("工作安排"), Some("schedule"));
        assert_eq!(english("school"), None);
    }
}
