//! Danish sentences for the staircase editor and its figures.

use super::{children, kroner_short, measurement_kind, number};
use crate::model::staircase_figures::{Comparison, WhatIf};
use crate::model::staircase_ops::{CountTarget, StaircaseError};
use crate::model::{Measurement, Staircase};

/// Name of a duplicated intervention.
pub fn copy_name(name: &str) -> String {
    crate::model::validation::name_with_suffix(name, super::ui::COPY_SUFFIX)
}

pub const SUBNAV_LABEL: &str = "Trappens visninger";
pub const SUBNAV_STAIRCASE: &str = "Trappe og diagram";
pub const SUBNAV_MEASUREMENTS: &str = "Målinger";
pub const SUBNAV_COMPARE: &str = "Sammenlign og hvad nu hvis";
pub const TOOLBAR_LABEL: &str = "Fortryd og visning";
pub const WORKSHOP_MODE: &str = "Workshop-visning (stor skrift)";

// The print view.
pub const PRINT_TITLE: &str = "Udskrift – Trappe";
pub const PRINT_BACK: &str = "Tilbage til trappen";
pub const PRINT_PAPER: &str = "Udskrives på A4 i liggende format.";
pub const PRINT_HEADING: &str = "Indsatstrappen";

/// The question before deleting an intervention, naming what links to it.
pub fn delete_intervention_question(links: &[(crate::model::record::RecordKind, usize)]) -> String {
    if links.is_empty() {
        "Slette indsatsen og dens tal i alle målinger?".into()
    } else {
        format!(
            "Slette indsatsen og dens tal i alle målinger? {} henviser til den; henvisningen fjernes (Fortryd sætter den på igen).",
            super::ui::record_counts(links)
        )
    }
}

/// "1 indsats" / "3 indsatser"
pub fn interventions(n: usize) -> String {
    if n == 1 {
        "1 indsats".into()
    } else {
        format!("{n} indsatser")
    }
}

/// Danish message for an edit the model refused, to show next to the field or button.
pub fn error(e: &StaircaseError) -> String {
    match e {
        StaircaseError::StepNotFound(_) => "Trinnet findes ikke længere.".into(),
        StaircaseError::InterventionNotFound(_) => "Indsatsen findes ikke længere.".into(),
        StaircaseError::MeasurementNotFound(_) => "Målingen findes ikke længere.".into(),
        StaircaseError::StepHasInterventions { interventions: n, .. } => format!(
            "Trinnet har {}. Vælg et trin, de skal flyttes til, eller bekræft, at de skal slettes sammen med trinnet.",
            interventions(*n)
        ),
        StaircaseError::MoveTargetIsSameStep(_) => {
            "Indsatserne kan ikke flyttes til det trin, der slettes.".into()
        }
        StaircaseError::DuplicateId(_) => "Der findes allerede en post med samme id.".into(),
        StaircaseError::EmptyName => "Skriv et navn.".into(),
        StaircaseError::NegativeCost(_) => "Beløbet kan ikke være negativt.".into(),
        StaircaseError::Rule { problem, .. } => super::ui::field_problem(problem),
        StaircaseError::NotEnoughChildren { available: 0, .. } => {
            "Der er ingen børn at flytte.".into()
        }
        StaircaseError::NotEnoughChildren {
            available,
            requested,
        } => format!(
            "Der er kun {} at flytte, ikke {}.",
            children(i64::from(*available)),
            requested
        ),
        StaircaseError::NothingToMove => "Angiv et antal børn større end 0.".into(),
        StaircaseError::SameTarget => "Vælg to forskellige steder at flytte fra og til.".into(),
    }
}

/// A measurement's name, or its kind when it has none.
pub fn measurement_name(m: &Measurement) -> String {
    if m.name.trim().is_empty() {
        measurement_kind(m.kind).into()
    } else {
        m.name.trim().to_string()
    }
}

/// Name of the intervention or step a count belongs to.
pub fn target_name(s: &Staircase, target: CountTarget) -> String {
    let name = match target {
        CountTarget::Intervention(id) => s.intervention(id).map(|iv| iv.name.trim()),
        CountTarget::Step(id) => s.step(id).map(|st| st.name.trim()),
    };
    match name {
        Some(n) if !n.is_empty() => n.to_string(),
        Some(_) => "uden navn".into(),
        None => "ukendt".into(),
    }
}

/// "Scenarie: 20 børn fra Døgninstitution til Familiebehandling"
pub fn what_if_name(s: &Staircase, from: CountTarget, to: CountTarget, n: u32) -> String {
    format!(
        "Scenarie: {} fra {} til {}",
        children(i64::from(n)),
        target_name(s, from),
        target_name(s, to)
    )
}

/// A what-if scenario's name (`typed`, or one said from the move when that is blank) and its note.
pub fn scenario_label(
    s: &Staircase,
    base: crate::model::Id,
    from: CountTarget,
    to: CountTarget,
    n: u32,
    typed: &str,
) -> crate::model::staircase_figures::ScenarioLabel {
    let typed = typed.trim();
    crate::model::staircase_figures::ScenarioLabel {
        name: if typed.is_empty() {
            what_if_name(s, from, to, n)
        } else {
            typed.to_string()
        },
        note: s
            .measurement(base)
            .map(|m| what_if_note(s, m))
            .unwrap_or_default(),
    }
}

/// Note on a what-if scenario saying where it came from.
pub fn what_if_note(_s: &Staircase, base: &Measurement) -> String {
    format!("Beregnet ud fra «{}».", measurement_name(base))
}

/// "Sparer 19,6 mio. kr. om året." / "Koster 2,1 mio. kr. mere om året." / "Ændrer ikke udgiften om året."
pub fn what_if_effect(w: &WhatIf) -> String {
    let d = w.spend_delta;
    let mut out = if d < 0 {
        format!("Sparer {} om året.", kroner_short(d.saturating_abs()))
    } else if d > 0 {
        format!("Koster {} mere om året.", kroner_short(d))
    } else {
        "Ændrer ikke udgiften om året.".to_string()
    };
    if !w.cost_known {
        out.push_str(" Der mangler en pris, så beløbet er ikke fuldstændigt.");
    }
    out
}

/// "3 børn uden kendt pris"
pub fn without_cost(n: i64) -> String {
    format!("{} uden kendt pris", children(n))
}

