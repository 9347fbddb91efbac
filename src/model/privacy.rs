//! Detection of personal data in free text: CPR-like numbers (ddmmyy-xxxx whose first six digits are a
//! real date), e-mail addresses and Danish phone numbers. Case references must be pseudonyms, and every
//! export checks its text for these before a file leaves the machine.
//!
//! What is deliberately not flagged, because it only looks alike: amounts (`1.234.567 kr.`, `2.500.000`,
//! `kr. 12345678`, `12345678 kr.`, `12345678,50`), case references (`2019-008869-1`,
//! `27.12.00-A00-1-19`), dates (`01-02-2019`, `1.2.2019`, `2019-02-01`), CPR-like numbers whose date does
//! not exist (`310299-1234`, `290219-1234`), digit runs of other lengths and ids such as UUIDs.

use crate::model::sorting::StableSort;
use chrono::NaiveDate;
use std::ops::Range;

/// What kind of personal data a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PersonalDataKind {
    Cpr,
    Email,
    Phone,
}

/// One piece of personal data in a text: its kind and its byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub kind: PersonalDataKind,
    pub range: Range<usize>,
}

/// Every CPR-like number, e-mail address and Danish phone number in `text`, in order, never overlapping.
pub fn find_personal_data(text: &str) -> Vec<Finding> {
    let b = text.as_bytes();
    let emails = find_emails(b);
    let mut found: Vec<Finding> = emails
        .iter()
        .map(|r| Finding {
            kind: PersonalDataKind::Email,
            range: r.clone(),
        })
        .collect();
    // Ids (UUIDs) in kept originals and other program text are never personal data, even where a group
    // of them happens to be eight digits.
    let ids = find_uuids(b);
    let in_email =
        |i: usize| emails.iter().any(|r| r.contains(&i)) || ids.iter().any(|r| r.contains(&i));
    let mut i = 0;
    while i < b.len() {
        if in_email(i) {
            i += 1;
            continue;
        }
        if let Some(end) = cpr_at(b, i) {
            found.push(Finding {
                kind: PersonalDataKind::Cpr,
                range: i..end,
            });
            i = end;
        } else if let Some(end) = phone_at(b, i).filter(|&end| !(i..end).any(in_email)) {
            found.push(Finding {
                kind: PersonalDataKind::Phone,
                range: i..end,
            });
            i = end;
        } else {
            i += 1;
        }
    }
    found.stable_sort_by_key(|f| f.range.start);
    found
}

/// Byte ranges of UUIDs (8-4-4-4-12 hexadecimal digits) in `b`.
fn find_uuids(b: &[u8]) -> Vec<Range<usize>> {
    const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];
    let mut out = Vec::new();
    let mut i = 0;
    while i + 36 <= b.len() {
        let mut at = i;
        let mut ok = i == 0 || !b[i - 1].is_ascii_hexdigit();
        for (n, len) in GROUPS.iter().enumerate() {
            if !ok {
                break;
            }
            ok = b[at..at + len].iter().all(u8::is_ascii_hexdigit);
            at += len;
            if n < 4 {
                ok = ok && b.get(at) == Some(&b'-');
                at += 1;
            }
        }
        if ok {
            out.push(i..i + 36);
            i += 36;
        } else {
            i += 1;
        }
    }
    out
}

/// Byte ranges of CPR-like numbers in `text`.
pub fn find_cpr_like(text: &str) -> Vec<Range<usize>> {
    find_personal_data(text)
        .into_iter()
        .filter(|f| f.kind == PersonalDataKind::Cpr)
        .map(|f| f.range)
        .collect()
}

pub fn contains_cpr_like(text: &str) -> bool {
    !find_cpr_like(text).is_empty()
}

pub fn contains_personal_data(text: &str) -> bool {
    !find_personal_data(text).is_empty()
}

fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

/// A separator that joins parts of one longer number or reference (`2019-008869-1`, `27.12.00`, `1/2`).
fn is_joiner(c: u8) -> bool {
    matches!(c, b'-' | b'.' | b'/' | b',' | b'_')
}

/// True when the text before `start` continues into it: a letter or digit, or a joiner right after one.
fn glued_before(b: &[u8], start: usize) -> bool {
    if start == 0 {
        return false;
    }
    let c = b[start - 1];
    is_alnum(c) || (is_joiner(c) && start >= 2 && is_alnum(b[start - 2]))
}

