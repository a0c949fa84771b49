//! `unionplan diff OLD NEW --docx`: the new plan as a Word file whose
//! differences from the old plan are tracked changes (修订), so Word's
//! 审阅 pane lists exactly what is new, and accepting every change gives
//! the new plan while rejecting every change gives the old one.
//!
//! Both plans are laid out and read back as blocks, as `render` does, so
//! the paragraphs compared are those of the printed plans, numbers
//! included. Then:
//!
//! 1. **Paragraphs are aligned** with Myers' diff over (kind, text):
//!    paragraphs alike in both stay as they are. Within each stretch of
//!    differences, old and new paragraphs of the same kind that share at
//!    least half their characters ([`SIMILAR`]) are paired, in order,
//!    taking the pairs of the highest total likeness; the rest are
//!    deleted or inserted whole, their runs inside `w:del` or `w:ins` and
//!    their paragraph mark marked too, so that accepting (or rejecting)
//!    removes the paragraph and leaves its neighbours as they were.
//! 2. **Paired paragraphs are compared by character** (Chinese has no
//!    spaces between words), again with Myers: only the characters that
//!    changed are deleted and inserted, the rest are plain runs in the new
//!    plan's formatting. Two tidyings make the changes read as a person
//!    would mark them: a number or Latin word is changed whole (2025 →
//!    2026, not 5 → 6), and a single unchanged character between two
//!    changes joins them (读书沙龙 → 图书角 rather than 读→图, 书, 沙龙→角).
//!
//! Bounds: the paragraphs of one stretch are paired as above while
//! comparing each with each costs at most [`MAX_PAIRING`] characters;
//! beyond, each old paragraph is compared only with the new ones within
//! [`NEAR`] of its place, so the cost grows linearly. In a paired
//! paragraph, what lies between the common beginning and end is compared
//! by character only up to [`MAX_CHANGED`] characters, old and new
//! together; beyond, that middle is one change, deleted and inserted as
//! one piece (or, with too little left in common to pair them, the old
//! paragraph deleted and the new one inserted whole). The diffs themselves
//! are the `similar` crate's Myers, in linear memory, which also bounds
//! its own search on hard inputs.
//!
//! The blank line after the title follows the title it belongs to, and
//! each 落款 line is placed as in its own plan. Only text is compared: a
//! paragraph whose text is the same but whose bold or italic differs
//! takes the new plan's formatting, untracked.

use std::ops::Range;

use chrono::SecondsFormat;
use similar::{Algorithm, DiffOp};

use super::{Author, Body, Change, Measures, Piece, Signature, document, package};
use crate::Error;
use crate::blocks::{Block, BlockKind, Document, Row, Run, Table};
use crate::render::Typeset;

/// Old and new paragraphs are paired when their characters in common are
/// at least this share of the two together (2 × common / (old + new)).
pub const SIMILAR: f64 = 0.5;

/// At most this many characters are compared to pair the paragraphs of one
/// stretch of differences (every old paragraph with every new one).
pub const MAX_PAIRING: usize = 2_000_000;

/// In a stretch too large to compare every paragraph with every other,
/// how far from its place a paragraph's pair is looked for.
pub const NEAR: usize = 8;

/// A changed middle of a paired paragraph longer than this (in characters,
/// old and new together) is deleted and inserted as one piece.
pub const MAX_CHANGED: usize = 10_000;

/// `new` as a DOCX whose differences from `old` are tracked changes by the
/// new plan's author (its signing union, `new.meta.author`), made at
/// `new.meta.created`.
pub fn tracked_changes(old: &Document, new: &Typeset) -> Result<Vec<u8>, Error> {
    let (style, template) = super::typeset_style(new.style)?;
    let m = Measures::new(&style, template.as_deref());
    let date = new.meta.created.to_rfc3339_opts(SecondsFormat::Secs, true);
    let paragraphs = align(&old.blocks, &new.doc.blocks);
    let author = Author {
        name: new.meta.author,
        date: &date,
    };
    let capacity = 2048 + new.markdown.len() * 4;
    let document = document(&m, capacity, Some(author), |body| write(body, &paragraphs));
    package(new.meta, &m, &document)
}

