//! Bytes to text, once for every file unionplan reads: specs, rosters and
//! imported plans.
//!
//! Chinese Windows, Excel and WPS do not all write UTF-8. Notepad before
//! 2019 and Excel's "CSV (逗号分隔)" write GBK; Excel's "Unicode 文本" writes
//! UTF-16 with a BOM. So: a BOM decides; else UTF-8 if the bytes are valid
//! UTF-8; else GB18030 (the superset of GBK and GB2312) if they are valid
//! GB18030. Anything else is not text, and [`NotText`] says what it looks
//! like, so the message can say "this is a Word file" rather than "not
//! UTF-8".

use encoding_rs::Encoding as Codec;

/// How a file's text was encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 with the byte-order mark Notepad adds.
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// GB18030, which includes GBK and GB2312.
    Gb18030,
}

impl Encoding {
    /// The name people know it by.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 | Encoding::Utf8Bom => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GBK/GB18030",
        }
    }

    /// UTF-8 is what unionplan writes and expects; a spec in anything else
    /// is read, with a note.
    pub fn is_utf8(self) -> bool {
        matches!(self, Encoding::Utf8 | Encoding::Utf8Bom)
    }
}

/// A file's text and how it was encoded. The BOM is not part of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
}

/// What a file that is not text looks like, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    /// A zip package: DOCX, XLSX, WPS's own `.wps`/`.et` saved as OOXML…
    Zip,
    /// An OLE compound file: `.doc`, `.xls`, older `.wps`.
    Ole,
    Pdf,
    /// Neither UTF-8 nor GB18030; the first byte that is not UTF-8 is at
    /// this 1-based line and column (counted in characters).
    Unknown {
        line: usize,
        column: usize,
    },
}

/// The kind of a binary file, by its first bytes, if it is one of those
/// people hand us by mistake.
pub fn sniff(bytes: &[u8]) -> Option<NotText> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some(NotText::Zip)
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Some(NotText::Ole)
    } else if bytes.starts_with(b"%PDF-") {
        Some(NotText::Pdf)
    } else {
        None
    }
}

/// Decode `bytes`: see the module docs for the order of guesses.
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    if let Some((codec, bom)) = Codec::for_bom(bytes) {
        let encoding = if codec == encoding_rs::UTF_8 {
            Encoding::Utf8Bom
        } else if codec == encoding_rs::UTF_16LE {
            Encoding::Utf16Le
        } else {
            Encoding::Utf16Be
        };
        let (text, had_errors) = codec.decode_without_bom_handling(&bytes[bom..]);
        if !had_errors {
            return Ok(Decoded {
                text: text.into_owned(),
                encoding,
            });
        }
    }
    if let Some(kind) = sniff(bytes) {
        return Err(kind);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            encoding: Encoding::Utf8,
        }),
        Err(e) => {
            let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            // NUL is no character anyone types: text full of them is
            // UTF-16 without its BOM, or binary.
            if !had_errors && !text.contains('\0') {
                return Ok(Decoded {
                    text: text.into_owned(),
                    encoding: Encoding::Gb18030,
                });
            }
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let start = good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            // Valid UTF-8 by construction: `good` ends where the error starts.
            let column = String::from_utf8_lossy(&good[start..]).chars().count() + 1;
            Err(NotText::Unknown { line, column })
        }
    }
}

/// Where a text's lines start: positions as parsers give them (1-based
/// line, column in characters) to byte offsets and back. Shared by the
/// position index of a spec and by rollover's edits.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The byte offset of 1-based `line` and `column`; a column just past
    /// the text's last character is its end.
    pub(crate) fn offset(&self, text: &str, line: usize, column: usize) -> Option<usize> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let rest = text.get(start..)?;
        let skip = column.checked_sub(1)?;
        match rest.char_indices().nth(skip) {
            Some((i, _)) => Some(start + i),
            None if rest.chars().count() == skip => Some(text.len()),
            None => None,
        }
    }

    /// The 1-based line of a byte offset.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// The 1-based line and column of a byte offset.
    pub(crate) fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.starts[line - 1];
        (line, text[start..offset].chars().count() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(s: &str) -> Vec<u8> {
        encoding_rs::GBK.encode(s).0.into_owned()
    }

    #[test]
    fn each_encoding_windows_and_excel_write_is_read() {
        let text = "学校,工会主席\r\n青溪小学,王芳\r\n";
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let bom: Vec<u8> = b"\xEF\xBB\xBF"
            .iter()
            .chain(text.as_bytes())
            .copied()
            .collect();
        for (bytes, encoding) in [
            (text.as_bytes().to_vec(), Encoding::Utf8),
            (bom, Encoding::Utf8Bom),
            (utf16le, Encoding::Utf16Le),
            (utf16be, Encoding::Utf16Be),
            (gbk(text), Encoding::Gb18030),
        ] {
            let d = decode(&bytes).unwrap();
            assert_eq!(d.text, text, "{encoding:?}");
            assert_eq!(d.encoding, encoding);
        }
    }

    #[test]
    fn binary_files_say_what_they_are() {
        assert_eq!(decode(b"PK\x03\x04\x14\0\0\0"), Err(NotText::Zip));
        assert_eq!(
            decode(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"),
            Err(NotText::Ole)
        );
        assert_eq!(decode(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3"), Err(NotText::Pdf));
    }

    #[test]
    fn neither_utf8_nor_gbk_is_located_at_the_first_bad_byte() {
        assert_eq!(
            decode(b"school: a\nyear: \xFF\xFF\n"),
            Err(NotText::Unknown { line: 2, column: 7 })
        );
        assert!(matches!(
            decode(b"a\0b\0c\0\xFF"),
            Err(NotText::Unknown { .. })
        ));
    }
}
