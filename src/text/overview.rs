//! Overblik's words: the generated summary for the committee, what each figure is computed from, and what
//! is missing or disagrees, each with the page where it is put right.

use super::{decimal, group_thousands, kroner_short, MONTHS};
use crate::model::follow_up::YearMonth;
use crate::model::key_figures::casework::Standing;
use crate::model::key_figures::meetings::MeetingFigures;
use crate::model::key_figures::notices::Notice;
use crate::model::key_figures::plan::{PlanFigures, Track};
use crate::model::key_figures::series::{Point, Series};
use crate::model::key_figures::KeyFigures;
use crate::model::{CaseloadBand, InitiativeStatus};

// The committee page.
pub const PRINT_TITLE: &str = "Nøgletal til udvalget";
pub const PRINT_BACK: &str = "Tilbage til Overblik";
pub const PRINT_PAPER: &str = "Udskrives på én A4-side i stående format.";
pub const PRINT_HEADING: &str = "Nøgletal";

pub const TITLE_STAIRCASE: &str = "Trappens vægt over årene";
pub const TITLE_MOVES: &str = "Bevægelser på trappen";
pub const TITLE_CASELOAD: &str = "Børn pr. sagsbehandler";
pub const TITLE_MEETINGS: &str = "Netværksmøder";
pub const TITLE_PLAN: &str = "Handleplanen";
pub const TITLE_SUMMARY: &str = "Kort fortalt";
pub const TITLE_MISSING: &str = "Det mangler tallene";

pub const FROM_STAIRCASE: &str = "Regnet ud fra målingerne på trappen (antal børn pr. indsats og trin) og indsatsernes priser. Scenarier og målinger uden dato er ikke med.";
pub const FROM_MOVES: &str = "Regnet ud fra de flytninger, der er skrevet på den valgte måling (som udgangspunkt den nyeste måling med flytninger): antal børn, der flyttede fra ét trin til et andet i perioden frem til målingen. Ned betyder til et mindre indgribende trin.";
pub const FROM_CASELOAD: &str = "Børn med en sag (i indsatser, der kræver visitation, og børn talt samlet på et trin, der ikke er almene tilbud) delt med antal sagsbehandlere i målingen.";
pub fn from_meetings() -> String {
    format!(
        "Regnet ud fra mødelogen i hele måneder, som på siden Statistik. {}",
        super::meetings::HELD_RULE
    )
}
pub const FROM_PLAN: &str = "Regnet ud fra handleplanens initiativer og indikatorer, med status pr. i dag, efter samme regler som rapporten til udvalget.";

/// "december 2025 – november 2026"
pub fn month_span(from: YearMonth, to: YearMonth) -> String {
    let name = |ym: YearMonth| {
        format!(
            "{} {}",
            MONTHS
                .get(ym.month.wrapping_sub(1) as usize)
                .copied()
                .unwrap_or("?"),
            ym.year
        )
    };
    format!("{} – {}", name(from), name(to))
}

/// "25", "15–22"
pub fn band(b: CaseloadBand) -> String {
    if b.min == b.max {
        b.min.to_string()
    } else {
        format!("{}–{}", b.min, b.max)
    }
}

pub fn standing(s: Standing) -> &'static str {
    match s {
        Standing::Below => "Under målet",
        Standing::Within => "Inden for målet",
        Standing::Above => "Over målet",
    }
}

pub fn track(t: Track) -> &'static str {
    match t {
        Track::Reached => "Målet er nået",
        Track::OnTrack => "På vej mod målet",
        Track::OffTrack => "Bagud",
        Track::Unknown => "Kan ikke vurderes",
    }
}

fn verb(before: f64, after: f64) -> &'static str {
    if after < before {
        "faldt"
    } else if after > before {
        "steg"
    } else {
        "var uændret"
    }
}

