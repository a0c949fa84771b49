//! The recorded copies in `tests/golden/`: the problem codes, and that no
//! file there is left behind by a test that no longer compares with it
//! (a copy nothing reads would pass whatever the code does).

use crate::common::*;

/// A problem's code is its public name: `--message-format json` prints it
/// and callers match on it. The list is recorded, so a code renamed or
/// removed shows here; a new one is added with `UPDATE_GOLDEN=1`.
#[test]
fn the_problem_codes_are_as_recorded() {
    let codes: Vec<&str> = unionplan::messages::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    golden("codes.txt", &(sorted.join("\n") + "\n"));
}

/// Every file in `tests/golden/` is one a test compares with.
#[test]
fn every_golden_file_is_compared_by_a_test() {
    let found = files_under(&repo().join("tests/golden"));
    let mut compared: Vec<String> = crate::layout::GOLDEN_SPECS
        .iter()
        .flat_map(|s| [format!("{s}.md"), format!("{s}.html")])
        .chain(
            crate::help::COMMANDS
                .iter()
                .map(|c| format!("help/{}.txt", if c.is_empty() { "unionplan" } else { c })),
        )
        .chain(["codes.txt".to_owned(), "messages.txt".to_owned()])
        .collect();
    compared.sort();
    let unread: Vec<&String> = found.iter().filter(|f| !compared.contains(f)).collect();
    assert!(unread.is_empty(), "no test compares with {unread:?}");
    let missing: Vec<&String> = compared.iter().filter(|f| !found.contains(f)).collect();
    assert!(missing.is_empty(), "recorded copies missing: {missing:?}");
}
