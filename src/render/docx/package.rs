//! The zip package around the parts.
//!
//! Of the twelve parts of a plan's DOCX, only `word/document.xml` and
//! `docProps/core.xml` say anything about the plan itself; the others
//! (styles, theme, font table, footers, settings, relationships) follow
//! from the [`Style`] alone, and a district's thousand schools share one
//! style. Those are deflated once per style and copied into each package
//! as they are.
//!
//! The zip container is written here rather than by the `zip` crate
//! (which `import` uses to read packages) for two measured reasons: the
//! crate starts a new deflate stream for every part, a ~300 KB allocation
//! that dominated the time of a small part; and in a batch those
//! allocations, made and freed between longer-lived ones, fragmented the
//! heap so that memory grew by ~80 KB a school (87 MiB at 1,000 schools,
//! flat 9 MiB without them). Here each thread keeps one deflate stream
//! ([`flate2::Compress`]) and resets it between parts. The format written
//! is the plain one every reader knows (APPNOTE 4.3: local headers, the
//! central directory, its end record; no zip64, no data descriptors, so a
//! package holds under 4 GiB and 65,535 parts).

use std::cell::RefCell;
use std::sync::{Arc, Mutex};

use flate2::{Compress, Compression, FlushCompress, Status};

use crate::messages;
use crate::spec::Style;

/// One part, deflated.
pub struct Entry {
    name: String,
    crc: u32,
    size: u32,
    deflated: Vec<u8>,
}

/// Why a package could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    /// Over 4 GiB: more than a zip without zip64 holds.
    #[error("{}", messages::docx_part_too_large(.0))]
    TooLarge(String),
    #[error("{}", messages::docx_deflate_failed(.0))]
    Deflate(#[from] flate2::CompressError),
    /// A part name a zip cannot hold: empty, or over 65,535 bytes.
    #[error("{}", messages::docx_part_name_bad(.0))]
    Name(String),
}

thread_local! {
    /// The fastest level: these parts are small and repetitive, so it
    /// packs them almost as tightly as the default level, at a third of
    /// the time. Raw deflate, as zip wants it (no zlib header).
    static DEFLATE: RefCell<Compress> = RefCell::new(Compress::new(Compression::fast(), false));
}

impl Entry {
    pub fn new(name: &str, data: impl AsRef<[u8]>) -> Result<Entry, PackageError> {
        let data = data.as_ref();
        if name.is_empty() || u16::try_from(name.len()).is_err() {
            let shown: String = name.chars().take(40).collect();
            return Err(PackageError::Name(shown));
        }
        let too_large = || PackageError::TooLarge(name.to_string());
        let size = u32::try_from(data.len()).map_err(|_| too_large())?;
        let mut deflated = Vec::with_capacity(data.len() / 3 + 64);
        DEFLATE.with(|c| deflate(&mut c.borrow_mut(), data, &mut deflated))?;
        u32::try_from(deflated.len()).map_err(|_| too_large())?;
        Ok(Entry {
            name: name.to_string(),
            crc: crc32fast::hash(data),
            size,
            deflated,
        })
    }
}

fn deflate(c: &mut Compress, input: &[u8], out: &mut Vec<u8>) -> Result<(), PackageError> {
    c.reset();
    loop {
        out.reserve(input.len() / 4 + 64);
        let read = c.total_in() as usize;
        if c.compress_vec(&input[read..], out, FlushCompress::Finish)? == Status::StreamEnd {
            return Ok(());
        }
    }
}

/// How many styles' parts are kept; a batch has one or a few.
const KEPT: usize = 8;

/// The parts that follow from `style` and the reading of its reference
/// document (see [`crate::reference::Template::reading`]), made and
/// deflated by `make` the first time they are seen.
pub fn style_parts(
    style: &Style,
    reading: Option<u64>,
    make: impl FnOnce() -> Vec<(String, Vec<u8>)>,
) -> Result<Arc<[Entry]>, PackageError> {
    type Key = (Style, Option<u64>);
    static KEEP: Mutex<Vec<(Key, Arc<[Entry]>)>> = Mutex::new(Vec::new());
    let key = (style.clone(), reading);
    if let Some((_, parts)) = KEEP.lock().unwrap().iter().find(|(k, _)| *k == key) {
        return Ok(parts.clone());
    }
    let parts: Arc<[Entry]> = make()
        .iter()
        .map(|(name, text)| Entry::new(name, text))
        .collect::<Result<Vec<_>, _>>()?
        .into();
    let mut keep = KEEP.lock().unwrap();
    if keep.len() == KEPT {
        keep.remove(0);
    }
    keep.push((key, parts.clone()));
    Ok(parts)
}

/// MS-DOS date of 1980-01-01, 00:00, the earliest a zip can say: the
/// time a plan was made is in its properties, where Word shows it.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;

