//! Soft hyphens (U+00AD) in long Danish words, so a narrow card breaks «netværks-rådslagning» with a
//! hyphen at a joint instead of cutting «netværksrådslagni|ng» anywhere. Browsers hyphenate Danish only
//! where they carry a Danish dictionary (not Chromium on Linux, not every managed PC), so the app says
//! where a word may break and the CSS uses `hyphens: manual`.
//!
//! Two sources of break points, both small: the joints of compounds made of common words of the field
//! (`STEMS`), and Danish syllable division (between vowels, the last consonant goes to the next line, or
//! the last two when they can begin a Danish word: «an-brin-gel-se», «in-sti-tu-tion»). A syllable break
//! right beside a compound joint gives way to the joint («døgn-institution», not «døg-ninstitution»).
//! Screen readers and search ignore U+00AD; copying the text keeps it invisible.

use crate::model::sorting::StableSort;
/// The soft hyphen.
pub const SHY: char = '\u{AD}';

/// Words shorter than this always fit on a line.
const MIN_WORD: usize = 9;
/// Letters kept together at the start and the end of a word.
const MIN_LEFT: usize = 3;
const MIN_RIGHT: usize = 3;

/// Whole words of the field that compounds are made of, lower case, each as it stands in a compound
/// (a joining «s» or «e» after it moves the joint past it: «netværks-rådslagning»).
const STEMS: &[&str] = &[
    "aflastning",
    "aktivitet",
    "almen",
    "anbringelse",
    "anonym",
    "arbejde",
    "behandling",
    "bolig",
    "børne",
    "døgn",
    "familie",
    "forebyggelse",
    "forebyggende",
    "foranstaltning",
    "forløb",
    "forældre",
    "forvaltning",
    "fritid",
    "gruppe",
    "handicap",
    "hjemme",
    "indsats",
    "institution",
    "kommune",
    "kontakt",
    "kursus",
    "leder",
    "læring",
    "miljø",
    "misbrug",
    "møde",
    "netværk",
    "ophold",
    "person",
    "plan",
    "pleje",
    "psykolog",
    "pædagogisk",
    "rådgiver",
    "rådgivning",
    "rådslagning",
    "samarbejde",
    "sikkerhed",
    "skole",
    "social",
    "specialiseret",
    "sted",
    "strategi",
    "støtte",
    "sundhed",
    "tilbud",
    "udslusning",
    "udvalg",
    "ungdom",
    "unge",
    "visitation",
    "værelse",
];

/// Two consonants that may begin a Danish syllable together.
const ONSETS: &[&str] = &[
    "bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kn", "kr", "pl", "pr", "sk", "sl", "sp", "st",
    "sv", "tr",
];

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'æ' | 'ø' | 'å' | 'é' | 'è' | 'ä' | 'ö' | 'ü'
    )
}

/// `text` with a soft hyphen at every likely break point of its long words; everything else unchanged.
pub fn hyphenate(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut word: Vec<char> = Vec::new();
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            push_word(&mut out, &word);
            word.clear();
            out.push(c);
        }
    }
    push_word(&mut out, &word);
    out
}

fn push_word(out: &mut String, word: &[char]) {
    let breaks = break_points(word);
    for (i, c) in word.iter().enumerate() {
        if breaks.contains(&i) {
            out.push(SHY);
        }
        out.push(*c);
    }
}

/// Where `word` may break: each index is the first letter after a break.
fn break_points(word: &[char]) -> Vec<usize> {
    let n = word.len();
    if n < MIN_WORD || n < MIN_LEFT + MIN_RIGHT {
        return Vec::new();
    }
    let lower: Vec<char> = word.iter().flat_map(|c| c.to_lowercase()).collect();
    if lower.len() != n {
        return Vec::new();
    }
    let allowed = |i: usize| i >= MIN_LEFT && i + MIN_RIGHT <= n;
    let joints: Vec<usize> = compound_joints(&lower)
        .into_iter()
        .filter(|i| allowed(*i))
        .collect();
    let mut out: Vec<usize> = syllable_breaks(&lower)
        .into_iter()
        .filter(|i| allowed(*i) && joints.iter().all(|j| j.abs_diff(*i) > 1))
        .collect();
    out.extend(joints);
    out.stable_sort();
    out.dedup();
    out
}

/// Whether `stem` stands in `w` from index `at` (compared letter by letter: this runs for every long word
/// on a large staircase, so it allocates nothing).
fn stem_at(w: &[char], at: usize, stem: &str) -> bool {
    let mut rest = w.get(at..).unwrap_or_default().iter();
    stem.chars().all(|c| rest.next() == Some(&c))
}

/// The stems that begin with `first`: `STEMS` is grouped by first letter, so this is one slice of it and
/// each letter of a word is tried against a handful of stems, not all of them.
fn stems_from(first: char) -> &'static [&'static str] {
    // Every stem begins with an ASCII letter (a test holds this), so one byte decides.
    let Ok(first) = u8::try_from(first) else {
        return &[];
    };
    let from = STEMS.partition_point(|s| s.as_bytes()[0] < first);
    let to = STEMS.partition_point(|s| s.as_bytes()[0] <= first);
    &STEMS[from..to]
}

