//! The shape of the source tree, held: no file over 700 lines but the
//! message catalogue's, no function over 150 lines, and no modules that
//! use each other, in a pair or a longer circle. Read from the source
//! text with simple rules (braces counted outside strings and comments; a
//! module's uses are the `crate::` and `super::` paths it writes, groups
//! on one line included), which the tree keeps to.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::common::*;

const MAX_FILE_LINES: usize = 700;
const MAX_FN_LINES: usize = 150;

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    files_under(dir)
        .into_iter()
        .filter(|f| f.ends_with(".rs"))
        .map(|f| dir.join(f))
        .collect()
}

/// How many lines, from `lines[0]`, the braced block starting there runs
/// (braces counted in code as [`code_of`] leaves it); none if a `;` ends
/// the first line before any brace opens (a `fn` with no body, `mod x;`).
fn block_len(lines: &[String]) -> Option<usize> {
    let (mut depth, mut opened) = (0i64, false);
    for (j, l) in lines.iter().enumerate() {
        if !opened && l.trim_end().ends_with(';') {
            return None;
        }
        for c in l.chars() {
            match c {
                '{' => {
                    depth += 1;
                    opened = true;
                }
                '}' => depth -= 1,
                _ => {}
            }
        }
        if opened && depth <= 0 {
            return Some(j + 1);
        }
    }
    None
}

