//! `unionplan import`: last year's plan, as a Word file, a web page, a
//! Markdown or a text file, turned into a spec to edit.
//!
//! The stages, one module each:
//!
//! 1. [`read`]: the file's paragraphs, whatever its format and encoding;
//! 2. [`clean`]: web-page furniture, watermarks and copies dropped, and
//!    paragraphs run together with spaces split;
//! 3. [`recognise`]: the page split into plans, and one plan into title,
//!    指导思想, 工作目标, measures and schedule ([`marker`] knows the
//!    numbering and headings people type);
//! 4. [`emit`]: the spec written as YAML, with a `# 请核对` comment wherever
//!    the import had to guess and a `# 未归类的原文` block for what it
//!    could not place, then checked like any spec before it is handed out.

pub(crate) mod clean;
pub(crate) mod emit;
pub(crate) mod marker;
pub(crate) mod read;
pub mod recognise;

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use crate::Error;
use crate::diag::Diagnostic;
use crate::messages::{self as msg, Message};
use crate::spec::fields::YEARS;
use crate::spec::{Period, SignatureDate};
use recognise::{Draft, Field, Note};

/// What `import` is asked for.
pub struct Options {
    /// Which plan of a page with several, counted from 1.
    pub pick: Option<usize>,
    /// Write the keys in Chinese.
    pub zh: bool,
    /// The year used where the plan gives none.
    pub today: NaiveDate,
}

/// One plan found in a file, for `--list`.
#[derive(Clone, Debug)]
pub struct Found {
    /// The plan's title; the page's instead where the plan has none, or
    /// one without a year (not even `20xx`) under a page title that is not
    /// a collection's (`（通用5篇）`). `None` where neither has one.
    pub title: Option<String>,
    /// Top-level measures found.
    pub measures: usize,
    /// Entries of the schedule (an entry may be for several months).
    pub months: usize,
    /// Characters of the text recognised as the plan's parts, to tell a
    /// full plan from a short one.
    pub chars: usize,
    /// The plan's text as found, once page furniture was taken out: what a
    /// faithful import keeps.
    pub text: String,
}

/// The imported spec and what the import found.
pub struct Imported {
    /// The spec, as YAML text with its `# 请核对` comments, ready to write
    /// out. It has been checked like any spec, but may still hold
    /// placeholders for the user to fill.
    pub yaml: String,
    /// What the import found, for the user who checks the spec.
    pub report: Report,
}

/// What was recognised, for the report printed after an import.
#[derive(Clone, Debug)]
pub struct Report {
    /// The file's format as read (text, Markdown, web page, Word), whose
    /// label the CLI prints.
    pub kind: read::FileKind,
    /// The text encoding, for text formats (`UTF-8`, `GBK`).
    pub encoding: Option<&'static str>,
    /// Every plan of the file, as [`list`] gives them; the CLI says how
    /// many there are when there are several.
    pub plans: Vec<Found>,
    /// Which plan was imported, from 1.
    pub picked: usize,
    /// The plan's title as found, or a word for "untitled".
    pub title: String,
    /// The school as decided ([`Meta::school`]): a placeholder where none
    /// was found.
    pub school: String,
    /// The plan's year as decided ([`Meta::year`]).
    pub year: i32,
    /// The plan's period as decided ([`Meta::period`]).
    pub period: Period,
    /// Paragraphs of 指导思想.
    pub guiding: usize,
    /// Goals listed, or 1 where the goals are only paragraphs.
    pub goals: usize,
    /// Top-level measures, and measures at all levels.
    pub measures: (usize, usize),
    /// Entries of the schedule (an entry may be for several months).
    pub months: usize,
    /// Items of the schedule, over all its entries.
    pub items: usize,
    /// The plan has a 落款: its org, its date, or both.
    pub signature: bool,
    /// Paragraphs and marks dropped as web noise, and the plan's paragraphs
    /// dropped as copies.
    pub dropped: usize,
    /// Half-width punctuation between Chinese characters made full-width.
    pub punctuation: usize,
    /// Invisible control characters taken out.
    pub controls: usize,
    /// Lines that could not be placed, left as comments at the end of the
    /// spec.
    pub unplaced: usize,
    /// What the import was unsure of, a line each in the user's language:
    /// the `# 请核对` comments of the spec ([`recognise::Note::shown`]).
    pub notes: Vec<String>,
    /// What the file holds that was not read into the plan.
    pub unread: read::Unread,
}

