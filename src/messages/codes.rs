//! Every problem's stable name, in one typed list.
//!
//! A problem's code is the name of its catalogue function (`bad_month`
//! is said by [`bad_month`](fn@super::bad_month)). The list below is that
//! set, typed: the catalogue cannot say a problem whose code is not here
//! (its `problems!` entry names `Code::name`). The other way round, a code
//! whose name is nothing in the catalogue does not compile (the check at
//! the end imports each name), and the catalogue's test
//! (`catalogue_tests.rs`) makes each code's function say that code, so a
//! code no function says fails there. JSON consumers and tests match on
//! these; the recorded list (`tests/golden/codes.txt`) tells when one
//! would change.

macro_rules! codes {
    ($($name:ident),* $(,)?) => {
        /// A problem's stable name: what `--message-format json` prints as
        /// `code`, and what tests and callers match on, whatever the
        /// wording. Written as the catalogue function is named, so the
        /// variants are in snake case.
        #[allow(non_camel_case_types)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $(
                #[doc = concat!("Said by [`", stringify!($name), "`](fn@super::", stringify!($name), ").")]
                $name,
            )*
        }

        impl Code {
            /// Every code, in the order of the list.
            pub const ALL: &'static [Code] = &[$(Code::$name),*];

            /// The code as printed: the catalogue function's name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$name => stringify!($name),)*
                }
            }
        }

        /// Each code names something of the catalogue: a code whose
        /// function is gone, or renamed, does not compile (that it is the
        /// function saying the code, the catalogue's test checks).
        mod every_code_has_its_catalogue_entry {
            #[allow(unused_imports)]
            use super::super::{$($name as _),*};
        }
    };
}

codes! {
    app_bad_name,
    app_bad_request,
    app_batch_running,
    app_cannot_listen,
    app_changed_on_disk,
    app_exists,
    app_forbidden,
    app_not_a_file,
    app_not_a_folder,
    app_not_found,
    app_outside_folder,
    app_too_large,
    bad_bool,
    bad_date,
    bad_format,
    bad_month,
    bad_number,
    bad_period,
    bad_schedule_layout,
    bad_signature_layout,
    bad_year,
    batch_clash,
    batch_no_threads,
    cannot_create_dir,
    cannot_read,
    cannot_write,
    cannot_write_stdout,
    control_character,
    date_is_day_off,
    date_outside_months,
    date_wrong_year,
    district_no_schools,
    district_not_map,
    district_path,
    district_sheet_without_roster,
    docx_build_failed,
    duplicate_id,
    duplicate_key,
    empty_list,
    empty_spec,
    empty_text,
    entry_repeated,
    expected_list,
    expected_list_or_text,
    expected_map,
    expected_text,
    extends_cycle,
    extends_is_dir,
    extends_missing,
    extends_not_text,
    file_exists,
    file_open_elsewhere,
    font_name_too_long,
    import_bad_docx,
    import_docx_overlapping,
    import_docx_too_large,
    import_no_plan,
    import_old_word,
    import_part_too_large,
    import_pick_out_of_range,
    import_placeholder_left,
    import_too_deep,
    import_unknown_encoding,
    import_would_not_validate,
    impossible_date,
    key_not_text,
    measure_empty,
    missing_field,
    missing_month,
    month_and_months,
    month_twice,
    more_problems,
    no_formats,
    not_utf8,
    nothing_to_remove,
    number_out_of_range,
    output_is_input,
    pdf_libreoffice_failed,
    pdf_libreoffice_timeout,
    pdf_no_libreoffice,
    pdf_not_made,
    pdf_soffice_var_missing,
    period_school_year_mismatch,
    period_term_read,
    placeholder_in_school,
    placeholder_unclosed,
    placeholder_unknown,
    preview_cannot_listen,
    reference_blank_body,
    reference_content_dropped,
    reference_damaged,
    reference_external_dropped,
    reference_image_too_large,
    reference_image_too_large_bytes,
    reference_no_page_numbers,
    reference_not_docx,
    reference_overlapping,
    reference_too_large,
    reference_unreadable,
    remove_without_extends,
    render_clash,
    rollover_made_bad_spec,
    rollover_no_year,
    roster_bad,
    roster_column_without_header,
    roster_columns_ignored,
    roster_empty,
    roster_extends,
    roster_formula_without_value,
    roster_header_twice,
    roster_no_header,
    roster_no_such_sheet,
    roster_no_visible_sheet,
    roster_sheet_not_spreadsheet,
    roster_too_big,
    roster_total_row,
    roster_unknown_encoding,
    roster_unreadable,
    school_extends,
    signature_dated_today,
    slip_colon_in_text,
    slip_colon_space,
    slip_colon_tab,
    slip_comment_cuts_text,
    slip_dash_fullwidth_space,
    slip_dash_space,
    slip_fullwidth_blank,
    slip_fullwidth_colon,
    slip_fullwidth_space,
    slip_indent,
    slip_quote_then_text,
    slip_unquoted_braces,
    slip_unquoted_bracket,
    spec_encoding,
    spec_is_old_word,
    spec_is_pdf,
    spec_is_spreadsheet,
    spec_is_word,
    stale_year,
    template_dir_missing,
    template_doubles,
    template_error,
    template_over_budget,
    template_unreadable,
    too_deep,
    top_level_not_map,
    unknown_field,
    weekday_mismatch,
    yaml_control_character,
    yaml_second_document,
    yaml_syntax,
    yaml_too_deep,
    year_out_of_range,
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
