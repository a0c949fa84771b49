//! One wording test per problem: every catalogue entry said with sample
//! arguments, such as its callers give, in Chinese and in English, and the
//! whole compared with the recorded `tests/golden/messages.txt`. A new
//! problem without an entry here fails, named; a changed sentence shows
//! as a changed line of the recorded file, to be read before it is
//! accepted with `UPDATE_GOLDEN=1`.

use std::io::{Error as IoError, ErrorKind};
use std::path::Path;

use serde_yaml::Value;

use super::*;
use crate::calendar::DayOff;
use crate::input::Refused;
use crate::spec::keys::Naming;

/// A problem said with sample arguments.
struct Entry {
    /// The problem the entry says.
    code: Code,
    /// Says it; run once in each language.
    say: fn() -> Message,
    /// The Chinese its English may hold: the sample values passed in, and
    /// the Chinese words the English keeps on purpose (a heading of the
    /// user's document, a header the user types).
    han_in_en: &'static [&'static str],
}

fn e(code: Code, say: fn() -> Message) -> Entry {
    Entry {
        code,
        say,
        han_in_en: &[],
    }
}

impl Entry {
    fn keeping(self, han_in_en: &'static [&'static str]) -> Entry {
        Entry { han_in_en, ..self }
    }
}

// The words of validation for a value found where another was expected
// ("实际是……"), in the language of the work that calls them.

fn text(s: &str) -> String {
    describe_value(&Value::String(s.into()))
}

fn number(n: i64) -> String {
    describe_value(&Value::Number(n.into()))
}

fn a_list() -> String {
    describe_value(&Value::Sequence(Vec::new()))
}

fn a_map() -> String {
    describe_value(&Value::Mapping(Default::default()))
}

fn io(kind: ErrorKind) -> IoError {
    IoError::from(kind)
}

