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

    fn render(&self, name: &str, ctx: &Context) -> Result<String, Error> {
        self.tera
            .render(name, ctx)
            .map_err(|e| Error::template(messages::template_error(report(&e))))
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

    #[test]
    fn css_strings_cannot_escape_the_style_element() {
        assert_eq!(css_string("仿宋"), "\"仿宋\"");
        assert_eq!(css_string("a\"</style>"), "\"a\\22 \\3c /style\\3e \"");
    }
}