/// A paragraph of the tracked document: a block of the new plan, of the
/// old, or both compared.
#[derive(Debug)]
struct Paragraph<'a> {
    kind: BlockKind,
    /// Inserted: only in the new plan; deleted: only in the old.
    mark: Change,
    pieces: Vec<Piece<'a>>,
    /// A table instead of a paragraph: its rows, old and new, each with
    /// its change.
    table: Option<(&'a Table, Vec<(&'a Row, Change)>)>,
}

/// The paragraphs, with the blank line a plain render puts after the
/// title, and each 落款 line placed as in the plan it belongs to.
fn write(body: &mut Body, paragraphs: &[Paragraph]) {
    // The 落款 of the old plan (every paragraph not inserted) and of the
    // new one (every paragraph not deleted): a line gone is placed as it
    // was, the others as they are now.
    let m = body.m;
    let lines = |not: Change| {
        paragraphs
            .iter()
            .filter(|p| p.kind == BlockKind::Signature && p.mark != not)
            .map(|p| p.pieces.iter().map(|piece| piece.text).collect::<String>())
            .collect::<Vec<_>>()
    };
    let mut old = Signature::of_lines(m, &lines(Change::Inserted));
    let mut new = Signature::of_lines(m, &lines(Change::Deleted));
    for (i, p) in paragraphs.iter().enumerate() {
        if let Some((t, rows)) = &p.table {
            // Two tables with nothing between would read as one: an old
            // table deleted whole is parted from the new one inserted whole.
            if i > 0 && paragraphs[i - 1].table.is_some() {
                body.blank(Change::Inserted);
            }
            body.table(t, rows.iter().copied());
            continue;
        }
        if p.kind == BlockKind::Signature {
            let (old_line, new_line) = (
                (p.mark != Change::Inserted).then(|| old.next()),
                (p.mark != Change::Deleted).then(|| new.next()),
            );
            let props = new_line
                .or(old_line)
                .expect("a line is in one plan at least");
            body.paragraph(props, p.mark, p.pieces.iter().copied());
            continue;
        }
        // The text before the 落款 keeps with it, as in a plain render.
        let mut props = super::paragraph_props(p.kind, m);
        props.keep_next |= paragraphs
            .get(i + 1)
            .is_some_and(|next| next.kind == BlockKind::Signature && next.table.is_none());
        body.paragraph(props, p.mark, p.pieces.iter().copied());
        if p.kind == BlockKind::Title {
            body.blank(p.mark);
        }
    }
}

/// The old and new blocks aligned into the tracked document's paragraphs.
fn align<'a>(old: &'a [Block], new: &'a [Block]) -> Vec<Paragraph<'a>> {
    // Tables of as many columns align with each other whatever their
    // text, and are then compared row by row.
    let ops = similar::capture_diff_slices_by_key(Algorithm::Myers, old, new, |b| match &b.table {
        Some(t) => (b.kind, columns(t).to_string()),
        None => (b.kind, b.plain_text()),
    });
    let mut out = Vec::with_capacity(new.len() + 8);
    let mut i = 0;
    while i < ops.len() {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = ops[i]
        {
            let pairs = old[old_index..old_index + len]
                .iter()
                .zip(&new[new_index..new_index + len]);
            for (o, b) in pairs {
                out.push(match (&o.table, &b.table) {
                    (Some(ot), Some(nt)) => rows_compared(ot, nt),
                    _ => whole(b, Change::None),
                });
            }
            i += 1;
            continue;
        }
        let (old_from, new_from) = (ops[i].old_range().start, ops[i].new_range().start);
        while i < ops.len() && !matches!(ops[i], DiffOp::Equal { .. }) {
            i += 1;
        }
        let (old_to, new_to) = (ops[i - 1].old_range().end, ops[i - 1].new_range().end);
        stretch(&old[old_from..old_to], &new[new_from..new_to], &mut out);
    }
    // The last paragraph mark of a document cannot be deleted (Word keeps
    // it): a last paragraph only in the old plan keeps its mark, its text
    // deleted. The plans this compares end with the 落款, in both.
    if let Some(last) = out.last_mut().filter(|p| p.mark == Change::Deleted) {
        last.mark = Change::None;
    }
    out
}