/// Ends the last sentence with a full stop unless it ends with one already ("… 2,4 mio. kr.").
fn end_sentence(out: &mut [String]) {
    if let Some(last) = out.last_mut() {
        if !last.ends_with('.') {
            last.push('.');
        }
    }
}

fn quoted(name: &str) -> String {
    format!("«{name}»")
}

/// The staircase sentences: the placement share of children, and spend on placement against prevention
/// (Allerød: "residential spend 20 → 12 mio. kr. while preventive spend rose 12 → 20 mio. kr.").
/// Values are compared as shown, so a sentence never says "rose from 8,0 % to 8,0 %".
fn staircase_sentences(series: &Series, out: &mut Vec<String>) {
    let (Some(base), Some(now)) = (series.baseline(), series.latest()) else {
        return;
    };
    if base.measurement_id == now.measurement_id {
        return;
    }
    let (from, to) = (quoted(&base.name), quoted(&now.name));
    // In the sentence's own order, baseline first.
    let counts = format!(
        "{} mod {}",
        super::children(base.split.placement_children),
        super::children(now.split.placement_children)
    );
    let placed = (
        base.split.placement_children_share(),
        now.split.placement_children_share(),
    );
    if let (Some(a), Some(b)) = placed {
        let (a, b) = ((a * 1000.0).round() / 1000.0, (b * 1000.0).round() / 1000.0);
        out.push(if a == b {
            format!(
                "Fra {from} til {to} var andelen af børnene, der er anbragt, uændret på {} ({counts}).",
                super::percent(Some(b))
            )
        } else {
            format!(
                "Fra {from} til {to} {} andelen af børnene, der er anbragt, fra {} til {} ({counts}).",
                verb(a, b),
                super::percent(Some(a)),
                super::percent(Some(b))
            )
        });
    }
    // Kroner compared as shown (one decimal of a million).
    let shown = |v: i64| kroner_short(v);
    let spend = |a: i64, b: i64| {
        if shown(a) == shown(b) {
            format!("var uændret på {}", shown(b))
        } else {
            format!(
                "{} fra {} til {}",
                verb(a as f64, b as f64),
                shown(a),
                shown(b)
            )
        }
    };
    let (pa, pb) = (base.split.placement_spend, now.split.placement_spend);
    let (fa, fb) = (base.split.preventive_spend, now.split.preventive_spend);
    if pa != 0 || pb != 0 || fa != 0 || fb != 0 {
        let when = if placed.0.is_some() && placed.1.is_some() {
            "i samme periode".to_string()
        } else {
            format!("fra {from} til {to}")
        };
        out.push(format!(
            "Den årlige udgift til anbringelser {} {when}, mens udgiften til forebyggelse {}",
            spend(pa, pb),
            spend(fa, fb),
        ));
        end_sentence(out);
    }
}

fn moves_sentence(k: &KeyFigures, out: &mut Vec<String>) {
    let (Some(m), Some((_, name))) = (&k.moves, &k.moves_from) else {
        return;
    };
    if m.children() == 0 {
        return;
    }
    let lead = if m.down > m.up {
        "Flere børn flyttede ned ad trappen end op"
    } else if m.down < m.up {
        "Flere børn flyttede op ad trappen end ned"
    } else {
        "Lige mange børn flyttede ned og op ad trappen"
    };
    out.push(format!(
        "{lead} i perioden frem til {}: {} ned og {} op.",
        quoted(name),
        super::children(m.down),
        super::children(m.up)
    ));
}

