//! All Danish user-facing text in one place: labels for the model's enums, and Danish formats for dates
//! and amounts (`8. maj 2019`, `08.05.2019`, `1.234.567 kr.`, `9,3 mio. kr.`).
//!
//! May import the model's types and the error enums of `file_format` and `storage`, to render them; nothing
//! below `ui` imports `text` except to render (CSV headers in `output`).

pub mod colleague;
pub mod data;
pub mod file;
pub mod hyphen;
pub mod input;
pub mod linked_copy;
pub mod meetings;
pub mod merge;
pub mod overview;
pub mod place;
pub mod plan;
pub mod privacy;
pub mod sealed;
pub mod set_aside;
pub mod sheet_import;
pub mod sheet_read;
pub mod staircase;
pub mod ui;

use crate::model::*;
use chrono::{Datelike, NaiveDate};

pub const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

/// `8. maj 2019`
pub fn date_long(d: NaiveDate) -> String {
    format!("{}. {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// `08.05.2019`
pub fn date_short(d: NaiveDate) -> String {
    crate::model::dates::day_month_year(d, '.')
}

/// `08-05-2019`, the form Danish Excel reads as a date in CSV.
pub fn date_csv(d: NaiveDate) -> String {
    crate::model::dates::day_month_year(d, '-')
}

/// `09:30`, the form Danish Excel reads as a time of day in CSV (on screen it is `09.30`).
pub fn time_csv(t: chrono::NaiveTime) -> String {
    crate::model::dates::hour_minute(t, ':')
}

/// A count as shown with its noun in the singular or the plural: "1 møde", "+1 barn", "2 møder",
/// "1,5 møder" (a decimal takes the plural in Danish).
pub fn counted(shown: &str, one: &str, many: &str) -> String {
    let noun = if matches!(shown.trim(), "1" | "+1" | "-1") {
        one
    } else {
        many
    };
    format!("{shown} {noun}")
}

/// "a, b og c"
pub fn and_list(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} og {last}", rest.join(", ")),
    }
}

/// "a, b eller c"
pub fn or_list(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} eller {last}", rest.join(", ")),
    }
}

pub fn opt_date_long(d: Option<NaiveDate>) -> String {
    d.map(date_long).unwrap_or_else(|| "uden dato".into())
}

/// Groups digits with '.' as Danish does: 1234567 → "1.234.567".
pub fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

/// `1.234.567 kr.`
pub fn kroner(n: i64) -> String {
    format!("{} kr.", group_thousands(n))
}

/// Large amounts in millions with one decimal (`9,3 mio. kr.`), smaller ones in full.
pub fn kroner_short(n: i64) -> String {
    if n.unsigned_abs() >= 1_000_000_000 {
        format!("{} mia. kr.", decimal(n as f64 / 1e9, 1))
    } else if n.unsigned_abs() >= 1_000_000 {
        format!("{} mio. kr.", decimal(n as f64 / 1e6, 1))
    } else {
        kroner(n)
    }
}

/// A number with `places` decimals, Danish comma and thousands separators: 1234.5 → "1.234,5".
pub fn decimal(v: f64, places: usize) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    // Rounded half away from zero on the decimal value first: 499 / 20 = 24,95 shows as 25,0 (formatting the
    // binary value alone gives 24,9), the same as every comparison that rounds to what is shown.
    let scale = 10f64.powi(places as i32);
    let s = format!("{:.*}", places, (v.abs() * scale).round() / scale);
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let int: i64 = int.parse().unwrap_or(0);
    let sign = if v < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{}", group_thousands(int))
    } else {
        format!("{sign}{},{frac}", group_thousands(int))
    }
}

/// A share as a percent with one decimal, «19,5 %»: the one rounding rule for shares on every screen, print,
/// file and sentence (half away from zero, as `decimal`); «–» when there is nothing to share.
pub fn percent(share: Option<f64>) -> String {
    match share {
        Some(v) => format!(
            "{} %",
            decimal(crate::model::key_figures::shown_percent(v), 1)
        ),
        None => "–".into(),
    }
}

/// A difference of shares in percentage points, one decimal and its sign: «+6,3 procentpoint»,
/// «-2,0 procentpoint», «0,0 procentpoint»; «–» when unknown.
pub fn points(p: Option<f64>) -> String {
    match p {
        Some(p) => {
            let s = decimal(p, 1);
            let s = if s.starts_with('-') || s == "0,0" {
                s
            } else {
                format!("+{s}")
            };
            format!("{s} procentpoint")
        }
        None => "–".into(),
    }
}