/// The package holding `entries` in this order.
pub fn zip<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Result<Vec<u8>, PackageError> {
    let entries: Vec<&Entry> = entries.into_iter().collect();
    let size: usize = entries
        .iter()
        .map(|e| e.deflated.len() + 2 * e.name.len() + 80)
        .sum();
    let mut out = Vec::with_capacity(size + 22);
    let mut offsets = Vec::with_capacity(entries.len());
    let offset = |out: &Vec<u8>| {
        u32::try_from(out.len())
            .map_err(|_| PackageError::TooLarge(crate::messages::whole_file().into()))
    };
    for e in &entries {
        offsets.push(offset(&out)?);
        put32(&mut out, 0x0403_4b50);
        header_fields(&mut out, e);
        put16(&mut out, 0); // extra field length
        out.extend_from_slice(e.name.as_bytes());
        out.extend_from_slice(&e.deflated);
    }
    let directory = offset(&out)?;
    for (e, at) in entries.iter().zip(offsets) {
        put32(&mut out, 0x0201_4b50);
        put16(&mut out, 20); // made by: MS-DOS, zip 2.0
        header_fields(&mut out, e);
        put16(&mut out, 0); // extra field length
        put16(&mut out, 0); // comment length
        put16(&mut out, 0); // disk number
        put16(&mut out, 0); // internal attributes
        put32(&mut out, 0); // external attributes
        put32(&mut out, at);
        out.extend_from_slice(e.name.as_bytes());
    }
    let directory_size = offset(&out)? - directory;
    let count = u16::try_from(entries.len())
        .map_err(|_| PackageError::TooLarge(crate::messages::whole_file().into()))?;
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0); // this disk
    put16(&mut out, 0); // the directory's disk
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, directory_size);
    put32(&mut out, directory);
    put16(&mut out, 0); // comment length
    Ok(out)
}

/// The fields local headers and directory entries share, from "version
/// needed" to the name's length.
fn header_fields(out: &mut Vec<u8>, e: &Entry) {
    put16(out, 20); // version needed: deflate
    // Flag bit 11: the name is UTF-8. A school's template may bring a
    // picture named in Chinese; without the flag a reader takes the name
    // for the DOS code page and the part's relationship finds nothing.
    put16(out, if e.name.is_ascii() { 0 } else { 1 << 11 });
    put16(out, 8); // method: deflate
    put16(out, DOS_TIME);
    put16(out, DOS_DATE);
    put32(out, e.crc);
    put32(out, e.deflated.len() as u32);
    put32(out, e.size);
    put16(out, e.name.len() as u16); // checked in `Entry::new`
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// What is written reads back, with the `zip` crate, part by part.
    #[test]
    fn a_package_reads_back() {
        let long = "工会工作计划<w:p/>".repeat(5000);
        let entries = [
            Entry::new("[Content_Types].xml", "<Types/>").unwrap(),
            Entry::new("word/document.xml", &long).unwrap(),
            Entry::new("empty.xml", "").unwrap(),
        ];
        let bytes = zip(&entries).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 3);
        let mut text = String::new();
        archive
            .by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, long);
        assert_eq!(archive.by_index(0).unwrap().name(), "[Content_Types].xml");
        text.clear();
        archive
            .by_name("empty.xml")
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Any parts, named in any script, read back with the `zip` crate
        /// under their names, byte for byte, in order.
        #[test]
        fn any_parts_read_back_as_written(
            parts in proptest::collection::vec(
                ("[a-z]{1,8}/[\\p{Han}a-z0-9_.]{1,12}", proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2000)),
                1..12,
            )
        ) {
            let mut seen = std::collections::HashSet::new();
            let parts: Vec<_> = parts.into_iter().filter(|(n, _)| seen.insert(n.clone())).collect();
            let entries: Vec<Entry> = parts.iter().map(|(n, d)| Entry::new(n, d).unwrap()).collect();
            let bytes = zip(&entries).unwrap();
            let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            proptest::prop_assert_eq!(archive.len(), parts.len());
            for (i, (name, data)) in parts.iter().enumerate() {
                let mut f = archive.by_index(i).unwrap();
                proptest::prop_assert_eq!(f.name(), name.as_str());
                let mut back = Vec::new();
                f.read_to_end(&mut back).unwrap();
                proptest::prop_assert_eq!(&back, data);
            }
        }
    }

    #[test]
    fn a_name_a_zip_cannot_hold_is_refused() {
        assert!(matches!(Entry::new("", "x"), Err(PackageError::Name(_))));
        let long = "长".repeat(30_000);
        assert!(matches!(Entry::new(&long, "x"), Err(PackageError::Name(_))));
    }
}