fn caseload_sentence(k: &KeyFigures, band_: Option<CaseloadBand>, out: &mut Vec<String>) {
    let Some(now) = k.series.latest() else {
        return;
    };
    let Some(point) = k
        .caseload
        .iter()
        .find(|c| c.measurement_id == now.measurement_id)
    else {
        return;
    };
    let Some(load) = point.load else {
        return;
    };
    let goal = band_
        .map(|b| format!(" Målet er {} børn pr. sagsbehandler.", band(b)))
        .unwrap_or_default();
    let base = k
        .series
        .baseline()
        .filter(|b| b.measurement_id != now.measurement_id);
    let text = match base.and_then(|b| b.caseload.map(|l| (b, l))) {
        Some((b, before)) => {
            let (x, y) = (round1(before), round1(load));
            let how = if x == y {
                format!(
                    "var antallet af børn pr. sagsbehandler uændret på {}",
                    decimal(y, 1)
                )
            } else {
                format!(
                    "{} antallet af børn pr. sagsbehandler fra {} til {}",
                    verb(x, y),
                    decimal(x, 1),
                    decimal(y, 1)
                )
            };
            format!(
                "Fra {} til {} {how}.{goal}",
                quoted(&b.name),
                quoted(&now.name)
            )
        }
        None => format!(
            "I {} var der {} børn pr. sagsbehandler.{goal}",
            quoted(&now.name),
            decimal(load, 1)
        ),
    };
    out.push(text);
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn meetings_sentence(m: &MeetingFigures, out: &mut Vec<String>) {
    if m.meetings == 0 {
        return;
    }
    let span = month_span(m.window.from, m.window.to);
    for t in &m.targets {
        out.push(format!(
            "Der blev i snit holdt {} af typen {} om måneden i {span}. Målet er {}–{} om måneden, og {} af {} måneder lå inden for.",
            super::counted(&decimal(t.average(), 1), "møde", "møder"),
            super::meeting_type(&t.meeting_type).to_lowercase(),
            t.min,
            t.max,
            t.within,
            t.months.len()
        ));
    }
    if m.targets.is_empty() {
        out.push(format!(
            "Der blev i snit holdt {} om måneden i {span}.",
            super::counted(
                &decimal(m.average_per_month(), 1),
                "netværksmøde",
                "netværksmøder"
            )
        ));
    }
    if m.overdue_follow_ups > 0 || m.open_action_items > 0 {
        out.push(format!(
            "{} er ikke holdt til tiden, og {} handlinger fra møderne er ikke udført ({} af dem efter fristen).",
            follow_ups(m.overdue_follow_ups),
            group_thousands(m.open_action_items as i64),
            group_thousands(m.overdue_action_items as i64)
        ));
    }
}

/// Follow-ups whose date has passed without the meeting being followed up (never «forsinket»: that word is
/// the initiative status).
pub const LATE_FOLLOW_UPS: &str = "opfølgninger er ikke holdt til tiden";
pub const MOVES_FROM_LABEL: &str = "Vis flytninger fra målingen";
pub const MOVES_FROM_HINT: &str = "Flytningerne er dem, der er skrevet på målingen: antal børn, der flyttede i perioden frem til den.";

/// A measurement in a list to choose from: "«Status 2019» (31.12.2019)".
pub fn measurement_option(name: &str, date: chrono::NaiveDate) -> String {
    format!("{} ({})", quoted(name), super::date_short(date))
}

/// What counts as a deadline passed, the same words on Overblik, in its summary and in the committee print:
/// an initiative not finished (or dropped) whose deadline (its date, else the end of its period) is before
/// today (`model::plan_deadline`).
pub const OVERDUE_LABEL: &str = super::plan::OVERDUE_COUNT;

/// The committee print's plan tile: initiatives with the status «Afsluttet».
pub fn tile_done() -> String {
    format!(
        "Initiativer med status «{}»",
        super::initiative_status(InitiativeStatus::Done)
    )
}

/// "2 med status «Forsinket», 14 har overskredet fristen uden at være afsluttet"
pub fn tile_delayed_overdue(delayed: usize, overdue: usize) -> String {
    format!(
        "{} med status «{}», {} {}",
        group_thousands(delayed as i64),
        super::initiative_status(InitiativeStatus::Delayed),
        group_thousands(overdue as i64),
        OVERDUE_LABEL
    )
}

/// "a, b og c"
fn and_list(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} og {last}", rest.join(", ")),
    }
}