/// "25 børn pr. sagsbehandler", "22,5 børn pr. sagsbehandler"; "ukendt" without caseworkers.
pub fn caseload(v: Option<f64>) -> String {
    match v {
        Some(v) => {
            let rounded = (v * 10.0).round() / 10.0;
            let noun = if rounded == 1.0 { "barn" } else { "børn" };
            format!("{} {noun} pr. sagsbehandler", number(rounded))
        }
        None => "ukendt".into(),
    }
}

/// A change in children for a table cell: "+3", "-3", "0".
pub fn signed_children(d: i64) -> String {
    if d > 0 {
        format!("+{}", super::group_thousands(d))
    } else {
        super::group_thousands(d)
    }
}

/// A change in kroner for a table cell: "+2,1 mio. kr.", "-470.000 kr.", "0 kr.".
pub fn signed_kroner(d: i64) -> String {
    if d > 0 {
        format!("+{}", kroner_short(d))
    } else {
        kroner_short(d)
    }
}

/// "3 børn færre", "1 barn flere", "samme antal børn".
fn children_change(d: i64) -> String {
    match d {
        d if d < 0 => format!("{} færre", children(d.saturating_abs())),
        d if d > 0 => format!("{} flere", children(d)),
        _ => "samme antal børn".into(),
    }
}

/// "3,4 mio. kr. lavere", "900.000 kr. højere", "den samme".
fn spend_change(d: i64) -> String {
    match d {
        d if d < 0 => format!("{} lavere", kroner_short(d.saturating_abs())),
        d if d > 0 => format!("{} højere", kroner_short(d)),
        _ => "den samme".into(),
    }
}

/// How measurement b differs from a: the total change and the placement steps' change together, first in
/// children, then in yearly spend. E.g. "I forhold til «Baseline 2016» har «Mål 2020» 1 barn færre i alt
/// og 4 børn færre på anbringelsestrinnene. Den årlige udgift er 3,4 mio. kr. lavere i alt og 4,0 mio.
/// kr. lavere på anbringelsestrinnene." Without placement steps only the totals are named.
pub fn comparison_summary(s: &Staircase, c: &Comparison) -> String {
    let name = |id| {
        s.measurement(id)
            .map(measurement_name)
            .unwrap_or_else(|| "ukendt".into())
    };
    let total = c.total_change();
    // "… i alt og på anbringelsestrinnene" when both parts say the same.
    let both = |t: String, p: String| {
        if t == p {
            format!("{t} i alt og på anbringelsestrinnene")
        } else {
            format!("{t} i alt og {p} på anbringelsestrinnene")
        }
    };
    let (children_part, spend_part) = match c.placement_change() {
        Some(p) => (
            both(children_change(total.children), children_change(p.children)),
            both(spend_change(total.spend), spend_change(p.spend)),
        ),
        None => (
            format!("{} i alt", children_change(total.children)),
            format!("{} i alt", spend_change(total.spend)),
        ),
    };
    format!(
        "I forhold til «{}» har «{}» {children_part}. Den årlige udgift er {spend_part}.",
        name(c.a),
        name(c.b)
    )
}

/// The rule for prices per course, said next to every figure that uses one.
pub fn per_course_rule() -> String {
    let n = crate::model::CostPeriod::COURSES_PER_CHILD_PER_YEAR;
    format!("regnet som {n} forløb pr. barn pr. år")
}

/// The live line under a price in the intervention form: "Svarer til 54.000 kr. pr. barn pr. år." For a
/// price per course the rule is said too; without a unit the user is asked to choose one.
pub fn yearly_cost_line(
    unit_cost: Option<crate::model::Kroner>,
    period: Option<crate::model::CostPeriod>,
) -> String {
    use crate::model::CostPeriod;
    match (unit_cost, period) {
        (None, _) => String::new(),
        (Some(_), None) => {
            "Vælg, om prisen gælder en måned, et år eller et forløb, så regnes prisen pr. barn pr. år."
                .into()
        }
        (Some(c), Some(p)) => {
            let yearly = super::kroner(c.saturating_mul(p.per_year()));
            if p == CostPeriod::PerCourse {
                format!("Svarer til {yearly} pr. barn pr. år, {}.", per_course_rule())
            } else {
                format!("Svarer til {yearly} pr. barn pr. år.")
            }
        }
    }
}

/// Under figures that use prices per course: "Priser pr. forløb er regnet som 1 forløb pr. barn pr. år
/// (10 børn i «Baseline 2024»)." Empty when no child is priced per course.
pub fn per_course_note(uses: &[(&str, i64)]) -> String {
    let parts: Vec<String> = uses
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(name, n)| format!("{} i «{name}»", children(*n)))
        .collect();
    if parts.is_empty() {
        return String::new();
    }
    let rule = per_course_rule();
    format!("Priser pr. forløb er {rule} ({}).", parts.join(", "))
}

/// Announced after a move: "ICDP flyttet til trin 3, position 2".
pub fn moved(name: &str, step_no: usize, position: usize) -> String {
    format!("{name} flyttet til trin {step_no}, position {position}")
}

/// Announced when a keyboard move cannot go further.
pub fn cannot_move(name: &str) -> String {
    format!("{name} kan ikke flyttes længere i den retning")
}

/// "5 af 29 indsatser matcher"
pub fn match_count(matching: usize, total: usize) -> String {
    let noun = if total == 1 { "indsats" } else { "indsatser" };
    format!("{matching} af {total} {noun} matcher")
}

/// "Trin 3"
pub fn step_no(index: usize) -> String {
    format!("Trin {}", index + 1)
}

/// A step's title in tables: "Trin 3 Familiebehandling", or just the name when it already starts with its
/// number ("3. Forebyggende foranstaltninger").
pub fn step_title(index: usize, name: &str) -> String {
    let name = name.trim();
    if name.starts_with(&format!("{}.", index + 1)) {
        name.to_string()
    } else {
        format!("{} {name}", step_no(index))
    }
}

/// Short figures under a step in the chart: "25 børn · 29,0 mio. kr."
pub fn figures_line(children: i64, yearly_spend: i64) -> String {
    format!(
        "{} · {}",
        super::children(children),
        kroner_short(yearly_spend)
    )
}

