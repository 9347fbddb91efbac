//! All Danish user-facing text in one place: labels for the model's enums, and Danish formats for dates
//! and amounts (`8. maj 2019`, `08.05.2019`, `1.234.567 kr.`, `9,3 mio. kr.`).

pub mod colleague;
pub mod file;
pub mod linked_copy;
pub mod meetings;
pub mod overview;
pub mod place;
pub mod plan;
pub mod set_aside;
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
    d.format("%d.%m.%Y").to_string()
}

/// `08-05-2019`, the form Danish Excel reads as a date in CSV.
pub fn date_csv(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
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

/// Like `decimal` but without trailing zero decimals: 3.0 → "3", 2.5 → "2,5".
pub fn number(v: f64) -> String {
    let s = decimal(v, 2);
    if s.contains(',') {
        s.trim_end_matches('0').trim_end_matches(',').to_string()
    } else {
        s
    }
}

/// Drops the thousands separators Danes type ("1.160.000", "1 160 000").
fn without_grouping(input: &str) -> String {
    input
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '\u{a0}'))
        .collect()
}

/// Reads an amount typed in Danish style ("4.500", "4 500 kr.", "1160000"); empty means no amount.
pub fn parse_kroner(input: &str) -> Result<Option<i64>, String> {
    let cleaned = without_grouping(input.trim().trim_end_matches("kr.").trim_end_matches("kr"));
    if cleaned.is_empty() {
        return Ok(None);
    }
    if cleaned.starts_with('-') {
        return Err("Beløbet kan ikke være negativt.".into());
    }
    cleaned
        .parse::<i64>()
        .map(Some)
        .map_err(|_| "Skriv et beløb i hele kroner, fx 4.500.".into())
}

/// Reads a whole number of children or places; empty means 0 for counts.
pub fn parse_whole(input: &str) -> Result<Option<u32>, String> {
    let cleaned = without_grouping(input.trim());
    if cleaned.is_empty() {
        return Ok(None);
    }
    if cleaned.starts_with('-') {
        return Err("Tallet kan ikke være negativt.".into());
    }
    cleaned
        .parse::<u32>()
        .map(Some)
        .map_err(|_| "Skriv et helt tal, fx 12.".into())
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
        assert_eq!(parse_kroner(""), Ok(None));
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
}
