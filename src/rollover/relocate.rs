//! Moving an item to another month's entry: its lines cut out and put in
//! where the entry is, or a new entry written for it.

use super::*;
use std::collections::BTreeMap;

/// A block of lines of a block-style list entry: its `-` line and the
/// lines under it, 0-based and end-exclusive, with the `-` column.
#[derive(Debug, Clone, Copy)]
pub(super) struct Block {
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) dash: usize,
}

/// The block of the list entry whose value is at `path`, if it is written
/// in block style (`- ` starting its line).
pub(super) fn block_of(source: &Source, text_lines: &[&str], path: &FieldPath) -> Option<Block> {
    let (line, col) = source.locate(path, Target::Value)?;
    let first = line - 1;
    let row = text_lines.get(first)?;
    let before: String = row.chars().take(col - 1).collect();
    let dash = before.trim_end().strip_suffix('-')?;
    if !dash.trim().is_empty() {
        return None;
    }
    let dash = dash.chars().count();
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let mut end = first + 1;
    let mut last = first + 1;
    while end < text_lines.len() {
        let l = text_lines[end].trim_end_matches(['\n', '\r']);
        if l.trim().is_empty() {
            end += 1;
            continue;
        }
        if indent(l) <= dash {
            break;
        }
        end += 1;
        last = end;
    }
    Some(Block {
        first,
        end: last,
        dash,
    })
}

/// `lines` with their indentation moved by `to - from` columns.
pub(super) fn reindent(lines: &[&str], from: usize, to: usize) -> Vec<String> {
    lines
        .iter()
        .map(|l| {
            if l.trim().is_empty() {
                l.to_string()
            } else if to >= from {
                format!("{}{l}", " ".repeat(to - from))
            } else {
                let cut = (from - to).min(l.len() - l.trim_start_matches(' ').len());
                l[cut..].to_string()
            }
        })
        .collect()
}

/// A schedule entry, for moving items between entries.
pub(super) struct Entry {
    pub(super) path: FieldPath,
    /// Its lines, when written in block style.
    pub(super) block: Option<Block>,
    pub(super) months: Vec<u32>,
    /// The lines of its last item, when written in block style.
    pub(super) last_item: Option<Block>,
}

/// Which of the items in a list of [`Move`]s can be moved, and where.
///
/// Settled before any line moves: an entry all of whose items move away
/// goes too, and is then no place to put another item (春节 moving into
/// February while February's only item, 元宵, moves on into March, was
/// put after the lines of February's entry, which went, and so under no
/// entry at all). An item is moved by hand when its lines or its entry's
/// are not in block style, or when its month's entry lists its items in
/// flow style; such an item keeps its entry, which may then be a place
/// for others, so this is worked out until nothing changes.
pub(super) struct Relocation {
    pub(super) entries: Vec<Entry>,
    /// Each move's item and entry lines, where both are block style.
    pub(super) blocks: Vec<Option<(Block, Block)>>,
    pub(super) by_hand: Vec<bool>,
    /// Each entry that goes, all its items moved away.
    pub(super) gone: Vec<bool>,
}

impl Relocation {
    pub(super) fn plan(source: &Source, text_lines: &[&str], moves: &[Move]) -> Relocation {
        let value = &source.value;
        let schedule = match keys::get(value, "schedule") {
            Some((sk, Value::Sequence(schedule))) => Some((FieldPath::root().key(sk), schedule)),
            _ => None,
        };
        let entries: Vec<Entry> = schedule
            .into_iter()
            .flat_map(|(schedule_path, schedule)| {
                schedule.iter().enumerate().map(move |(i, e)| {
                    let path = schedule_path.index(i);
                    let last_item = keys::get(e, "items").and_then(|(ik, items)| {
                        let n = items.as_sequence()?.len().checked_sub(1)?;
                        block_of(source, text_lines, &path.key(ik).index(n))
                    });
                    Entry {
                        block: block_of(source, text_lines, &path),
                        months: entry_months(e),
                        last_item,
                        path,
                    }
                })
            })
            .collect();
        let blocks: Vec<Option<(Block, Block)>> = moves
            .iter()
            .map(|m| {
                Some((
                    block_of(source, text_lines, &m.item.path)?,
                    block_of(source, text_lines, &m.item.entry)?,
                ))
            })
            .collect();
        let mut plan = Relocation {
            by_hand: blocks.iter().map(Option::is_none).collect(),
            gone: Vec::new(),
            entries,
            blocks,
        };
        loop {
            plan.gone = plan.emptied(moves);
            let mut changed = false;
            for (i, m) in moves.iter().enumerate() {
                let target = plan.target(m);
                if !plan.by_hand[i] && target.is_some_and(|t| plan.entries[t].last_item.is_none()) {
                    plan.by_hand[i] = true;
                    changed = true;
                }
            }
            if !changed {
                return plan;
            }
        }
    }