/// Change line in the chart: "Ændring: -3 børn · -3,5 mio. kr."
pub fn delta_line(children_delta: i64, spend_delta: i64) -> String {
    format!(
        "Ændring: {} · {}",
        super::counted(&signed_children(children_delta), "barn", "børn"),
        signed_kroner(spend_delta)
    )
}

/// Text alternative of the chart (SVG `<desc>`): one sentence per step.
pub fn chart_description(
    s: &Staircase,
    a_name: &str,
    a: &[crate::model::staircase_figures::StepFigures],
    b: Option<(&str, &[crate::model::staircase_figures::StepFigures])>,
) -> String {
    let mut out = format!(
        "Indsatstrappe med {} trin, fra det mindst indgribende til venstre til det mest indgribende til højre. ",
        s.steps.len()
    );
    for (i, (step, fa)) in s.steps.iter().zip(a).enumerate() {
        out.push_str(&format!(
            "{}: {} i «{}»",
            step_title(i, &step.name),
            figures_line(fa.children, fa.yearly_spend),
            a_name
        ));
        if let Some((b_name, fb)) = b {
            if let Some(fb) = fb.get(i) {
                out.push_str(&format!(
                    ", {} i «{}»",
                    figures_line(fb.children, fb.yearly_spend),
                    b_name
                ));
            }
        }
        out.push_str(". ");
    }
    out.trim_end().to_string()
}

/// A file name for an exported chart: "indsatstrappe-koege-2019-2026-11-24.svg".
pub fn chart_file_name(workspace: &str, date: chrono::NaiveDate, ext: &str) -> String {
    let mut slug = String::new();
    for c in workspace.trim().to_lowercase().chars() {
        let part = match c {
            'æ' => "ae".to_string(),
            'ø' => "oe".to_string(),
            'å' => "aa".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_string(),
            _ => "-".to_string(),
        };
        slug.push_str(&part);
    }
    let slug: Vec<&str> = slug.split('-').filter(|p| !p.is_empty()).collect();
    let slug = slug.join("-");
    if slug.is_empty() {
        format!("indsatstrappe-{}.{ext}", date)
    } else {
        format!("indsatstrappe-{slug}-{}.{ext}", date)
    }
}

// ---- moves between steps, in the measurement form ----

pub const MOVES_LEGEND: &str = "Flytninger på trappen i perioden";
pub const MOVES_HINT: &str = "Hvor mange børn der flyttede fra ét trin til et andet i målingens \
    periode. Kun antal, aldrig enkelte børn. Valgfrit.";
pub const MOVES_NONE: &str = "Ingen flytninger endnu.";
pub const MOVE_FROM: &str = "Fra trin";
pub const MOVE_TO: &str = "Til trin";
pub const MOVE_CHILDREN: &str = "Antal børn";
pub const MOVE_CHOOSE_STEP: &str = "Vælg trin";
pub const ADD_MOVE: &str = "Tilføj flytning";
pub const REMOVE_MOVE: &str = "Fjern";
pub const MOVE_FROM_MISSING: &str = "Vælg det trin, børnene flyttede fra.";
pub const MOVE_TO_MISSING: &str = "Vælg det trin, børnene flyttede til.";
pub const MOVE_CHILDREN_MISSING: &str =
    "Skriv, hvor mange børn der flyttede, som et helt tal på mindst 1, fx 3.";
/// The list's column header and the empty cell.
pub const MOVES_COLUMN: &str = "Flytninger";

/// "Flytning 2", the legend of a move's row.
pub fn move_legend(n: usize) -> String {
    format!("Flytning {n}")
}

/// " flytning 2", after the visible "Fjern" in the remove button's name.
pub fn remove_move_which(n: usize) -> String {
    format!(" flytning {n}")
}

/// "Flytning 2 er fjernet."
pub fn move_removed(n: usize) -> String {
    format!("Flytning {n} er fjernet.")
}

/// "1 flytning", "6 flytninger"; "–" for none.
pub fn moves_count(n: usize) -> String {
    match n {
        0 => "–".into(),
        1 => "1 flytning".into(),
        n => format!("{n} flytninger"),
    }
}

// The measurements page: the list, counting children and the measurement form.
pub const NO_MEASUREMENTS: &str = "Der er ingen målinger endnu. En måling kan fx være «Baseline 2016», en senere opgørelse eller et mål.";
pub const COL_YEARLY_SPEND: &str = "Årlig udgift";
pub const COUNTS_NEED_STEPS: &str = "Tilføj trin og indsatser på trappen, før du tæller børn.";
pub const COUNTS_MEASUREMENT_LABEL: &str = "Måling, der tælles i";
pub const COUNTS_MEASUREMENT_HINT: &str =
    "Tallene gemmes, når du forlader feltet. Fortryd med Ctrl+Z.";
pub const EDIT: &str = "Redigér";
pub const COUNT_CHILDREN: &str = "Tæl børn";
pub const DELETE_MEASUREMENT_QUESTION: &str = "Slette målingen og alle dens tal?";
pub const YES_DELETE_MEASUREMENT: &str = "Ja, slet målingen";
pub const MEASUREMENT_NAME_MISSING: &str = "Skriv et navn til målingen, fx «Baseline 2016».";
pub const EDIT_MEASUREMENT: &str = "Redigér måling";
pub const MEASUREMENT_NOTE_HINT: &str =
    "Kilde og forbehold, fx «Tal fra Indsatstrappens nøgletal».";
pub const COPY_FROM_LABEL: &str = "Start med tallene fra";
pub const COPY_FROM_HINT: &str = "Valgfri. Så skal du kun rette det, der har ændret sig.";
pub const COPY_FROM_NONE: &str = "Ingen (tom måling)";
pub const SAVE_MEASUREMENT: &str = "Gem måling";
pub fn measurement_deleted(name: &str) -> String {
    format!("Målingen {name} er slettet.")
}
pub fn measurement_saved(name: &str) -> String {
    format!("Målingen {name} er gemt.")
}
pub fn measurement_date_hint() -> String {
    format!("Hvornår tallene gælder. Valgfri. {}", super::ui::DATE_HINT)
}

// The chart page: controls, the drawn chart and its table.
pub const CHART_HEADING: &str = "Diagram";
pub const CHART_EMPTY_BEFORE_LINK: &str =
    "Diagrammet viser børn og udgifter pr. trin for en måling. Opret en måling under ";
