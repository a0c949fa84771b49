//! The page, the same in every format: A4, GB/T 9704's margins, and the
//! line pitch and character spacing that give 22 lines of 28 characters.
//!
//! The DOCX writes these values into its section and styles; the HTML
//! template gets them for its print CSS.

use crate::spec::Style;

/// A4 in twips (1/20 pt), and the GB/T 9704 margins.
pub const WIDTH: u32 = 11906;
pub const HEIGHT: u32 = 16838;
pub const MARGIN_TOP: u32 = 2098;
pub const MARGIN_BOTTOM: u32 = 1985;
pub const MARGIN_LEFT: u32 = 1588;
pub const MARGIN_RIGHT: u32 = 1474;

/// The exact line spacing that fits `lines_per_page` lines in the text block:
/// 22 lines give 579 twips (28.95 pt), GB/T 9704's value.
pub fn line_pitch_twips(style: &Style) -> u32 {
    (HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) / style.lines_per_page.max(1)
}

/// Extra space after each character of body text, in twips, so that a
/// whole number of characters fills the line: GB/T 9704's 28 characters of
/// 3号 (16 pt) in 156 mm need −5 (−0.25 pt). A character grid would do
/// this in Word, but LibreOffice then sets only about 14 characters a line.
pub fn char_spacing_twips(style: &Style) -> i32 {
    let width = (WIDTH - MARGIN_LEFT - MARGIN_RIGHT) as f64;
    let size = style.body_size * 20.0;
    let chars = (width / size).round().max(1.0);
    (width / chars).floor() as i32 - size.round() as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbt9704_line_pitch() {
        assert_eq!(line_pitch_twips(&Style::default()), 579);
    }

    #[test]
    fn twenty_eight_characters_a_line() {
        let style = Style::default();
        let spacing = char_spacing_twips(&style);
        assert_eq!(spacing, -5);
        let per_char = 320 + spacing;
        assert_eq!((WIDTH - MARGIN_LEFT - MARGIN_RIGHT) as i32 / per_char, 28);
    }
}
