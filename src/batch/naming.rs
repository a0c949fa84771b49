//! File names from school names, safe on every file system.

use crate::layout::default_title;
use crate::spec::Spec;

/// `<school><year>年工会工作计划`, safe as a file name everywhere.
pub fn file_stem(spec: &Spec) -> String {
    safe_file_name(&default_title(spec))
}

/// A name every filesystem accepts: no separators or reserved characters,
/// no leading dots, not a reserved Windows device name, at most 150 bytes,
/// and in Unicode's composed form (NFC), so that a name typed on Windows
/// and the same name from macOS (decomposed) are one name.
pub fn safe_file_name(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out: String = name
        .nfc()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    out = out.trim_matches([' ', '.']).to_string();
    while out.contains("..") {
        out = out.replace("..", "_");
    }
    if out.len() > 150 {
        let mut end = 150;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
    }
    let stem = out.split('.').next().unwrap_or("").to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (stem.len() == 4
            && (stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.as_bytes()[3].is_ascii_digit());
    // `index.html` is the batch's own page, beside the schools' folders.
    let index = out.eq_ignore_ascii_case("index.html");
    if reserved || index || out.is_empty() {
        out.insert(0, '_');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_everywhere() {
        assert_eq!(safe_file_name("礼河/实验:学校"), "礼河_实验_学校");
        assert_eq!(safe_file_name("../../etc"), "___etc");
        assert_eq!(safe_file_name("..."), "_");
        assert_eq!(safe_file_name("CON"), "_CON");
        assert_eq!(safe_file_name("com1.txt"), "_com1.txt");
        assert_eq!(safe_file_name("a\u{0}b"), "a_b");
        assert!(safe_file_name(&"很长".repeat(300)).len() <= 150);
        assert_eq!(safe_file_name("INDEX.html"), "_INDEX.html");
        // é typed two ways is one name.
        assert_eq!(safe_file_name("Cafe\u{301}"), safe_file_name("Caf\u{e9}"));
    }
}