/// Every problem, with the arguments it is said with here.
fn table() -> Vec<Entry> {
    use Code as C;
    vec![
        // The workbench.
        e(C::app_bad_name, || app_bad_name("../2024/plan.yaml")),
        e(C::app_bad_request, || app_bad_request("name")),
        e(C::app_batch_running, || app_batch_running("district.yaml")),
        e(C::app_cannot_listen, || {
            app_cannot_listen("Address already in use (os error 98)")
        }),
        e(C::app_changed_on_disk, || app_changed_on_disk("plan.yaml")),
        e(C::app_exists, || app_exists("plan-2026.yaml")),
        e(C::app_forbidden, app_forbidden),
        e(C::app_not_a_file, || app_not_a_file("archive")),
        e(C::app_not_a_folder, || app_not_a_folder("plan.yaml")),
        e(C::app_not_found, || app_not_found("青溪路小学-2026.yaml")).keeping(&["青溪路小学"]),
        e(C::app_outside_folder, || {
            app_outside_folder("last-year.yaml")
        }),
        e(C::app_too_large, || {
            app_too_large("plan.yaml", crate::input::Kind::Spec.limit() >> 20)
        }),
        // Batch.
        e(C::batch_clash, || {
            batch_clash(
                "青溪路小学",
                "青溪路小学",
                &roster_row("schools.csv", 7),
                "青溪路小学-2025.docx",
            )
        })
        .keeping(&["青溪路小学"]),
        e(C::batch_no_threads, || {
            batch_no_threads("Resource temporarily unavailable (os error 11)")
        }),
        e(C::district_no_schools, district_no_schools),
        e(C::district_not_map, || district_not_map(&a_list())),
        e(C::district_path, || district_path("base", &number(2025))),
        e(
            C::district_sheet_without_roster,
            district_sheet_without_roster,
        ),
        e(C::roster_bad, || {
            roster_bad("invalid Zip archive: Could not find central directory end")
        }),
        e(C::roster_column_without_header, || {
            roster_column_without_header(5)
        }),
        e(C::roster_columns_ignored, || {
            roster_columns_ignored(&["备注".to_owned(), "联系电话".to_owned()])
        })
        .keeping(&["备注", "联系电话"]),
        e(C::roster_empty, || roster_empty(1)),
        e(C::roster_extends, roster_extends),
        e(C::roster_formula_without_value, || {
            roster_formula_without_value(12, "C")
        }),
        e(C::roster_header_twice, || {
            roster_header_twice("学校名称", 1)
        })
        .keeping(&["学校名称"]),
        // "such as 学校": the header the user writes.
        e(C::roster_no_header, || roster_no_header(10)).keeping(&["学校"]),
        // The sheets as the caller lists them.
        e(C::roster_no_such_sheet, || {
            roster_no_such_sheet("名单", &["Sheet1", "汇总"])
        })
        .keeping(&["名单", "汇总"]),
        e(C::roster_no_visible_sheet, roster_no_visible_sheet),
        e(
            C::roster_sheet_not_spreadsheet,
            roster_sheet_not_spreadsheet,
        ),
        e(C::roster_too_big, || roster_too_big(1_000_000)),
        e(C::roster_total_row, || roster_total_row(30, "合计")).keeping(&["合计"]),
        e(C::roster_unknown_encoding, roster_unknown_encoding),
        e(C::roster_unreadable, || {
            roster_unreadable(
                "schools.xlsx",
                &Refused::Io(io(ErrorKind::PermissionDenied)),
            )
        }),
        e(C::school_extends, school_extends),
        // Extends.
        e(C::bad_bool, || bad_bool(&text("是"))).keeping(&["是"]),
        e(C::duplicate_id, || duplicate_id("spring-outing", Some(12))),
        e(C::entry_repeated, || entry_repeated("2025.yaml:14")),
        e(C::extends_cycle, || {
            extends_cycle("2026.yaml → 2025.yaml → 2026.yaml")
        }),
        e(C::extends_is_dir, || extends_is_dir("../2025")),
        e(C::extends_missing, || {
            extends_missing("../2025/qingxi.yaml", "plans/2025/qingxi.yaml")
        }),
        e(C::extends_not_text, || extends_not_text(&a_list())),
        e(C::nothing_to_remove, || {
            nothing_to_remove(Some("teachers-day"))
        }),
        e(C::remove_without_extends, remove_without_extends),
        // Import.
        e(C::import_bad_docx, import_bad_docx),
        e(C::import_docx_overlapping, import_docx_overlapping),
        e(C::import_docx_too_large, || import_docx_too_large(64)),
        // The headings and numbering a plan is found by.
        e(C::import_no_plan, import_no_plan).keeping(&["指导思想", "主要工作", "一、", "1、"]),
        e(C::import_old_word, import_old_word),
        e(C::import_part_too_large, || {
            import_part_too_large("word/document.xml", 32)
        }),
        e(C::import_pick_out_of_range, || {
            import_pick_out_of_range(3, 2)
        }),
        e(C::import_too_deep, || {
            import_too_deep(crate::xml::MAX_DEPTH)
        }),
        e(C::import_unknown_encoding, import_unknown_encoding),
        e(C::import_would_not_validate, import_would_not_validate),
        // Preview and progress.
        e(C::preview_cannot_listen, || {
            preview_cannot_listen("Address already in use (os error 98)")
        }),
        e(C::bad_format, || bad_format("doc")),
        e(C::no_formats, no_formats),
        // Reading.
        e(C::cannot_read, || {
            cannot_read(&Refused::Io(io(ErrorKind::NotFound)))
        }),
        e(C::duplicate_key, || duplicate_key("school")),
        e(C::empty_spec, empty_spec),
        e(C::not_utf8, not_utf8),
        e(C::slip_colon_in_text, slip_colon_in_text),
        e(C::slip_colon_space, slip_colon_space),
        e(C::slip_colon_tab, slip_colon_tab),
        e(C::slip_comment_cuts_text, || {
            slip_comment_cuts_text("第六届")
        })
        .keeping(&["第六届"]),
        e(C::slip_dash_fullwidth_space, slip_dash_fullwidth_space),
        e(C::slip_dash_space, slip_dash_space),
        e(C::slip_fullwidth_blank, slip_fullwidth_blank),
        e(C::slip_fullwidth_colon, slip_fullwidth_colon).keeping(&["："]),
        e(C::slip_fullwidth_space, slip_fullwidth_space),
        e(C::slip_indent, || slip_indent(3, "measures", 2)),
        e(C::slip_quote_then_text, slip_quote_then_text),
        e(C::slip_unquoted_braces, slip_unquoted_braces),
        e(C::slip_unquoted_bracket, slip_unquoted_bracket),
        e(C::spec_encoding, || spec_encoding("GBK")),
        e(C::spec_is_old_word, spec_is_old_word),
        e(C::spec_is_pdf, spec_is_pdf),
        e(C::spec_is_spreadsheet, spec_is_spreadsheet),
        e(C::spec_is_word, spec_is_word),
        e(C::top_level_not_map, || {
            top_level_not_map(&text("青溪路小学2025年工会工作计划"))
        })
        .keeping(&["青溪路小学2025年工会工作计划"]),
        e(C::yaml_control_character, || yaml_control_character(0x08)),
        e(C::yaml_second_document, yaml_second_document),
        e(C::yaml_syntax, || {
            yaml_syntax(yaml_reason("could not find expected ':'"))
        }),
        e(C::yaml_too_deep, yaml_too_deep),
        // Rollover.
        e(C::rollover_made_bad_spec, || {
            let problem = impossible_date(&written_date(2026, 2, 29)).text;
            rollover_made_bad_spec(2026, &rollover_bad_spec_problem(Some(14), &problem))
        }),
        e(C::rollover_no_year, rollover_no_year),
        // Templates.
        e(C::template_dir_missing, || {
            template_dir_missing("templates")
        }),
        e(C::template_doubles, || {
            template_doubles("plan.md", 12, "out")
        }),
        e(C::template_error, || {
            template_error(
                "Failed to render 'plan.md'\nVariable `shcool` not found in context while rendering 'plan.md'",
            )
        }),
        e(C::template_over_budget, || {
            template_over_budget("plan.html", Over::Steps)
        }),
        e(C::template_unreadable, || {
            template_unreadable("templates/plan.md", Refused::Folder)
        }),
        // Validation.
        e(C::bad_date, || bad_date("三月八号")).keeping(&["三月八号"]),
        e(C::bad_month, || bad_month(&number(13))),
        e(C::bad_number, || bad_number(&text("十二"))).keeping(&["十二"]),
        e(C::bad_period, || bad_period(&text("第三学期"))).keeping(&["第三学期"]),
        e(C::bad_schedule_layout, || {
            bad_schedule_layout(&text("日历"))
        })
        .keeping(&["日历"]),
        e(C::bad_signature_layout, || {
            bad_signature_layout(&text("红头"))
        })
        .keeping(&["红头"]),
        e(C::bad_year, || bad_year(&text("二〇二五"))).keeping(&["二〇二五"]),
        e(C::control_character, || control_character(0x0B)),
        e(C::date_is_day_off, || {
            date_is_day_off(
                &written_date(2025, 10, 1),
                &DayOff::Holiday("国庆节".to_owned()),
            )
        })
        .keeping(&["国庆节"]),
        e(C::date_outside_months, || {
            date_outside_months("2025-04-08", &month_list(&[3]))
        }),
        e(C::date_wrong_year, || date_wrong_year("2024-03-08", 2025)),
        e(C::empty_list, empty_list),
        e(C::empty_text, empty_text),
        e(C::expected_list, || {
            expected_list(&text("开展教职工运动会"))
        })
        .keeping(&["开展教职工运动会"]),
        e(C::expected_list_or_text, || expected_list_or_text(&a_map())),
        e(C::expected_map, || expected_map(&text("三月"))).keeping(&["三月"]),
        e(C::expected_text, || expected_text(&a_list())),
        e(C::font_name_too_long, || {
            font_name_too_long(40, crate::spec::MAX_FONT_NAME)
        }),
        e(C::impossible_date, || impossible_date("2025-02-30")),
        e(C::import_placeholder_left, || {
            import_placeholder_left(&import_school_placeholder())
        })
        .keeping(&["（请填写学校名称）"]),
        e(C::key_not_text, || key_not_text(&number(2025))),
        e(C::measure_empty, measure_empty),
        e(C::missing_field, || missing_field("school")),
        e(C::missing_month, missing_month),
        e(C::month_and_months, || month_and_months(Naming::English)),
        e(C::month_twice, || {
            month_twice(3, Some(at_line(Some("2025.yaml"), 10)))
        }),
        e(C::more_problems, || more_problems(20)),
        e(C::number_out_of_range, || {
            number_out_of_range("style.body_size", 8.0, 48.0)
        }),
        e(C::period_school_year_mismatch, || {
            period_school_year_mismatch("2024-2025学年", 2025)
        })
        .keeping(&["2024-2025学年"]),
        e(C::period_term_read, || {
            period_term_read("下学期", 2025, 2026, true)
        })
        .keeping(&["下学期"]),
        e(C::placeholder_in_school, placeholder_in_school),
        e(C::placeholder_unclosed, placeholder_unclosed),
        e(C::placeholder_unknown, || placeholder_unknown("学校")).keeping(&["学校"]),
        e(C::signature_dated_today, || {
            signature_dated_today("2025年3月1日")
        })
        .keeping(&["2025年3月1日"]),
        e(C::stale_year, || stale_year(2024, 2025)),
        e(C::too_deep, || too_deep(crate::spec::MAX_MEASURE_DEPTH)).keeping(&["主要工作"]),
        e(C::unknown_field, || unknown_field("shcool")),
        e(C::weekday_mismatch, || {
            weekday_mismatch("3月8日（星期日）", weekday_name(chrono::Weekday::Sat))
        })
        .keeping(&["3月8日（星期日）"]),
        e(C::year_out_of_range, || year_out_of_range(20255)),
        // Writing.
        e(C::cannot_create_dir, || {
            cannot_create_dir("out", &io(ErrorKind::ReadOnlyFilesystem))
        }),
        e(C::cannot_write, || {
            cannot_write("plan.docx", &io(ErrorKind::PermissionDenied))
        }),
        e(C::cannot_write_stdout, || {
            cannot_write_stdout(&io(ErrorKind::BrokenPipe))
        }),
        e(C::docx_build_failed, || {
            docx_build_failed(docx_part_too_large("word/media/image1.png"))
        }),
        e(C::file_exists, || file_exists("青溪路小学-2025.docx")).keeping(&["青溪路小学"]),
        e(C::file_open_elsewhere, || {
            file_open_elsewhere("青溪路小学-2025.docx")
        })
        .keeping(&["青溪路小学"]),
        e(C::output_is_input, || {
            output_is_input("out/2025.docx", "./out/2025.docx")
        }),
        e(C::pdf_libreoffice_failed, || {
            pdf_libreoffice_failed("soffice", &io(ErrorKind::NotFound))
        }),
        e(C::pdf_libreoffice_timeout, || pdf_libreoffice_timeout(120)),
        e(C::pdf_no_libreoffice, pdf_no_libreoffice),
        e(C::pdf_not_made, || pdf_not_made("out/2025.pdf")),
        e(C::pdf_soffice_var_missing, || {
            pdf_soffice_var_missing(
                crate::pdf::SOFFICE_VAR,
                r"C:\Program Files\LibreOffice\program\soffice.exe",
            )
        }),
        e(C::render_clash, || {
            render_clash(
                "qingxi.yaml",
                "qingxi-copy.yaml",
                "out/青溪路小学-2025.docx",
            )
        })
        .keeping(&["青溪路小学"]),
        e(C::reference_blank_body, || {
            reference_blank_body("红头模板.docx", "宋体")
        })
        .keeping(&["红头模板", "五号", "宋体", "三号", "仿宋"]),
        e(C::reference_content_dropped, || {
            reference_content_dropped("红头模板.docx")
        })
        .keeping(&["红头模板"]),
        e(C::reference_damaged, || {
            reference_damaged("红头模板.docx", "word/footer1.xml")
        })
        .keeping(&["红头模板"]),
        e(C::reference_external_dropped, || {
            reference_external_dropped("红头模板.docx")
        })
        .keeping(&["红头模板"]),
        e(C::reference_image_too_large, || {
            reference_image_too_large(
                "红头模板.docx",
                "word/media/image1.png",
                (8000, 6000),
                (16_000_000 / 10_000, 16_384),
            )
        })
        .keeping(&["红头模板"]),
        e(C::reference_image_too_large_bytes, || {
            reference_image_too_large_bytes("红头模板.docx", "word/media/image2.emf", 4)
        })
        .keeping(&["红头模板"]),
        e(C::reference_no_page_numbers, || {
            reference_no_page_numbers("红头模板.docx")
        })
        .keeping(&["红头模板"]),
        e(C::reference_not_docx, || reference_not_docx("红头模板.doc")).keeping(&["红头模板"]),
        e(C::reference_overlapping, || {
            reference_overlapping("红头模板.docx")
        })
        .keeping(&["红头模板"]),
        e(C::reference_too_large, || {
            reference_too_large("红头模板.docx", 64)
        })
        .keeping(&["红头模板"]),
        e(C::reference_unreadable, || {
            reference_unreadable(
                "红头模板.docx",
                &Refused::TooLarge {
                    limit: crate::input::Kind::Reference.limit(),
                },
            )
        })
        .keeping(&["红头模板"]),
    ]
}