/// Like `decimal` but without trailing zero decimals: 3.0 → "3", 2.5 → "2,5".
pub fn number(v: f64) -> String {
    let s = decimal(v, 2);
    if s.contains(',') {
        s.trim_end_matches('0').trim_end_matches(',').to_string()
    } else {
        s
    }
}

/// Why a typed number could not be read.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Unreadable {
    /// A thousands separator not followed by exactly three digits ("1234.50", "1.23", "12.3456"): the
    /// dot may be a decimal point, so the number is refused, never guessed at.
    Grouping,
    /// Anything else: letters, a comma where none belongs, no digits.
    Other,
}

/// A whole number as typed, its sign apart: `-` (or the minus sign `−`) in front, then digits.
struct Typed<'a> {
    negative: bool,
    digits: String,
    /// What follows a decimal comma, as typed (only numbers with decimals take one).
    decimals: Option<&'a str>,
}

/// Thousands separators Danes type: the dot, a space or a no-break space.
fn is_separator(c: char) -> bool {
    matches!(c, '.' | ' ' | '\u{a0}' | '\u{202f}')
}

/// The digits of a number typed with Danish thousands separators ("1.160.000", "1 160 000", "1160000").
/// A separator stands between groups of exactly three digits after a first group of one to three, so
/// "1.234" is 1234 and "1234.50", "1.23", "12.3456" and "1234.567" cannot be read. `decimals` allows a
/// decimal comma ("1.234,5").
fn read_number(input: &str, decimals: bool) -> Result<Option<Typed<'_>>, Unreadable> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let (negative, s) = match s.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, s),
    };
    let (whole, fraction) = match s.split_once(',') {
        Some((w, f)) if decimals => (w, Some(f)),
        Some(_) => return Err(Unreadable::Other),
        None => (s, None),
    };
    if let Some(f) = fraction {
        if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
            return Err(Unreadable::Other);
        }
    }
    let groups: Vec<&str> = whole.split(is_separator).collect();
    if groups
        .iter()
        .any(|g| g.chars().any(|c| !c.is_ascii_digit()))
    {
        return Err(Unreadable::Other);
    }
    if groups.len() == 1 && groups[0].is_empty() {
        return Err(Unreadable::Other);
    }
    let grouped_well = groups.len() == 1
        || ((1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_well {
        return Err(Unreadable::Grouping);
    }
    Ok(Some(Typed {
        negative,
        digits: groups.concat(),
        decimals: fraction,
    }))
}

/// « «1234.50» kan ikke læses.» after a message, when the typed text is short enough to repeat.
fn not_readable(input: &str) -> String {
    let s = input.trim();
    if s.is_empty() || s.chars().count() > 30 {
        String::new()
    } else {
        format!(" «{s}» kan ikke læses.")
    }
}

/// Reads an amount in whole kroner typed in Danish style ("4.500", "4 500 kr.", "1160000"); empty means
/// no amount. A dot that is not a thousands separator ("1234.50") is refused with an example.
pub fn parse_kroner(input: &str) -> Result<Option<i64>, String> {
    let amount = input.trim();
    let amount = amount
        .strip_suffix("kr.")
        .or_else(|| amount.strip_suffix("kr"))
        .unwrap_or(amount);
    let wrong = || {
        format!(
            "Skriv beløbet i hele kroner, fx 1234 eller 1.234.{}",
            not_readable(input)
        )
    };
    match read_number(amount, false) {
        Ok(None) => Ok(None),
        Ok(Some(n)) if n.negative => Err("Beløbet kan ikke være negativt.".into()),
        Ok(Some(n)) => n.digits.parse::<i64>().map(Some).map_err(|_| wrong()),
        Err(_) => Err(wrong()),
    }
}

/// Reads a whole number of children or places ("12", "1.200"); empty means none.
pub fn parse_whole(input: &str) -> Result<Option<u32>, String> {
    let wrong = || {
        format!(
            "Skriv et helt tal, fx 12 eller 1.200.{}",
            not_readable(input)
        )
    };
    match read_number(input, false) {
        Ok(None) => Ok(None),
        Ok(Some(n)) if n.negative => Err("Tallet kan ikke være negativt.".into()),
        Ok(Some(n)) => n.digits.parse::<u32>().map(Some).map_err(|_| wrong()),
        Err(_) => Err(wrong()),
    }
}

/// Reads a number as a Dane writes it: "12,5", "1.234,5", "1.234", "-3"; empty means none. A dot is a
/// thousands separator only, so "2.5" is refused with an example rather than read as 2,5 or 25.
pub fn parse_decimal(input: &str) -> Result<Option<f64>, String> {
    let wrong = |why| {
        match why {
        Unreadable::Grouping => format!(
            "Skriv et tal med komma før decimalerne, fx 2,5, og punktum kun mellem tusinder, fx 1.234.{}",
            not_readable(input)
        ),
        Unreadable::Other => format!(
            "Skriv et tal, fx 12, 12,5 eller 1.234.{}",
            not_readable(input)
        ),
    }
    };
    let Some(n) = read_number(input, true).map_err(wrong)? else {
        return Ok(None);
    };
    let sign = if n.negative { "-" } else { "" };
    let plain = format!("{sign}{}.{}", n.digits, n.decimals.unwrap_or("0"));
    plain
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or_else(|| wrong(Unreadable::Other))
}

pub fn step_category(c: StepCategory) -> &'static str {
    match c {
        StepCategory::Universal => "Almene tilbud",
        StepCategory::Preventive => "Forebyggende",
        StepCategory::Placement => "Anbringelse",
    }
}

