//! `index.html`: every school of a run, with links to its files and its
//! errors, from the `index.html` template.

use std::path::Path;

use super::SchoolResult;
use crate::Error;
use crate::messages as msg;

/// The page listing every school with links to its files and its errors,
/// from the `index.html` template.
pub(super) fn index_html(
    district: &Path,
    results: &[SchoolResult],
    templates: &crate::template::Templates,
) -> Result<String, Error> {
    #[derive(serde::Serialize)]
    struct Page {
        title: String,
        summary: String,
        headings: Headings,
        rows: Vec<Row>,
    }
    #[derive(serde::Serialize)]
    struct Headings {
        school: &'static str,
        files: &'static str,
        errors: &'static str,
    }
    #[derive(serde::Serialize)]
    struct Row {
        name: String,
        ok: bool,
        links: Vec<Link>,
        errors: Vec<String>,
    }
    #[derive(serde::Serialize)]
    struct Link {
        href: String,
        label: String,
    }
    let ok = results.iter().filter(|r| r.ok()).count();
    let rows = results
        .iter()
        .map(|r| Row {
            name: r.name.clone(),
            ok: r.ok(),
            links: r
                .files
                .iter()
                .map(|f| Link {
                    href: f
                        .components()
                        .map(|c| percent_encode(&c.as_os_str().to_string_lossy()))
                        .collect::<Vec<_>>()
                        .join("/"),
                    label: f
                        .extension()
                        .map(|e| e.to_string_lossy().to_uppercase())
                        .unwrap_or_default(),
                })
                .collect(),
            errors: r.errors.iter().map(|d| d.render(false)).collect(),
        })
        .collect();
    templates.index_page(&Page {
        title: msg::index_title(district.display()),
        summary: msg::batch_summary(results.len(), ok, results.len() - ok, None),
        headings: Headings {
            school: msg::index_school(),
            files: msg::index_files(),
            errors: msg::index_errors(),
        },
        rows,
    })
}

/// Percent-encode a path segment for an href (keeps letters, digits, CJK).
fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '_' | '.' | '~' => out.push(c),
            c if !c.is_ascii() => out.push(c),
            c => out.push_str(&format!("%{:02X}", c as u32)),
        }
    }
    out
}