#[test]
fn every_problem_has_a_wording_entry() {
    let table = table();
    let mut twice = Vec::new();
    for (i, entry) in table.iter().enumerate() {
        if table[..i].iter().any(|e| e.code == entry.code) && !twice.contains(&entry.code) {
            twice.push(entry.code);
        }
    }
    assert!(twice.is_empty(), "given more than one entry: {twice:?}");
    let missing: Vec<Code> = Code::ALL
        .iter()
        .copied()
        .filter(|c| !table.iter().any(|e| e.code == *c))
        .collect();
    assert!(
        missing.is_empty(),
        "problems without a wording entry in src/messages/catalogue_tests.rs: {missing:?}"
    );
    for lang in [Lang::Zh, Lang::En] {
        for entry in &table {
            let said = speaking(lang, entry.say).code;
            assert_eq!(
                said, entry.code,
                "the entry for {:?} says {said:?} ({lang:?})",
                entry.code
            );
        }
    }
}

/// Is `c` a Chinese character (not Chinese punctuation)?
fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}')
}

#[test]
fn each_wording_is_in_its_language() {
    for entry in table() {
        let code = entry.code;
        let zh = speaking(Lang::Zh, entry.say).text;
        let en = speaking(Lang::En, entry.say).text;
        assert!(zh.chars().any(is_han), "{code:?}: no Chinese in {zh:?}");
        for doubled in ["。。", "，，", "：：", "；；", "、、"] {
            assert!(!zh.contains(doubled), "{code:?}: {doubled} in {zh:?}");
        }
        let mut bare = en.clone();
        for kept in entry.han_in_en {
            assert!(
                en.contains(kept),
                "{code:?}: {kept:?} is listed as kept but the English does not hold it: {en:?}"
            );
            bare = bare.replace(kept, "");
        }
        // Chinese punctuation too: a list joined with 、 in English.
        let chinese = |c: char| is_han(c) || "、，。：；！？“”‘’（）【】《》".contains(c);
        assert!(
            !bare.chars().any(chinese),
            "{code:?}: Chinese left in the English {en:?}"
        );
        assert!(!en.trim().is_empty(), "{code:?}: the English is empty");
        for (lang, said) in [("zh", &zh), ("en", &en)] {
            assert_eq!(
                said.trim_end(),
                said.as_str(),
                "{code:?}: the {lang} ends with white space"
            );
        }
    }
}