pub const SHOW_MEASUREMENT: &str = "Vis måling";
pub const COMPARE_WITH: &str = "Sammenlign med";
pub const COMPARE_NONE: &str = "Ingen";
pub const SHOW_AS_TABLE: &str = "Vis som tabel";
pub const DOWNLOAD_SVG: &str = "Hent som SVG";
pub const DOWNLOAD_PNG: &str = "Hent som PNG";
pub const PRINT_VIEW: &str = "Udskriftsvisning";
pub const CHANGE_LABEL: &str = "Ændring:";
pub const LEGEND_HEADING: &str = "Børn og årlig udgift pr. trin";
pub const LEGEND_NOTE: &str = "Bjælkerne nederst viser antal børn.";
pub const COL_CATEGORY: &str = "Kategori";
pub const COL_CHANGE_CHILDREN: &str = "Ændring, børn";
pub const COL_CHANGE_KRONER: &str = "Ændring, kr.";
pub fn chart_title_compared(a: &str, b: &str) -> String {
    format!("Indsatstrappen: «{a}» sammenlignet med «{b}»")
}
pub fn chart_title(a: &str) -> String {
    format!("Indsatstrappen: «{a}»")
}
/// The change in children under the chart's legend: "+12 børn".
pub fn signed_children_label(d: i64) -> String {
    format!("{} børn", signed_children(d))
}
/// One measurement's line in the legend: "Baseline 2016: 1.234 børn · 9,3 mio. kr. om året".
pub fn legend_series(name: &str, children: &str, spend: &str) -> String {
    format!("{name}: {children} · {spend} om året")
}
pub fn figures_caption_compared(a: &str, b: &str) -> String {
    format!("Børn og årlig udgift pr. trin: «{a}» og «{b}»")
}
pub fn figures_caption(a: &str) -> String {
    format!("Børn og årlig udgift pr. trin: «{a}»")
}
pub fn children_column(measurement: &str) -> String {
    format!("Børn, {measurement}")
}
pub fn spend_column(measurement: &str) -> String {
    format!("Årlig udgift, {measurement}")
}
/// Under the figures table: children on interventions without a cost, by the measurement's name.
pub fn not_in_spend(children: &str, measurement: &str) -> String {
    format!("{children} i «{measurement}» er ikke regnet med i udgiften.")
}

// The step form and deleting a step.
pub const EDIT_STEP: &str = "Redigér trin";
pub const NEW_STEP: &str = "Nyt trin";
pub const STEP_CATEGORY_HINT: &str =
    "Bruges, når målinger sammenligner andelen på anbringelse og forebyggelse.";
pub const STEP_POSITION_LABEL: &str = "Placering på trappen";
pub const STEP_POSITION_HINT: &str = "Trin 1 er det mindst indgribende.";
pub const SAVE_STEP: &str = "Gem trin";
pub const ADD_THE_STEP: &str = "Tilføj trinnet";
pub const CHOOSE_WHAT_HAPPENS: &str = "Vælg, hvad der skal ske med trinnets indsatser.";
pub const STEP_DELETED: &str = "Trinnet er slettet.";
pub const DELETE_THE_STEP: &str = "Slet trinnet";
pub const MOVE_INTERVENTIONS_TO: &str = "Flyt indsatserne til";
pub const CHOOSE_STEP: &str = "Vælg trin …";
pub const DELETE_INTERVENTIONS_TOO: &str =
    "Slet i stedet indsatserne sammen med trinnet (også deres tal i målingerne)";
pub const DELETE_STEP: &str = "Slet trin";
pub const CONFIRM_DELETE_LABEL: &str = "Bekræft sletning";
pub const DELETE_STEP_AND_INTERVENTIONS_QUESTION: &str = "Slette trinnet og dets indsatser?";
pub const DELETE_STEP_QUESTION: &str = "Slette trinnet?";
pub const YES_DELETE_STEP: &str = "Ja, slet trinnet";
/// Before a step with interventions is deleted: "Trinnet har 3 indsatser. Hvad skal der ske med dem?"
pub fn step_has_interventions(n: usize) -> String {
    format!(
        "Trinnet har {}. Hvad skal der ske med dem?",
        interventions(n)
    )
}

// The intervention form.
pub const INTERVENTION_FORM: &str = "Indsats";
pub const INTERVENTION_DUPLICATED: &str = "Indsatsen er duplikeret. Kopien er åbnet.";
pub const NEW_INTERVENTION: &str = "Ny indsats";
pub const IV_POSITION_LABEL: &str = "Placering på trinnet";
pub const IV_POSITION_HINT: &str =
    "1 er øverst. Du kan også flytte med Alt+piletasterne eller med musen.";
pub const IV_PROVIDER_KIND: &str = "Type af udfører";
pub const IV_AGES: &str = "Målgruppe (alder)";
pub const IV_AGES_HINT: &str = "Ingen afkrydsning betyder alle aldre.";
pub const IV_REFERRAL: &str = "Kræver visitation (afgørelse fra sagsbehandler)";
pub const IV_PERIOD: &str = "Pr.";
pub const IV_PERIOD_HINT: &str = "Måned, år eller forløb.";
pub const IV_CHOOSE_PERIOD: &str = "Vælg enhed";
pub const SAVE_INTERVENTION: &str = "Gem indsats";
pub const ADD_THE_INTERVENTION: &str = "Tilføj indsatsen";
pub const DUPLICATE_INTERVENTION: &str = "Duplikér indsats";
pub const DELETE_INTERVENTION: &str = "Slet indsats";
pub const YES_DELETE_INTERVENTION: &str = "Ja, slet indsatsen";
/// Said after something named was deleted: "Familierådslagning er slettet."
pub fn deleted(name: &str) -> String {
    format!("{name} er slettet.")
}
pub fn edit_intervention(name: &str) -> String {
    format!("Redigér indsats: {name}")
}
/// A place on a step, counted from 1.
pub fn position(n: usize) -> String {
    format!("Position {n}")
}

// The compare page.
pub const COMPARE_HEADING: &str = "Sammenlign to målinger";
pub const COMPARE_NEEDS_TWO: &str =
    "Der skal være mindst to målinger for at sammenligne. Opret dem under ";
