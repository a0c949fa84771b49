//! A table (`w:tbl`): the schedule as a 行事历.
//!
//! What Word, WPS and LibreOffice each need of it:
//!
//! - **Widths everywhere.** The table is exactly the text block wide
//!   (`w:tblW`, fixed layout, no indent), its columns are in `w:tblGrid`,
//!   and every cell repeats its column's width in `w:tcW`: WPS lays a
//!   table out from the grid, Word from the cells.
//! - **Column widths from the text**, as [`page::column_widths`] decides
//!   them for every format.
//! - **Pages.** The header row repeats on every page (`w:tblHeader`) and no
//!   row splits across pages (`w:cantSplit`) unless it is taller than one.
//! - **Print.** Single 0.5 pt black rules all round and between cells, the
//!   header row in 黑体 (the 表头 style), cells in 仿宋 (表格文字).

use super::{Body, Change, Piece, styles};
use crate::blocks::{Row, Run, Table};
use crate::ooxml::{Indent, ParaProps};
use crate::page::{self, CELL_MARGIN};

/// 0.5 pt, in eighths of a point.
const RULE: u32 = 4;

impl Body<'_> {
    /// `t` as a `w:tbl` whose rows are `rows`: its own, or, in a
    /// tracked-changes document, old and new rows with their changes.
    pub(super) fn table<'r>(
        &mut self,
        t: &Table,
        rows: impl IntoIterator<Item = (&'r Row, Change)> + Clone,
    ) {
        let columns = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        if columns == 0 {
            return;
        }
        let widths = page::column_widths(t, columns, self.m.text_width, self.m.char_width());
        let out = &mut self.out;
        out.push_str("<w:tbl><w:tblPr>");
        let total: u32 = widths.iter().sum();
        out.push_str(&format!(
            r#"<w:tblW w:w="{total}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>"#
        ));
        out.push_str("<w:tblBorders>");
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            out.push_str(&format!(
                r#"<w:{side} w:val="single" w:sz="{RULE}" w:space="0" w:color="000000"/>"#
            ));
        }
        out.push_str("</w:tblBorders>");
        out.push_str(r#"<w:tblLayout w:type="fixed"/>"#);
        out.push_str(&format!(
            r#"<w:tblCellMar><w:left w:w="{CELL_MARGIN}" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>"#
        ));
        out.push_str(r#"<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>"#);
        out.push_str("</w:tblPr><w:tblGrid>");
        for w in &widths {
            out.push_str(&format!(r#"<w:gridCol w:w="{w}"/>"#));
        }
        out.push_str("</w:tblGrid>");
        for (row, change) in rows {
            self.row(t, row, change, &widths);
        }
        self.out.push_str("</w:tbl>");
    }

    fn row(&mut self, t: &Table, row: &Row, change: Change, widths: &[u32]) {
        let revision = self.revision(change);
        self.out.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if row.header {
            self.out.push_str("<w:tblHeader/>");
        }
        if let Some(r) = revision {
            r.mark(&mut self.out);
        }
        self.out.push_str("</w:trPr>");
        for (i, &width) in widths.iter().enumerate() {
            self.out.push_str(&format!(
                r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>"#
            ));
            let centred = row.header || t.centred.get(i).copied().unwrap_or(false);
            let props = ParaProps {
                style: Some(if row.header {
                    styles::TABLE_HEAD
                } else {
                    styles::TABLE_TEXT
                }),
                jc: (centred && !row.header).then_some("center"),
                ..ParaProps::default()
            };
            // A row with fewer cells than the grid is filled with empty
            // ones: every row of a table has a cell in every column.
            let paragraphs = row.cells.get(i).map(|c| c.paragraphs.as_slice());
            match paragraphs {
                Some(ps) if !ps.is_empty() => {
                    let chars = page::column_chars(width, self.m.char_width());
                    for p in ps {
                        let props = if centred { props } else { self.hang(props, p) };
                        let line = if centred {
                            page::cell_line(p, chars)
                        } else {
                            p.into()
                        };
                        let pieces = line.iter().map(|r| Piece::whole(r, change));
                        self.paragraph(props, Change::None, pieces);
                    }
                }
                _ => self.paragraph(props, Change::None, []),
            }
            self.out.push_str("</w:tc>");
        }
        self.out.push_str("</w:tr>");
    }

    /// `props` with the lines after the first of a numbered item (`1、…`)
    /// hanging after its number, so the number stands out on its own.
    /// Twips alone, with no characters, which would win over them.
    fn hang<'p>(&self, props: ParaProps<'p>, runs: &[Run]) -> ParaProps<'p> {
        let text = runs.first().map_or("", |r| r.text.as_str());
        let Some(number) = page::item_number(text) else {
            return props;
        };
        let width = (page::chars_wide(number) * f64::from(self.m.char_width())).round() as i32;
        ParaProps {
            ind: Indent {
                left: Some(width),
                hanging: Some((width, Some(0))),
                ..Indent::default()
            },
            ..props
        }
    }
}
