//! The words about extends.

use std::fmt::Display;

use super::zh_en;

super::problems! {
    pub fn extends_not_text(found: &str) {
        zh_en!(
            format!("`extends` 应当是一个文件路径，实际是{found}"),
            format!("`extends` should be the path of a file, but found {found}")
        )
    }
}

/// The help under a bad `extends`: what it names, with an example.
pub fn extends_help() -> String {
    zh_en!(
        "写上一年计划文件的路径，相对于本文件所在的文件夹，例如：extends: ../2025/lihe.yaml",
        "write the path of last year's plan file, relative to the folder of this file, for example: extends: ../2025/lihe.yaml"
    )
    .into()
}

super::problems! {
    pub fn extends_missing(written: &str, full: impl Display) {
        zh_en!(
            format!("找不到 `extends` 指向的文件“{written}”（找的是 {full}）"),
            format!("cannot find the file \"{written}\" that `extends` names (looked for {full})")
        )
    }
}

super::problems! {
    pub fn extends_is_dir(written: &str) {
        zh_en!(
            format!("`extends` 指向的“{written}”是一个文件夹，不是计划文件"),
            format!("\"{written}\", which `extends` names, is a folder, not a plan file")
        )
    }
}

super::problems! {
    pub fn extends_cycle(chain: &str) {
        zh_en!(
            format!("`extends` 绕成了一个圈：{chain}"),
            format!("`extends` goes round in a circle: {chain}")
        )
    }
}

/// A note on a problem in a file read through `extends`: the chain of
/// files that led to it.
pub fn extended_by(chain: &str) -> String {
    zh_en!(
        format!("这个文件是通过 extends 读入的：{chain}"),
        format!("this file was read through extends: {chain}")
    )
}

super::problems! {
    pub fn nothing_to_remove(id: Option<&str>) {
        match id {
            Some(id) => zh_en!(
                format!("上一份计划里没有 id 为“{id}”的项，无从删除"),
                format!("the previous plan has no entry with the id \"{id}\", so there is nothing to remove")
            ),
            None => zh_en!(
                "要删除的项没有写 id，不知道删哪一项",
                "the entry to remove has no id, so it is not known which entry to remove"
            )
            .into(),
        }
    }
}

/// The help under [`nothing_to_remove`]: what `remove: true` removes.
pub fn nothing_to_remove_help() -> String {
    zh_en!(
        "remove: true 删除的是 extends 的文件里 id 相同的那一项；检查 id 是否写对",
        "remove: true removes the entry with the same id in the file named by extends; check that the id is right"
    )
    .into()
}

super::problems! {
    pub fn remove_without_extends() {
        zh_en!(
            "`remove: true` 只能在用 extends 的文件里删除上一份计划的项",
            "`remove: true` can only remove entries of a previous plan, in a file that uses extends"
        )
        .into()
    }
}

super::problems! {
    pub fn duplicate_id(id: &str, first_line: Option<usize>) {
        match first_line {
            Some(line) => zh_en!(
                format!("id“{id}”已经在第 {line} 行用过了，同一个列表里的 id 不能重复"),
                format!("the id \"{id}\" is already used on line {line}; ids in one list must all differ")
            ),
            None => zh_en!(
                format!("id“{id}”在同一个列表里重复了"),
                format!("the id \"{id}\" is used twice in the same list")
            ),
        }
    }
}

super::problems! {
    pub fn bad_bool(found: &str) {
        zh_en!(
            format!("这里应当是 true 或 false，实际是{found}"),
            format!("expected true or false here, but found {found}")
        )
    }
}

/// What to write in the spec's own file for a value from the file it extends.
pub fn fix_here(parent: &str, own: &str, snippet: &str) -> String {
    zh_en!(
        format!(
            "{parent} 是上一份计划，不要改它：在 {own} 里写上下面这几行，换成今年的内容\n{snippet}"
        ),
        format!(
            "{parent} is the previous plan, do not change it: write these lines in {own}, with this year's content\n{snippet}"
        )
    )
}

/// What to do, in place of [`fix_here`], when the entry in the extended
/// file has no `id` to name it by: add one there first. `k` names the key
/// as the user's file does.
pub fn fix_here_needs_id(parent: &str, own: &str, k: crate::spec::keys::Naming) -> String {
    let id = k.key("id");
    zh_en!(
        format!(
            "{parent} 是上一份计划，这一项在那里没有 {id}：先在 {parent} 的这一项里加一行“{id}: 起个名字”（只加这一行），再在 {own} 里用同样的 {id} 写上今年的内容"
        ),
        format!(
            "{parent} is the previous plan, and this entry has no {id} there: first add one line \"{id}: a name you choose\" to this entry in {parent} (only that line), then write this year's content in {own} under the same {id}"
        )
    )
}

super::problems! {
    /// An entry without an id, written again word for word in a spec that
    /// extends the file at `place`: the merged plan would have it twice.
    pub fn entry_repeated(place: &str) {
        zh_en!(
            format!("这一项和 {place} 的一项一字不差，合在一起后计划里会出现两次"),
            format!("this entry is word for word the one at {place}; the merged plan would have it twice")
        )
    }
}

/// The help under [`entry_repeated`]: delete the copy, or give both the
/// same id (`id_key`, as the user's file names it) to change that entry.
pub fn entry_repeated_help(id_key: &str) -> String {
    zh_en!(
        format!(
            "多写了就删掉这一项；想改那一项的话，给两边的这一项加上同一个 {id_key}，再只写要改的内容"
        ),
        format!(
            "if it was written twice by mistake, delete this entry; to change that entry, give both the same {id_key} and write only what changes"
        )
    )
}
