//! The one way a zip package from outside is read: a Word file for
//! `import`, a school's template (参考文档) for rendering.
//!
//! A zip file says how big its entries are, but need not tell the truth,
//! and a few kilobytes of deflate can inflate to gigabytes. Worse, the
//! central directory may list many entries whose data is one and the same
//! stream (the "overlapping" zip bomb): 120 entries of a 42 KB file, each
//! inflating the one 31 MB stream, once cost a template 17 s and 3.9 GB.
//! So a [`Package`]
//!
//! - refuses, when it is opened, a zip whose entries' data overlap: each
//!   entry's local header and compressed data must lie apart from every
//!   other's, as every zip writer lays them out;
//! - reads a part only up to its [`Limits::part`], counted on the bytes
//!   inflated, never on what the zip claims;
//! - and all the parts it reads together only up to [`Limits::total`].
//!
//! Each caller says in its own words (its own messages) what [`Refused`]
//! means for the file it reads.

use std::io::Read;

/// How much a package may inflate to, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// One part.
    pub part: u64,
    /// All the parts read, together.
    pub total: u64,
}

/// The most entries a package may list: a Word file has a few dozen; each
/// entry is checked when the package is opened.
pub const MAX_ENTRIES: usize = 10_000;

/// Why a package, or a part of it, was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// Not a zip file, or one with more than [`MAX_ENTRIES`] entries.
    NotZip,
    /// Entries share their data: a zip bomb.
    Overlapping,
    /// The part inflates past [`Limits::part`].
    PartTooLarge {
        /// The part's name in the package (`word/document.xml`).
        part: String,
    },
    /// The parts read so far inflate past [`Limits::total`].
    TooLarge,
    /// The part cannot be inflated (damaged data, a wrong checksum, a
    /// method not supported, encryption).
    Damaged {
        /// The part's name in the package.
        part: String,
    },
}

/// A zip package being read, with what it has inflated so far.
pub struct Package<'a> {
    zip: zip::ZipArchive<std::io::Cursor<&'a [u8]>>,
    limits: Limits,
    inflated: u64,
}

impl<'a> Package<'a> {
    /// The package in `bytes`, if it is a zip whose entries lie apart.
    pub fn open(bytes: &'a [u8], limits: Limits) -> Result<Package<'a>, Refused> {
        let mut zip =
            zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| Refused::NotZip)?;
        if zip.len() > MAX_ENTRIES {
            return Err(Refused::NotZip);
        }
        // Each entry's span in the file: its local header, then its data.
        let mut spans = Vec::with_capacity(zip.len());
        for i in 0..zip.len() {
            let f = zip.by_index_raw(i).map_err(|_| Refused::NotZip)?;
            let start = f.header_start();
            let data = f.data_start().ok_or(Refused::NotZip)?;
            let end = data
                .checked_add(f.compressed_size())
                .filter(|&end| end <= bytes.len() as u64)
                .ok_or(Refused::NotZip)?;
            spans.push((start, end));
        }
        spans.sort_unstable();
        if spans.windows(2).any(|w| w[1].0 < w[0].1) {
            return Err(Refused::Overlapping);
        }
        Ok(Package {
            zip,
            limits,
            inflated: 0,
        })
    }

    /// The bytes of part `name`, if the package has it.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, Refused> {
        let Ok(f) = self.zip.by_name(name) else {
            return Ok(None);
        };
        let left = self.limits.total.saturating_sub(self.inflated);
        let limit = self.limits.part.min(left);
        let mut out = Vec::new();
        f.take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|_| Refused::Damaged {
                part: name.to_string(),
            })?;
        let len = out.len() as u64;
        if len > limit {
            return Err(if len > self.limits.part {
                Refused::PartTooLarge {
                    part: name.to_string(),
                }
            } else {
                Refused::TooLarge
            });
        }
        self.inflated += len;
        Ok(Some(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, bytes) in parts {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn parts_are_read_within_their_limit_and_the_total() {
        let bytes = zip_of(&[("a", &[1; 100]), ("b", &[2; 100]), ("c", &[3; 300])]);
        let limits = Limits {
            part: 250,
            total: 250,
        };
        let mut p = Package::open(&bytes, limits).unwrap();
        assert_eq!(
            p.read("c").unwrap_err(),
            Refused::PartTooLarge { part: "c".into() }
        );
        assert_eq!(p.read("a").unwrap().unwrap(), [1; 100]);
        assert_eq!(p.read("nope").unwrap(), None);
        assert_eq!(p.read("b").unwrap().unwrap(), [2; 100]);
        assert_eq!(p.read("a").unwrap_err(), Refused::TooLarge);
        assert_eq!(
            Package::open(b"PK not a zip", limits).err(),
            Some(Refused::NotZip)
        );
    }
}
