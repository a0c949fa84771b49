//! How large a template's picture is, read from its header.
//!
//! A picture costs LibreOffice (and Word) memory by its pixels, not its
//! bytes: a 12000 × 12000 PNG of one colour is 3.6 KB zipped, and took
//! LibreOffice 1 GB and 4 s for each PDF. So a copied picture's size is
//! read from the first bytes of the formats Word puts in a document (PNG's
//! IHDR, JPEG's SOF, GIF's screen, BMP's and TIFF's headers), without a
//! decoder, and one beyond [`MAX_PIXELS`] or [`MAX_SIDE`] is refused. A
//! kind whose size is not read so (a metafile, an SVG) is held to
//! [`MAX_OTHER_BYTES`] instead.

/// At most 16 million pixels: a letterhead the full width of an A4 page
/// at 600 dpi is about 4000 × 1000; a 校徽 3 cm wide, 700 × 700.
pub const MAX_PIXELS: u32 = 16_000_000;

/// At most 16384 pixels a side, so that a strip is no way round the
/// limit (a side of more is more than a metre at 300 dpi).
pub const MAX_SIDE: u32 = 16_384;

/// At most 4 MiB for a picture whose size in pixels is not read.
pub const MAX_OTHER_BYTES: usize = 4 << 20;

/// A kind of picture: the extension and content type it is copied under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Format {
    pub ext: &'static str,
    pub content_type: &'static str,
}

const PNG: Format = Format {
    ext: "png",
    content_type: "image/png",
};
const JPEG: Format = Format {
    ext: "jpeg",
    content_type: "image/jpeg",
};
const GIF: Format = Format {
    ext: "gif",
    content_type: "image/gif",
};
const BMP: Format = Format {
    ext: "bmp",
    content_type: "image/bmp",
};
const TIFF: Format = Format {
    ext: "tiff",
    content_type: "image/tiff",
};

/// A picture whose kind and size were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picture {
    pub format: Format,
    pub width: u32,
    pub height: u32,
}

impl Picture {
    /// The kind and size of the picture in `bytes`, if it is one of the
    /// formats read here and its header says.
    pub fn of(bytes: &[u8]) -> Option<Picture> {
        let (format, width, height) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            // The IHDR chunk comes first: its width and height, big-endian.
            (bytes.get(12..16)? == b"IHDR").then_some(())?;
            (PNG, be32(bytes, 16)?, be32(bytes, 20)?)
        } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
            (GIF, le16(bytes, 6)?, le16(bytes, 8)?)
        } else if bytes.starts_with(b"BM") {
            // BITMAPCOREHEADER (12 bytes) has 16-bit sizes; the later
            // headers 32-bit ones, the height negative for top-down rows.
            if le32(bytes, 14)? == 12 {
                (BMP, le16(bytes, 18)?, le16(bytes, 20)?)
            } else {
                let signed = |at| le32(bytes, at).map(|v| (v as i32).unsigned_abs());
                (BMP, signed(18)?, signed(22)?)
            }
        } else if bytes.starts_with(b"\xff\xd8") {
            let (w, h) = jpeg(bytes)?;
            (JPEG, w, h)
        } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
            let (w, h) = tiff(bytes)?;
            (TIFF, w, h)
        } else {
            return None;
        };
        Some(Picture {
            format,
            width,
            height,
        })
    }

    /// Within [`MAX_PIXELS`] and [`MAX_SIDE`]?
    pub fn fits(&self) -> bool {
        self.width <= MAX_SIDE
            && self.height <= MAX_SIDE
            && u64::from(self.width) * u64::from(self.height) <= u64::from(MAX_PIXELS)
    }
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes(
        b.get(at..at + 2)?.try_into().ok()?,
    )))
}
fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}
fn le16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes(
        b.get(at..at + 2)?.try_into().ok()?,
    )))
}
fn le32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// A JPEG's size, from its first start-of-frame segment (SOF0 … SOF15,
/// but DHT, JPG and DAC, which share the range): the segments before it
/// are stepped over by their lengths.
fn jpeg(b: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        // A marker is 0xFF (any number of them, as fill) and its code.
        while *b.get(at)? == 0xFF && *b.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *b.get(at)? != 0xFF {
            return None;
        }
        let code = *b.get(at + 1)?;
        match code {
            // No length: TEM, RSTn, SOI.
            0x01 | 0xD0..=0xD8 => at += 2,
            // The start of the scan, or the end, before any frame.
            0xD9 | 0xDA => return None,
            0xC0..=0xCF if !matches!(code, 0xC4 | 0xC8 | 0xCC) => {
                // Length, precision, height, width.
                return Some((be16(b, at + 7)?, be16(b, at + 5)?));
            }
            _ => at += 2 + usize::try_from(be16(b, at + 2)?).ok()?,
        }
    }
}

