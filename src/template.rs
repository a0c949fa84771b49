//! The tera templates that hold the layout.
//!
//! Four templates ship inside the binary (see `templates/` in the source):
//! `plan.md`, the layout of the plan, from which all three formats are made,
//! `plan.html`, the HTML page with its CSS, `index.html`, the page a batch
//! writes beside a district's plans, and `preview-error.html`, the page the
//! live preview shows while a spec has problems. `--templates DIR` replaces any
//! of them with a file of the same name from DIR; errors in such a file are
//! reported with its path and line.

use std::path::{Path, PathBuf};

use serde::Serialize;
use tera::{Context, Kwargs, State, Tera, Value};

use crate::layout::Plan;
use crate::markup;
use crate::spec::Style;
use crate::{Error, input, messages};

/// File name of the layout template.
pub const MARKDOWN: &str = "plan.md";
/// File name of the HTML page template.
pub const HTML: &str = "plan.html";
/// File name of a batch's index page template.
pub const INDEX: &str = "index.html";
/// File name of the page `preview` shows while a spec has problems.
pub const PREVIEW_ERROR: &str = "preview-error.html";
/// Every template, by file name: what `--templates DIR` may replace.
pub const ALL: [&str; 4] = [MARKDOWN, HTML, INDEX, PREVIEW_ERROR];

const BUILTIN_MARKDOWN: &str = include_str!("../templates/plan.md");
const BUILTIN_HTML: &str = include_str!("../templates/plan.html");
const BUILTIN_INDEX: &str = include_str!("../templates/index.html");
const BUILTIN_PREVIEW_ERROR: &str = include_str!("../templates/preview-error.html");

/// The compiled templates, built in or overridden from a folder.
pub struct Templates {
    tera: Tera,
    /// The names the two templates are registered under: their file paths
    /// when overridden, so tera's error reports name the user's file.
    markdown_name: String,
    html_name: String,
    index_name: String,
    preview_error_name: String,
    /// The user's template files in use, which no output may replace.
    files: Vec<PathBuf>,
}

impl Templates {
    /// The templates shipped inside the binary.
    pub fn builtin() -> Templates {
        Templates::load(None).expect("the built-in templates compile")
    }

    /// The built-in templates, with any `plan.md` / `plan.html` found in `dir` instead.
    pub fn with_overrides(dir: &Path) -> Result<Templates, Error> {
        if !dir.is_dir() {
            return Err(Error::template(messages::template_dir_missing(
                dir.display(),
            )));
        }
        Templates::load(Some(dir))
    }