/// "1 opfølgning", "3 opfølgninger"
pub fn follow_ups(n: usize) -> String {
    if n == 1 {
        "1 opfølgning".into()
    } else {
        format!("{} opfølgninger", group_thousands(n as i64))
    }
}

fn plan_sentences(p: &PlanFigures, out: &mut Vec<String>) {
    if p.initiatives == 0 {
        return;
    }
    // Statuses by the names the plan gives them («Forsinket» is a status someone set), so they are never
    // confused with a deadline passed (`OVERDUE_LABEL`), which is read from the dates.
    let statuses: Vec<String> = InitiativeStatus::ALL
        .into_iter()
        .filter(|s| {
            p.count(*s) > 0
                || matches!(
                    s,
                    InitiativeStatus::NotStarted
                        | InitiativeStatus::InProgress
                        | InitiativeStatus::Delayed
                        | InitiativeStatus::Done
                )
        })
        .map(|s| {
            format!(
                "{} «{}»",
                group_thousands(p.count(s) as i64),
                super::initiative_status(s)
            )
        })
        .collect();
    out.push(format!(
        "Af handleplanens {} har {}.",
        super::counted(
            &group_thousands(p.initiatives as i64),
            "initiativ",
            "initiativer"
        ),
        and_list(&statuses).replacen(' ', " status ", 1)
    ));
    // Stale is not judged when the plan turns it off (0 days).
    let judge_stale = p.stale_after_days > 0;
    if p.overdue > 0 || (judge_stale && p.stale > 0) {
        let overdue = format!("{} {}", group_thousands(p.overdue as i64), OVERDUE_LABEL);
        out.push(if judge_stale {
            format!(
                "{overdue}, og {} har ikke fået en statusnote i over {} dage.",
                group_thousands(p.stale as i64),
                p.stale_after_days
            )
        } else {
            format!("{overdue}.")
        });
    }
    let judged = p.indicators.len() - p.tracks(Track::Unknown);
    if judged > 0 {
        out.push(format!(
            "{} af {} indikatorer har nået målet eller er på vej, {} er bagud.",
            p.tracks(Track::Reached) + p.tracks(Track::OnTrack),
            judged,
            p.tracks(Track::OffTrack)
        ));
    }
}

/// The committee summary in plain Danish, one sentence per figure that can be said; empty when nothing can.
pub fn summary(k: &KeyFigures, band_: Option<CaseloadBand>) -> Vec<String> {
    let mut out = Vec::new();
    staircase_sentences(&k.series, &mut out);
    moves_sentence(k, &mut out);
    caseload_sentence(k, band_, &mut out);
    meetings_sentence(&k.meetings, &mut out);
    plan_sentences(&k.plan, &mut out);
    out
}

pub const NO_SUMMARY: &str =
    "Der er endnu ikke tal nok til et resumé. Se nedenfor, hvad der mangler.";

