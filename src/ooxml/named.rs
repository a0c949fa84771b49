//! The plan's named styles (正文, 标题, 一级标题 …): their IDs in the DOCX
//! and their names. The DOCX writer ([`crate::render`], its
//! `docx/styles.rs`) gives its styles these, and the reader of a school's
//! template ([`crate::reference`]) finds that template's styles by them,
//! so both take them from here.

pub const NORMAL: &str = "Normal";
pub const TITLE: &str = "Title";
pub const HEADINGS: [&str; 4] = [
    "PlanHeading1",
    "PlanHeading2",
    "PlanHeading3",
    "PlanHeading4",
];
pub const SIGNATURE: &str = "PlanSignature";
pub const PAGE_NUMBER: &str = "PlanPageNumber";
pub const TABLE_TEXT: &str = "PlanTableText";
pub const TABLE_HEAD: &str = "PlanTableHead";

/// The one list of the plan's named styles: each one's ID in the DOCX,
/// then its name (`w:name`, what Word's style list shows), then the other
/// names a school's Word template may give it. The school's template
/// ([`crate::reference`]) finds its styles by these; a copied
/// style may take none of these names.
pub const NAMED: [(&str, &[&str]); 10] = [
    (NORMAL, &["Normal", "正文"]),
    (TITLE, &["Title", "标题"]),
    (HEADINGS[0], &["一级标题"]),
    (HEADINGS[1], &["二级标题"]),
    (HEADINGS[2], &["三级标题"]),
    (HEADINGS[3], &["四级标题"]),
    (SIGNATURE, &["落款"]),
    (PAGE_NUMBER, &["页码"]),
    (TABLE_TEXT, &["表格文字"]),
    (TABLE_HEAD, &["表头"]),
];

/// The name (`w:name`) the plan gives the style `id` of [`NAMED`].
pub fn name_of(id: &str) -> &'static str {
    NAMED
        .iter()
        .find(|(i, _)| *i == id)
        .map_or("", |(_, names)| names[0])
}