/// The recorded form: each problem by its code, sorted, with its Chinese
/// and English under it; a sentence's further lines indented under its
/// first.
fn recorded() -> String {
    let mut table = table();
    table.sort_by_key(|e| e.code.as_str());
    let mut out = String::from(
        "# Every problem's wording, said with the sample arguments of\n\
         # src/messages/catalogue_tests.rs. After a change made on purpose,\n\
         # UPDATE_GOLDEN=1 cargo test --lib messages:: rewrites this file.\n",
    );
    for entry in table {
        out.push('\n');
        out.push_str(entry.code.as_str());
        out.push('\n');
        for (label, lang) in [("zh", Lang::Zh), ("en", Lang::En)] {
            let text = speaking(lang, entry.say).text;
            for (i, line) in text.split('\n').enumerate() {
                let lead = if i == 0 {
                    format!("  {label}: ")
                } else {
                    " ".repeat(6)
                };
                out.push_str((lead + line).trim_end());
                out.push('\n');
            }
        }
    }
    out
}

#[test]
fn the_wording_is_as_recorded() {
    let actual = recorded();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/messages.txt");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    assert!(
        !(update && std::env::var_os("CI").is_some()),
        "UPDATE_GOLDEN under CI would rewrite the files the tests compare with"
    );
    if update {
        std::fs::write(&path, &actual).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("tests/golden/messages.txt missing: run UPDATE_GOLDEN=1 cargo test --lib messages::")
    });
    if want != actual {
        let (want_lines, got_lines): (Vec<&str>, Vec<&str>) =
            (want.lines().collect(), actual.lines().collect());
        let line = want_lines
            .iter()
            .zip(&got_lines)
            .position(|(a, b)| a != b)
            .unwrap_or(want_lines.len().min(got_lines.len()));
        panic!(
            "tests/golden/messages.txt differs from the wording at line {}:\n  want: {:?}\n  got:  {:?}\n(UPDATE_GOLDEN=1 cargo test --lib messages:: accepts the change)",
            line + 1,
            want_lines.get(line),
            got_lines.get(line)
        );
    }
}