/// True when the text from `end` continues the number: a letter or digit, or a joiner before a digit.
fn glued_after(b: &[u8], end: usize) -> bool {
    match b.get(end) {
        None => false,
        Some(&c) if is_alnum(c) => true,
        Some(&c) if is_joiner(c) => b.get(end + 1).is_some_and(u8::is_ascii_digit),
        _ => false,
    }
}

fn digits(b: &[u8], from: usize, n: usize) -> bool {
    from + n <= b.len() && b[from..from + n].iter().all(u8::is_ascii_digit)
}

fn two(b: &[u8], at: usize) -> u32 {
    (b[at] - b'0') as u32 * 10 + (b[at + 1] - b'0') as u32
}

/// True when day `dd`, month `mm` exist in 19yy or in 20yy (29 February only in leap years; 2000 was one).
pub fn is_real_date(dd: u32, mm: u32, yy: u32) -> bool {
    let yy = yy as i32;
    NaiveDate::from_ymd_opt(1900 + yy, mm, dd).is_some()
        || NaiveDate::from_ymd_opt(2000 + yy, mm, dd).is_some()
}

/// Six digits that form a real date, an optional '-' or space, and four digits, not glued to more.
fn cpr_at(b: &[u8], start: usize) -> Option<usize> {
    if !digits(b, start, 6) || glued_before(b, start) {
        return None;
    }
    if !is_real_date(two(b, start), two(b, start + 2), two(b, start + 4)) {
        return None;
    }
    let mut rest = start + 6;
    if rest < b.len() && (b[rest] == b'-' || b[rest] == b' ') {
        rest += 1;
    }
    if !digits(b, rest, 4) {
        return None;
    }
    let end = rest + 4;
    if glued_after(b, end) {
        return None;
    }
    Some(end)
}

/// Ways eight digits are grouped when Danes write a phone number.
const PHONE_GROUPS: [&[usize]; 5] = [&[8], &[4, 4], &[2, 2, 2, 2], &[2, 2, 4], &[4, 2, 2]];

/// A Danish phone number at `start`: `+45` or `0045` (then an optional space), and eight digits, plain or
/// in the usual groups, not glued to other digits and not an amount (`kr. 12345678`, `12345678 kr.`).
fn phone_at(b: &[u8], start: usize) -> Option<usize> {
    if glued_before(b, start) || digit_then_space_before(b, start) {
        return None;
    }
    let mut at = start;
    let mut prefixed = false;
    if b[start..].starts_with(b"+45") {
        at += 3;
        prefixed = true;
    } else if b[start..].starts_with(b"0045") {
        at += 4;
        prefixed = true;
    }
    if prefixed && b.get(at) == Some(&b' ') {
        at += 1;
    }
    if !b.get(at).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let end = PHONE_GROUPS.iter().find_map(|groups| {
        let mut p = at;
        for (n, &len) in groups.iter().enumerate() {
            if n > 0 {
                if b.get(p) != Some(&b' ') {
                    return None;
                }
                p += 1;
            }
            if !digits(b, p, len) {
                return None;
            }
            p += len;
        }
        (!glued_after(b, p) && !digit_after_space(b, p)).then_some(p)
    })?;
    if !prefixed && (amount_before(&b[..start]) || amount_after(&b[end..])) {
        return None;
    }
    Some(end)
}

/// "1 12345678": a digit and a space right before, as in a longer number written in groups.
fn digit_then_space_before(b: &[u8], start: usize) -> bool {
    start >= 2 && b[start - 1] == b' ' && b[start - 2].is_ascii_digit()
}

fn digit_after_space(b: &[u8], end: usize) -> bool {
    b.get(end) == Some(&b' ') && b.get(end + 1).is_some_and(u8::is_ascii_digit)
}

/// The text before ends with a currency: "kr. ", "kr ", "DKK ".
fn amount_before(before: &[u8]) -> bool {
    let t = String::from_utf8_lossy(before).trim_end().to_lowercase();
    t.ends_with("kr.") || t.ends_with("kr") || t.ends_with("dkk") || t.ends_with("kr.:")
}

/// The text after starts with a currency or decimals: " kr.", "kr", " DKK", ",-", ",50".
fn amount_after(after: &[u8]) -> bool {
    let t = String::from_utf8_lossy(&after[..after.len().min(8)]).to_lowercase();
    let t = t.trim_start();
    t.starts_with("kr") || t.starts_with("dkk") || after.starts_with(b",-")
}