/// A file's plans, in order, and what cleaning took out.
struct Page {
    kind: read::FileKind,
    encoding: Option<&'static str>,
    /// The page's own title, before any plan.
    page_title: Option<String>,
    /// Each plan, its text, and how many of its paragraphs were copies of
    /// others of the plan.
    plans: Vec<(Draft, String, usize)>,
    cleaned: recognise::Cleaned,
    schedule_table: bool,
    unread: read::Unread,
}

fn file_error(path: &Path, message: Message, help: Option<String>) -> Error {
    let mut d = Diagnostic::file_level(path, message);
    if let Some(h) = help {
        d = d.with_help(h);
    }
    Error::Invalid(vec![d])
}

fn page(path: &Path) -> Result<Page, Error> {
    let read = read::read(path).map_err(|e| file_error(path, e.message, e.help))?;
    let (chunks, cleaned) = recognise::chunks(&read.paras);
    let mut page_title = None;
    let mut plans = Vec::new();
    for segment in recognise::segments(chunks) {
        let draft = recognise::recognise(&segment);
        if draft.is_plan() {
            plans.push((draft, segment.chunks.join("\n"), segment.copies));
        } else if page_title.is_none() {
            page_title = draft.title.or(draft.page_title);
        }
    }
    if plans.is_empty() {
        return Err(file_error(
            path,
            msg::import_no_plan(),
            Some(msg::import_no_plan_help()),
        ));
    }
    Ok(Page {
        kind: read.kind,
        encoding: read.encoding,
        page_title,
        plans,
        cleaned,
        schedule_table: read.schedule_table,
        unread: read.unread,
    })
}

/// The plans a file holds, for `--list`.
pub fn list(path: &Path) -> Result<Vec<Found>, Error> {
    Ok(found(&page(path)?))
}

fn found(page: &Page) -> Vec<Found> {
    page.plans
        .iter()
        .map(|(d, text, _)| Found {
            title: d
                .title
                .clone()
                .filter(|t| {
                    recognise::year_in(t).is_some()
                        || page
                            .page_title
                            .as_deref()
                            .is_none_or(recognise::is_collection_title)
                })
                .or_else(|| page.page_title.clone()),
            measures: d.measures.len(),
            months: d.schedule.len(),
            chars: chars(d),
            text: text.clone(),
        })
        .collect()
}

fn chars(d: &Draft) -> usize {
    fn nodes(ns: &[recognise::Node]) -> usize {
        ns.iter()
            .map(|n| {
                n.head.chars().count()
                    + n.paras.iter().map(|p| p.chars().count()).sum::<usize>()
                    + nodes(&n.items)
            })
            .sum()
    }
    let texts = d
        .intro
        .iter()
        .chain(&d.guiding)
        .chain(&d.goals)
        .chain(&d.goals_paras);
    texts.map(|t| t.chars().count()).sum::<usize>()
        + nodes(&d.measures)
        + d.schedule
            .iter()
            .flat_map(|e| &e.items)
            .map(|i| i.chars().count())
            .sum::<usize>()
}