/// What is missing or disagrees, and the page where it is put right.
pub fn notice(n: &Notice) -> (String, &'static str, &'static str) {
    const MEASUREMENTS: (&str, &str) = ("/trappe/maalinger", "Gå til målingerne");
    const STAIRCASE: (&str, &str) = ("/trappe", "Gå til trappen");
    const MEETINGS: (&str, &str) = ("/netvaerksmoeder", "Gå til netværksmøderne");
    const SETTINGS: (&str, &str) = ("/netvaerksmoeder/indstillinger", "Gå til indstillingerne");
    const PLAN: (&str, &str) = ("/handleplan", "Gå til handleplanen");
    const INDICATORS: (&str, &str) = ("/handleplan/indikatorer", "Gå til indikatorerne");
    const HERE: (&str, &str) = ("#maal-sagsbehandler", "Vælg et mål her på siden");
    let (text, (href, link)) = match n {
        Notice::NoSteps => ("Trappen har ingen trin endnu, så der er ingen tal for trappen.".to_string(), STAIRCASE),
        Notice::NoMeasurements => ("Der er ingen målinger endnu. Opret en baseline med antal børn pr. indsats for at se trappens vægt.".into(), MEASUREMENTS),
        Notice::Undated { name, .. } => (format!("Målingen {} har ingen dato og er ikke med i udviklingen. Giv den en dato.", quoted(name)), MEASUREMENTS),
        Notice::ScenariosLeftOut { count } => (format!("{} er ikke med i udviklingen, fordi scenarier er tænkte tal.", if *count == 1 { "1 scenarie".to_string() } else { format!("{count} scenarier") }), MEASUREMENTS),
        Notice::OneMeasurement => ("Der er kun én måling med dato, så der er ingen udvikling at vise endnu. Tilføj en ny måling for at se ændringen.".into(), MEASUREMENTS),
        Notice::BaselineAssumed { name, .. } => (format!("Ingen måling er markeret som baseline, så den ældste, {}, bruges som udgangspunkt.", quoted(name)), MEASUREMENTS),
        Notice::ChildrenWithoutCost { name, children, .. } => (format!("I {} er {} talt i indsatser uden pris, så udgiften er mindst det viste.", quoted(name), super::children(*children)), STAIRCASE),
        Notice::StepCountedTwice { name, step_name, step_count, intervention_count, .. } => (format!(
            "Tallene er uenige: I {} har trinnet {} både et samlet antal ({}) og antal pr. indsats ({} i alt). De lægges sammen til {}. Ret målingen, hvis det samlede antal allerede omfatter indsatserne.",
            quoted(name), quoted(step_name), group_thousands(*step_count), group_thousands(*intervention_count), group_thousands(step_count + intervention_count)
        ), MEASUREMENTS),
        Notice::MovesExceedStep { name, step_name, moved_out, before, before_name, .. } => (format!(
            "Tallene er uenige: I {} flyttede {} fra trinnet {}, men trinnet havde kun {} i {}. Tjek flytningerne.",
            quoted(name), super::children(*moved_out), quoted(step_name), super::children(*before), quoted(before_name)
        ), MEASUREMENTS),
        Notice::NoCaseworkers { name, .. } => (format!("Målingen {} har ikke antal sagsbehandlere, så børn pr. sagsbehandler kan ikke regnes.", quoted(name)), MEASUREMENTS),
        Notice::NoCaseloadBand => ("Der er ikke valgt et mål for børn pr. sagsbehandler.".into(), HERE),
        Notice::NoMoves { name, .. } => (format!("Målingen {} har ingen flytninger på trappen, så bevægelserne kan ikke vises.", quoted(name)), MEASUREMENTS),
        Notice::NoMeetings => ("Der er ingen netværksmøder i loggen endnu.".into(), MEETINGS),
        Notice::NoMonthlyTargets => ("Der er ikke sat et mål for antal møder om måneden.".into(), SETTINGS),
        Notice::MeetingsEndEarly => ("Der er ikke holdt møder i de seneste 12 hele måneder, så tallene gælder de 12 måneder frem til det nyeste møde.".into(), MEETINGS),
        Notice::UndatedMeetings { count } => (format!("{} uden dato tæller ikke med i månederne.", if *count == 1 { "1 møde".to_string() } else { format!("{} møder", group_thousands(*count as i64)) }), MEETINGS),
        Notice::NoInitiatives => ("Handleplanen har ingen initiativer endnu.".into(), PLAN),
        Notice::IndicatorsIncomplete { count } => (format!("{} mangler udgangspunkt, mål eller en måling og kan ikke vurderes.", if *count == 1 { "1 indikator".to_string() } else { format!("{count} indikatorer") }), INDICATORS),
    };
    (text, href, link)
}

