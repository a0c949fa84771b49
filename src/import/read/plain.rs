//! Plain text: paragraphs from lines, wrapped lines joined.

/// Plain text: a paragraph a line. Lines a program wrapped at a fixed width
/// (every full line about as long as the longest) are joined back.
pub fn plain(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_matches(crate::import::marker::is_space))
        .collect();
    let width = wrap_width(&lines);
    let mut paras: Vec<String> = Vec::new();
    let mut joining = false;
    for line in lines {
        if line.is_empty() {
            joining = false;
            continue;
        }
        match paras.last_mut() {
            Some(last) if joining => last.push_str(line),
            _ => paras.push(line.to_string()),
        }
        // A full-width line that ends mid-sentence goes on in the next one.
        joining = width.is_some_and(|w| line.chars().count() + 2 >= w)
            && !line.ends_with(|c: char| "。！？；：:;!?”」）)".contains(c));
    }
    paras
}

/// The width text was wrapped at, when most long lines share one length.
pub(super) fn wrap_width(lines: &[&str]) -> Option<usize> {
    let lens: Vec<usize> = lines
        .iter()
        .map(|l| l.chars().count())
        .filter(|&n| n > 0)
        .collect();
    let max = *lens.iter().max()?;
    if lens.len() < 8 || !(20..=200).contains(&max) {
        return None;
    }
    let full = lens.iter().filter(|&&n| n + 2 >= max).count();
    (full * 2 >= lens.len()).then_some(max)
}

/// End the paragraph being collected.
pub(super) fn flush(cur: &mut String, paras: &mut Vec<String>) {
    let t = cur.trim_matches(crate::import::marker::is_space);
    if !t.is_empty() {
        paras.push(t.to_string());
    }
    cur.clear();
}