fn is_local_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-' | b'\'')
}

fn is_domain_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-')
}

/// E-mail addresses: a local part, '@', and a domain of at least two labels whose last is two or more
/// letters. Dots at either end of the address are left out (the end of a sentence).
fn find_emails(b: &[u8]) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = Vec::new();
    for at in 0..b.len() {
        if b[at] != b'@' || found.last().is_some_and(|r| r.end > at) {
            continue;
        }
        let mut start = at;
        while start > 0 && is_local_char(b[start - 1]) {
            start -= 1;
        }
        while start < at && matches!(b[start], b'.' | b'\'' | b'-' | b'+') {
            start += 1;
        }
        if start == at {
            continue;
        }
        let mut end = at + 1;
        while end < b.len() && is_domain_char(b[end]) {
            end += 1;
        }
        while end > at + 1 && matches!(b[end - 1], b'.' | b'-') {
            end -= 1;
        }
        let domain = &b[at + 1..end];
        let labels: Vec<&[u8]> = domain.split(|&c| c == b'.').collect();
        let valid = labels.len() >= 2
            && labels.iter().all(|l| !l.is_empty())
            && labels
                .last()
                .is_some_and(|tld| tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic));
        if valid {
            found.push(start..end);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use PersonalDataKind::*;

    /// The kinds and matched texts found in `text`.
    fn found(text: &str) -> Vec<(PersonalDataKind, &str)> {
        find_personal_data(text)
            .into_iter()
            .map(|f| (f.kind, &text[f.range]))
            .collect()
    }

    #[test]
    fn finds_dashed_plain_and_spaced_cpr_numbers() {
        assert!(contains_cpr_like("010203-1234"));
        assert!(contains_cpr_like("Barn 0102031234 i skole"));
        assert!(contains_cpr_like("cpr 311299 1234"));
        assert_eq!(find_cpr_like("x 010203-1234 y"), vec![2..13]);
        assert_eq!(found("CPR: 010203-1234."), vec![(Cpr, "010203-1234")]);
        assert_eq!(found("(0102031234)"), vec![(Cpr, "0102031234")]);
    }

    #[test]
    fn cpr_dates_must_exist() {
        assert!(!contains_cpr_like("320103-1234"), "day 32");
        assert!(!contains_cpr_like("000103-1234"), "day 0");
        assert!(!contains_cpr_like("011303-1234"), "month 13");
        assert!(!contains_cpr_like("010003-1234"), "month 0");
        assert!(!contains_cpr_like("310299-1234"), "31 February");
        assert!(!contains_cpr_like("310499-1234"), "31 April");
        assert!(contains_cpr_like("300499-1234"), "30 April");
        assert!(contains_cpr_like("311299-1234"), "31 December");
        assert!(
            !contains_cpr_like("290219-1234"),
            "2019 and 1919 are not leap years"
        );
        assert!(
            !contains_cpr_like("290201-1234"),
            "2001 and 1901 are not leap years"
        );
        assert!(contains_cpr_like("290200-1234"), "2000 was a leap year");
        assert!(contains_cpr_like("290204-1234"), "2004 was a leap year");
        assert!(contains_cpr_like("290296-1234"), "1996 was a leap year");
        assert!(contains_cpr_like("280219-1234"));
        assert!(is_real_date(29, 2, 0));
        assert!(!is_real_date(29, 2, 19));
        assert!(!is_real_date(31, 6, 50));
    }

    #[test]
    fn ignores_case_references_and_longer_numbers() {
        assert!(!contains_personal_data("Sag 2019-008869-1"));
        assert!(!contains_personal_data("Sag 27.12.00-A00-1-19"));
        assert!(!contains_cpr_like("10102031234"), "eleven digits");
        assert!(!contains_cpr_like("010203-12345"));
        assert!(!contains_cpr_like("A010203-1234"), "glued to a letter");
        assert!(
            !contains_cpr_like("2019-010203-1234"),
            "part of a reference"
        );
        assert!(!contains_cpr_like("010203-1234-7"), "part of a reference");
        assert!(!contains_personal_data("Familie A-17"));
        assert!(!contains_personal_data(""));
    }

    #[test]
    fn ignores_ids() {
        assert!(!contains_personal_data(
            "aaaaaaaa-aaaa-4aaa-8aaa-0102031234ab"
        ));
        assert!(!contains_personal_data(
            "12345678-1234-4234-8234-123456789012"
        ));
        assert!(!contains_personal_data("id 0102031234ab"));
        // A UUID whose first group is eight digits, as in a kept original's JSON.
        assert!(!contains_personal_data(
            "{\"id\":\"95932577-abcd-4ef0-8abc-def012345678\",\"notes\":\"x\"}"
        ));
        assert!(!contains_personal_data(
            "95932577-ABCD-4EF0-8ABC-DEF012345678"
        ));
        // Beside one, a real number is still found.
        assert!(contains_personal_data(
            "95932577-abcd-4ef0-8abc-def012345678 ring 12 34 56 78"
        ));
        assert!(!contains_personal_data("ref AB12345678"));
    }

    #[test]
    fn ignores_dates() {
        for d in [
            "01-02-2019",
            "1.2.2019",
            "2019-02-01",
            "01.02.2019",
            "1/2 2019",
            "møde 01.02.19",
            "den 1. februar 2019",
        ] {
            assert_eq!(found(d), vec![], "{d}");
        }
    }

    #[test]
    fn ignores_amounts() {
        for a in [
            "1.234.567 kr.",
            "12.345.678",
            "2.500.000",
            "kr. 12345678",
            "kr 12345678",
            "DKK 12345678",
            "12345678 kr.",
            "12345678kr",
            "12345678,50",
            "12345678,-",
            "12 345 678 kr.",
            "12 345 678",
            "1 12345678",
            "1.234.567,89",
        ] {
            assert_eq!(found(a), vec![], "{a}");
        }
    }

    #[test]
    fn finds_danish_phone_numbers_in_their_usual_forms() {
        for p in [
            "12345678",
            "12 34 56 78",
            "1234 5678",
            "12 34 5678",
            "1234 56 78",
            "+45 12 34 56 78",
            "+4512345678",
            "+45 12345678",
            "0045 12345678",
            "004512345678",
        ] {
            assert_eq!(found(p), vec![(Phone, p)], "{p}");
            let in_text = format!("Ring til mor på {p}, hverdage.");
            assert_eq!(found(&in_text), vec![(Phone, p)], "{in_text}");
        }
        assert_eq!(found("tlf.: 12345678"), vec![(Phone, "12345678")]);
        assert_eq!(found("(tlf. 1234 5678)"), vec![(Phone, "1234 5678")]);
    }

    #[test]
    fn other_lengths_are_not_phone_numbers() {
        for n in [
            "1234567",
            "123456789",
            "12 34 56 7",
            "12 34 56 78 90",
            "123 45 678",
            "+46 12345678",
            "12345678901",
            "x12345678",
            "12345678x",
            "1-12345678",
            "12345678.9",
        ] {
            assert_eq!(found(n), vec![], "{n}");
        }
    }

    #[test]
    fn finds_email_addresses() {
        assert_eq!(
            found("Skriv til anna.jensen@koege.dk."),
            vec![(Email, "anna.jensen@koege.dk")]
        );
        assert_eq!(
            found("<mor+skole@example.co.uk>"),
            vec![(Email, "mor+skole@example.co.uk")]
        );
        assert_eq!(
            found("a_b-c@sub-domæne.dk"),
            vec![],
            "non-ASCII domain left"
        );
        assert_eq!(found("x@y.dk"), vec![(Email, "x@y.dk")]);
        assert_eq!(
            found("12345678@sms.dk"),
            vec![(Email, "12345678@sms.dk")],
            "a number inside an address is the address"
        );
        for not in [
            "@koege.dk",
            "anna@",
            "anna@localhost",
            "anna@koege.d",
            "a@b.12",
            "kl. 10 @ rådhuset",
        ] {
            assert_eq!(found(not), vec![], "{not}");
        }
    }

    #[test]
    fn finds_several_kinds_in_order() {
        let t = "Mor (010203-1234) ringer fra 12 34 56 78 eller skriver til mor@mail.dk.";
        assert_eq!(
            found(t),
            vec![
                (Cpr, "010203-1234"),
                (Phone, "12 34 56 78"),
                (Email, "mor@mail.dk")
            ]
        );
    }

    #[test]
    fn works_on_non_ascii_text() {
        assert!(contains_cpr_like("Ærø 010203-1234 æøå"));
        assert_eq!(found("Søs: 12345678 æ"), vec![(Phone, "12345678")]);
        assert!(!contains_personal_data("æøå 12"));
    }
}
