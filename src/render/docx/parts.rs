//! The package around the document: content types, relationships,
//! settings, theme, font table and document properties.
//!
//! Most of these are the same for every plan; what varies (fonts, title,
//! author, time) is filled in here and escaped on the way.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::ooxml::{DECLARATION, NS_R, NS_W, escape};
use crate::spec::Style;

/// Part names, and the relationship ids the document uses for them.
pub const DOCUMENT: &str = "word/document.xml";
pub const FOOTER_ODD: (&str, &str) = ("word/footer1.xml", "rIdFooterOdd");
pub const FOOTER_EVEN: (&str, &str) = ("word/footer2.xml", "rIdFooterEven");

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

pub const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#,
    r#"<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>"#,
    r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    r#"</Types>"#
);

pub const PACKAGE_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    r#"</Relationships>"#
);

/// `word/_rels/document.xml.rels`.
pub fn document_rels() -> String {
    let mut out = String::from(DECLARATION);
    out.push_str(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (id, kind, target) in [
        ("rIdStyles", "styles", "styles.xml"),
        ("rIdSettings", "settings", "settings.xml"),
        ("rIdFontTable", "fontTable", "fontTable.xml"),
        ("rIdTheme", "theme", "theme/theme1.xml"),
        (FOOTER_ODD.1, "footer", "footer1.xml"),
        (FOOTER_EVEN.1, "footer", "footer2.xml"),
    ] {
        out.push_str(&format!(
            r#"<Relationship Id="{id}" Type="{REL}/{kind}" Target="{target}"/>"#
        ));
    }
    out.push_str("</Relationships>");
    out
}

/// `word/settings.xml`, children in `CT_Settings` order: zoom,
/// defaultTabStop, evenAndOddHeaders, characterSpacingControl, compat,
/// themeFontLang, decimalSymbol, listSeparator.
pub fn settings() -> String {
    format!(
        concat!(
            "{decl}",
            r#"<w:settings xmlns:w="{w}">"#,
            r#"<w:zoom w:percent="100"/>"#,
            r#"<w:defaultTabStop w:val="840"/>"#,
            // Odd pages number at the right, even pages at the left.
            r#"<w:evenAndOddHeaders/>"#,
            r#"<w:characterSpacingControl w:val="doNotCompress"/>"#,
            r#"<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/>"#,
            r#"<w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/>"#,
            r#"<w:useFELayout/>"#,
            r#"<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>"#,
            r#"</w:compat>"#,
            r#"<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>"#,
            r#"<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>"#,
            r#"</w:settings>"#
        ),
        decl = DECLARATION,
        w = NS_W
    )
}

/// The fonts a plan names, each with its common alternative
/// (`w:altName`), so Word and LibreOffice find a font installed under its
/// English name, and the title font falls back to the style's choice.
pub fn font_table(style: &Style) -> String {
    let alt = |name: &str| -> Option<&str> {
        match name {
            "仿宋" => Some("FangSong"),
            "仿宋_GB2312" => Some("仿宋"),
            "黑体" => Some("SimHei"),
            "楷体" => Some("KaiTi"),
            "楷体_GB2312" => Some("楷体"),
            "宋体" => Some("SimSun"),
            _ => None,
        }
    };
    let mut names: Vec<(&str, Option<&str>)> =
        vec![(&style.title_font, Some(&style.title_fallback_font))];
    for f in [
        &style.title_fallback_font,
        &style.body_font,
        &style.heading1_font,
        &style.heading2_font,
        &style.heading3_font,
        &style.page_number_font,
    ] {
        names.push((f, alt(f)));
    }
    names.push(("Times New Roman", None));
    let mut fonts: Vec<(&str, Option<&str>)> = Vec::new();
    for (name, alt_name) in names {
        if !fonts.iter().any(|(n, _)| *n == name) {
            fonts.push((name, alt_name));
        }
    }

    let mut xml = format!(r#"{DECLARATION}<w:fonts xmlns:w="{NS_W}">"#);
    for (name, alt_name) in &fonts {
        xml.push_str(&format!(r#"<w:font w:name="{}">"#, escape(name)));
        if let Some(a) = alt_name {
            xml.push_str(&format!(r#"<w:altName w:val="{}"/>"#, escape(a)));
        }
        // What Word itself writes of the fonts it knows (panose, family,
        // pitch and the Unicode ranges in `w:sig`), so Word and WPS
        // substitute alike on a computer without one; of others, charset
        // 86 (GB2312) marks a Chinese font and the family says which kind
        // to substitute.
        match known_font(name) {
            Some(f) => xml.push_str(&format!(
                r#"<w:panose1 w:val="{}"/><w:charset w:val="{}"/><w:family w:val="{}"/><w:pitch w:val="{}"/><w:sig w:usb0="{}" w:usb1="{}" w:usb2="{}" w:usb3="{}" w:csb0="{}" w:csb1="{}"/></w:font>"#,
                f.panose, f.charset, f.family, f.pitch, f.sig[0], f.sig[1], f.sig[2], f.sig[3], f.sig[4], f.sig[5]
            )),
            None => {
                let family = if is_sans(name) { "swiss" } else { "roman" };
                xml.push_str(&format!(
                    r#"<w:charset w:val="86"/><w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>"#
                ));
            }
        }
    }
    xml.push_str("</w:fonts>");
    xml
}

/// A font's entry as Word writes it in `word/fontTable.xml`.
struct KnownFont {
    panose: &'static str,
    charset: &'static str,
    family: &'static str,
    pitch: &'static str,
    /// usb0–usb3, csb0, csb1.
    sig: [&'static str; 6],
}

/// The fonts Chinese Windows has, as Word describes them: 仿宋, 黑体 and 楷体
/// are fixed-pitch "modern" faces (every Chinese character one em), 宋体
/// variable.
fn known_font(name: &str) -> Option<KnownFont> {
    const CJK_SIG: [&str; 6] = [
        "800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000",
    ];
    Some(match name {
        "仿宋" | "仿宋_GB2312" | "黑体" | "楷体" | "楷体_GB2312" => KnownFont {
            panose: "02010609060101010101",
            charset: "86",
            family: "modern",
            pitch: "fixed",
            sig: CJK_SIG,
        },
        "宋体" => KnownFont {
            panose: "02010600030101010101",
            charset: "86",
            family: "auto",
            pitch: "variable",
            sig: [
                "00000003", "288F0000", "00000016", "00000000", "00040001", "00000000",
            ],
        },
        "Times New Roman" => KnownFont {
            panose: "02020603050405020304",
            charset: "00",
            family: "roman",
            pitch: "variable",
            sig: [
                "E0002EFF", "C000785B", "00000009", "00000000", "400001FF", "FFFF0000",
            ],
        },
        _ => return None,
    })
}

/// Gothic (黑体-like) faces, as opposed to the serif 宋/仿宋/楷 ones.
fn is_sans(font: &str) -> bool {
    ["黑", "Hei", "Sans", "雅黑", "YaHei"]
        .iter()
        .any(|k| font.contains(k))
}

/// `word/theme/theme1.xml`. Word and WPS read the East Asian theme fonts
/// for text that names none, and WPS warns about a document without a
/// theme; the major (heading) and minor (body) fonts here are the plan's
/// own. Colours and effects are Office's defaults, as every theme must
/// have them.
pub fn theme(style: &Style) -> String {
    let font = |latin: &str, east_asia: &str| {
        format!(
            r#"<a:latin typeface="{}"/><a:ea typeface="{}"/><a:cs typeface=""/><a:font script="Hans" typeface="{}"/>"#,
            latin,
            escape(east_asia),
            escape(east_asia)
        )
    };
    let solid = |c: &str| format!(r#"<a:solidFill><a:schemeClr val="{c}"/></a:solidFill>"#);
    let line = |w: u32| {
        format!(
            r#"<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr">{}<a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>"#,
            solid("phClr")
        )
    };
    let colour =
        |name: &str, rgb: &str| format!(r#"<a:{name}><a:srgbClr val="{rgb}"/></a:{name}>"#);
    let mut colours = String::from(
        r#"<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>"#,
    );
    for (n, c) in [
        ("dk2", "44546A"),
        ("lt2", "E7E6E6"),
        ("accent1", "4472C4"),
        ("accent2", "ED7D31"),
        ("accent3", "A5A5A5"),
        ("accent4", "FFC000"),
        ("accent5", "5B9BD5"),
        ("accent6", "70AD47"),
        ("hlink", "0563C1"),
        ("folHlink", "954F72"),
    ] {
        colours.push_str(&colour(n, c));
    }
    let fills = solid("phClr").repeat(3);
    format!(
        concat!(
            "{decl}",
            r#"<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="unionplan">"#,
            r#"<a:themeElements>"#,
            r#"<a:clrScheme name="Office">{colours}</a:clrScheme>"#,
            r#"<a:fontScheme name="unionplan">"#,
            r#"<a:majorFont>{major}</a:majorFont><a:minorFont>{minor}</a:minorFont>"#,
            r#"</a:fontScheme>"#,
            r#"<a:fmtScheme name="Office">"#,
            r#"<a:fillStyleLst>{fills}</a:fillStyleLst>"#,
            r#"<a:lnStyleLst>{l1}{l2}{l3}</a:lnStyleLst>"#,
            r#"<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle>"#,
            r#"<a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>"#,
            r#"<a:bgFillStyleLst>{fills}</a:bgFillStyleLst>"#,
            r#"</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#
        ),
        decl = DECLARATION,
        colours = colours,
        major = font("Times New Roman", &style.heading1_font),
        minor = font("Times New Roman", &style.body_font),
        fills = fills,
        l1 = line(6350),
        l2 = line(12700),
        l3 = line(19050),
    )
}

/// `docProps/core.xml`: title, author (the signing union) and the time
/// the file was made.
pub fn core(title: &str, author: &str, created: DateTime<Utc>) -> String {
    let when = created.to_rfc3339_opts(SecondsFormat::Secs, true);
    format!(
        concat!(
            "{decl}",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>"#,
            r#"<cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:language>zh-CN</dc:language>"#,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>"#,
            r#"</cp:coreProperties>"#
        ),
        decl = DECLARATION,
        title = escape(title),
        author = escape(author),
        when = when
    )
}

/// `docProps/app.xml`: the program that wrote the file. (`AppVersion`
/// must be `NN.NNNN`, which a crate version is not, so the version goes
/// with the name.)
pub fn app() -> String {
    format!(
        concat!(
            "{decl}",
            r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#,
            r#"<Application>unionplan {version}</Application><DocSecurity>0</DocSecurity>"#,
            r#"</Properties>"#
        ),
        decl = DECLARATION,
        version = env!("CARGO_PKG_VERSION")
    )
}

/// The opening tag of a part whose root is `root` (`w:document`, `w:ftr`).
pub fn open_root(out: &mut String, root: &str) {
    out.push_str(DECLARATION);
    out.push('<');
    out.push_str(root);
    out.push_str(" xmlns:w=\"");
    out.push_str(NS_W);
    out.push_str("\" xmlns:r=\"");
    out.push_str(NS_R);
    out.push_str("\">");
}