pub fn age_group(a: AgeGroup) -> &'static str {
    match a {
        AgeGroup::Age0To6 => "0–6 år",
        AgeGroup::Age7To14 => "7–14 år",
        AgeGroup::Age15To17 => "15–17 år",
        AgeGroup::Age18To23 => "18–23 år",
    }
}

pub fn cost_period(p: CostPeriod) -> &'static str {
    match p {
        CostPeriod::PerMonth => "pr. måned",
        CostPeriod::PerYear => "pr. år",
        CostPeriod::PerCourse => "pr. forløb",
    }
}

pub fn provider_kind(p: ProviderKind) -> &'static str {
    match p {
        ProviderKind::Own => "Egen enhed",
        ProviderKind::External => "Ekstern leverandør",
    }
}

pub fn intervention_status(s: InterventionStatus) -> &'static str {
    match s {
        InterventionStatus::Active => "I drift",
        InterventionStatus::Planned => "Planlagt",
        InterventionStatus::Pilot => "Afprøves",
        InterventionStatus::Closed => "Lukket",
    }
}

pub fn measurement_kind(k: MeasurementKind) -> &'static str {
    match k {
        MeasurementKind::Baseline => "Baseline",
        MeasurementKind::Actual => "Måling",
        MeasurementKind::Target => "Mål",
        MeasurementKind::Scenario => "Scenarie",
    }
}

pub fn meeting_type(t: &MeetingType) -> String {
    match t {
        MeetingType::FamilyGroupConference => "Familierådslagning".into(),
        MeetingType::InvolvingNetworkMeeting => "Inddragende netværksmøde".into(),
        MeetingType::Interdisciplinary => "Tværfagligt møde".into(),
        MeetingType::FaellesIndsats => "Fælles Indsats-møde".into(),
        MeetingType::SignsOfSafety => "Signs of Safety-møde".into(),
        MeetingType::FollowUp => "Opfølgningsmøde".into(),
        MeetingType::Custom(s) => s.clone(),
        MeetingType::Unknown(found) => meetings::unknown_type(found),
    }
}

pub fn meeting_status(s: MeetingStatus) -> &'static str {
    match s {
        MeetingStatus::Planned => "Planlagt",
        MeetingStatus::Held => "Afholdt",
        MeetingStatus::FollowedUp => "Fulgt op",
        MeetingStatus::Cancelled => "Aflyst",
    }
}

pub fn participant_role(r: ParticipantRole) -> &'static str {
    match r {
        ParticipantRole::Family => "Familie",
        ParticipantRole::Network => "Netværk",
        ParticipantRole::Professional => "Fagperson",
    }
}

pub fn minutes_kind(k: MinutesKind) -> &'static str {
    match k {
        MinutesKind::Decisions => "Beslutningsreferat",
        MinutesKind::Full => "Fuldt referat",
    }
}