    /// Whether each entry is left with no items by the moves not by hand.
    pub(super) fn emptied(&self, moves: &[Move]) -> Vec<bool> {
        self.entries
            .iter()
            .map(|e| {
                let leaving: Vec<usize> = moves
                    .iter()
                    .zip(&self.by_hand)
                    .filter(|(m, hand)| !**hand && m.item.entry == e.path)
                    .map(|(m, _)| m.item.siblings)
                    .collect();
                leaving.first() == Some(&leaving.len())
            })
            .collect()
    }

    /// The entry, staying and in block style, that an item goes into.
    pub(super) fn target(&self, m: &Move) -> Option<usize> {
        self.entries.iter().enumerate().position(|(i, e)| {
            !self.gone.get(i).copied().unwrap_or(false)
                && e.block.is_some()
                && e.months.contains(&m.to_month)
        })
    }
}

/// Moves each item in `moves` into its new month's schedule entry: at the
/// end of that entry's items, or in an entry made for it, in the plan's
/// order of months. An entry left without items goes. The moves are those
/// [`Relocation::plan`] found can be made (by the old text, whose lines
/// `text` keeps); any other is left where it is, for a person to move.
pub(super) fn relocate(source: &Source, text: &str, moves: Vec<Move>) -> (String, Vec<Relocated>) {
    if moves.is_empty() {
        return (text.to_string(), Vec::new());
    }
    let text_lines: Vec<&str> = text.split_inclusive('\n').collect();
    let value = &source.value;
    let naming = Naming::of(value);
    let period = period_of(value);
    let plan = Relocation::plan(source, &text_lines, &moves);
    let mut splice = Splice {
        removed: vec![false; text_lines.len()],
        inserts: Default::default(),
    };
    // Items for months with no entry, by month.
    let mut new_entries: BTreeMap<(i32, u32), Vec<(Block, Block)>> = Default::default();
    let mut relocated = Vec::new();
    for (i, m) in moves.iter().enumerate() {
        // `rollover` kept any item that goes by hand out of `moves`, with
        // its date moved by the years; were one here all the same, it is
        // left in its entry (and the check of the new text would say so).
        let (item, entry) = match plan.blocks[i] {
            Some(b) if !plan.by_hand[i] => b,
            _ => continue,
        };
        splice.cut(plan.lines_leaving(m, item, entry));
        let target = plan.target(m);
        relocated.push(Relocated {
            line: item.first + 1,
            festival: m.festival,
            to_month: m.to_month,
            new_entry: target.is_none(),
        });
        match target {
            Some(t) => {
                let last = plan.entries[t]
                    .last_item
                    .expect("a target has items in block style");
                let lines = reindent(&text_lines[item.first..item.end], item.dash, last.dash);
                splice.insert(last.end, lines);
            }
            None => new_entries
                .entry(month_order(period, m.to_month))
                .or_default()
                .push((entry, item)),
        }
    }
    for ((_, month), items) in new_entries {
        let before = plan.place_of_new_entry(period, month, text_lines.len());
        let lines = new_entry(naming, month, &items, &text_lines);
        splice.insert(before, lines);
    }
    relocated.sort_by_key(|r| r.line);
    (splice.apply(&text_lines, text.len()), relocated)
}

