//! `unionplan init`: the complete example spec a user starts from.

use std::path::Path;

use crate::Error;

/// The example specs, with English and Chinese keys.
const EXAMPLE_SPEC: &str = include_str!("../specs/qingxi-2025.yaml");
const EXAMPLE_SPEC_ZH: &str = include_str!("../specs/qingxi-2025-zh.yaml");
/// The school named in the examples, replaced by `init --school`.
const EXAMPLE_SCHOOL: &str = "青溪路小学";

/// The example, for `school` and `year` where given.
pub fn example(
    path: &Path,
    zh: bool,
    school: Option<&str>,
    year: Option<i32>,
) -> Result<String, Error> {
    let mut text = if zh { EXAMPLE_SPEC_ZH } else { EXAMPLE_SPEC }.to_string();
    if let Some(year) = year {
        let source =
            crate::load::Source::from_text(path, text).map_err(|d| Error::Invalid(vec![*d]))?;
        text = crate::rollover::rollover(&source, year)
            .map_err(|d| Error::Invalid(vec![*d]))?
            .text;
    }
    if let Some(school) = school {
        text = text.replace(EXAMPLE_SCHOOL, school.trim());
    }
    // The examples point at the repository's schema; a user's spec at its neighbour.
    text = text.replace(crate::schema::FILE_FROM_SPECS, crate::schema::LOCAL_NAME);
    // A name or year that breaks the example is refused, not written.
    crate::parse_spec(path, &text)?;
    Ok(text)
}
