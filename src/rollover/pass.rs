//! One rollover's pass over the spec's text, step by step: each step
//! finds what it changes, as [`Edit`]s of the old text, and what it leaves
//! for a person, as [`Review`] lines. [`rollover`] runs the steps in
//! order, and the order matters: [`Pass::years_in_text`] leaves alone the
//! spans earlier steps edit, so it runs last. The edits are put in the
//! text's order by [`apply`], and the review lines by their line.

use super::*;

/// A replacement of `source.text[start..end]`.
pub(super) struct Edit {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) new: String,
    pub(super) change: Shift,
}

/// An explicit date of the spec, where it is written, and the move of its
/// festival, if it names one whose day moves and the move is made.
pub(super) struct Found {
    dated: Dated,
    start: usize,
    end: usize,
    line: usize,
    festive: Option<calendar::FestivalMove>,
}

/// What the steps share: the old text, the years, and what they found.
pub(super) struct Pass<'a> {
    source: &'a Source,
    text: &'a str,
    lines: LineIndex,
    old_year: i32,
    new_year: i32,
    pub(super) edits: Vec<Edit>,
    pub(super) review: Vec<Review>,
}

impl<'a> Pass<'a> {
    /// A pass over `source` from `old_year` to `new_year`, with nothing
    /// found yet.
    pub(super) fn new(source: &'a Source, old_year: i32, new_year: i32) -> Pass<'a> {
        Pass {
            source,
            text: &source.text,
            lines: LineIndex::new(&source.text),
            old_year,
            new_year,
            edits: Vec::new(),
            review: Vec::new(),
        }
    }

    /// How many years every date moves.
    fn delta(&self) -> i32 {
        self.new_year - self.old_year
    }

    /// Lists `reason` for a person to review at `line`.
    fn review(&mut self, line: usize, reason: String) {
        self.review.push(Review { line, reason });
    }

    /// Replaces `start..end` of the old text with `new`, reported as
    /// `change` (whose `new` is the whole phrase where this `new` is only
    /// its number).
    fn edit(&mut self, (start, end): (usize, usize), new: String, change: Shift) {
        self.edits.push(Edit {
            start,
            end,
            new,
            change,
        });
    }

    /// `year:` itself.
    pub(super) fn year(&mut self, year_path: &FieldPath) {
        let Some(start) = value_start(self.source, &self.lines, year_path) else {
            return;
        };
        let (s, e) = digits_at(self.text, start);
        if e > s {
            let change = Shift {
                line: self.lines.line_of(s),
                kind: ShiftKind::Year,
                old: self.text[s..e].to_string(),
                new: self.new_year.to_string(),
            };
            self.edit((s, e), self.new_year.to_string(), change);
        }
    }

    /// Every explicit date, where it is written, with the move of the
    /// festival its item names. A festival with no day within the new
    /// plan's period is dropped, and listed: the date moves by the years,
    /// for a person to look at.
    pub(super) fn find_dates(&mut self) -> Vec<Found> {
        let period = period_of(&self.source.value);
        date_paths(&self.source.value)
            .into_iter()
            .filter_map(|dated| {
                let at = value_start(self.source, &self.lines, &dated.path)?;
                let (start, end) = scalar_extent(self.text, at);
                let line = self.lines.line_of(start);
                let festive = dated.festival.and_then(|f| {
                    let date = written_date(&self.text[start..end])?;
                    calendar::festival_move(f, date, (self.old_year, period), self.new_year)
                });
                let festive = match festive {
                    Some(m) if m.new.is_none() => {
                        let reason =
                            msg::rollover_festival_outside_plan(m.festival.name(), self.new_year);
                        self.review(line, reason);
                        None
                    }
                    other => other,
                };
                Some(Found {
                    line,
                    dated,
                    start,
                    end,
                    festive,
                })
            })
            .collect()
    }

    /// The items whose festival takes them into another month, to move
    /// into that month's entry. One that cannot be moved (see
    /// [`Relocation`]) stays in its month and loses its festival's move in
    /// `found`, so that its date moves by the years, as it must to stay
    /// valid there; it is listed for a person to move.
    pub(super) fn moves(&mut self, found: &mut [Found]) -> Vec<Move> {
        let (at, moves) = month_moves(found);
        let text_lines: Vec<&str> = self.text.split_inclusive('\n').collect();
        let by_hand = Relocation::plan(self.source, &text_lines, &moves).by_hand;
        for (&i, m) in at
            .iter()
            .zip(&moves)
            .zip(&by_hand)
            .filter(|(_, h)| **h)
            .map(|(x, _)| x)
        {
            let day = found[i].festive.take().and_then(|f| f.new);
            if let Some(day) = day {
                let reason = msg::rollover_relocate_by_hand(
                    m.festival.name(),
                    &msg::written_date(day.year(), day.month(), day.day()),
                    m.to_month,
                );
                self.review(index_line(self.source, &m.item.path), reason);
            }
        }
        moves
            .into_iter()
            .zip(by_hand)
            .filter_map(|(m, hand)| (!hand).then_some(m))
            .collect()
    }

    /// Moves each date in `found`: with its festival where it has a move,
    /// by the years otherwise.
    pub(super) fn move_dates(&mut self, found: &[Found]) {
        for f in found {
            self.move_date(f);
        }
    }

    /// Moves one date, listing a 29 February made 28th, a schedule day
    /// that falls on a day off, and a date it cannot read.
    fn move_date(&mut self, f: &Found) {
        let (s, e, line) = (f.start, f.end, f.line);
        let token = &self.text[s..e];
        let moved = match f.festive.and_then(|m| m.new) {
            Some(new) => rewrite_date(token, new).map(|t| (t, false)),
            None => move_date(token, self.delta()),
        };
        match moved {
            Some((moved, leap_fix)) => {
                if leap_fix {
                    self.review(line, msg::rollover_leap_day(token, &moved));
                }
                // Schedule dates only, as validate warns: the 落款 is a day
                // the plan is signed, not a day anyone comes to school.
                if f.dated.item.is_some() {
                    self.day_off(line, &moved);
                }
                let change = Shift {
                    line,
                    kind: match f.festive {
                        Some(m) => ShiftKind::Festival(m.festival),
                        None => ShiftKind::Date,
                    },
                    old: token.to_string(),
                    new: moved.clone(),
                };
                self.edit((s, e), moved, change);
            }
            // `3月6日`: a day without its year is in the plan's year, new
            // or old; there is nothing to move (validation reads it alike).
            None if crate::dates::month_day(token).is_some() => {}
            None => self.review(line, msg::rollover_date_unmoved(token)),
        }
    }

    /// Lists the date `moved`, at `line`, if it falls on a weekend or a
    /// holiday.
    fn day_off(&mut self, line: usize, moved: &str) {
        let Some(new) = written_date(moved) else {
            return;
        };
        if let Some(off) = calendar::day_off(new) {
            let day = msg::written_date(new.year(), new.month(), new.day());
            self.review(line, msg::date_is_day_off(&day, &off).into());
        }
    }

    /// Days written in a text (`9月10日前`, `3月上旬`, `（3月8日）`) are
    /// not dates rollover can move: listed for a person to check in the
    /// new year, the date values in `found` themselves left out.
    pub(super) fn days_in_text(&mut self, found: &[Found]) {
        for (s, e) in content_spans(self.text) {
            for (a, b) in days_in_text(&self.text[s..e]) {
                let (a, b) = (s + a, s + b);
                if found.iter().any(|f| a < f.end && f.start < b) {
                    continue;
                }
                let reason = msg::rollover_day_in_text(&self.text[a..b]);
                self.review(self.lines.line_of(a), reason);
            }
        }
    }

    /// Anniversaries that count on, and numbered phrases to look at.
    pub(super) fn anniversaries(&mut self) {
        for (s, e) in content_spans(self.text) {
            for n in calendar::numbered(&self.text[s..e]) {
                self.anniversary(s, n);
            }
        }
    }

    /// One numbered phrase, found in a text that starts at `s`: counted on
    /// when it is an anniversary with the old year's number, listed
    /// otherwise.
    fn anniversary(&mut self, s: usize, n: calendar::Numbered) {
        let (old_year, new_year) = (self.old_year, self.new_year);
        let line = self.lines.line_of(s + n.start);
        match (n.counts, n.number) {
            // Rolled back before the first (第-35个教师节 for 1949): no
            // number to write, whatever this one is.
            (Some(a), _) if a.count(new_year) < 1 => self.review(
                line,
                msg::rollover_anniversary_before_first(&n.phrase, new_year),
            ),
            (Some(a), Some(number)) if number == a.count(old_year) => {
                let new = a.count(new_year).to_string();
                let new_phrase = n.phrase.replacen(&number.to_string(), &new, 1);
                let change = Shift {
                    line,
                    kind: ShiftKind::Anniversary,
                    old: n.phrase.clone(),
                    new: new_phrase,
                };
                self.edit((s + n.start, s + n.end), new, change);
            }
            (Some(a), _) => self.review(
                line,
                msg::rollover_anniversary_mismatch(&n.phrase, a.name(), a.count(new_year)),
            ),
            (None, _) => self.review(line, msg::rollover_numbered(&n.phrase)),
        }
    }

    /// Years in text, outside comments and the spans already edited: the
    /// old plan year and the year after move by the years, any other year
    /// is listed. So is the `extends` line, whose years stay as they are.
    pub(super) fn years_in_text(&mut self) {
        let extends_line = keys::get(&self.source.value, "extends")
            .and_then(|(key, _)| {
                self.source
                    .locate(&FieldPath::root().key(key), Target::Value)
            })
            .map(|(line, _)| line);
        if let Some(line) = extends_line {
            self.review(line, msg::rollover_extends());
        }
        for (s, e) in content_years(self.text) {
            let line = self.lines.line_of(s);
            if self.edits.iter().any(|ed| s < ed.end && e > ed.start) || Some(line) == extends_line
            {
                continue;
            }
            let found: i32 = self.text[s..e].parse().expect("four ASCII digits");
            if found == self.old_year || found == self.old_year + 1 {
                let new = (found + self.delta()).to_string();
                let change = Shift {
                    line,
                    kind: ShiftKind::YearInText,
                    old: self.text[s..e].to_string(),
                    new: new.clone(),
                };
                self.edit((s, e), new, change);
            } else if YEARS.contains(&i64::from(found)) {
                self.review(line, msg::rollover_other_year(found));
            }
        }
    }
}

/// The dates in `found` whose festival takes their item into a month its
/// entry does not give, each with its index in `found`.
fn month_moves(found: &[Found]) -> (Vec<usize>, Vec<Move>) {
    found
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let (m, item) = (f.festive?, f.dated.item.as_ref()?);
            let to_month = m.new?.month();
            let moves_month = !item.months.is_empty() && !item.months.contains(&to_month);
            moves_month.then(|| {
                let (item, festival) = (item.clone(), m.festival);
                (
                    i,
                    Move {
                        item,
                        festival,
                        to_month,
                    },
                )
            })
        })
        .unzip()
}

/// `text` with each of `edits` made, in the order they come in the text;
/// `edits` is left sorted so, which is the order the caller reports.
pub(super) fn apply(text: &str, edits: &mut [Edit]) -> String {
    edits.sort_by_key(|e| e.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits.iter() {
        out.push_str(&text[at..e.start]);
        out.push_str(&e.new);
        at = e.end;
    }
    out.push_str(&text[at..]);
    out
}