    /// Files in an override folder that are not templates of ours, so a
    /// misspelt name (`plan.markdown`) is reported instead of silently unused.
    pub fn unknown_files(dir: &Path) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.is_file()
                    && !matches!(
                        p.file_name().and_then(|n| n.to_str()),
                        Some(MARKDOWN | HTML | INDEX | PREVIEW_ERROR)
                    )
            })
            .collect()
    }

    fn load(dir: Option<&Path>) -> Result<Templates, Error> {
        let mut tera = Tera::new();
        // Over tera's own, with the render's budget ([`Budget`]).
        tera.register_function("range", budget::range);
        // Filters must exist before templates are added: tera 2 checks them.
        tera.register_filter("md_block", |v: Value, _: Kwargs, _: &State| {
            markup::block(&as_text(&v))
        });
        tera.register_filter("md_inline", |v: Value, _: Kwargs, _: &State| {
            markup::inline(&as_text(&v))
        });
        tera.register_filter("md_cell", |v: Value, _: Kwargs, _: &State| {
            markup::cell(&as_text(&v))
        });
        tera.register_filter("md_text", |v: Value, _: Kwargs, _: &State| {
            markup::literal(&as_text(&v))
        });
        tera.register_filter("css_string", |v: Value, _: Kwargs, _: &State| {
            css_string(&as_text(&v))
        });

        let mut names = Vec::new();
        let mut files = Vec::new();
        for (file, builtin) in [
            (MARKDOWN, BUILTIN_MARKDOWN),
            (HTML, BUILTIN_HTML),
            (INDEX, BUILTIN_INDEX),
            (PREVIEW_ERROR, BUILTIN_PREVIEW_ERROR),
        ] {
            // Whatever is there under the name is the user's template: a
            // folder or a FIFO there is refused, not passed over.
            let user = dir
                .map(|d| d.join(file))
                .filter(|p| p.symlink_metadata().is_ok());
            let (name, source) = match user {
                Some(path) => {
                    let text = input::read_utf8(&path, input::Kind::Template).map_err(|e| {
                        Error::template(messages::template_unreadable(path.display(), e))
                    })?;
                    files.push(path.clone());
                    (path.display().to_string(), text)
                }
                None => (file.to_string(), builtin.to_string()),
            };
            if let Some((line, var)) = budget::doubling(&source) {
                return Err(Error::template(messages::template_doubles(
                    &name, line, var,
                )));
            }
            tera.add_raw_template(&name, &source)
                .map_err(|e| Error::template(messages::template_error(report(&e))))?;
            names.push(name);
        }
        let [markdown_name, html_name, index_name, preview_error_name]: [String; 4] =
            names.try_into().expect("four templates");
        Ok(Templates {
            tera,
            markdown_name,
            html_name,
            index_name,
            preview_error_name,
            files,
        })
    }

    /// The user's template files in use (none for the built-in ones).
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// The plan as Markdown: the layout step shared by every format.
    pub fn markdown(&self, plan: &Plan) -> Result<String, Error> {
        let mut ctx = Context::new();
        ctx.insert("plan", plan);
        let mut md = self.render(&self.markdown_name, &ctx)?;
        if !md.ends_with('\n') {
            md.push('\n');
        }
        Ok(md)
    }

    /// The HTML page around an already typeset `body`.
    pub fn html_page(&self, title: &str, body: &str, style: &Style) -> Result<String, Error> {
        #[derive(Serialize)]
        struct Page<'a> {
            title: &'a str,
            body: &'a str,
            style: &'a Style,
            line_pitch_pt: f64,
            letter_spacing_pt: f64,
        }
        let page = Page {
            title,
            body,
            style,
            line_pitch_pt: crate::page::line_pitch_twips(style) as f64 / 20.0,
            letter_spacing_pt: crate::page::char_spacing_twips(style) as f64 / 20.0,
        };
        let ctx = Context::from_serialize(&page)
            .map_err(|e| Error::template(messages::template_error(e)))?;
        self.render(&self.html_name, &ctx)
    }

    /// The index page of a batch: anything serialisable with the fields
    /// `templates/index.html` names.
    pub fn index_page(&self, page: &impl Serialize) -> Result<String, Error> {
        let ctx = Context::from_serialize(page)
            .map_err(|e| Error::template(messages::template_error(e)))?;
        self.render(&self.index_name, &ctx)
    }

    /// The page `preview` shows while there are problems.
    pub fn preview_error_page(&self, page: &impl Serialize) -> Result<String, Error> {
        let ctx = Context::from_serialize(page)
            .map_err(|e| Error::template(messages::template_error(e)))?;
        self.render(&self.preview_error_name, &ctx)
    }

    /// Render within a [`budget`]: a template that loops or writes without
    /// end (a user's, by mistake) is stopped and named, instead of running
    /// for minutes or filling the memory.
    fn render(&self, name: &str, ctx: &Context) -> Result<String, Error> {
        let mut out = budget::Output::default();
        let (result, stopped) = budget::run(|| self.tera.render_to(name, ctx, &mut out));
        match (result, stopped) {
            (_, Some(over)) => Err(Error::template(messages::template_over_budget(name, over))),
            (Err(e), None) => Err(Error::template(messages::template_error(report(&e)))),
            (Ok(()), None) => {
                String::from_utf8(out.0).map_err(|e| Error::template(messages::template_error(e)))
            }
        }
    }
}

/// What one render of a template may spend. The built-in templates spend a
/// tiny part of it on any real plan; a user's template that nests loops
/// over `range` or writes without end stops at the first limit reached:
/// - **steps**: the numbers all of a render's `range` calls produce
///   together. tera caps one call at 100,000, but two nested loops call the
///   inner `range` once per outer step, 10¹⁰ steps in all;
/// - **output**: the bytes written, checked on every write;
/// - **time**: checked at every `range` call and every write.
///
/// Loops over the plan itself are bounded by the plan.
mod budget {
    use std::cell::Cell;
    use std::time::{Duration, Instant};

    use tera::{Kwargs, State, TeraResult};

    use crate::messages::{self, Over};

    pub const MAX_STEPS: u64 = 1_000_000;
    pub const MAX_OUTPUT: usize = 32 << 20;
    pub const MAX_TIME: Duration = Duration::from_secs(20);

    /// The render under way on this thread.
    #[derive(Clone, Copy)]
    struct Current {
        start: Instant,
        steps: u64,
        /// The limit that stopped it, once one has.
        stopped: Option<Over>,
    }

