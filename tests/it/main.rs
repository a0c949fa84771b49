//! The integration tests, as one test binary: each module here was a test
//! crate of its own, and every one linked the whole library with tera,
//! scraper and calamine; one binary links it once. The LibreOffice,
//! browser and validator tests stay separate (`tests/libreoffice.rs`,
//! `tests/browser.rs`, `tests/validators.rs`): they need programs the
//! project does not build (and the real clients are the slow ones), and
//! have harnesses of their own that show them as ignored where those are
//! missing.
//!
//! Run one area with a filter: `cargo test --test it docx::`.

#[path = "../common/mod.rs"]
mod common;

mod architecture;
mod batch;
mod chinese_files;
mod chinese_keys;
mod cli;
mod corpus;
mod docx;
mod english;
mod extends;
mod golden;
mod guarded;
mod guide;
mod help;
mod import;
mod layout;
mod pdf;
mod property;
mod reference;
mod rollover;
mod schema;
mod table;
mod tracked;
mod validate;
