//! Detection of CPR-like numbers (ddmmyy-xxxx). Case references must be pseudonyms, and an export warns
//! before such a number leaves the machine.

/// Byte ranges of CPR-like numbers in `text`: six digits forming a plausible date (day 01–31, month 01–12),
/// an optional '-' or space, and four digits, not glued to other digits.
pub fn find_cpr_like(text: &str) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if let Some(end) = cpr_at(b, i) {
            found.push(i..end);
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

pub fn contains_cpr_like(text: &str) -> bool {
    !find_cpr_like(text).is_empty()
}

fn cpr_at(b: &[u8], start: usize) -> Option<usize> {
    if start > 0 && b[start - 1].is_ascii_digit() {
        return None;
    }
    let digits = |from: usize, n: usize| -> bool {
        from + n <= b.len() && b[from..from + n].iter().all(u8::is_ascii_digit)
    };
    if !digits(start, 6) {
        return None;
    }
    let two = |at: usize| (b[at] - b'0') as u32 * 10 + (b[at + 1] - b'0') as u32;
    let (day, month) = (two(start), two(start + 2));
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
        return None;
    }
    let mut rest = start + 6;
    if rest < b.len() && (b[rest] == b'-' || b[rest] == b' ') {
        rest += 1;
    }
    if !digits(rest, 4) {
        return None;
    }
    let end = rest + 4;
    if end < b.len() && b[end].is_ascii_digit() {
        return None;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_dashed_plain_and_spaced_cpr_numbers() {
        assert!(contains_cpr_like("010203-1234"));
        assert!(contains_cpr_like("Barn 0102031234 i skole"));
        assert!(contains_cpr_like("cpr 311299 1234"));
        assert_eq!(find_cpr_like("x 010203-1234 y"), vec![2..13]);
    }

    #[test]
    fn ignores_non_dates_and_longer_numbers() {
        assert!(!contains_cpr_like("Sag 2019-008869-1"));
        assert!(!contains_cpr_like("320103-1234"), "day 32");
        assert!(!contains_cpr_like("011303-1234"), "month 13");
        assert!(!contains_cpr_like("10102031234"), "eleven digits");
        assert!(!contains_cpr_like("010203-12345"));
        assert!(!contains_cpr_like("Familie A-17"));
        assert!(!contains_cpr_like(""));
    }

    #[test]
    fn works_on_non_ascii_text() {
        assert!(contains_cpr_like("Ærø 010203-1234 æøå"));
        assert!(!contains_cpr_like("æøå 12"));
    }
}