/// Import the plan of `path` (the first, or `options.pick`) as spec text.
/// The text is checked like any spec before it is returned.
pub fn import(path: &Path, options: &Options) -> Result<Imported, Error> {
    let page = page(path)?;
    let plans = found(&page);
    let picked = options.pick.unwrap_or(1);
    if picked == 0 || picked > page.plans.len() {
        return Err(file_error(
            path,
            msg::import_pick_out_of_range(picked, page.plans.len()),
            Some(msg::import_pick_help()),
        ));
    }
    let mut draft = page.plans[picked - 1].0.clone();
    // A title line above the plan's own is the page's title, where the
    // page has none before its plans; otherwise the user sees it with what
    // could not be placed.
    let page_title = match (page.page_title.clone(), draft.page_title.take()) {
        (Some(page), Some(plan)) => {
            if plan != page {
                draft.unplaced.insert(0, plan);
            }
            Some(page)
        }
        (page, plan) => page.or(plan),
    };
    let mut meta = decide(&mut draft, page_title.as_deref(), path, options.today);
    meta.schedule_table = page.schedule_table && !draft.schedule.is_empty();
    // The name goes into a comment of the spec: shown, so that no
    // character of it ends the comment or makes the spec unreadable.
    let file = crate::diag::shown_path(path.file_name().map_or(path, Path::new));
    let mut header = msg::import_header(&file, picked, page.plans.len());
    header.extend(
        msg::in_chinese(|| unread_words(page.unread))
            .into_iter()
            .map(|words| format!("{}{words}", msg::import_check())),
    );
    let yaml = emit::emit(&draft, &meta, options.zh, &header);
    // The result must validate but for the placeholders left for the user
    // to fill, which `validate` and `render` refuse until they are.
    if let Err(e) = crate::parse_spec(Path::new("import.yaml"), &yaml) {
        let problems: Vec<Diagnostic> = e
            .problems()
            .iter()
            .filter(|d| d.code != "import_placeholder_left")
            .cloned()
            .collect();
        if !problems.is_empty() {
            let mut diags = vec![Diagnostic::file_level(
                path,
                msg::import_would_not_validate(),
            )];
            diags.extend(problems);
            return Err(Error::Invalid(diags));
        }
    }
    let (top, all) = draft.measure_count();
    let report = Report {
        kind: page.kind,
        encoding: page.encoding,
        plans,
        picked,
        title: meta
            .found_title
            .clone()
            .unwrap_or_else(|| msg::import_untitled().to_string()),
        school: meta.school.clone(),
        year: meta.year,
        period: meta.period,
        guiding: draft.guiding.len(),
        goals: draft.goals.len()
            + usize::from(draft.goals.is_empty() && !draft.goals_paras.is_empty()),
        measures: (top, all),
        months: draft.schedule.len(),
        items: draft.schedule_items(),
        signature: draft.signature_org.is_some() || draft.signature_date.is_some(),
        dropped: page.cleaned.dropped + page.plans[picked - 1].2,
        punctuation: page.cleaned.punctuation,
        controls: page.cleaned.controls,
        unplaced: draft.unplaced.len(),
        notes: draft.notes.iter().map(|n| n.shown.clone()).collect(),
        unread: page.unread,
    };
    Ok(Imported { yaml, report })
}

/// What the file holds that was not read into the plan, in the words of
/// the language in use: for the report, and in Chinese for the spec.
pub fn unread_words(unread: read::Unread) -> Vec<String> {
    let mut words = Vec::new();
    if unread.notes > 0 {
        words.push(msg::import_unread_notes(unread.notes));
    }
    if unread.chunks > 0 {
        words.push(msg::import_unread_chunks(unread.chunks));
    }
    words
}

/// The plan's school, year and period, decided from its title, the page's
/// title, the signature and the file name, in that order of trust.
pub struct Meta {
    /// The school, from the 落款's org, the title or the file name; a
    /// placeholder for the user to fill where none names one.
    pub school: String,
    /// The plan's year, from its title or its file name; the year of
    /// [`Options::today`] where neither gives one, with a note.
    pub year: i32,
    /// The plan's period, from its title (下半年, 学年); a whole year where
    /// it names none.
    pub period: Period,
    /// The period's word in the title (下半年), for a comment.
    pub period_word: Option<&'static str>,
    /// The title as written, when it names a year.
    pub source_title: Option<String>,
    /// The title the plan was found under, for the report.
    pub found_title: Option<String>,
    /// The title of the page the plan came from, written as a comment at
    /// the top of the spec where it is not the plan's.
    pub page_title: Option<String>,
    /// The 落款's date, when the spec can hold it as the plan wrote it.
    pub signature_date: Option<SignatureDate>,
    /// The schedule was a table (行事历): the spec sets it out as one too.
    pub schedule_table: bool,
}