/// A TIFF's size, from its first image file directory's ImageWidth (256)
/// and ImageLength (257), each a SHORT or a LONG.
fn tiff(b: &[u8]) -> Option<(u32, u32)> {
    let big = b.starts_with(b"MM");
    let u16_at = |at: usize| if big { be16(b, at) } else { le16(b, at) };
    let u32_at = |at: usize| if big { be32(b, at) } else { le32(b, at) };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let count = usize::try_from(u16_at(ifd)?).ok()?;
    let (mut width, mut height) = (None, None);
    for i in 0..count.min(1000) {
        let entry = ifd.checked_add(2 + 12 * i)?;
        let value = match u16_at(entry + 2)? {
            3 => u16_at(entry + 8)?,
            4 => u32_at(entry + 8)?,
            _ => continue,
        };
        match u16_at(entry)? {
            256 => width = Some(value),
            257 => height = Some(value),
            _ => {}
        }
    }
    Some((width?, height?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_read_from_each_format_s_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend(12_000u32.to_be_bytes());
        png.extend(300u32.to_be_bytes());
        let size = |b: &[u8]| Picture::of(b).map(|p| (p.format.ext, p.width, p.height));
        assert_eq!(size(&png), Some(("png", 12_000, 300)));
        assert_eq!(size(b"GIF89a\x10\x27\x20\x03"), Some(("gif", 10_000, 800)));
        let mut bmp = b"BM".to_vec();
        bmp.extend([0; 12]);
        bmp.extend(40u32.to_le_bytes());
        bmp.extend(640u32.to_le_bytes());
        bmp.extend((-480i32).to_le_bytes());
        assert_eq!(size(&bmp), Some(("bmp", 640, 480)));
        // An APP0 segment, a DQT, then the frame: 1200 high, 1600 wide.
        let jpeg = [
            &[0xFF, 0xD8, 0xFF, 0xE0, 0, 4, b'J', b'F'][..],
            &[0xFF, 0xDB, 0, 3, 0],
            &[0xFF, 0xFF, 0xC2, 0, 17, 8, 0x04, 0xB0, 0x06, 0x40, 3],
        ]
        .concat();
        assert_eq!(size(&jpeg), Some(("jpeg", 1600, 1200)));
        let mut tiff = b"II*\0\x08\0\0\0\x02\0".to_vec();
        tiff.extend([0, 1, 3, 0, 1, 0, 0, 0, 0x10, 0x27, 0, 0]);
        tiff.extend([1, 1, 4, 0, 1, 0, 0, 0, 0x10, 0x27, 0, 0]);
        assert_eq!(size(&tiff), Some(("tiff", 10_000, 10_000)));
        assert_eq!(size(b"<svg/>"), None);
        assert_eq!(size(b"\x89PNG\r\n\x1a\n"), None);
        // The limits.
        let at = |width, height| Picture {
            format: PNG,
            width,
            height,
        };
        assert!(at(4000, 4000).fits());
        assert!(!at(12_000, 12_000).fits());
        assert!(!at(20_000, 10).fits());
    }
}