/// A block as one paragraph (or table), all of it with `change`.
fn whole(block: &Block, change: Change) -> Paragraph<'_> {
    Paragraph {
        kind: block.kind,
        mark: change,
        pieces: block.runs.iter().map(|r| Piece::whole(r, change)).collect(),
        table: block
            .table
            .as_deref()
            .map(|t| (t, t.rows.iter().map(|r| (r, change)).collect())),
    }
}

/// How many columns a table has.
fn columns(t: &Table) -> usize {
    t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0)
}

/// Two tables of as many columns as one, in the new table's alignment:
/// rows alike in both as they are, the rest deleted (old) and inserted
/// (new) whole, in Myers' order.
fn rows_compared<'a>(old: &'a Table, new: &'a Table) -> Paragraph<'a> {
    let ops = similar::capture_diff_slices_by_key(Algorithm::Myers, &old.rows, &new.rows, |r| {
        (r.header, r.plain_text())
    });
    let mut rows = Vec::with_capacity(new.rows.len());
    for op in ops {
        for k in op.old_range() {
            if !matches!(op, DiffOp::Equal { .. }) {
                rows.push((&old.rows[k], Change::Deleted));
            }
        }
        let change = match op {
            DiffOp::Equal { .. } => Change::None,
            _ => Change::Inserted,
        };
        rows.extend(op.new_range().map(|k| (&new.rows[k], change)));
    }
    Paragraph {
        kind: BlockKind::Table,
        mark: Change::None,
        pieces: Vec::new(),
        table: Some((new, rows)),
    }
}

/// One stretch of differences: the old blocks replaced by the new ones.
/// Paired blocks are compared by character; between pairs, the old blocks
/// are deleted, then the new ones inserted.
fn stretch<'a>(old: &'a [Block], new: &'a [Block], out: &mut Vec<Paragraph<'a>>) {
    let old_chars: Vec<Chars> = old.iter().map(Chars::of).collect();
    let new_chars: Vec<Chars> = new.iter().map(Chars::of).collect();
    let pairs = pair(&old_chars, &new_chars);
    let (mut i, mut j) = (0, 0);
    let end = (old.len(), new.len());
    for &(pi, pj) in pairs.iter().chain(std::iter::once(&end)) {
        out.extend(old[i..pi].iter().map(|b| whole(b, Change::Deleted)));
        out.extend(new[j..pj].iter().map(|b| whole(b, Change::Inserted)));
        if (pi, pj) == end {
            break;
        }
        out.push(compared(&old_chars[pi], &new_chars[pj]));
        (i, j) = (pi + 1, pj + 1);
    }
}

/// A block's characters, each with where it is: its run and its byte
/// offset there. A line break is `\n`, in its own run.
struct Chars<'a> {
    kind: BlockKind,
    runs: &'a [Run],
    chars: Vec<char>,
    at: Vec<(usize, usize)>,
}