/// A file name's words that end like a school's name (荷花小学, 城南幼儿园).
fn names_a_school(s: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "学校",
        "小学",
        "中学",
        "幼儿园",
        "学院",
        "大学",
        "分校",
        "中心",
    ];
    s.chars().count() >= 4 && ENDINGS.iter().any(|e| s.ends_with(e))
}

fn decide(d: &mut Draft, page_title: Option<&str>, path: &Path, today: NaiveDate) -> Meta {
    let with_year = |t: &&str| recognise::year_in(t).is_some();
    let title = d
        .title
        .as_deref()
        .filter(with_year)
        .or(page_title.filter(with_year))
        .or(d.title.as_deref())
        .or(page_title)
        .map(String::from);
    // What a name hides (an escape, a line separator) is no part of the
    // school or the year it names.
    let stem: String = path
        .file_stem()
        .map(|s| {
            s.to_string_lossy()
                .chars()
                .filter(|&c| !crate::diag::escaped(c))
                .collect()
        })
        .unwrap_or_default();
    // Whether the year is the plan's (from its title or its file's name),
    // not made up from today's: only the plan's goes into its text.
    let (year, year_note, year_known) = match title.as_deref().and_then(recognise::year_in) {
        Some(Some(y)) => (y, None, true),
        found => match recognise::year_in(&stem).flatten() {
            Some(y) => (
                y,
                Some(Note::new(Field::Year, || msg::import_year_from_file(y))),
                true,
            ),
            None => {
                let word = found.map(|_| {
                    let t = title.as_deref().unwrap_or("");
                    t.chars()
                        .collect::<Vec<_>>()
                        .windows(4)
                        .map(|w| w.iter().collect::<String>())
                        .find(|w| w.starts_with("20") || w.starts_with("19"))
                        .unwrap_or_default()
                });
                let year = today.year();
                let words = || msg::import_year_guessed(word.as_deref(), year);
                (year, Some(Note::new(Field::Year, words)), false)
            }
        },
    };
    d.notes.extend(year_note);
    if let Some(t) = title.as_deref().filter(|t| recognise::garbled_title(t)) {
        d.notes
            .push(Note::new(Field::Title, || msg::import_title_garbled(t)));
    }
    fill_blank_years(d, year_known.then_some(year));
    let signature_date = d
        .signature_date
        .clone()
        .and_then(|w| signature_date(&w, year, d));
    let (period, period_word) = title
        .as_deref()
        .map_or((Period::Year, None), recognise::period_in);
    let school = d
        .signature_org
        .as_deref()
        .and_then(recognise::school_in)
        .or_else(|| title.as_deref().and_then(recognise::school_in))
        .or_else(|| recognise::school_in(&stem).filter(|s| names_a_school(s)))
        .unwrap_or_else(|| {
            d.notes.push(Note::new(Field::School, || {
                msg::import_no_school(title.as_deref())
            }));
            msg::import_school_placeholder()
        });
    if d.guiding.is_empty() {
        if d.intro.is_empty() {
            d.notes.push(Note::new(Field::GuidingPrinciples, || {
                msg::import_guiding_missing()
            }));
        } else {
            d.guiding = std::mem::take(&mut d.intro);
            d.notes.push(Note::new(Field::GuidingPrinciples, || {
                msg::import_guiding_from_preamble()
            }));
        }
    }
    if d.measures.is_empty() {
        d.notes.push(Note::new(Field::Measures, || {
            msg::import_measures_missing()
        }));
    }
    if !d.goals.is_empty() && !d.goals_paras.is_empty() {
        d.notes
            .push(Note::new(Field::Goals, msg::import_goal_paras));
    }
    Meta {
        school,
        year,
        period,
        period_word,
        // A title kept as written must name its year: 20xx is not one.
        source_title: title
            .clone()
            .filter(|t| matches!(recognise::year_in(t), Some(Some(_)))),
        found_title: title,
        page_title: page_title.map(String::from),
        signature_date,
        schedule_table: false,
    }
}

