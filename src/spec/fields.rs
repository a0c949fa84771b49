//! Every field a spec can have, in one table: its English and Chinese
//! names, what kind of value it takes, whether it is required, how a spec
//! that `extends` another merges it, and what it means.
//!
//! The validator checks keys and required fields against it
//! ([`crate::validate`]), the JSON Schema is built from it
//! ([`crate::schema`]), the Chinese names are read through it
//! ([`super::keys`]), `extends` merges by its rules ([`crate::load::extends`]),
//! and the district file's keys are checked against it
//! ([`crate::batch`]). Adding a field here makes it known to all of them;
//! the validator then needs the code that reads its value into
//! [`super::Spec`].

/// One kind of map in a spec, and the fields it accepts.
#[derive(Debug)]
pub struct MapDef {
    /// The map's name, as [`Kind::Map`] and [`Kind::List`] refer to it
    /// (`spec` is the file itself).
    pub name: &'static str,
    /// The fields it accepts, in table order.
    pub fields: &'static [Field],
    /// As an entry of a list merged by `extends`: one without an `id`
    /// merges into the parent's entry for the same month(s).
    pub merges_by_months: bool,
}

/// One field of a map.
#[derive(Debug)]
pub struct Field {
    /// The English key (`guiding_principles`).
    pub name: &'static str,
    /// Names accepted beside the English one. A Chinese name means the same
    /// English key in every map it appears in.
    pub chinese: &'static [&'static str],
    /// What its value is.
    pub kind: Kind,
    /// Whether every map of this kind must give it.
    pub required: bool,
    /// "中文说明 / English description", for the schema and editors.
    pub description: &'static str,
}

/// The years a plan may be for: a `year` outside them is a typo.
pub const YEARS: std::ops::RangeInclusive<i64> = 1949..=2200;

/// What a field's value is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A text (a number is read as its digits); never empty.
    Text,
    /// A four-digit year, within [`YEARS`].
    Year,
    /// 年度 / 上半年 / 下半年 / 学年, in English or Chinese.
    Period,
    /// `list` or `table` (列表 / 表格): how the schedule is set out.
    ScheduleLayout,
    /// `unsealed` or `sealed` (不加盖印章 / 加盖印章): how the 落款 is set.
    SignatureLayout,
    /// A date such as 2025-03-08.
    Date,
    /// A month, 1 to 12.
    Month,
    /// Several months, e.g. `[7, 8]`.
    Months,
    /// A number in this range.
    Number {
        /// The smallest value allowed.
        min: u32,
        /// The largest value allowed.
        max: u32,
        /// Whether only whole numbers are allowed.
        whole: bool,
    },
    /// `true` or `false`.
    Bool,
    /// A path to another file, relative to the spec.
    File,
    /// A map of these fields, merged key by key.
    Map(&'static str),
    /// A list of entries of this map, merged entry by entry (by `id`);
    /// `text` if an entry may also be a plain text, `or_text` if the
    /// whole field may instead be one text.
    List {
        /// The name of the entries' map.
        of: &'static str,
        /// An entry may be a plain text instead of a map.
        text: bool,
        /// The whole field may be one text instead of a list.
        or_text: bool,
        /// The list must have at least one entry.
        non_empty: bool,
    },
}

/// How a spec that `extends` another merges a field's value into the
/// value it extends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    /// The new value replaces the old.
    Replace,
    /// Maps merge key by key.
    ByKey,
    /// Lists merge entry by entry: by `id`, and schedule entries without
    /// one by their month(s); the entries are maps of this name.
    ByEntry(&'static str),
}

impl Field {
    /// How a spec that `extends` another merges this field: maps key by
    /// key, lists entry by entry, any other value replaced.
    pub fn merge(&self) -> Merge {
        match self.kind {
            Kind::Map(_) => Merge::ByKey,
            Kind::List { of, .. } => Merge::ByEntry(of),
            _ => Merge::Replace,
        }
    }
}