/// The chart's text alternative: the placement and preventive spend at each point.
pub fn chart_description(points: &[Point]) -> String {
    let parts: Vec<String> = points
        .iter()
        .map(|p| {
            format!(
                "{}: anbringelser {}, forebyggelse {}",
                p.name,
                kroner_short(p.split.placement_spend),
                kroner_short(p.split.preventive_spend)
            )
        })
        .collect();
    format!(
        "Årlig udgift til anbringelser og til forebyggelse ved hver måling. {}. Tallene står også i tabellen.",
        parts.join("; ")
    )
}

/// "overblik-koege-2026-12-02.csv"
pub fn file_name(workspace: &str, what: &str, date: chrono::NaiveDate, ext: &str) -> String {
    let slug: String = workspace
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'æ' => 'e',
            'ø' => 'o',
            'å' => 'a',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("{what}-{slug}-{}.{ext}", date)
}

// Form fields.
pub const WS_MUNICIPALITY: &str = "Kommune";
pub const WS_DESCRIPTION_HINT: &str = "Formål, periode eller hvem der arbejder i det.";
pub const BAND_MIN: &str = "Fra (børn)";
pub const BAND_MAX: &str = "Til (børn)";

/// A figure at an earlier measurement: "12 % i «Baseline 2016»".
pub fn figure_at(figure: &str, measurement: &str) -> String {
    format!("{figure} i «{measurement}»")
}
pub const PLACEMENT_SHARE: &str = "Andel af børnene anbragt";
pub const PLACEMENT_SPEND: &str = "Årlig udgift til anbringelser";
pub const PREVENTIVE_SPEND: &str = "Årlig udgift til forebyggelse";

// The overview's captions, links and buttons.
pub const LINK_MEASUREMENTS: &str = "Rediger målingerne";
pub const SERIES_CAPTION: &str = "Målingerne i datoorden, med ændringen siden baseline";
pub const STEPS_CAPTION_SPEND: &str = "Årlig udgift pr. trin (andel af udgiften)";
pub const STEPS_CAPTION_CHILDREN: &str = "Børn pr. trin (andel af børnene)";
pub const CSV_STEPS: &str = "Hent tal pr. trin (CSV)";
pub const LINK_MOVES: &str = "Skriv flytninger på en måling";
pub const CSV_MOVES: &str = "Hent flytningerne (CSV)";
pub const LINK_CASEWORKERS: &str = "Ret antal sagsbehandlere";
pub const NO_BAND: &str = "Der er ikke valgt et mål endnu.";
pub const CASELOAD_CAPTION: &str = "Børn pr. sagsbehandler ved hver måling";
pub const LINK_MEETINGS: &str = "Gå til mødelogen";
pub const LINK_FOLLOW_UP: &str = "Se opfølgningerne";
pub const LINK_STATS: &str = "Se møder pr. måned som diagram";
pub const MONTHS_SUMMARY: &str = "Møder holdt pr. måned som tabel";
pub const LINK_PLAN: &str = "Gå til handleplanen";
pub const CSV_INDICATORS: &str = "Hent indikatorerne (CSV)";
pub const CSV_TABLE: &str = "Hent tabellen (CSV)";