/// A line with its strings, characters and comment taken out, so the
/// braces left are the code's.
fn code_of(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => break,
            '"' => {
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            // A character literal ('{', '\''), not a lifetime ('a).
            '\'' => {
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with('\\') || rest.chars().nth(1) == Some('\'') {
                    while let Some(c) = chars.next() {
                        if c == '\\' {
                            chars.next();
                        } else if c == '\'' {
                            break;
                        }
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Each `fn` of `text` longer than [`MAX_FN_LINES`]: its name and length.
fn long_functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<String> = text.lines().map(code_of).collect();
    let mut long = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(at) = line.find("fn ") else { continue };
        if at > 0 && !line[..at].ends_with(' ') {
            continue;
        }
        let name: String = line[at + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            continue;
        }
        if let Some(n) = block_len(&lines[i..]).filter(|&n| n > MAX_FN_LINES) {
            long.push((name, n));
        }
    }
    long
}

#[test]
fn no_file_or_function_is_too_long() {
    let src = repo().join("src");
    let files = rust_files(&src);
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let shown = file.strip_prefix(&src).unwrap().display().to_string();
        // The message catalogue is data: a sentence per entry, and its
        // test a table of one sample per entry.
        if shown.starts_with("messages") {
            continue;
        }
        let lines = text.lines().count();
        if lines > MAX_FILE_LINES {
            found.push(format!("{shown}: {lines} lines"));
        }
        for (name, n) in long_functions(&text) {
            found.push(format!("{shown}: fn {name} is {n} lines"));
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

/// The library's module of a file (`render/docx/mod.rs` is `render::docx`).
fn module_of(file: &Path, src: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// `text` without its test code: an inline `#[cfg(test)] mod x { … }`
/// is cut out, and each `#[cfg(test)] mod x;` named (its file is test code
/// too). Test code may use what it tests from either side.
fn without_tests(text: &str) -> (String, Vec<String>) {
    let lines: Vec<&str> = text.lines().collect();
    let code: Vec<String> = lines.iter().map(|l| code_of(l)).collect();
    let (mut kept, mut test_files) = (String::new(), Vec::new());
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim() == "#[cfg(test)]" {
            let next = lines.get(i + 1).map_or("", |l| l.trim());
            if let Some(name) = next.strip_prefix("mod ").and_then(|n| n.strip_suffix(';')) {
                test_files.push(name.to_string());
                i += 2;
                continue;
            }
            if next.starts_with("mod ") {
                // Skip to the module's closing brace.
                let n = block_len(&code[i + 1..]).unwrap_or(code.len() - i - 1);
                i += 1 + n;
                continue;
            }
        }
        kept.push_str(lines[i]);
        kept.push('\n');
        i += 1;
    }
    (kept, test_files)
}

/// The groups of modules that reach each other through their uses
/// (Tarjan's strongly connected components), of two modules or more.
fn circles(uses: &BTreeSet<(Vec<String>, Vec<String>)>) -> Vec<Vec<Vec<String>>> {
    struct Walk<'a> {
        next: BTreeMap<&'a Vec<String>, Vec<&'a Vec<String>>>,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        found: Vec<Vec<Vec<String>>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a Vec<String>) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            for w in self.next.get(v).cloned().unwrap_or_default() {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v, low);
                } else if self.stack.contains(&w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut group = Vec::new();
                while let Some(w) = self.stack.pop() {
                    group.push(w.clone());
                    if w == v {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    self.found.push(group);
                }
            }
        }
    }
    let mut walk = Walk {
        next: BTreeMap::new(),
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for (a, b) in uses {
        walk.next.entry(a).or_default().push(b);
    }
    let nodes: Vec<&Vec<String>> = walk.next.keys().copied().collect();
    for v in nodes {
        if !walk.index.contains_key(v) {
            walk.visit(v);
        }
    }
    walk.found
}

#[test]
fn no_modules_use_each_other() {
    let src = repo().join("src");
    let mut files = rust_files(&src);
    files.retain(|f| !f.starts_with(src.join("bin")));
    let mut modules: BTreeMap<Vec<String>, PathBuf> = files
        .iter()
        .map(|f| (module_of(f, &src), f.clone()))
        .collect();
    let mut texts = BTreeMap::new();
    let mut test_modules = Vec::new();
    for (module, file) in &modules {
        let (text, tests) = without_tests(&std::fs::read_to_string(file).unwrap());
        test_modules.extend(tests.into_iter().map(|t| [&module[..], &[t]].concat()));
        texts.insert(module.clone(), text);
    }
    modules.retain(|m, _| !test_modules.contains(m));
    // The longest module a path names.
    let named = |path: &[String]| -> Option<Vec<String>> {
        (1..=path.len())
            .rev()
            .map(|k| path[..k].to_vec())
            .find(|p| modules.contains_key(p))
    };
    let mut uses: BTreeSet<(Vec<String>, Vec<String>)> = BTreeSet::new();
    for module in modules.keys() {
        for line in texts[module].lines().map(code_of) {
            // `crate::a::b`, and `super::b` (from `a::c`, the parent's `b`).
            let starts = line
                .match_indices("crate::")
                .map(|(at, _)| (at + "crate::".len(), Vec::new()))
                .chain(
                    line.match_indices("super::")
                        .filter(|(at, _)| !line[..*at].ends_with("super::"))
                        .map(|(at, _)| {
                            let mut base = module.clone();
                            let mut at = at;
                            while line[at..].starts_with("super::") {
                                base.pop();
                                at += "super::".len();
                            }
                            (at, base)
                        }),
                );
            for (at, base) in starts.collect::<Vec<_>>() {
                // `crate::{a::x, b}` names a and b.
                let rest = &line[at..];
                let heads: Vec<&str> = match rest.strip_prefix('{') {
                    Some(group) => group.split([',', '}']).map(str::trim).collect(),
                    None => vec![rest],
                };
                for head in heads {
                    let mut path = base.clone();
                    path.extend(
                        head.split("::")
                            .map(|s| {
                                s.chars()
                                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                                    .collect()
                            })
                            .take_while(|s: &String| !s.is_empty()),
                    );
                    if let Some(m) = named(&path) {
                        uses.insert((module.clone(), m));
                    }
                }
            }
        }
    }
    // A module and the modules inside it are one piece: `mod.rs` declares
    // its children, and they use what it holds.
    let related = |a: &[String], b: &[String]| a.starts_with(b) || b.starts_with(a);
    uses.retain(|(a, b)| !related(a, b));
    let found: Vec<String> = circles(&uses)
        .iter()
        .map(|group| {
            let names: Vec<String> = group.iter().map(|m| m.join("::")).collect();
            names.join(" -> ")
        })
        .collect();
    assert!(found.is_empty(), "modules that use each other: {found:#?}");
}