    thread_local! {
        static CURRENT: Cell<Option<Current>> = const { Cell::new(None) };
    }

    /// Run one render with a fresh budget; the limit that stopped it, if
    /// one did (whatever tera made of the error on its way out).
    pub fn run<R>(f: impl FnOnce() -> R) -> (R, Option<Over>) {
        let outer = CURRENT.replace(Some(Current {
            start: Instant::now(),
            steps: 0,
            stopped: None,
        }));
        let r = f();
        let stopped = CURRENT.replace(outer).and_then(|c| c.stopped);
        (r, stopped)
    }

    fn over_time() -> bool {
        CURRENT.get().is_some_and(|c| c.start.elapsed() > MAX_TIME)
    }

    /// Stop the render under way for `over`: noted for [`run`], and said
    /// in the error that unwinds tera.
    fn stop(over: Over) -> String {
        if let Some(c) = CURRENT.get() {
            CURRENT.set(Some(Current {
                stopped: Some(over),
                ..c
            }));
        }
        messages::template_budget_reason(over)
    }

    /// The first `set` (or `set_global`) whose value names assigned
    /// variables twice or more, as its line and variable: in a loop,
    /// `{% set_global s = s ~ s %}` doubles `s` at each step and fills the
    /// memory within forty steps, before any output or time limit could
    /// see it; a value that names them at most once grows by a bounded
    /// piece per step, which the step limit bounds. Every variable any
    /// `set` assigns counts, so doubling through a second variable
    /// (`set t = s ~ s`, or `a = b ~ c` with `b` and `c` copies of `a`) is
    /// caught too.
    pub fn doubling(source: &str) -> Option<(usize, &str)> {
        let sets: Vec<(usize, &str, &str)> = statements(source)
            .filter_map(|(at, body)| {
                let rest = body
                    .strip_prefix("set_global ")
                    .or_else(|| body.strip_prefix("set "))?;
                let (name, value) = rest.split_once('=')?;
                let line = source[..at].matches('\n').count() + 1;
                Some((line, name.trim(), value))
            })
            .collect();
        let assigned: Vec<&str> = sets.iter().map(|(_, n, _)| *n).collect();
        sets.iter().find_map(|&(line, name, value)| {
            let named = identifiers(value).filter(|w| assigned.contains(w)).count();
            (named >= 2).then_some((line, name))
        })
    }

    /// The `{% … %}` statements of a template: where each starts and its
    /// words, trimmed of `-` and spaces.
    fn statements(source: &str) -> impl Iterator<Item = (usize, &str)> {
        source.match_indices("{%").filter_map(move |(at, _)| {
            let body = &source[at + 2..];
            let end = body.find("%}")?;
            let body = body[..end].trim_start_matches('-').trim_end_matches('-');
            Some((at, body.trim()))
        })
    }

    /// The identifiers of an expression, outside string literals; an
    /// attribute after a dot is not one.
    fn identifiers(expr: &str) -> impl Iterator<Item = &str> {
        let mut out = Vec::new();
        let (mut quote, mut start, mut prev) = (None, None::<usize>, ' ');
        for (i, c) in expr.char_indices().chain([(expr.len(), ' ')]) {
            if let Some(q) = quote {
                if c == q && prev != '\\' {
                    quote = None;
                }
            } else if c.is_alphanumeric() || c == '_' {
                start.get_or_insert(i);
            } else {
                if let Some(s) = start.take() {
                    let before = expr[..s].trim_end().chars().last();
                    if before != Some('.') {
                        out.push(&expr[s..i]);
                    }
                }
                if c == '"' || c == '\'' || c == '`' {
                    quote = Some(c);
                }
            }
            prev = c;
        }
        out.into_iter()
    }

    /// tera's `range`, charged to the render's budget.
    pub fn range(kwargs: Kwargs, _: &State) -> TeraResult<Vec<i128>> {
        let start = kwargs.get::<i128>("start")?.unwrap_or_default();
        let end = kwargs.must_get::<i128>("end")?;
        let step = kwargs.get::<i128>("step_by")?.unwrap_or(1);
        if step == 0 {
            return Err(tera::Error::message("range: step_by 0"));
        }
        let len = if (step > 0 && end > start) || (step < 0 && end < start) {
            end.abs_diff(start).div_ceil(step.unsigned_abs())
        } else {
            0
        };
        let steps = CURRENT.get().map_or(0, |c| c.steps);
        if len > u128::from(MAX_STEPS - steps.min(MAX_STEPS)) {
            return Err(tera::Error::message(stop(Over::Steps)));
        }
        if over_time() {
            return Err(tera::Error::message(stop(Over::Time)));
        }
        if let Some(c) = CURRENT.get() {
            CURRENT.set(Some(Current {
                steps: c.steps + len as u64,
                ..c
            }));
        }
        Ok((0..len as i128).map(|i| start + i * step).collect())
    }

