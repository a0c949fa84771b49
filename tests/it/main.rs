//! The integration tests, as one test binary: each module here was a test
//! crate of its own, and every one linked the whole library with tera,
//! scraper and calamine; one binary links it once. The LibreOffice and
//! browser tests stay separate (`tests/libreoffice.rs`, `tests/browser.rs`):
//! they drive real clients and are the slow ones.
//!
//! Run one area with a filter: `cargo test --test it docx::`.

#[path = "../common/mod.rs"]
mod common;

mod batch;
mod chinese_files;
mod chinese_keys;
mod cli;
mod corpus;
mod docx;
mod english;
mod extends;
mod guarded;
mod guide;
mod help;
mod import;
mod layout;
mod ooxml;
mod pdf;
mod property;
mod reference;
mod rollover;
mod schema;
mod table;
mod tracked;
mod validate;