const fn field(name: &'static str, chinese: &'static [&'static str], kind: Kind) -> Field {
    Field {
        name,
        chinese,
        kind,
        required: false,
        description: "",
    }
}

const fn required(mut f: Field) -> Field {
    f.required = true;
    f
}

const fn says(mut f: Field, description: &'static str) -> Field {
    f.description = description;
    f
}

const TEXT: Field = says(field("text", &["内容", "正文"], Kind::Text), "正文 / Text");
const ID: Field = says(
    field("id", &["编号"], Kind::Text),
    "编号：明年的计划用它按条修改或删除 / An id, by which next year's spec changes or removes this entry",
);
const REMOVE: Field = says(
    field("remove", &["删除"], Kind::Bool),
    "true：删除上一份计划里同 id 的项 / true: remove the entry with this id from the spec extended",
);
const DATE: Field = says(
    field("date", &["日期"], Kind::Date),
    "日期，例如 2025-03-08 / A date such as 2025-03-08",
);
const SIZE: Kind = Kind::Number {
    min: 5,
    max: 72,
    whole: false,
};

/// The maps of a spec (and of a district file), by name. `spec` is the
/// file itself.
pub const MAPS: &[MapDef] = &[
    MapDef {
        name: "spec",
        merges_by_months: false,
        fields: &[
            required(says(
                field("school", &["学校", "学校名称"], Kind::Text),
                "学校或单位名称 / School or unit name",
            )),
            required(says(
                field("year", &["年度", "年份"], Kind::Year),
                "计划的年份（学年计划写开始的那一年） / The plan's year (the first year of a school year)",
            )),
            says(
                field("period", &["期间"], Kind::Period),
                "期间：year 年度、spring 上半年、autumn 下半年、school-year 学年 / The period the plan covers",
            ),
            says(
                field("title", &["标题"], Kind::Text),
                "标题；不写时由学校、年份、期间生成 / Title; built from school, year and period when absent",
            ),
            says(
                field("intro", &["前言"], Kind::Text),
                "前言：第一节之前的段落 / Preface before the first section",
            ),
            required(says(
                field("guiding_principles", &["指导思想"], Kind::Text),
                "指导思想（每行一段） / Guiding principles (one paragraph per line)",
            )),
            says(
                field(
                    "goals",
                    &["工作目标"],
                    Kind::List {
                        of: "goal",
                        text: true,
                        or_text: true,
                        non_empty: false,
                    },
                ),
                "工作目标：一段文字，或一个列表 / Goals: a text or a list",
            ),
            required(says(
                field(
                    "measures",
                    &["主要工作"],
                    Kind::List {
                        of: "measure",
                        text: true,
                        or_text: false,
                        non_empty: false,
                    },
                ),
                "主要工作：最多四层，自动编号（一）1.（1）① / Measures: a tree of up to four levels, numbered automatically",
            )),
            says(
                field(
                    "schedule",
                    &["工作安排", "行事历"],
                    Kind::List {
                        of: "entry",
                        text: false,
                        or_text: false,
                        non_empty: false,
                    },
                ),
                "具体工作安排：按写的顺序排列的月份 / The monthly schedule, in the order written",
            ),
            says(
                field("signature", &["落款"], Kind::Map("signature")),
                "落款 / Signature",
            ),
            says(
                field("headings", &["各节标题"], Kind::Map("headings")),
                "各节标题的措辞 / The wording of the section headings",
            ),
            says(
                field("style", &["样式"], Kind::Map("style")),
                "字体和字号（默认按 GB/T 9704） / Fonts and sizes (GB/T 9704 by default)",
            ),
            // Read and merged away by `crate::extends` before validation.
            says(
                field("extends", &["继承"], Kind::File),
                "以另一份计划为基础，只写不同的地方（相对于本文件的路径） / Start from another spec (a path relative to this file) and give only what differs",
            ),
        ],
    },
    MapDef {
        name: "goal",
        merges_by_months: false,
        fields: &[
            required(TEXT),
            says(
                field("target", &["目标", "目标值"], Kind::Text),
                "可衡量的目标值，显示在条目旁 / A measurable target, shown beside the item",
            ),
            ID,
            REMOVE,
        ],
    },
    MapDef {
        name: "measure",
        merges_by_months: false,
        fields: &[
            says(
                field("title", &["标题"], Kind::Text),
                "本条的标题 / The entry's title",
            ),
            TEXT,
            says(
                field(
                    "items",
                    &["事项", "条目"],
                    Kind::List {
                        of: "measure",
                        text: true,
                        or_text: false,
                        non_empty: false,
                    },
                ),
                "下一层的条目 / The items below",
            ),
            ID,
            REMOVE,
        ],
    },
    MapDef {
        name: "entry",
        merges_by_months: true,
        fields: &[
            says(
                field("month", &["月份"], Kind::Month),
                "月份，1 到 12 / The month, 1 to 12",
            ),
            says(
                field("months", &["多个月份"], Kind::Months),
                "几个月合在一起，例如 [7, 8] 即七、八月 / Several months together, e.g. [7, 8] for 七、八月",
            ),
            required(says(
                field(
                    "items",
                    &["事项", "条目"],
                    Kind::List {
                        of: "item",
                        text: true,
                        or_text: false,
                        non_empty: true,
                    },
                ),
                "这个月的工作 / This month's items",
            )),
            ID,
            REMOVE,
        ],
    },
    MapDef {
        name: "item",
        merges_by_months: false,
        fields: &[
            required(TEXT),
            DATE,
            says(
                field("owner", &["负责人"], Kind::Text),
                "负责人或部门 / Person or office responsible",
            ),
            ID,
            REMOVE,
        ],
    },
    MapDef {
        name: "signature",
        merges_by_months: false,
        fields: &[
            says(
                field("org", &["单位", "落款单位"], Kind::Text),
                "落款单位；默认“<学校>工会委员会” / The signing body; default \"<school>工会委员会\"",
            ),
            DATE,
        ],
    },
    MapDef {
        name: "headings",
        merges_by_months: false,
        fields: &[
            says(
                field("guiding_principles", &["指导思想"], Kind::Text),
                "“指导思想”一节标题的措辞 / The wording of this section's heading",
            ),
            says(
                field("goals", &["工作目标"], Kind::Text),
                "“工作目标”一节标题的措辞 / The wording of this section's heading",
            ),
            says(
                field("measures", &["主要工作"], Kind::Text),
                "“主要工作”一节标题的措辞 / The wording of this section's heading",
            ),
            says(
                field("schedule", &["工作安排", "行事历"], Kind::Text),
                "“工作安排”一节标题的措辞 / The wording of this section's heading",
            ),
        ],
    },
    // Font settings are for the few who change fonts; they stay English.
    // The layout and the reference document have Chinese names.
    MapDef {
        name: "style",
        merges_by_months: false,
        fields: &[
            says(
                field("title_font", &[], Kind::Text),
                "标题字体 / Title font",
            ),
            says(
                field("title_fallback_font", &[], Kind::Text),
                "标题字体缺失时的替代字体 / Used where the title font is missing",
            ),
            says(field("body_font", &[], Kind::Text), "正文字体 / Body font"),
            says(
                field("heading1_font", &[], Kind::Text),
                "一级标题（一、）字体 / Font of 一、 headings",
            ),
            says(
                field("heading2_font", &[], Kind::Text),
                "二级标题（（一））和月份字体 / Font of （一） headings and months",
            ),
            says(
                field("heading3_font", &[], Kind::Text),
                "三、四级标题字体 / Font of 1. and （1） headings",
            ),
            says(
                field("page_number_font", &[], Kind::Text),
                "页码字体 / Page number font",
            ),
            says(
                field("title_size", &[], SIZE),
                "标题字号（磅），22 即二号 / Title size in points; 22 is 2号",
            ),
            says(
                field("body_size", &[], SIZE),
                "正文字号（磅），16 即三号 / Body size in points; 16 is 3号",
            ),
            says(
                field("page_number_size", &[], SIZE),
                "页码字号（磅），14 即四号 / Page number size in points; 14 is 4号",
            ),
            says(
                field(
                    "lines_per_page",
                    &[],
                    Kind::Number {
                        min: 10,
                        max: 40,
                        whole: true,
                    },
                ),
                "每页行数 / Lines per page",
            ),
            says(
                field("schedule_layout", &["工作安排版式"], Kind::ScheduleLayout),
                "具体工作安排的版式：list（按月列出）或 table（行事历表格） / How the schedule is set out: list (months with items) or table (one row a month)",
            ),
            says(
                field("signature_layout", &["落款版式"], Kind::SignatureLayout),
                "落款的版式：unsealed（不加盖印章，署名右空二字）或 sealed（加盖印章，成文日期右空四字，署名居中其上） / How the signature is set: unsealed (the name two characters in from the right) or sealed (the date four characters in, the name centred over it)",
            ),
            says(
                field("reference_doc", &["参考文档"], Kind::File),
                "学校自己的 Word 模板（.docx），取其页面、页眉页脚和同名样式（相对于本文件的路径） / The school's Word file (.docx) whose page, header, footer and same-named styles the plan takes (a path relative to this file)",
            ),
        ],
    },
];

/// The district file of `unionplan batch`. Not part of a spec: its own
/// table, checked the same way.
pub const DISTRICT: MapDef = MapDef {
    name: "district",
    merges_by_months: false,
    fields: &[
        says(
            field("base", &["共用计划"], Kind::File),
            "各校共用的计划 / The spec all schools share",
        ),
        says(
            field(
                "schools",
                &["学校"],
                Kind::List {
                    of: "spec",
                    text: false,
                    or_text: false,
                    non_empty: false,
                },
            ),
            "各校自己的内容 / Each school's own values",
        ),
        says(
            field("roster", &["名单"], Kind::File),
            "学校名单（CSV 或 XLSX） / The roster of schools (CSV or XLSX)",
        ),
        says(
            field("sheet", &["工作表"], Kind::Text),
            "名单用哪一张工作表（默认第一张没有隐藏的） / The roster's sheet to read (by default the first that is not hidden)",
        ),
        says(
            field("formats", &["格式"], Kind::Text),
            "输出格式 / Output formats",
        ),
    ],
};

/// The map named `name`.
///
/// # Panics
///
/// If there is none: names come from this table.
pub fn map(name: &str) -> &'static MapDef {
    MAPS.iter()
        .chain(std::iter::once(&DISTRICT))
        .find(|m| m.name == name)
        .unwrap_or_else(|| panic!("no map {name:?} in the field table"))
}