impl<'a> Chars<'a> {
    fn of(block: &'a Block) -> Chars<'a> {
        let mut chars = Vec::new();
        let mut at = Vec::new();
        for (i, r) in block.runs.iter().enumerate() {
            if r.line_break {
                chars.push('\n');
                at.push((i, 0));
            } else {
                for (byte, c) in r.text.char_indices() {
                    chars.push(c);
                    at.push((i, byte));
                }
            }
        }
        Chars {
            kind: block.kind,
            runs: &block.runs,
            chars,
            at,
        }
    }

    /// The characters of `range` as pieces, one for each run they touch.
    fn pieces(&self, range: Range<usize>, change: Change, out: &mut Vec<Piece<'a>>) {
        let mut i = range.start;
        while i < range.end {
            let (run, from) = self.at[i];
            let mut j = i + 1;
            while j < range.end && self.at[j].0 == run {
                j += 1;
            }
            let r = &self.runs[run];
            let text = if r.line_break {
                ""
            } else {
                let to = self.at[j - 1].1 + self.chars[j - 1].len_utf8();
                &r.text[from..to]
            };
            out.push(Piece {
                run: r,
                text,
                change,
            });
            i = j;
        }
    }
}

/// Which old and new blocks of a stretch are the same paragraph reworded:
/// pairs in increasing order of both, of the highest total likeness, each
/// of the same kind and at least [`SIMILAR`] alike. Every old block is
/// compared with every new one while that costs at most [`MAX_PAIRING`]
/// characters; beyond, only with the new blocks within [`NEAR`] of its
/// place on the diagonal (old block `i` of `n` near new block `i·m/n`).
fn pair(old: &[Chars], new: &[Chars]) -> Vec<(usize, usize)> {
    let (n, m) = (old.len(), new.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    let old_total: usize = old.iter().map(|c| c.chars.len()).sum();
    let new_total: usize = new.iter().map(|c| c.chars.len()).sum();
    let cost = old_total
        .saturating_mul(m)
        .saturating_add(new_total.saturating_mul(n));
    // Row i compares new blocks from(i) .. from(i) + width.
    let width = if cost <= MAX_PAIRING {
        m
    } else {
        (2 * NEAR + 1).min(m)
    };
    let from = |i: usize| (i * m / n).saturating_sub(NEAR).min(m - width);
    let cell =
        |i: usize, j: usize| (j >= from(i) && j < from(i) + width).then(|| i * width + j - from(i));
    let mut score = vec![0.0f32; n * width];
    for (i, a) in old.iter().enumerate() {
        for k in 0..width {
            score[i * width + k] = likeness(a, &new[from(i) + k]);
        }
    }
    // best[cell(i, j)]: the highest total of old[i..] with new[j..] (as far
    // as the compared blocks tell; 0 outside them).
    let mut best = vec![0.0f32; n * width];
    let best_at = |best: &[f32], i: usize, j: usize| match (i < n && j < m).then(|| cell(i, j)) {
        Some(Some(c)) => best[c],
        _ => 0.0,
    };
    for i in (0..n).rev() {
        for k in (0..width).rev() {
            let j = from(i) + k;
            let s = score[i * width + k];
            let paired = if s > 0.0 {
                s + best_at(&best, i + 1, j + 1)
            } else {
                0.0
            };
            best[i * width + k] =
                paired
                    .max(best_at(&best, i + 1, j))
                    .max(best_at(&best, i, j + 1));
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let Some(c) = cell(i, j) else {
            // Outside the compared blocks: move towards them.
            if j < from(i) {
                j = from(i);
            } else {
                i += 1;
            }
            continue;
        };
        let s = score[c];
        if s > 0.0 && s + best_at(&best, i + 1, j + 1) >= best[c] {
            pairs.push((i, j));
            (i, j) = (i + 1, j + 1);
        } else if best_at(&best, i + 1, j) >= best_at(&best, i, j + 1) {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// How alike two blocks are, 0 when they are not to be paired.
fn likeness(a: &Chars, b: &Chars) -> f32 {
    let total = a.chars.len() + b.chars.len();
    let most = 2 * a.chars.len().min(b.chars.len());
    if a.kind != b.kind || total == 0 || (most as f64) < SIMILAR * total as f64 {
        return 0.0;
    }
    let same: usize = diff_chars(&a.chars, &b.chars)
        .iter()
        .map(|s| match s {
            Seg::Same(o, _) => o.len(),
            Seg::Changed(..) => 0,
        })
        .sum();
    let ratio = (2 * same) as f64 / total as f64;
    if ratio >= SIMILAR { ratio as f32 } else { 0.0 }
}

/// A paired paragraph: the new block, with what changed from the old one
/// deleted and inserted where it changed.
fn compared<'a>(old: &Chars<'a>, new: &Chars<'a>) -> Paragraph<'a> {
    let segs = tidy(diff_chars(&old.chars, &new.chars), &old.chars, &new.chars);
    let mut pieces = Vec::new();
    for seg in segs {
        match seg {
            Seg::Same(_, n) => new.pieces(n, Change::None, &mut pieces),
            Seg::Changed(o, n) => {
                old.pieces(o, Change::Deleted, &mut pieces);
                new.pieces(n, Change::Inserted, &mut pieces);
            }
        }
    }
    Paragraph {
        kind: new.kind,
        mark: Change::None,
        pieces,
        table: None,
    }
}

/// A stretch of a character diff: old and new ranges alike, or changed
/// (either range may then be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Seg {
    Same(Range<usize>, Range<usize>),
    Changed(Range<usize>, Range<usize>),
}

impl Seg {
    fn is_empty(&self) -> bool {
        match self {
            Seg::Same(o, _) => o.is_empty(),
            Seg::Changed(o, n) => o.is_empty() && n.is_empty(),
        }
    }
}

/// Append `seg`, joining it to the last one when both are alike or both
/// changed; empty ones are left out.
fn push(segs: &mut Vec<Seg>, seg: Seg) {
    if seg.is_empty() {
        return;
    }
    match (segs.last_mut(), seg) {
        (Some(Seg::Same(o, n)), Seg::Same(o2, n2)) => {
            o.end = o2.end;
            n.end = n2.end;
        }
        (Some(Seg::Changed(o, n)), Seg::Changed(o2, n2)) => {
            o.end = o2.end;
            n.end = n2.end;
        }
        (_, seg) => segs.push(seg),
    }
}

/// `old` and `new` compared character by character: the common beginning
/// and end, and Myers' diff of the middle when that is at most
/// [`MAX_CHANGED`] characters, or the middle changed as one piece.
fn diff_chars(old: &[char], new: &[char]) -> Vec<Seg> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (o, n) = (prefix..old.len() - suffix, prefix..new.len() - suffix);
    let mut segs = Vec::new();
    push(&mut segs, Seg::Same(0..prefix, 0..prefix));
    if o.len() + n.len() > MAX_CHANGED || o.is_empty() || n.is_empty() {
        push(&mut segs, Seg::Changed(o.clone(), n.clone()));
    } else {
        for op in similar::capture_diff(Algorithm::Myers, old, o.clone(), new, n.clone()) {
            let seg = match op {
                DiffOp::Equal { .. } => Seg::Same(op.old_range(), op.new_range()),
                _ => Seg::Changed(op.old_range(), op.new_range()),
            };
            push(&mut segs, seg);
        }
    }
    push(&mut segs, Seg::Same(o.end..old.len(), n.end..new.len()));
    segs
}

/// The changes of a character diff as a person would mark them: a number
/// or Latin word that changed is changed whole, and one unchanged
/// character between two changes joins them.
fn tidy(mut segs: Vec<Seg>, old: &[char], new: &[char]) -> Vec<Seg> {
    let word = |c: &char| c.is_ascii_alphanumeric();
    // Widen each change over the rest of a word it cuts into. (Alike
    // stretches have the same characters in both: `old` gives them.)
    for k in 0..segs.len() {
        let Seg::Changed(mut o, mut n) = segs[k].clone() else {
            continue;
        };
        let starts =
            old[o.clone()].first().is_some_and(word) || new[n.clone()].first().is_some_and(word);
        let ends =
            old[o.clone()].last().is_some_and(word) || new[n.clone()].last().is_some_and(word);
        if let Some(Seg::Same(so, sn)) = k.checked_sub(1).and_then(|b| segs.get_mut(b)) {
            if starts {
                let t = old[so.clone()].iter().rev().take_while(|c| word(c)).count();
                so.end -= t;
                sn.end -= t;
                o.start -= t;
                n.start -= t;
            }
        }
        if let Some(Seg::Same(so, sn)) = segs.get_mut(k + 1) {
            if ends {
                let t = old[so.clone()].iter().take_while(|c| word(c)).count();
                so.start += t;
                sn.start += t;
                o.end += t;
                n.end += t;
            }
        }
        segs[k] = Seg::Changed(o, n);
    }
    // Join changes across single unchanged characters.
    let mut out: Vec<Seg> = Vec::with_capacity(segs.len());
    for seg in segs {
        push(&mut out, seg);
        while let [
            ..,
            Seg::Changed(o1, n1),
            Seg::Same(island, _),
            Seg::Changed(o2, n2),
        ] = out.as_slice()
        {
            if island.len() > 1 {
                break;
            }
            let joined = Seg::Changed(o1.start..o2.end, n1.start..n2.end);
            out.truncate(out.len() - 3);
            push(&mut out, joined);
        }
    }
    out
}
#[cfg(test)]
mod tests;