// The overview's sections: tables, figures and what they say when there is nothing to show.
pub const NO_DATED_MEASUREMENTS_TO_SHOW: &str = "Der er ingen målinger med dato at vise endnu.";
pub const CHART_CAPTION: &str = "Samme tal står i tabellen nedenfor.";
pub const DOWNLOAD_CHART_SVG: &str = "Hent diagram (SVG)";
pub const DOWNLOAD_CHART_PNG: &str = "Hent diagram (PNG)";
pub const COL_MEASUREMENT: &str = "Måling";
pub const COL_PLACED_SHARE: &str = "Andel anbragt";
pub const COL_PLACEMENT_SPEND: &str = "Udgift til anbringelser";
pub const COL_PREVENTIVE_SPEND: &str = "Udgift til forebyggelse";
pub const COL_YEARLY_SPEND: &str = "Årlig udgift i alt";
pub const COL_SINCE_BASELINE: &str = "Siden baseline";
pub const SHOW_PER_STEP: &str = "Vis pr. trin";
pub const STEPS_BY_CHILDREN: &str = " Børn og andel af børnene";
pub const STEPS_BY_SPEND: &str = " Årlig udgift og andel af udgiften";
pub const MOVED_DOWN: &str = "børn flyttede ned ad trappen";
pub const MOVED_UP: &str = "børn flyttede op ad trappen";
pub const COL_MOVED_IN: &str = "Flyttet hertil";
pub const COL_MOVED_OUT: &str = "Flyttet herfra";
pub const COL_NET: &str = "Netto";
pub const NO_MEASUREMENT_FOR_MOVES: &str = "Der er ingen måling at vise flytninger for.";
pub const NO_DATED_MEASUREMENTS: &str = "Der er ingen målinger med dato endnu.";
pub const COL_CASEWORKERS: &str = "Sagsbehandlere";
pub const COL_CASEWORK_CHILDREN: &str = "Børn med en sag";
pub const COL_STANDING: &str = "I forhold til målet";
pub const NOT_GIVEN: &str = "ikke oplyst";
pub const CANNOT_BE_WORKED_OUT: &str = "kan ikke regnes";
pub const NO_MEETINGS: &str = "Der er ingen møder i loggen endnu.";
pub const NO_INITIATIVES: &str = "Handleplanen har ingen initiativer endnu.";
pub const INITIATIVES_BY_STATUS: &str = "Initiativer efter status";
pub const COL_BASELINE: &str = "Udgangspunkt";
pub const COL_LATEST: &str = "Seneste";
pub const COL_PROGRESS: &str = "Nået af vejen";
/// Announced after a chart was downloaded, by its file name.
pub fn chart_downloaded(file: &str) -> String {
    format!("Diagrammet er hentet som {file}.")
}
/// The change since the baseline: "+12 børn, +1,2 mio. kr.".
pub fn change_since_baseline(children: &str, spend: &str) -> String {
    format!("{children} børn, {spend}")
}
pub fn moves_until(measurement: &str) -> String {
    format!("Flytninger frem til «{measurement}»")
}
pub fn moves_caption(measurement: &str) -> String {
    format!("Flytninger pr. trin i perioden frem til «{measurement}»")
}
pub fn no_moves_in(measurement: &str) -> String {
    format!("Målingen «{measurement}» har ingen flytninger endnu.")
}
pub fn band_now(b: CaseloadBand) -> String {
    format!("Målet er {} børn pr. sagsbehandler.", band(b))
}
/// The meeting figures' list name: "Møder januar–juni 2026".
pub fn meetings_in(span: &str) -> String {
    format!("Møder {span}")
}
pub fn meetings_per_month_label(span: &str) -> String {
    format!("møder holdt om måneden i snit, alle typer ({span})")
}
/// One meeting type's figure: its monthly average against its target.
pub fn meeting_target_label(
    kind: &str,
    min: u32,
    max: u32,
    within: usize,
    months: usize,
) -> String {
    format!("{kind} om måneden (mål {min}–{max}); {within} af {months} måneder inden for målet")
}
pub fn open_actions_label(overdue: usize) -> String {
    format!("handlinger ikke udført, heraf {overdue} efter fristen")
}
pub fn months_caption(span: &str) -> String {
    format!("Møder holdt pr. måned, {span}")
}
/// The plan figure for initiatives without a recent status note.
pub fn stale_label(days: u32) -> String {
    format!("uden statusnote i over {days} dage")
}
/// The indicator table's caption: how many are on their way, behind, or cannot be judged.
pub fn indicators_caption(on_way: usize, behind: usize, unknown: usize) -> String {
    format!("Indikatorer: {on_way} nået eller på vej, {behind} bagud, {unknown} kan ikke vurderes")
}