pub const COMPARE_FROM: &str = "Fra (fx baseline)";
pub const COMPARE_TO: &str = "Til (fx mål eller ny måling)";
pub const SHARES_CAPTION: &str = "Andele og sagsbehandlernes belastning";
pub const COL_SHARE: &str = "Andel";
pub const SHARE_PLACEMENT_CHILDREN: &str = "Børn på anbringelsestrin";
pub const SHARE_PREVENTIVE_CHILDREN: &str = "Børn på forebyggende trin";
pub const SHARE_PLACEMENT_SPEND: &str = "Udgift på anbringelsestrin";
pub const SHARE_PREVENTIVE_SPEND: &str = "Udgift på forebyggende trin";
pub fn spend_short_column(measurement: &str) -> String {
    format!("Udgift, {measurement}")
}

// The intervention filter.
pub const FILTER_ALL: &str = "Alle";
pub const FILTER_FORM_LABEL: &str = "Søg og filtrér indsatser";
pub const FILTER_SEARCH: &str = "Søg i indsatser";
pub const FILTER_AGE: &str = "Alder";
pub const FILTER_PROVIDER: &str = "Udfører";
pub const FILTER_LEGAL: &str = "Lovgrundlag";
pub const FILTER_METHOD: &str = "Metode";
pub const FILTER_REFERRAL: &str = "Visitation";
pub const REFERRAL_NEEDED: &str = "Kræver visitation";
pub const REFERRAL_NOT_NEEDED: &str = "Uden visitation";
pub const RESET_FILTER: &str = "Nulstil filter";
/// The filter's count when nothing is filtered: "Viser alle 12 indsatser".
pub fn showing_all(total: usize) -> String {
    format!("Viser alle {}", interventions(total))
}

// The staircase board: steps and their interventions.
pub const BOARD_HEADING: &str = "Trin og indsatser";
pub const ADD_STEP: &str = "Tilføj trin";
pub const MOVE_HELP: &str = "Flyt en indsats: træk den med musen, eller markér den og tryk Alt+pil op/ned inden for trinnet og Alt+pil venstre/højre (eller Alt+Page Down/Page Up) til et andet trin.";
pub const NO_STEPS: &str = "Trappen har ingen trin endnu.";
pub const NO_STEPS_HINT: &str = "Tilføj trinnene nedefra: fx almene tilbud, tidlig forebyggelse, forebyggende foranstaltninger, netværksbaserede indsatser, familiepleje og døgninstitution.";
pub const BOARD_LABEL: &str = "Trappens trin";
pub const ADD_INTERVENTION: &str = "Tilføj indsats";
pub const ON_STEP_HIDDEN: &str = " på ";
pub const EDIT_HIDDEN: &str = "Redigér ";
pub const MATCH_TAG: &str = "Matcher";
/// The name of a step's list of interventions: "Indsatser på trin 2".
pub fn step_interventions_label(index: usize) -> String {
    format!("Indsatser på {}", step_no(index))
}

// What if: move children and see the yearly effect.
pub const WHATIF_FORM: &str = "Hvad nu hvis";
pub const WHATIF_HEADING: &str = "Hvad nu hvis …";
pub const WHATIF_NEEDS: &str = "Regn på et scenarie, når trappen har trin og mindst én måling.";
pub const WHATIF_LEAD: &str = "Flyt et antal børn fra én indsats eller ét trin til et andet, og se den årlige virkning med det samme.";
pub const WHATIF_BASE: &str = "Tag udgangspunkt i";
pub const WHATIF_FROM: &str = "Flyt børn fra";
pub const SAVE_AS_MEASUREMENT: &str = "Gem som ny måling";
/// The option for a whole step among its interventions.
pub fn step_as_whole(step: &str) -> String {
    format!("{step} som helhed")
}
pub fn saved_as_measurement(name: &str) -> String {
    format!("«{name}» er gemt som en ny måling.")
}
/// The yearly total before and after a what-if move.
pub fn spend_before_after(before: i64, after: i64) -> String {
    format!(
        "Årlig udgift i alt: {} før, {} efter.",
        super::kroner(before),
        super::kroner(after)
    )
}

// The staircase pages' titles and leads.
pub const STAIRCASE_LEAD: &str = "Fra de almene tilbud til venstre til de mest indgribende indsatser til højre. Flyt indsatser med musen eller tastaturet, og se børn og udgifter for en måling.";
pub const MEASUREMENTS_PAGE_TITLE: &str = "Målinger – Trappe";
pub const MEASUREMENTS_TITLE: &str = "Indsatstrappen: målinger";
pub const MEASUREMENTS_LEAD: &str = "En måling tæller børn pr. indsats, eller pr. trin hvor kun trinnets samlede tal kendes. Årlig udgift er antal børn gange prisen om året.";
pub const COMPARE_PAGE_TITLE: &str = "Sammenlign – Trappe";
pub const COMPARE_TITLE: &str = "Indsatstrappen: sammenlign";
pub const COMPARE_LEAD: &str = "Sammenlign to målinger trin for trin, og regn på hvad det betyder at flytte børn til en anden indsats.";

// Counting children in a measurement.
pub const COL_PRICE_PER_CHILD: &str = "Pris pr. barn om året";
pub const CHILDREN_IN_HIDDEN: &str = "Børn i ";
pub const CHILDREN_HIDDEN: &str = "Børn ";
pub const COUNTED_ON_STEP: &str = "Talt på trinnet som helhed";
pub const UNKNOWN_PRICE: &str = "ukendt pris";
pub const NO_PRICE: &str = "ingen pris";
pub fn counts_caption(measurement: &str) -> String {
    format!("Antal børn i «{measurement}»")
}
/// Under the counts table: children on interventions without a cost.
pub fn not_counted_in_spend(children: i64) -> String {
    format!("{} er ikke regnet med i udgiften.", without_cost(children))
}

// The staircase print.
pub const PRINT_NO_MEASUREMENTS: &str = "Der er ingen målinger at vise. Opret en måling under ";

// Downloading the chart.
pub const CHART_EXPORT_FAILED: &str =
    "Diagrammet kunne ikke gemmes som fil. Prøv igen, eller brug udskriftsvisningen.";

#[cfg(test)]
mod screen_text_tests {
    use super::*;