/// Years the page blanked out in the plan's text (`20xx年`, `201_年`): the
/// plan's year in their place where it is known (the year after, ending a
/// span: `2025—20xx学年`), the text as written where it is not; a
/// `# 请核对` note either way, once for each way of writing it in a part.
fn fill_blank_years(d: &mut Draft, year: Option<i32>) {
    fn fill(text: &mut String, year: Option<i32>, written: &mut Vec<String>) {
        let blanks = recognise::blank_years(text);
        for (range, _) in &blanks {
            let after = if text[range.end..].starts_with('学') {
                "学年"
            } else {
                "年"
            };
            let word = format!("{}{after}", &text[range.clone()]);
            if !written.contains(&word) {
                written.push(word);
            }
        }
        for (range, span) in blanks.into_iter().rev() {
            if let Some(y) = year {
                text.replace_range(range, &(y + i32::from(span)).to_string());
            }
        }
    }
    fn nodes(ns: &mut [recognise::Node], year: Option<i32>, written: &mut Vec<String>) {
        for n in ns {
            fill(&mut n.head, year, written);
            n.paras.iter_mut().for_each(|p| fill(p, year, written));
            nodes(&mut n.items, year, written);
        }
    }
    let mut parts: Vec<(Field, Vec<String>)> = Vec::new();
    let mut texts = |field: Field, texts: &mut dyn Iterator<Item = &mut String>| {
        let mut written = Vec::new();
        for t in texts {
            fill(t, year, &mut written);
        }
        parts.push((field, written));
    };
    texts(Field::Intro, &mut d.intro.iter_mut());
    texts(Field::GuidingPrinciples, &mut d.guiding.iter_mut());
    texts(
        Field::Goals,
        &mut d.goals_paras.iter_mut().chain(d.goals.iter_mut()),
    );
    texts(
        Field::Schedule,
        &mut d.schedule.iter_mut().flat_map(|e| e.items.iter_mut()),
    );
    let mut written = Vec::new();
    nodes(&mut d.measures, year, &mut written);
    parts.push((Field::Measures, written));
    for (field, written) in parts {
        for w in written {
            d.notes.push(Note::new(field, || match year {
                Some(y) => msg::import_blank_year_filled(&w, y),
                None => msg::import_blank_year_left(&w),
            }));
        }
    }
}

/// The spec's date for the 落款's date as written, in a plan of `year`: a
/// day, or a month where the plan gives no day (`2025年2月`), kept so. A
/// date it cannot hold as written (a two-digit year that could be another
/// one, a day the month lacks) is left out with a `# 请核对` comment that
/// quotes it: never a day made up, nor the day of the import.
fn signature_date(w: &recognise::WrittenDate, year: i32, d: &mut Draft) -> Option<SignatureDate> {
    // `25年` is 2025 in a plan of 2024, 2025 or 2026; 1925 is no plan's.
    let full_year = if w.two_digit_year {
        [1900, 2000]
            .map(|c| c + w.year)
            .into_iter()
            .find(|y| (y - year).abs() <= 1)
    } else {
        Some(w.year)
    };
    // A year no plan has (`0025年`) is as much a slip as a day the month
    // lacks: the spec would not validate.
    let impossible = || msg::import_signature_impossible(&w.text);
    let note = match (full_year, w.day) {
        (None, _) => Note::new(Field::Signature, || {
            msg::import_signature_short_year(&w.text, year)
        }),
        (Some(y), _) if !YEARS.contains(&i64::from(y)) => Note::new(Field::Signature, impossible),
        (Some(y), None) => {
            return Some(SignatureDate::Month {
                year: y,
                month: w.month,
            });
        }
        (Some(y), Some(day)) => match NaiveDate::from_ymd_opt(y, w.month, day) {
            Some(date) => return Some(SignatureDate::Day(date)),
            None => Note::new(Field::Signature, impossible),
        },
    };
    d.notes.push(note);
    None
}