// The overview page's head and the workspace's details.
pub const OVERVIEW_HEADING: &str = "Overblik: ";
pub const OVERVIEW_LEAD: &str = "Kommunens nøgletal på én side: flytter vægten på trappen sig nedad, og gør vi det, vi har lovet?";
pub const PRINT_FOR_COMMITTEE: &str = "Udskriv til udvalget";
pub const DATA_PAGE_LINK: &str = "Eksportér, importér og administrér arbejdsområder på siden Data.";
pub const WS_INFO: &str = "Om arbejdsområdet";

// The caseload target form.
pub const BAND_LABEL: &str = "Mål for børn pr. sagsbehandler";
pub const BAND_MAX_BELOW_MIN: &str = "Det højeste tal må ikke være mindre end det laveste.";
pub const BAND_REMOVED: &str = "Målet er fjernet.";
pub const BAND_HINT: &str = "Vælg et af kommunernes mål fra kilderne, eller skriv jeres eget.";
pub const OWN_BAND: &str = "Eget mål";
pub const SAVE_BAND: &str = "Gem målet";
/// A band bound that is not a whole number in range.
pub fn band_bound_wrong(max: u32) -> String {
    format!("Skriv et helt tal fra 1 til {max}, fx 22.")
}
pub fn band_saved(b: CaseloadBand) -> String {
    format!("Målet er gemt: {} børn pr. sagsbehandler.", band(b))
}
/// A municipality's target among the choices: "Aarhus: 20–25 børn".
pub fn band_preset(name: &str, b: CaseloadBand) -> String {
    format!("{name}: {} børn", band(b))
}

// The committee print.
/// All meeting types: the summary beside it speaks of the target's one type, so the tile says which it counts.
pub const TILE_MEETINGS: &str = "Møder holdt om måneden, alle typer";
pub const PRINT_SERIES_CAPTION: &str = "Målingerne i datoorden";
pub const COL_PLACEMENTS: &str = "Anbringelser";
pub const COL_PREVENTION: &str = "Forebyggelse";
pub const PRINT_SOURCE: &str = "Tallene er regnet af Trappe ud fra arbejdsområdets målinger, mødelog og handleplan. Priser pr. forløb tælles som ét forløb pr. barn om året.";
/// The caseload tile's target: "Mål: 20–25".
pub fn band_target(b: CaseloadBand) -> String {
    format!("Mål: {}", band(b))
}
/// "3 af 12"
pub fn count_of(part: usize, whole: usize) -> String {
    format!("{part} af {whole}")
}

// The spend chart.
pub const UNIT_MILLIONS: &str = "mio. kr.";
pub const UNIT_THOUSANDS: &str = "1.000 kr.";
/// The note on the spend chart's unit: "Årlig udgift i mio. kr.".
pub fn yearly_spend_in(unit: &str) -> String {
    format!("Årlig udgift i {unit}")
}

// The overview's data and downloads.
pub const WORKSPACE_FALLBACK: &str = "Arbejdsområde";
/// Announced after a table was downloaded, by its file name.
pub fn table_downloaded(file: &str) -> String {
    format!("Tabellen er hentet som {file}.")
}

// The series table's mark for the baseline itself.
pub const BASELINE_MARK: &str = "baseline";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_points_and_bands_read_in_danish() {
        assert_eq!(super::super::percent(Some(0.0458)), "4,6 %");
        assert_eq!(super::super::percent(None), "–");
        assert_eq!(super::super::points(Some(-3.42)), "-3,4 procentpoint");
        assert_eq!(super::super::points(Some(1.0)), "+1,0 procentpoint");
        assert_eq!(band(CaseloadBand { min: 15, max: 22 }), "15–22");
        assert_eq!(band(CaseloadBand { min: 25, max: 25 }), "25");
        assert_eq!(
            month_span(YearMonth::new(2025, 12), YearMonth::new(2026, 11)),
            "december 2025 – november 2026"
        );
        assert_eq!(
            file_name(
                "Køge 2019",
                "overblik",
                chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
                "csv"
            ),
            "overblik-koge-2019-2026-12-02.csv"
        );
    }
}