pub fn initiative_status(s: InitiativeStatus) -> &'static str {
    match s {
        InitiativeStatus::NotStarted => "Ikke startet",
        InitiativeStatus::InProgress => "I gang",
        InitiativeStatus::Delayed => "Forsinket",
        InitiativeStatus::Done => "Afsluttet",
        InitiativeStatus::Paused => "Sat i bero",
        InitiativeStatus::Dropped => "Opgivet",
    }
}

/// "1 barn" / "3 børn"
pub fn children(n: i64) -> String {
    if n.abs() == 1 {
        format!("{n} barn")
    } else {
        format!("{} børn", group_thousands(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "1 møder", "+1 børn" and "1 initiativer" were printed for a count of one.
    #[test]
    fn a_count_of_one_takes_the_singular_noun() {
        assert_eq!(counted("1", "møde", "møder"), "1 møde");
        assert_eq!(counted("1,0", "møde", "møder"), "1,0 møder");
        assert_eq!(counted("2", "møde", "møder"), "2 møder");
        assert_eq!(counted("+1", "barn", "børn"), "+1 barn");
        assert_eq!(counted("-1", "barn", "børn"), "-1 barn");
        assert_eq!(counted("1.000", "barn", "børn"), "1.000 børn");
        assert_eq!(staircase::delta_line(1, 0), "Ændring: +1 barn · 0 kr.");
        assert_eq!(staircase::delta_line(-3, 0), "Ændring: -3 børn · 0 kr.");
    }

    #[test]
    fn danish_dates() {
        let d = NaiveDate::from_ymd_opt(2019, 5, 8).unwrap();
        assert_eq!(date_long(d), "8. maj 2019");
        assert_eq!(date_short(d), "08.05.2019");
        assert_eq!(date_csv(d), "08-05-2019");
    }

    #[test]
    fn danish_amounts() {
        assert_eq!(kroner(1_234_567), "1.234.567 kr.");
        assert_eq!(kroner(0), "0 kr.");
        assert_eq!(kroner(-1000), "-1.000 kr.");
        assert_eq!(kroner(999), "999 kr.");
        assert_eq!(kroner_short(9_300_000), "9,3 mio. kr.");
        assert_eq!(kroner_short(-2_140_000), "-2,1 mio. kr.");
        assert_eq!(kroner_short(9_700_000_000), "9,7 mia. kr.");
        assert_eq!(kroner_short(470_000), "470.000 kr.");
        assert_eq!(decimal(1234.56, 1), "1.234,6");
        // Half rounds away from zero on the decimal value (499 / 20 children per caseworker).
        assert_eq!(decimal(499.0 / 20.0, 1), "25,0");
        assert_eq!(decimal(-0.25, 1), "-0,3");
        assert_eq!(crate::output::plan_csv::csv_decimal(499.0 / 20.0, 1), "25");
        assert_eq!(number(3.0), "3");
        assert_eq!(number(2.5), "2,5");
        assert_eq!(number(-0.001), "0");
        assert_eq!(children(1), "1 barn");
        assert_eq!(children(1200), "1.200 børn");
    }

    #[test]
    fn typed_amounts_and_counts() {
        assert_eq!(parse_kroner("4.500"), Ok(Some(4_500)));
        assert_eq!(parse_kroner(" 1 160 000 kr. "), Ok(Some(1_160_000)));
        assert_eq!(parse_kroner("1\u{a0}160\u{a0}000 kr"), Ok(Some(1_160_000)));
        assert_eq!(parse_kroner(""), Ok(None));
        assert_eq!(parse_kroner(" kr. "), Ok(None));
        assert!(parse_kroner("-5").is_err());
        assert!(parse_kroner("dyr").is_err());
        assert!(parse_kroner("4,5").is_err());
        assert_eq!(parse_kroner("250.000 kr."), Ok(Some(250_000)));
        assert_eq!(parse_whole("12"), Ok(Some(12)));
        assert_eq!(parse_whole(" "), Ok(None));
        assert_eq!(parse_whole("1.200"), Ok(Some(1_200)));
        assert!(parse_whole("-1").is_err());
        assert!(parse_whole("2,5").is_err());
    }

    /// A dot followed by other than three digits may be a decimal point: refused with an example,
    /// never read as a thousands separator ("1234.50" is not 123.450 kr.).
    #[test]
    fn a_dot_is_a_thousands_separator_only_before_three_digits() {
        assert_eq!(parse_kroner("1.234"), Ok(Some(1_234)));
        assert_eq!(parse_kroner("1.234.567"), Ok(Some(1_234_567)));
        assert_eq!(parse_kroner("1 234 567"), Ok(Some(1_234_567)));
        assert_eq!(parse_kroner("999"), Ok(Some(999)));
        assert_eq!(
            parse_kroner("1234.50"),
            Err(
                "Skriv beløbet i hele kroner, fx 1234 eller 1.234. «1234.50» kan ikke læses."
                    .into()
            )
        );
        for refused in [
            "1.23",
            "12.3456",
            "1234.567",
            "1.2345",
            ".500",
            "1.",
            "1..234",
            "1.234.56",
            "12 34",
            "1,5",
            "1.234,50",
            "1e5",
            "+5",
            "4.500 kroner",
        ] {
            let e = parse_kroner(refused).expect_err(refused);
            assert!(
                e.starts_with("Skriv beløbet i hele kroner, fx 1234 eller 1.234."),
                "{refused}: {e}"
            );
            assert!(
                e.ends_with(&format!("«{refused}» kan ikke læses.")),
                "{refused}: {e}"
            );
        }
        assert_eq!(
            parse_kroner("-1.234"),
            Err("Beløbet kan ikke være negativt.".into())
        );
        assert_eq!(
            parse_kroner("\u{2212}5"),
            Err("Beløbet kan ikke være negativt.".into())
        );
        // Too large for an amount: the same message, not a wrapped or cut number.
        assert!(parse_kroner("99.999.999.999.999.999.999").is_err());
        // A long paste is not repeated in the message.
        let long = "1".repeat(40) + ".5";
        assert_eq!(
            parse_kroner(&long),
            Err("Skriv beløbet i hele kroner, fx 1234 eller 1.234.".into())
        );

        assert_eq!(parse_whole("1.234"), Ok(Some(1_234)));
        assert_eq!(parse_whole("1.234.567"), Ok(Some(1_234_567)));
        for refused in ["1234.50", "1.23", "12.3456", "1,5", "5.000.000.000"] {
            let e = parse_whole(refused).expect_err(refused);
            assert!(
                e.starts_with("Skriv et helt tal, fx 12 eller 1.200."),
                "{refused}: {e}"
            );
        }
        assert_eq!(
            parse_whole("12.5"),
            Err("Skriv et helt tal, fx 12 eller 1.200. «12.5» kan ikke læses.".into())
        );
    }

    #[test]
    fn typed_decimals() {
        assert_eq!(parse_decimal("12,5"), Ok(Some(12.5)));
        assert_eq!(parse_decimal("1,5"), Ok(Some(1.5)));
        assert_eq!(parse_decimal("1.234,5"), Ok(Some(1234.5)));
        assert_eq!(parse_decimal("1 234,5"), Ok(Some(1234.5)));
        assert_eq!(parse_decimal("1.234"), Ok(Some(1234.0)));
        assert_eq!(parse_decimal("1.234.567"), Ok(Some(1_234_567.0)));
        assert_eq!(parse_decimal("12.345,678"), Ok(Some(12_345.678)));
        assert_eq!(parse_decimal("-3"), Ok(Some(-3.0)));
        assert_eq!(parse_decimal("- 0,25"), Ok(Some(-0.25)));
        assert_eq!(parse_decimal("74"), Ok(Some(74.0)));
        assert_eq!(parse_decimal(""), Ok(None));
        assert_eq!(parse_decimal("  "), Ok(None));
        for ambiguous in ["2.5", "1234.50", "1.23", "12.3456", "1234.567", "1.234.5"] {
            assert_eq!(
                parse_decimal(ambiguous),
                Err(format!(
                    "Skriv et tal med komma før decimalerne, fx 2,5, og punktum kun mellem tusinder, fx 1.234. «{ambiguous}» kan ikke læses."
                )),
            );
        }
        for refused in [
            "abc", "inf", "NaN", "1e5", "1,2,3", "1,", ",5", "1,234.5", "-",
        ] {
            let e = parse_decimal(refused).expect_err(refused);
            assert!(e.starts_with("Skriv et tal"), "{refused}: {e}");
        }
    }
}