    #[test]
    fn move_and_filter_texts() {
        assert_eq!(moved("ICDP", 3, 2), "ICDP flyttet til trin 3, position 2");
        assert_eq!(match_count(5, 29), "5 af 29 indsatser matcher");
        assert_eq!(match_count(1, 1), "1 af 1 indsats matcher");
        assert_eq!(step_no(0), "Trin 1");
        assert_eq!(
            step_title(2, "Familiebehandling"),
            "Trin 3 Familiebehandling"
        );
        assert_eq!(step_title(2, "3. Forebyggende"), "3. Forebyggende");
        assert_eq!(step_title(3, "3. Forebyggende"), "Trin 4 3. Forebyggende");
        assert_eq!(figures_line(25, 29_000_000), "25 børn · 29,0 mio. kr.");
        assert_eq!(
            delta_line(-3, -3_480_000),
            "Ændring: -3 børn · -3,5 mio. kr."
        );
    }

    #[test]
    fn move_texts() {
        assert_eq!(move_legend(2), "Flytning 2");
        assert_eq!(
            format!("{REMOVE_MOVE}{}", remove_move_which(2)),
            "Fjern flytning 2"
        );
        assert_eq!(moves_count(0), "–");
        assert_eq!(moves_count(1), "1 flytning");
        assert_eq!(moves_count(6), "6 flytninger");
        assert!(!MOVES_HINT.contains("  "));
    }

    #[test]
    fn chart_file_names_are_plain_ascii() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(
            chart_file_name("Køge 2019 – Strategier", d, "svg"),
            "indsatstrappe-koege-2019-strategier-2026-11-24.svg"
        );
        assert_eq!(
            chart_file_name("  ", d, "png"),
            "indsatstrappe-2026-11-24.png"
        );
    }

    #[test]
    fn chart_description_names_every_step() {
        use crate::model::staircase_figures::measurement_figures;
        use crate::model::{Measurement, StepCategory};
        let mut s = Staircase::default();
        let a = s
            .add_step("Almene tilbud", StepCategory::Universal)
            .unwrap();
        s.add_step("Døgninstitution", StepCategory::Placement)
            .unwrap();
        s.set_step_yearly_cost(a, Some(1_000)).unwrap();
        let mut m = Measurement {
            name: "Baseline".into(),
            ..Measurement::default()
        };
        m.per_step.insert(a, 3);
        let f = measurement_figures(&s, &m);
        let d = chart_description(&s, "Baseline", &f, None);
        assert!(d.starts_with("Indsatstrappe med 2 trin"), "{d}");
        assert!(
            d.contains("Trin 1 Almene tilbud: 3 børn · 3.000 kr. i «Baseline»."),
            "{d}"
        );
        assert!(
            d.ends_with("Trin 2 Døgninstitution: 0 børn · 0 kr. i «Baseline»."),
            "{d}"
        );
        let d2 = chart_description(&s, "A", &f, Some(("B", &f)));
        assert!(
            d2.contains("3 børn · 3.000 kr. i «A», 3 børn · 3.000 kr. i «B»"),
            "{d2}"
        );
    }
}

/// After saving a step's form: "Trinnet … er gemt." or, for a new step, "… er tilføjet.".
pub fn step_saved(name: &str, new: bool) -> String {
    format!("Trinnet {}", intervention_saved(name, new))
}

/// After saving an intervention's form: "… er gemt." or, for a new one, "… er tilføjet.".
pub fn intervention_saved(name: &str, new: bool) -> String {
    if new {
        format!("{name} er tilføjet.")
    } else {
        format!("{name} er gemt.")
    }
}

// Form fields.
pub const STEP_NAME: &str = "Navn på trinnet";
pub const STEP_NAME_HINT: &str =
    "Fx «Tidlig forebyggende indsats» eller «Anbringelse i familiepleje».";
pub const STEP_DESCRIPTION_HINT: &str = "Hvad kendetegner indsatserne på trinnet? Valgfri.";
pub const STEP_COST: &str = "Pris pr. barn om året for trinnet som helhed (kr.)";
pub const STEP_COST_HINT: &str = "Bruges kun til børn, der tælles på trinnet som helhed og ikke pr. indsats. Fx 470.000 for familiepleje. Tom: ingen pris.";
pub const STEP_NAME_MISSING: &str = "Skriv et navn til trinnet.";
pub const IV_NAME_HINT: &str = "Fx «ICDP-forældrekursus».";
pub const IV_DESCRIPTION_HINT: &str = "Hvad tilbyder indsatsen, og til hvem?";
pub const IV_LEGAL: &str = "Lovgrundlag";
pub const IV_LEGAL_HINT: &str = "Fx «Barnets Lov § 32» eller «Serviceloven § 52, stk. 3».";
pub const IV_PROVIDER: &str = "Udfører";
pub const IV_PROVIDER_HINT: &str = "Egen enhed eller ekstern leverandør, fx «Familiecenter Køge».";
pub const IV_METHOD: &str = "Metode eller evidens";
pub const IV_METHOD_HINT: &str = "Fx ICDP, COS-P, KIFF, Signs of Safety.";
pub const IV_COST: &str = "Pris (kr.)";
pub const IV_COST_HINT: &str = "Hele kroner. Tom: ukendt.";
pub const IV_CAPACITY: &str = "Kapacitet (pladser)";
pub const IV_CAPACITY_HINT: &str = "Antal børn eller familier ad gangen. Valgfri.";
pub const IV_NAME_MISSING: &str = "Skriv et navn til indsatsen.";
pub const IV_PERIOD_MISSING: &str = "Vælg, om prisen gælder en måned, et år eller et forløb.";
pub const MEASUREMENT_NAME_HINT: &str = "Fx «Baseline 2016», «Opgørelse 2019» eller «Mål 2020».";
pub const MEASUREMENT_CASEWORKERS: &str = "Antal sagsbehandlere";
pub const MEASUREMENT_CASEWORKERS_HINT: &str =
    "Bruges til at regne børn pr. sagsbehandler. Valgfri.";