/// Where month `m` comes in a plan over `period`, for putting entries in
/// the plan's order of months.
fn month_order(period: crate::spec::Period, m: u32) -> (i32, u32) {
    (period.year_of_month(0, m), m)
}

impl Relocation {
    /// The lines `m` takes out of its old entry: its item's, or the whole
    /// entry's when the entry goes.
    fn lines_leaving(&self, m: &Move, item: Block, entry: Block) -> (usize, usize) {
        match self.entries.iter().position(|e| e.path == m.item.entry) {
            Some(e) if self.gone[e] => (entry.first, entry.end),
            _ => (item.first, item.end),
        }
    }

    /// The line an entry made for `month` goes before: the first entry
    /// that comes later in the plan, or after the last one (`lines`, the
    /// text's length in lines, when no entry is in block style).
    fn place_of_new_entry(&self, period: crate::spec::Period, month: u32, lines: usize) -> usize {
        let order = |m: u32| month_order(period, m);
        self.entries
            .iter()
            .filter_map(|e| Some((e.block?, e.months.first().copied()?)))
            .find(|(_, m)| order(*m) > order(month))
            .map(|(b, _)| b.first)
            .unwrap_or_else(|| {
                self.entries
                    .iter()
                    .filter_map(|e| e.block)
                    .map(|b| b.end)
                    .max()
                    .unwrap_or(lines)
            })
    }
}

/// The lines of an entry made for `month`, holding `items` (each with
/// the entry it came from): its `month` and `items` keys, as `naming`
/// spells them, lined up with the first item's old entry, and the items'
/// lines under them.
fn new_entry(
    naming: Naming,
    month: u32,
    items: &[(Block, Block)],
    text_lines: &[&str],
) -> Vec<String> {
    let (entry, first_item) = items[0];
    let key_col = first_item.dash.saturating_sub(2).max(entry.dash + 2);
    let mut lines = vec![
        format!(
            "{}-{}{}: {month}\n",
            " ".repeat(entry.dash),
            " ".repeat(key_col - entry.dash - 1),
            naming.key("month")
        ),
        format!("{}{}:\n", " ".repeat(key_col), naming.key("items")),
    ];
    for (_, item) in items {
        lines.extend(reindent(
            &text_lines[item.first..item.end],
            item.dash,
            first_item.dash.max(key_col + 2),
        ));
    }
    lines
}

/// The line edits relocation makes, gathered against the old lines and
/// made at once by [`Splice::apply`].
struct Splice {
    /// Whether each line (0-based) is cut out.
    removed: Vec<bool>,
    /// Lines to put before a line (0-based; the end means after the last).
    inserts: BTreeMap<usize, Vec<String>>,
}

impl Splice {
    /// Cuts out the lines `from..to`.
    fn cut(&mut self, (from, to): (usize, usize)) {
        self.removed[from..to].iter_mut().for_each(|r| *r = true);
    }

    /// Puts `lines` before line `at`, after any put there already.
    fn insert(&mut self, at: usize, lines: Vec<String>) {
        self.inserts.entry(at).or_default().extend(lines);
    }

    /// `text_lines` with the cuts and inserts made (`len`, the text's
    /// length, as a guess at the new one's).
    fn apply(mut self, text_lines: &[&str], len: usize) -> String {
        let mut out = String::with_capacity(len);
        for (i, line) in text_lines.iter().enumerate() {
            if let Some(new) = self.inserts.remove(&i) {
                new.iter().for_each(|l| push_line(&mut out, l));
            }
            if !self.removed[i] {
                out.push_str(line);
            }
        }
        for new in self.inserts.into_values() {
            new.iter().for_each(|l| push_line(&mut out, l));
        }
        out
    }
}

/// Appends a whole line, ending the text before it if it had no line end.
pub(super) fn push_line(out: &mut String, line: &str) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(line);
    if !line.ends_with('\n') {
        out.push('\n');
    }
}