/// The starts and ends of the known words inside `w`.
fn compound_joints(w: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    for (start, first) in w.iter().enumerate() {
        for stem in stems_from(*first) {
            let len = stem.chars().count();
            if len < w.len() && stem_at(w, start, stem) {
                out.extend([start, start + len]);
            }
        }
    }
    // A joining «s» or «e» stays with the first word: «netværks-rådslagning», «netværks-anbringelse».
    let starts_stem = |i: usize| {
        w.get(i)
            .is_some_and(|c| stems_from(*c).iter().any(|s| stem_at(w, i, s)))
    };
    let linked: Vec<usize> = out
        .iter()
        .copied()
        .filter(|i| *i + 1 < w.len() && matches!(w[*i], 's' | 'e') && !starts_stem(*i))
        .filter(|i| !is_vowel(w[*i + 1]) || starts_stem(*i + 1))
        .collect();
    for i in linked {
        out.retain(|j| *j != i);
        out.push(i + 1);
    }
    out.retain(|i| *i > 0 && *i < w.len());
    out.stable_sort();
    out.dedup();
    out
}

/// Danish syllable division between each pair of vowels that has consonants between them.
fn syllable_breaks(w: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut last_vowel: Option<usize> = None;
    for (i, c) in w.iter().enumerate() {
        if !is_vowel(*c) {
            continue;
        }
        if let Some(v) = last_vowel {
            let consonants = i - v - 1;
            if consonants == 1 {
                out.push(i - 1);
            } else if consonants >= 2 {
                // «an-brin-gel-se», «me-ster»: two that may begin a word go on together.
                out.push(if ONSETS.iter().any(|o| stem_at(w, i - 2, o)) {
                    i - 2
                } else {
                    i - 1
                });
            }
        }
        last_vowel = Some(i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word with its break points shown as «-».
    fn show(w: &str) -> String {
        hyphenate(w).replace(SHY, "-")
    }

    #[test]
    fn compounds_of_the_field_break_at_their_joints() {
        assert_eq!(show("netværksrådslagning"), "net-værks-råd-slag-ning");
        assert_eq!(show("Familierådslagning"), "Fami-lie-råd-slag-ning");
        assert_eq!(show("Døgninstitution"), "Døgn-in-sti-tu-tion");
        assert_eq!(show("familieindsats"), "fami-lie-ind-sats");
        assert_eq!(show("Netværksanbringelse"), "Net-værks-an-brin-gelse");
        assert_eq!(show("Sundhedspleje"), "Sund-heds-pleje");
        assert_eq!(show("aflastningsfamilie"), "aflast-nings-fa-mi-lie");
        assert_eq!(show("Udslusningsbolig"), "Udslus-nings-bo-lig");
        assert_eq!(show("opholdssted"), "opholds-sted");
        assert_eq!(show("Fritidsaktiviteter"), "Fri-tids-ak-ti-vi-te-ter");
        assert_eq!(show("Samskabelsesstrategi"), "Sam-ska-bel-ses-stra-tegi");
    }

    #[test]
    fn every_break_leaves_three_letters_and_short_words_are_left_alone() {
        for w in [
            "netværksrådslagning",
            "Kontaktperson",
            "forebyggende",
            "specialiseret",
            "opholdssted",
            "plejefamilie",
        ] {
            let parts: Vec<String> = hyphenate(w).split(SHY).map(str::to_string).collect();
            assert!(parts.len() > 1, "{w} gets a break point");
            assert!(
                parts.iter().all(|p| p.chars().count() >= 2),
                "{w}: {parts:?}"
            );
            assert!(parts[0].chars().count() >= MIN_LEFT, "{w}: {parts:?}");
            assert!(
                parts.last().unwrap().chars().count() >= MIN_RIGHT,
                "{w}: {parts:?}"
            );
            assert_eq!(hyphenate(w).replace(SHY, ""), w);
        }
        for w in ["Trin", "Familie", "Ophold", "ICDP-kursus", "123456789012"] {
            assert_eq!(hyphenate(w), w);
        }
    }

    #[test]
    fn stems_are_grouped_by_first_letter() {
        assert!(STEMS.iter().all(|s| s.as_bytes()[0].is_ascii_lowercase()));
        assert!(STEMS
            .windows(2)
            .all(|p| p[0].as_bytes()[0] <= p[1].as_bytes()[0]));
        assert_eq!(stems_from('d'), &["døgn"]);
        assert!(stems_from('z').is_empty());
    }

    #[test]
    fn text_around_the_words_is_kept() {
        assert_eq!(
            show("Familierådslagning / netværksrådslagning (Barnets Lov § 32)"),
            "Fami-lie-råd-slag-ning / net-værks-råd-slag-ning (Barnets Lov § 32)"
        );
        assert_eq!(
            show("KIFF – kursus i fælles forældreansvar"),
            "KIFF – kursus i fælles foræl-dre-an-svar"
        );
        assert_eq!(show("Back2School"), "Back2School");
        assert_eq!(hyphenate(""), "");
    }
}