pub const WHATIF_N: &str = "Antal børn";
pub const WHATIF_N_HINT: &str = "Højst det antal, der er på det sted, du flytter fra.";
pub const WHATIF_NAME: &str = "Navn på scenariet";
pub const WHATIF_NAME_HINT: &str =
    "Valgfri. Uden navn dannes et, fx «Scenarie: 5 børn fra Opholdssted til Familiebehandling».";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::staircase_figures::{compare, what_if};

    #[test]
    fn a_saved_form_says_whether_it_added_or_saved() {
        assert_eq!(
            step_saved("Forebyggelse", true),
            "Trinnet Forebyggelse er tilføjet."
        );
        assert_eq!(
            step_saved("Forebyggelse", false),
            "Trinnet Forebyggelse er gemt."
        );
        assert_eq!(intervention_saved("ICDP", true), "ICDP er tilføjet.");
        assert_eq!(intervention_saved("ICDP", false), "ICDP er gemt.");
    }
    use crate::model::{CostPeriod, Id, Intervention, Kroner, MeasurementKind, StepCategory};

    /// Baseline: 25 in residential care (1.160.000 kr.), 20 in family treatment (180.000 kr.), 15 in foster
    /// care (470.000 kr.). Target: 22, 23 and 14.
    fn fixture() -> (Staircase, Id, Id, [Id; 3], [Id; 2]) {
        let mut s = Staircase::default();
        let home = s
            .add_step("Forebyggende foranstaltninger", StepCategory::Preventive)
            .unwrap();
        let foster = s.add_step("Plejefamilie", StepCategory::Placement).unwrap();
        let resi = s
            .add_step("Døgninstitution", StepCategory::Placement)
            .unwrap();
        s.set_step_yearly_cost(foster, Some(470_000)).unwrap();
        let priced = |name: &str, cost: Kroner, period| Intervention {
            name: name.into(),
            unit_cost: Some(cost),
            cost_period: period,
            ..Intervention::default()
        };
        let ft = s
            .add_intervention(
                home,
                priced("Familiebehandling", 15_000, CostPeriod::PerMonth),
            )
            .unwrap();
        let oh = s
            .add_intervention(resi, priced("Opholdssted", 1_160_000, CostPeriod::PerYear))
            .unwrap();
        let mut a = Measurement {
            name: "Baseline 2016".into(),
            kind: MeasurementKind::Baseline,
            ..Measurement::default()
        };
        a.per_intervention.insert(oh, 25);
        a.per_intervention.insert(ft, 20);
        a.per_step.insert(foster, 15);
        let mut b = Measurement {
            name: "Mål 2020".into(),
            kind: MeasurementKind::Target,
            ..Measurement::default()
        };
        b.per_intervention.insert(oh, 22);
        b.per_intervention.insert(ft, 23);
        b.per_step.insert(foster, 14);
        let a = s.add_measurement(a).unwrap();
        let b = s.add_measurement(b).unwrap();
        (s, a, b, [home, foster, resi], [ft, oh])
    }

    #[test]
    fn summary_of_a_decrease() {
        let (s, a, b, _, _) = fixture();
        // Children 60 → 59 in all; on the placement steps 15 + 25 = 40 → 14 + 22 = 36.
        // Spend: −3 × 1.160.000 + 3 × 180.000 − 470.000 = −3.410.000 in all; on the placement steps
        // −3 × 1.160.000 − 470.000 = −3.950.000.
        let c = compare(&s, a, b).unwrap();
        assert_eq!(c.spend_delta, -3_410_000);
        assert_eq!(
            comparison_summary(&s, &c),
            "I forhold til «Baseline 2016» har «Mål 2020» 1 barn færre i alt og 4 børn færre på \
             anbringelsestrinnene. Den årlige udgift er 3,4 mio. kr. lavere i alt og 4,0 mio. kr. \
             lavere på anbringelsestrinnene."
        );
    }

    #[test]
    fn summary_of_an_increase() {
        let (s, a, b, _, _) = fixture();
        let c = compare(&s, b, a).unwrap();
        assert_eq!(
            comparison_summary(&s, &c),
            "I forhold til «Mål 2020» har «Baseline 2016» 1 barn flere i alt og 4 børn flere på \
             anbringelsestrinnene. Den årlige udgift er 3,4 mio. kr. højere i alt og 4,0 mio. kr. \
             højere på anbringelsestrinnene."
        );
    }

    #[test]
    fn summary_when_totals_and_placements_go_different_ways() {
        let (mut s, a, b, [_, foster, _], [ft, oh]) = fixture();
        // Residential care 25 → 23, family treatment 20 → 23, foster care unchanged: 1 more child in
        // all, 2 fewer on the placement steps. Spend: −2 × 1.160.000 + 3 × 180.000 = −1.780.000 in
        // all, −2.320.000 on the placement steps.
        s.set_count(b, CountTarget::Intervention(oh), 23).unwrap();
        s.set_count(b, CountTarget::Step(foster), 15).unwrap();
        s.set_count(b, CountTarget::Intervention(ft), 23).unwrap();
        let c = compare(&s, a, b).unwrap();
        assert_eq!(
            comparison_summary(&s, &c),
            "I forhold til «Baseline 2016» har «Mål 2020» 1 barn flere i alt og 2 børn færre på \
             anbringelsestrinnene. Den årlige udgift er 1,8 mio. kr. lavere i alt og 2,3 mio. kr. \
             lavere på anbringelsestrinnene."
        );
    }

    #[test]
    fn summary_when_nothing_changes() {
        let (s, a, _, _, _) = fixture();
        let c = compare(&s, a, a).unwrap();
        assert_eq!(
            comparison_summary(&s, &c),
            "I forhold til «Baseline 2016» har «Baseline 2016» samme antal børn i alt og på \
             anbringelsestrinnene. Den årlige udgift er den samme i alt og på anbringelsestrinnene."
        );
    }

    #[test]
    fn summary_with_one_child_and_unchanged_placements() {
        let (mut s, a, b, [_, foster, _], [ft, oh]) = fixture();
        // Only foster care changes, by one child: singular "barn", and the same change in all and on
        // the placement steps.
        s.set_count(b, CountTarget::Intervention(oh), 25).unwrap();
        s.set_count(b, CountTarget::Intervention(ft), 20).unwrap();
        let c = compare(&s, a, b).unwrap();
        assert_eq!(
            comparison_summary(&s, &c),
            "I forhold til «Baseline 2016» har «Mål 2020» 1 barn færre i alt og på \
             anbringelsestrinnene. Den årlige udgift er 470.000 kr. lavere i alt og på \
             anbringelsestrinnene."
        );
        // Placements unchanged, 5 more in family treatment: 5 × 180.000.
        s.set_count(b, CountTarget::Step(foster), 15).unwrap();
        s.set_count(b, CountTarget::Intervention(ft), 25).unwrap();
        let c = compare(&s, a, b).unwrap();
        assert_eq!(
            comparison_summary(&s, &c),
            "I forhold til «Baseline 2016» har «Mål 2020» 5 børn flere i alt og samme antal børn på \
             anbringelsestrinnene. Den årlige udgift er 900.000 kr. højere i alt og den samme på \
             anbringelsestrinnene."
        );
        // Without placement steps the sentence names the totals only.
        s.set_step_category(foster, StepCategory::Preventive)
            .unwrap();
        let resi = s.steps[2].id;
        s.set_step_category(resi, StepCategory::Preventive).unwrap();
        let c = compare(&s, a, b).unwrap();
        assert_eq!(c.placement_change(), None);
        assert_eq!(
            comparison_summary(&s, &c),
            "I forhold til «Baseline 2016» har «Mål 2020» 5 børn flere i alt. Den årlige udgift er \
             900.000 kr. højere i alt."
        );
    }

    #[test]
    fn prices_per_course_are_explained() {
        use crate::model::CostPeriod;
        assert_eq!(yearly_cost_line(None, Some(CostPeriod::PerMonth)), "");
        assert_eq!(
            yearly_cost_line(Some(4_500), Some(CostPeriod::PerMonth)),
            "Svarer til 54.000 kr. pr. barn pr. år."
        );
        assert_eq!(
            yearly_cost_line(Some(4_500), Some(CostPeriod::PerCourse)),
            "Svarer til 4.500 kr. pr. barn pr. år, regnet som 1 forløb pr. barn pr. år."
        );
        assert!(yearly_cost_line(Some(4_500), None).starts_with("Vælg, om prisen gælder"));
        assert_eq!(
            per_course_note(&[("Baseline 2024", 10), ("Mål 2026", 0)]),
            "Priser pr. forløb er regnet som 1 forløb pr. barn pr. år (10 børn i «Baseline 2024»)."
        );
        assert_eq!(
            per_course_note(&[("A", 1), ("B", 30)]),
            "Priser pr. forløb er regnet som 1 forløb pr. barn pr. år (1 barn i «A», 30 børn i «B»)."
        );
        assert_eq!(per_course_note(&[("A", 0)]), "");
    }

    #[test]
    fn what_if_texts() {
        let (s, a, _, _, [ft, oh]) = fixture();
        let from = CountTarget::Intervention(oh);
        let to = CountTarget::Intervention(ft);
        let w = what_if(&s, a, from, to, 20, scenario_label(&s, a, from, to, 20, "")).unwrap();
        assert_eq!(w.spend_delta, -19_600_000);
        assert_eq!(what_if_effect(&w), "Sparer 19,6 mio. kr. om året.");
        assert_eq!(w.measurement.note, "Beregnet ud fra «Baseline 2016».");
        let back = what_if(&s, a, to, from, 1, scenario_label(&s, a, to, from, 1, "")).unwrap();
        assert_eq!(what_if_effect(&back), "Koster 980.000 kr. mere om året.");
        assert_eq!(
            back.measurement.name,
            "Scenarie: 1 barn fra Familiebehandling til Opholdssted"
        );
        let mut none = back.clone();
        none.spend_delta = 0;
        none.cost_known = false;
        assert_eq!(
            what_if_effect(&none),
            "Ændrer ikke udgiften om året. Der mangler en pris, så beløbet er ikke fuldstændigt."
        );
    }

    #[test]
    fn small_formats() {
        assert_eq!(copy_name("ICDP"), "ICDP (kopi)");
        assert_eq!(without_cost(3), "3 børn uden kendt pris");
        assert_eq!(without_cost(1), "1 barn uden kendt pris");
        assert_eq!(caseload(Some(25.0)), "25 børn pr. sagsbehandler");
        assert_eq!(caseload(Some(22.46)), "22,5 børn pr. sagsbehandler");
        assert_eq!(caseload(Some(1.0)), "1 barn pr. sagsbehandler");
        assert_eq!(caseload(None), "ukendt");
        assert_eq!(super::super::percent(Some(0.4)), "40,0 %");
        assert_eq!(super::super::percent(Some(36.0 / 141.0)), "25,5 %");
        assert_eq!(super::super::percent(None), "–");
        assert_eq!(signed_children(3), "+3");
        assert_eq!(signed_children(-1200), "-1.200");
        assert_eq!(signed_children(0), "0");
        assert_eq!(signed_kroner(2_140_000), "+2,1 mio. kr.");
        assert_eq!(signed_kroner(-470_000), "-470.000 kr.");
        assert_eq!(signed_kroner(0), "0 kr.");
        assert_eq!(interventions(1), "1 indsats");
        assert_eq!(interventions(2), "2 indsatser");
    }

    #[test]
    fn error_messages() {
        let id = crate::model::new_id();
        assert_eq!(
            error(&StaircaseError::StepHasInterventions {
                step: id,
                interventions: 3
            }),
            "Trinnet har 3 indsatser. Vælg et trin, de skal flyttes til, eller bekræft, at de skal \
             slettes sammen med trinnet."
        );
        assert_eq!(
            error(&StaircaseError::NotEnoughChildren {
                available: 25,
                requested: 26
            }),
            "Der er kun 25 børn at flytte, ikke 26."
        );
        assert_eq!(
            error(&StaircaseError::NotEnoughChildren {
                available: 0,
                requested: 1
            }),
            "Der er ingen børn at flytte."
        );
        assert_eq!(error(&StaircaseError::EmptyName), "Skriv et navn.");
    }

    #[test]
    fn names_fall_back() {
        let (s, _, _, _, _) = fixture();
        let m = Measurement {
            kind: MeasurementKind::Scenario,
            ..Measurement::default()
        };
        assert_eq!(measurement_name(&m), "Scenarie");
        assert_eq!(
            target_name(&s, CountTarget::Step(crate::model::new_id())),
            "ukendt"
        );
    }
}

/// A measurement whose counts are made up (an example's illustration, a workshop's exercise).
pub const MADE_UP_TAG: &str = "Opdigtede tal";
pub const MADE_UP_LABEL: &str = "Tallene er opdigtede";
pub const MADE_UP_HINT: &str =
    "Fx et eksempel eller en øvelse. Overblik, trappen og udskrifterne siger så, at tallene ikke er kommunens egne.";
