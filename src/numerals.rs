//! Chinese numerals, both ways: the numbers headings are written with
//! (一、 （二） 十一月) and the ones people type in old plans and titles
//! (二〇二五, 两, 十二).
//!
//! The layout writes them ([`to_chinese`]); `import` reads them
//! ([`parse_prefix`], [`digit`]). A property test holds the two to each
//! other.

const DIGITS: &str = "〇一二三四五六七八九";

/// The value of one Chinese digit: 〇/零 0, 一 1 … 九 9, and 两 2.
pub fn digit(c: char) -> Option<u32> {
    DIGITS
        .chars()
        .position(|d| d == c)
        .map(|p| p as u32)
        .or((c == '两').then_some(2))
        .or((c == '零').then_some(0))
}

/// A year written digit by digit, `二〇二五`: the same in Arabic digits.
pub fn digits_to_arabic(s: &str) -> Option<String> {
    s.chars()
        .map(|c| digit(c).and_then(|d| char::from_digit(d, 10)))
        .collect()
}

/// A number as headings write it: 一 … 十, 十一, 二十, 二十一, 一百零五 ….
/// From 10,000 on, Arabic digits.
pub fn to_chinese(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n < 10 {
        return DIGITS[n as usize].to_string();
    }
    if n < 20 {
        // 十, 十一 … 十九: no leading 一.
        return format!(
            "十{}",
            if n == 10 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        );
    }
    if n >= 10_000 {
        return n.to_string();
    }
    let units = ["千", "百", "十", ""];
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut pending_zero = false;
    let mut started = false;
    for (d, unit) in digits.iter().zip(units) {
        if *d == 0 {
            pending_zero = started;
            continue;
        }
        if pending_zero {
            out.push('零');
            pending_zero = false;
        }
        out.push_str(DIGITS[*d as usize]);
        out.push_str(unit);
        started = true;
    }
    out
}

/// A Chinese numeral from 1 to 99 at the start: (value, bytes).
pub fn parse_prefix(s: &str) -> Option<(u32, usize)> {
    let mut chars = s.char_indices().peekable();
    let (mut value, mut end) = (0u32, 0usize);
    let mut tens_seen = false;
    let mut digits = 0;
    while let Some(&(i, c)) = chars.peek() {
        if c == '十' && !tens_seen {
            value = if digits == 0 { 10 } else { value * 10 };
            tens_seen = true;
        } else if let Some(d) = digit(c) {
            if digits > 0 && !tens_seen || digits > 1 {
                break;
            }
            value += d;
            digits += 1;
        } else {
            break;
        }
        end = i + c.len_utf8();
        chars.next();
    }
    (end > 0 && (1..100).contains(&value)).then_some((value, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_what_people_type() {
        for (n, want) in [
            (1, "一"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (105, "一百零五"),
        ] {
            assert_eq!(to_chinese(n), want);
        }
        assert_eq!(parse_prefix("十二月"), Some((12, 6)));
        assert_eq!(parse_prefix("两"), Some((2, 3)));
        assert_eq!(parse_prefix("是"), None);
        assert_eq!(digits_to_arabic("二〇二五").as_deref(), Some("2025"));
        assert_eq!(digits_to_arabic("二〇x五"), None);
    }

    proptest::proptest! {
        /// What the layout writes, `import` reads back, for every number
        /// a heading or month can have.
        #[test]
        fn every_number_reads_back(n in 1u32..100, tail in "[、）月日 a-z]{0,3}") {
            let written = to_chinese(n);
            let text = format!("{written}{tail}");
            proptest::prop_assert_eq!(parse_prefix(&text), Some((n, written.len())));
        }
    }
}