impl MapDef {
    /// The English names of the fields, in table order.
    pub fn names(&self) -> Vec<&'static str> {
        self.fields.iter().map(|f| f.name).collect()
    }

    /// The field whose English name is `name`.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The field named `name` in English or in Chinese.
    pub fn by_any_name(&self, name: &str) -> Option<&'static Field> {
        self.fields
            .iter()
            .find(|f| f.name == name || f.chinese.contains(&name))
    }

    /// Every name a field may be written with, English then Chinese.
    pub fn all_names(&self) -> Vec<&'static str> {
        let chinese = self.fields.iter().flat_map(|f| f.chinese.iter().copied());
        self.names().into_iter().chain(chinese).collect()
    }

    /// The fields that must be given.
    pub fn required(&self) -> impl Iterator<Item = &'static Field> {
        self.fields.iter().filter(|f| f.required)
    }
}

/// Every field of every map of a spec, with its map.
pub fn all() -> impl Iterator<Item = (&'static MapDef, &'static Field)> {
    MAPS.iter()
        .flat_map(|m| m.fields.iter().map(move |f| (m, f)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chinese_name_means_one_english_key_everywhere() {
        for (_, a) in all() {
            for (_, b) in all() {
                for zh in a.chinese {
                    if b.chinese.contains(zh) {
                        assert_eq!(a.name, b.name, "{zh}");
                    }
                }
            }
        }
    }

    #[test]
    fn every_field_is_described_in_both_languages_and_every_map_exists() {
        for (m, f) in all().chain(DISTRICT.fields.iter().map(|f| (&DISTRICT, f))) {
            assert!(f.description.contains(" / "), "{}.{}", m.name, f.name);
            if let Kind::Map(of) | Kind::List { of, .. } = f.kind {
                map(of);
            }
        }
    }
}