    /// Where a render writes, refusing past the output and time limits.
    #[derive(Default)]
    pub struct Output(pub Vec<u8>);

    impl std::io::Write for &mut Output {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let over = if self.0.len() + buf.len() > MAX_OUTPUT {
                Some(Over::Output)
            } else if over_time() {
                Some(Over::Time)
            } else {
                None
            };
            if let Some(over) = over {
                return Err(std::io::Error::other(stop(over)));
            }
            self.0.extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
}

/// Template values as text: strings as they are, numbers written out.
fn as_text(v: &Value) -> String {
    match v.as_str() {
        Some(s) => s.to_string(),
        None if v.is_none() => String::new(),
        None => v.to_string(),
    }
}

/// A CSS string literal: quoted, with anything that could end it escaped.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' | '\n' | '\r' => {
                out.push_str(&format!("\\{:x} ", c as u32))
            }
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Tera's error with its source chain: the chain holds the file and line.
fn report(e: &tera::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let more = s.to_string();
        if !text.contains(&more) {
            text.push('\n');
            text.push_str(&more);
        }
        source = s.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A user's template in `dir`, loaded, and the plan of the example.
    fn user_template(body: &str) -> Result<String, Error> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(MARKDOWN), body).unwrap();
        let templates = Templates::with_overrides(dir.path())?;
        let spec = crate::parse_spec(
            Path::new("p.yaml"),
            "school: 甲校\nyear: 2025\nguiding_principles: 以……为指导。\nmeasures: [做好工作]\n",
        )
        .unwrap();
        let plan =
            crate::layout::lay_out(&spec, chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
        templates.markdown(&plan)
    }

    fn stopped_for(r: Result<String, Error>) -> String {
        match r {
            Err(Error::Template(m)) => m.code.to_string() + ":" + &m.message,
            other => panic!("not stopped: {:?}", other.map(|s| s.len())),
        }
    }

    #[test]
    fn loops_inside_loops_are_stopped_and_named() {
        let why = stopped_for(user_template(
            "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}",
        ));
        assert!(why.starts_with("template_over_budget:"), "{why}");
        assert!(why.contains("plan.md") && why.contains("range"), "{why}");
    }

    #[test]
    fn a_template_that_writes_without_end_is_stopped() {
        let why = stopped_for(user_template(
            "{% for i in range(end=1000000) %}{{ plan.school }}工会工作计划，工会工作计划，工会工作计划{% endfor %}",
        ));
        assert!(why.starts_with("template_over_budget:"), "{why}");
        assert!(why.contains("32 MB"), "{why}");
    }

    #[test]
    fn a_string_doubled_in_a_loop_is_refused_before_it_runs() {
        for (body, line) in [
            (
                "{% set s = \"ab\" %}\n{% for i in range(end=60) %}{% set_global s = s ~ s %}{% endfor %}{{ s }}",
                2,
            ),
            (
                "{% set s = \"ab\" %}{% for i in range(end=60) %}\n\n{%- set t = s ~ \"，\" ~ s -%}{% set_global s = t %}{% endfor %}{{ s }}",
                3,
            ),
        ] {
            let why = stopped_for(user_template(body));
            assert!(why.starts_with("template_doubles:"), "{why}");
            assert!(why.contains(&format!("plan.md 第 {line} 行")), "{why}");
        }
        // Growing by a piece per step is bounded by the steps.
        let grown = user_template(
            "{% set s = \"\" %}{% for m in plan.sections %}{% set_global s = s ~ m.heading ~ \"、\" %}{% endfor %}{{ s | length }}",
        );
        assert!(grown.is_ok(), "{grown:?}");
        // Names inside strings and attributes are not the variable.
        assert_eq!(budget::doubling("{% set s = s ~ \"s\" ~ plan.s %}"), None);
    }

    #[test]
    fn css_strings_cannot_escape_the_style_element() {
        assert_eq!(css_string("仿宋"), "\"仿宋\"");
        assert_eq!(css_string("a\"</style>"), "\"a\\22 \\3c /style\\3e \"");
    }
}
