//! A colleague municipality's file beside this workspace: spend per child per step, the share of children
//! placed and meetings held per month, side by side with the differences (theirs − ours). The other
//! workspace is only read here; nothing of it is stored or merged.
//!
//! Steps are matched by name (case, surrounding space and a leading number such as "5. " ignored), then,
//! when both staircases have as many steps, by position; a step still unmatched gets a row with one side.
//! The placement steps together and the preventive steps together always make a row each.

use super::meetings::Window;
use super::series::series;
use crate::model::staircase_figures::StepFigures;
use crate::model::{Id, Kroner, StepCategory, Workspace};
use chrono::NaiveDate;

/// Children and spend of one step (or one category) on one side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figures {
    pub children: i64,
    pub yearly_spend: Kroner,
    /// Children counted where no price is known; not in `yearly_spend`, not in the divisor below.
    pub children_without_cost: i64,
    /// Yearly spend / children with a known price, rounded to whole kroner; `None` when no child has one.
    pub spend_per_child: Option<Kroner>,
}

impl Figures {
    fn of(children: i64, yearly_spend: Kroner, children_without_cost: i64) -> Self {
        let priced = children - children_without_cost;
        Figures {
            children,
            yearly_spend,
            children_without_cost,
            spend_per_child: (priced > 0).then(|| rounded_div(yearly_spend, priced)),
        }
    }

    fn step(f: &StepFigures) -> Self {
        Figures::of(f.children, f.yearly_spend, f.children_without_cost)
    }
}

/// `a / b` rounded half away from zero; `b` > 0.
fn rounded_div(a: i64, b: i64) -> i64 {
    let (a, b) = (i128::from(a), i128::from(b));
    let q = if a >= 0 {
        (2 * a + b) / (2 * b)
    } else {
        -((-2 * a + b) / (2 * b))
    };
    q.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

/// One step (or one category) on one side.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The step's name as written (trimmed); empty for a category row.
    pub name: String,
    /// The step's place in its staircase (0 = the lowest); `None` for a category row.
    pub position: Option<usize>,
    pub category: StepCategory,
    /// `None` when the side has no measurement to take figures from.
    pub figures: Option<Figures>,
}

/// How a row's two sides were found to belong together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Matched {
    Name,
    /// Names differ, but both staircases have as many steps and these stand on the same place.
    Position,
    OnlyOurs,
    OnlyTheirs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    Step(Matched),
    /// All steps of the category together, on both sides.
    Category(StepCategory),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    pub ours: Option<Cell>,
    pub theirs: Option<Cell>,
    /// theirs − ours, where both sides have figures.
    pub children_difference: Option<i64>,
    pub spend_per_child_difference: Option<Kroner>,
}

impl Row {
    fn new(kind: RowKind, ours: Option<Cell>, theirs: Option<Cell>) -> Self {
        let both = |f: fn(&Figures) -> Option<i64>| {
            let a = f(ours.as_ref()?.figures.as_ref()?)?;
            let b = f(theirs.as_ref()?.figures.as_ref()?)?;
            Some(b.saturating_sub(a))
        };
        Row {
            children_difference: both(|f| Some(f.children)),
            spend_per_child_difference: both(|f| f.spend_per_child),
            kind,
            ours,
            theirs,
        }
    }

    /// The name the row goes by: our step's, else theirs; empty for a category row.
    pub fn name(&self) -> &str {
        self.ours
            .as_ref()
            .or(self.theirs.as_ref())
            .map_or("", |c| c.name.as_str())
    }
}

/// The measurement a side's figures come from.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasurementUsed {
    pub id: Id,
    pub name: String,
    pub date: NaiveDate,
}

/// One municipality's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    /// The municipality, else the workspace's name.
    pub name: String,
    /// `Series::latest`; `None` when no dated measurement of the situation exists.
    pub measurement: Option<MeasurementUsed>,
    pub steps: usize,
    /// Children on placement steps / all children counted; `None` without a measurement or children.
    pub placement_children_share: Option<f64>,
    /// This side's own window of whole months (`meetings::window`).
    pub window: Window,
    /// Held meetings in the window.
    pub meetings_held: u32,
    pub meetings_per_month: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MunicipalityComparison {
    pub ours: Side,
    pub theirs: Side,
    /// Matched steps (in our order, their unmatched steps after the step they follow), then the placement
    /// and the preventive row.
    pub rows: Vec<Row>,
    /// theirs − ours in percentage points; `None` when either share is unknown.
    pub placement_share_points: Option<f64>,
    pub meetings_per_month_difference: f64,
}

impl MunicipalityComparison {
    pub fn step_rows(&self) -> impl Iterator<Item = &Row> {
        self.rows
            .iter()
            .filter(|r| matches!(r.kind, RowKind::Step(_)))
    }

    pub fn category_rows(&self) -> impl Iterator<Item = &Row> {
        self.rows
            .iter()
            .filter(|r| matches!(r.kind, RowKind::Category(_)))
    }
}

/// A step name for matching: "5. Anbringelse i familiepleje" and " anbringelse  i familiepleje" agree.
pub fn match_key(name: &str) -> String {
    let t = name.trim();
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = if digits > 0 {
        let r = &t[digits..];
        let r = r.strip_prefix(['.', ')', ':']).unwrap_or(r);
        // "2025-plan" keeps its number: only a number followed by a separator or space is a step number.
        if r.len() < t.len() - digits || r.starts_with(char::is_whitespace) {
            r.trim_start()
        } else {
            t
        }
    } else {
        t
    };
    let rest = if rest.is_empty() { t } else { rest };
    rest.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

struct Read {
    side: Side,
    cells: Vec<Cell>,
    categories: [Cell; 2],
}

const CATEGORIES: [StepCategory; 2] = [StepCategory::Placement, StepCategory::Preventive];

fn read(ws: &Workspace, today: NaiveDate, measurement: Option<Id>) -> Read {
    let s = series(&ws.staircase);
    let point = measurement
        .and_then(|id| s.points.iter().find(|p| p.measurement_id == id))
        .or_else(|| s.latest());
    let cells = ws
        .staircase
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| Cell {
            name: step.name.trim().to_string(),
            position: Some(i),
            category: step.category,
            figures: point.and_then(|p| p.steps.get(i)).map(Figures::step),
        })
        .collect();
    let categories = CATEGORIES.map(|c| Cell {
        name: String::new(),
        position: None,
        category: c,
        figures: point.map(|p| {
            let (mut n, mut unpriced) = (0i64, 0i64);
            let mut spend: Kroner = 0;
            for (step, f) in ws.staircase.steps.iter().zip(&p.steps) {
                if step.category == c {
                    n += f.children;
                    spend = spend.saturating_add(f.yearly_spend);
                    unpriced += f.children_without_cost;
                }
            }
            Figures::of(n, spend, unpriced)
        }),
    });
    // The same figure as Overblik's: one function.
    let meetings = super::meetings::meeting_figures(ws, today);
    let w = meetings.window;
    let municipality = ws.municipality.trim();
    Read {
        side: Side {
            name: if municipality.is_empty() {
                ws.name.trim().to_string()
            } else {
                municipality.to_string()
            },
            measurement: point.map(|p| MeasurementUsed {
                id: p.measurement_id,
                name: p.name.clone(),
                date: p.date,
            }),
            steps: ws.staircase.steps.len(),
            placement_children_share: point.and_then(|p| p.split.placement_children_share()),
            window: w,
            meetings_held: meetings.held(),
            meetings_per_month: meetings.average_per_month(),
        },
        cells,
        categories,
    }
}

/// For each of our steps, the index of their step it matches and how.
fn match_steps(ours: &[Cell], theirs: &[Cell]) -> Vec<Option<(usize, Matched)>> {
    let their_keys: Vec<String> = theirs.iter().map(|c| match_key(&c.name)).collect();
    let mut taken = vec![false; theirs.len()];
    let mut out: Vec<Option<(usize, Matched)>> = ours
        .iter()
        .map(|c| {
            let key = match_key(&c.name);
            let j = (0..theirs.len()).find(|&j| !taken[j] && their_keys[j] == key)?;
            taken[j] = true;
            Some((j, Matched::Name))
        })
        .collect();
    if ours.len() == theirs.len() {
        for (i, m) in out.iter_mut().enumerate() {
            if m.is_none() && !taken[i] {
                taken[i] = true;
                *m = Some((i, Matched::Position));
            }
        }
    }
    out
}

/// Which measurement each side is read from; `None`: the default (`default_measurements`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Measurements {
    pub ours: Option<Id>,
    pub theirs: Option<Id>,
}

/// The measurements compared when the user has not chosen: theirs the latest (as `Series::latest`), ours the
/// one closest in date to it (the later of two as close), so two municipalities are put side by side for
/// the same time, not a 2016 baseline beside a 2019 status.
pub fn default_measurements(ours: &Workspace, theirs: &Workspace) -> (Option<Id>, Option<Id>) {
    let t = series(&theirs.staircase);
    let o = series(&ours.staircase);
    let their = t.latest();
    let our = match their {
        Some(tp) => o
            .points
            .iter()
            .filter(|p| p.kind != crate::model::MeasurementKind::Target)
            .min_by_key(|p| {
                (
                    (p.date - tp.date).num_days().abs(),
                    std::cmp::Reverse(p.date),
                )
            }),
        None => o.latest(),
    };
    (
        our.map(|p| p.measurement_id),
        their.map(|p| p.measurement_id),
    )
}

/// `ours` against `theirs`, each as of its own date (`Workspace::seen_from`) and read from the measurement chosen (or the default);
/// differences are theirs − ours.
pub fn compare_municipalities(
    ours: &Workspace,
    theirs: &Workspace,
    today: NaiveDate,
    chosen: Measurements,
) -> MunicipalityComparison {
    let (our_default, their_default) = default_measurements(ours, theirs);
    // Each side as of its own date: an example shown as of 2019 beside a colleague's file of today.
    let a = read(ours, ours.seen_from(today), chosen.ours.or(our_default));
    let b = read(
        theirs,
        theirs.seen_from(today),
        chosen.theirs.or(their_default),
    );
    let matches = match_steps(&a.cells, &b.cells);
    let mut rows: Vec<(Option<usize>, Row)> = a
        .cells
        .iter()
        .zip(&matches)
        .map(|(cell, m)| match m {
            Some((j, how)) => (
                Some(*j),
                Row::new(
                    RowKind::Step(*how),
                    Some(cell.clone()),
                    Some(b.cells[*j].clone()),
                ),
            ),
            None => (
                None,
                Row::new(RowKind::Step(Matched::OnlyOurs), Some(cell.clone()), None),
            ),
        })
        .collect();
    // Their unmatched steps go right after the row holding the nearest of their steps below them.
    let matched: Vec<usize> = matches.iter().flatten().map(|(j, _)| *j).collect();
    for (j, cell) in b.cells.iter().enumerate() {
        if matched.contains(&j) {
            continue;
        }
        let at = rows
            .iter()
            .rposition(|(k, _)| k.is_some_and(|k| k < j))
            .map_or(0, |p| p + 1);
        rows.insert(
            at,
            (
                Some(j),
                Row::new(RowKind::Step(Matched::OnlyTheirs), None, Some(cell.clone())),
            ),
        );
    }
    let mut rows: Vec<Row> = rows.into_iter().map(|(_, r)| r).collect();
    for (x, y) in a.categories.into_iter().zip(b.categories) {
        rows.push(Row::new(RowKind::Category(x.category), Some(x), Some(y)));
    }
    let points = super::share_points(
        a.side.placement_children_share,
        b.side.placement_children_share,
    );
    MunicipalityComparison {
        meetings_per_month_difference: b.side.meetings_per_month - a.side.meetings_per_month,
        placement_share_points: points,
        ours: a.side,
        theirs: b.side,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::follow_up::YearMonth;
    use crate::model::{CostPeriod, Intervention, Measurement, MeasurementKind, Meeting};
    use crate::model::{MeetingStatus, Step};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn step(name: &str, category: StepCategory) -> Step {
        Step {
            name: name.into(),
            category,
            ..Step::default()
        }
    }

    fn iv(name: &str, cost: Option<i64>, period: CostPeriod) -> Intervention {
        Intervention {
            name: name.into(),
            unit_cost: cost,
            cost_period: period,
            ..Intervention::default()
        }
    }

    /// A workspace whose steps each hold the given interventions; the one measurement (dated
    /// 1.1.2024) counts `children[s][i]` on intervention i of step s.
    fn ws(
        municipality: &str,
        steps: Vec<(Step, Vec<(Intervention, u32)>)>,
        measured: bool,
    ) -> Workspace {
        let mut w = Workspace::new(format!("Arbejdsområde {municipality}"));
        w.municipality = municipality.into();
        let mut m = Measurement {
            name: "Status 2024".into(),
            kind: MeasurementKind::Actual,
            date: Some(d(2024, 1, 1)),
            ..Measurement::default()
        };
        for (mut st, ivs) in steps {
            for (i, n) in ivs {
                m.per_intervention.insert(i.id, n);
                st.interventions.push(i);
            }
            w.staircase.steps.push(st);
        }
        if measured {
            w.staircase.measurements.push(m);
        }
        w
    }

    fn yearly(name: &str, cost: i64) -> Intervention {
        iv(name, Some(cost), CostPeriod::PerYear)
    }

    #[test]
    fn match_key_ignores_case_space_and_numbering() {
        assert_eq!(
            match_key("5. Anbringelse i familiepleje"),
            "anbringelse i familiepleje"
        );
        assert_eq!(
            match_key("  anbringelse  i Familiepleje "),
            "anbringelse i familiepleje"
        );
        assert_eq!(match_key("3) Familiebehandling"), "familiebehandling");
        assert_eq!(match_key("12 Døgninstitution"), "døgninstitution");
        assert_eq!(match_key("2025-plan"), "2025-plan");
        assert_eq!(match_key("7."), "7.");
    }

    #[test]
    fn steps_match_by_name_with_numbering_in_any_order() {
        let ours = ws(
            "Køge",
            vec![
                (
                    step("1. Forebyggelse", StepCategory::Preventive),
                    vec![(yearly("a", 10_000), 4)],
                ),
                (
                    step("2. Anbringelse i familiepleje", StepCategory::Placement),
                    vec![(yearly("b", 400_000), 2)],
                ),
            ],
            true,
        );
        let theirs = ws(
            "Assens",
            vec![
                (
                    step("Anbringelse i familiepleje", StepCategory::Placement),
                    vec![(yearly("c", 500_000), 3)],
                ),
                (
                    step("forebyggelse ", StepCategory::Preventive),
                    vec![(yearly("d", 12_000), 5)],
                ),
                (
                    step("Opholdssted", StepCategory::Placement),
                    vec![(yearly("e", 1_000_000), 1)],
                ),
            ],
            true,
        );
        let c = compare_municipalities(&ours, &theirs, d(2024, 6, 1), Measurements::default());
        let steps: Vec<&Row> = c.step_rows().collect();
        assert_eq!(steps.len(), 3);
        assert_eq!(steps[0].kind, RowKind::Step(Matched::Name));
        assert_eq!(steps[0].theirs.as_ref().unwrap().position, Some(1));
        assert_eq!(steps[0].children_difference, Some(1)); // 5 − 4
        assert_eq!(steps[0].spend_per_child_difference, Some(2_000)); // 12.000 − 10.000
        assert_eq!(steps[1].kind, RowKind::Step(Matched::Name));
        assert_eq!(steps[1].name(), "2. Anbringelse i familiepleje");
        assert_eq!(steps[1].spend_per_child_difference, Some(100_000));
        // Their third step has no match and the staircases differ in length: a row of its own.
        assert_eq!(steps[2].kind, RowKind::Step(Matched::OnlyTheirs));
        assert!(steps[2].ours.is_none());
        assert_eq!(steps[2].children_difference, None);
        assert_eq!(
            steps[2]
                .theirs
                .as_ref()
                .unwrap()
                .figures
                .unwrap()
                .spend_per_child,
            Some(1_000_000)
        );
        // Categories: placement ours 2 children 800.000 kr.; theirs 4 children 2.500.000 kr.
        let cats: Vec<&Row> = c.category_rows().collect();
        assert_eq!(cats[0].kind, RowKind::Category(StepCategory::Placement));
        let o = cats[0].ours.as_ref().unwrap().figures.unwrap();
        let t = cats[0].theirs.as_ref().unwrap().figures.unwrap();
        assert_eq!((o.children, o.spend_per_child), (2, Some(400_000)));
        assert_eq!((t.children, t.spend_per_child), (4, Some(625_000)));
        assert_eq!(cats[0].spend_per_child_difference, Some(225_000));
        assert_eq!(cats[1].kind, RowKind::Category(StepCategory::Preventive));
        assert_eq!(cats[1].children_difference, Some(1));
        // Placement share: ours 2 / 6, theirs 4 / 9.
        let share_o = c.ours.placement_children_share.unwrap();
        let share_t = c.theirs.placement_children_share.unwrap();
        assert!((share_o - 2.0 / 6.0).abs() < 1e-9);
        assert!((share_t - 4.0 / 9.0).abs() < 1e-9);
        // Shown as 33,3 % and 44,4 %: 11,1 percentage points.
        let points = c.placement_share_points.unwrap();
        assert!((points - 11.1).abs() < 1e-9, "{points}");
        assert_eq!(c.ours.name, "Køge");
        assert_eq!(c.theirs.steps, 3);
    }

    #[test]
    fn same_length_staircases_match_the_rest_by_position() {
        let ours = ws(
            "A",
            vec![
                (
                    step("Almene tilbud", StepCategory::Universal),
                    vec![(yearly("a", 1_000), 10)],
                ),
                (
                    step("Hjemmebaseret støtte", StepCategory::Preventive),
                    vec![(yearly("b", 60_000), 3)],
                ),
            ],
            true,
        );
        let theirs = ws(
            "B",
            vec![
                (
                    step("Forebyggende foranstaltninger", StepCategory::Preventive),
                    vec![(yearly("c", 90_000), 2)],
                ),
                (
                    step("1. Almene tilbud", StepCategory::Universal),
                    vec![(yearly("d", 2_000), 20)],
                ),
            ],
            true,
        );
        let c = compare_municipalities(&ours, &theirs, d(2024, 6, 1), Measurements::default());
        let steps: Vec<&Row> = c.step_rows().collect();
        // Our step 2 and their step 1 are both left; same length, but not the same place, so no match…
        let kinds: Vec<RowKind> = steps.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            vec![
                RowKind::Step(Matched::OnlyTheirs),
                RowKind::Step(Matched::Name),
                RowKind::Step(Matched::OnlyOurs),
            ]
        );
        assert_eq!(steps[1].theirs.as_ref().unwrap().position, Some(1));

        // …whereas on the same place they match by position.
        let theirs = ws(
            "B",
            vec![
                (
                    step("1. Almene tilbud", StepCategory::Universal),
                    vec![(yearly("d", 2_000), 20)],
                ),
                (
                    step("Forebyggende foranstaltninger", StepCategory::Preventive),
                    vec![(yearly("c", 90_000), 2)],
                ),
            ],
            true,
        );
        let c = compare_municipalities(&ours, &theirs, d(2024, 6, 1), Measurements::default());
        let steps: Vec<&Row> = c.step_rows().collect();
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[1].kind, RowKind::Step(Matched::Position));
        assert_eq!(steps[1].children_difference, Some(-1));
        assert_eq!(steps[1].spend_per_child_difference, Some(30_000));
    }

    #[test]
    fn unmatched_steps_each_get_a_row_in_place() {
        let ours = ws(
            "A",
            vec![
                (step("X", StepCategory::Preventive), vec![]),
                (step("Y", StepCategory::Preventive), vec![]),
            ],
            true,
        );
        let theirs = ws(
            "B",
            vec![
                (step("Z", StepCategory::Preventive), vec![]),
                (step("X", StepCategory::Preventive), vec![]),
                (step("W", StepCategory::Placement), vec![]),
            ],
            true,
        );
        let c = compare_municipalities(&ours, &theirs, d(2024, 6, 1), Measurements::default());
        let kinds: Vec<(RowKind, &str)> = c.step_rows().map(|r| (r.kind, r.name())).collect();
        assert_eq!(
            kinds,
            vec![
                (RowKind::Step(Matched::OnlyTheirs), "Z"),
                (RowKind::Step(Matched::Name), "X"),
                (RowKind::Step(Matched::OnlyTheirs), "W"),
                (RowKind::Step(Matched::OnlyOurs), "Y"),
            ]
        );
        // No children anywhere: counts are 0, spend per child unknown.
        let x = c.step_rows().nth(1).unwrap();
        assert_eq!(x.children_difference, Some(0));
        assert_eq!(x.spend_per_child_difference, None);
    }

    #[test]
    fn spend_per_child_leaves_out_children_without_a_price() {
        // 3 children at 5.000 kr. a month (60.000 a year), 2 at a 20.000 kr. course, 4 without a price:
        // (180.000 + 40.000) / 5 = 44.000 kr.
        let ours = ws(
            "A",
            vec![(
                step("Forebyggelse", StepCategory::Preventive),
                vec![
                    (iv("måned", Some(5_000), CostPeriod::PerMonth), 3),
                    (iv("forløb", Some(20_000), CostPeriod::PerCourse), 2),
                    (iv("ukendt", None, CostPeriod::PerMonth), 4),
                ],
            )],
            true,
        );
        // Only children without a price: no spend per child.
        let theirs = ws(
            "B",
            vec![(
                step("Forebyggelse", StepCategory::Preventive),
                vec![(iv("ukendt", None, CostPeriod::PerYear), 7)],
            )],
            true,
        );
        let c = compare_municipalities(&ours, &theirs, d(2024, 6, 1), Measurements::default());
        let r = c.step_rows().next().unwrap();
        let o = r.ours.as_ref().unwrap().figures.unwrap();
        assert_eq!(o.children, 9);
        assert_eq!(o.yearly_spend, 220_000);
        assert_eq!(o.children_without_cost, 4);
        assert_eq!(o.spend_per_child, Some(44_000));
        let t = r.theirs.as_ref().unwrap().figures.unwrap();
        assert_eq!((t.children, t.spend_per_child), (7, None));
        assert_eq!(r.children_difference, Some(-2));
        assert_eq!(r.spend_per_child_difference, None);
        // 220.000 / 3 priced would not round the same as / 9: rounding is half away from zero.
        assert_eq!(rounded_div(200, 3), 67);
        assert_eq!(rounded_div(5, 2), 3);
        assert_eq!(rounded_div(-5, 2), -3);
    }

    #[test]
    fn a_side_without_measurements_has_no_figures_not_zeros() {
        let step_list = || {
            vec![(
                step("Familiepleje", StepCategory::Placement),
                vec![(yearly("a", 400_000), 2)],
            )]
        };
        let ours = ws("A", step_list(), true);
        let theirs = ws("B", step_list(), false);
        let c = compare_municipalities(&ours, &theirs, d(2024, 6, 1), Measurements::default());
        assert_eq!(
            c.ours.measurement,
            Some(MeasurementUsed {
                id: ours.staircase.measurements[0].id,
                name: "Status 2024".into(),
                date: d(2024, 1, 1)
            })
        );
        assert_eq!(c.theirs.measurement, None);
        assert_eq!(c.theirs.placement_children_share, None);
        assert_eq!(c.placement_share_points, None);
        for r in &c.rows {
            assert_eq!(r.theirs.as_ref().unwrap().figures, None);
            assert_eq!(r.children_difference, None);
            assert_eq!(r.spend_per_child_difference, None);
        }
        assert_eq!(
            c.step_rows().next().unwrap().kind,
            RowKind::Step(Matched::Name)
        );
    }

    #[test]
    fn meetings_per_month_over_each_sides_own_window() {
        let meeting = |date: NaiveDate, status: MeetingStatus| Meeting {
            date: Some(date),
            status,
            ..Meeting::default()
        };
        let mut ours = ws("A", vec![], true);
        // Today 15.6.2024: the window is June 2023 – May 2024.
        ours.meetings = vec![
            meeting(d(2023, 6, 1), MeetingStatus::Held), // first month: counts
            meeting(d(2023, 5, 31), MeetingStatus::Held), // before the window
            meeting(d(2024, 5, 31), MeetingStatus::FollowedUp), // last month: counts
            meeting(d(2024, 6, 1), MeetingStatus::Held), // this month, not whole yet
            meeting(d(2024, 1, 10), MeetingStatus::Planned), // not held
            meeting(d(2024, 1, 11), MeetingStatus::Cancelled), // not held
            meeting(d(2024, 2, 1), MeetingStatus::Held), // counts
        ];
        ours.meetings.push(Meeting {
            date: None,
            status: MeetingStatus::Held,
            ..Meeting::default()
        });
        // Their newest held meeting is from March 2020: their window is April 2019 – March 2020.
        let mut theirs = ws("B", vec![], true);
        theirs.meetings = (1..=6)
            .map(|m| meeting(d(2019, m * 2 - 1, 5), MeetingStatus::Held)) // Jan, Mar, …, Nov 2019
            .chain([meeting(d(2020, 3, 2), MeetingStatus::Held)])
            .collect();
        let c = compare_municipalities(&ours, &theirs, d(2024, 6, 15), Measurements::default());
        assert_eq!(c.ours.window.from, YearMonth::new(2023, 6));
        assert_eq!(c.ours.window.to, YearMonth::new(2024, 5));
        assert!(!c.ours.window.ends_early);
        assert_eq!(c.ours.meetings_held, 3);
        assert!((c.ours.meetings_per_month - 0.25).abs() < 1e-12);
        assert_eq!(c.theirs.window.from, YearMonth::new(2019, 4));
        assert_eq!(c.theirs.window.to, YearMonth::new(2020, 3));
        assert!(c.theirs.window.ends_early);
        // May, Jul, Sep, Nov 2019 and Mar 2020: 5 in 12 months.
        assert_eq!(c.theirs.meetings_held, 5);
        assert!((c.meetings_per_month_difference - (5.0 - 3.0) / 12.0).abs() < 1e-12);
    }

    /// An example shown as of its own date beside a colleague's file of today: each side's meetings are
    /// counted in its own last twelve months (both were read as of the example's date, so theirs showed 0).
    #[test]
    fn each_side_is_seen_from_its_own_date() {
        let meeting = |date, status| Meeting {
            date: Some(date),
            status,
            ..Meeting::default()
        };
        let mut ours = ws("A", vec![], true);
        ours.as_of = Some(d(2019, 12, 31));
        ours.meetings = vec![meeting(d(2019, 6, 3), MeetingStatus::Held)];
        let mut theirs = ws("B", vec![], true);
        theirs.meetings = (1..=6)
            .map(|m| meeting(d(2024, m, 5), MeetingStatus::Held))
            .collect();
        let c = compare_municipalities(&ours, &theirs, d(2024, 7, 15), Measurements::default());
        assert_eq!(c.ours.window.to, YearMonth::new(2019, 11));
        assert_eq!(c.ours.meetings_held, 1);
        assert_eq!(c.theirs.window.to, YearMonth::new(2024, 6));
        assert_eq!(c.theirs.meetings_held, 6);
    }

    #[test]
    fn empty_workspaces_compare_to_nothing_but_the_category_rows() {
        let mut ours = Workspace::new("Vores");
        ours.municipality = "  ".into();
        let theirs = Workspace::new("  Deres  ");
        let c = compare_municipalities(&ours, &theirs, d(2024, 6, 15), Measurements::default());
        assert_eq!(c.ours.name, "Vores");
        assert_eq!(c.theirs.name, "Deres");
        assert_eq!(c.step_rows().count(), 0);
        assert_eq!(c.category_rows().count(), 2);
        for r in &c.rows {
            assert_eq!(r.ours.as_ref().unwrap().figures, None);
            assert_eq!(r.children_difference, None);
        }
        assert_eq!(c.ours.measurement, None);
        assert_eq!(c.ours.meetings_held, 0);
        assert_eq!(c.ours.meetings_per_month, 0.0);
        assert_eq!(c.meetings_per_month_difference, 0.0);
        assert_eq!(c.placement_share_points, None);
    }

    #[test]
    fn sides_are_read_from_the_measurements_closest_in_time_or_as_chosen() {
        let steps = || {
            vec![(
                step("1. Forebyggelse", StepCategory::Preventive),
                vec![(yearly("a", 10_000), 2)],
            )]
        };
        let mut ours = ws("Køge", steps(), true);
        let mut theirs = ws("Socialstyrelsen", steps(), true);
        let ivs: Vec<Id> = ours.staircase.measurements[0]
            .per_intervention
            .keys()
            .copied()
            .collect();
        let dated = |name: &str, y, n| Measurement {
            name: name.into(),
            kind: MeasurementKind::Actual,
            date: NaiveDate::from_ymd_opt(y, 12, 31),
            per_intervention: ivs.iter().map(|k| (*k, n)).collect(),
            ..Measurement::default()
        };
        // Ours: 2016 (the file's «Status»), 2019 and 2022; theirs: 2019 and 2016.
        ours.staircase.measurements[0].date = NaiveDate::from_ymd_opt(2016, 1, 1);
        let o2019 = dated("Status 2019", 2019, 5);
        let o2022 = dated("Status 2022", 2022, 7);
        ours.staircase
            .measurements
            .extend([o2019.clone(), o2022.clone()]);
        let t2019 = Measurement {
            name: "Status 2019".into(),
            kind: MeasurementKind::Actual,
            date: NaiveDate::from_ymd_opt(2019, 12, 31),
            ..Measurement::default()
        };
        theirs.staircase.measurements[0].date = NaiveDate::from_ymd_opt(2016, 1, 1);
        theirs.staircase.measurements.push(t2019.clone());
        let today = d(2024, 6, 1);
        let c = compare_municipalities(&ours, &theirs, today, Measurements::default());
        assert_eq!(c.theirs.measurement.as_ref().unwrap().id, t2019.id);
        assert_eq!(
            c.ours.measurement.as_ref().unwrap().id,
            o2019.id,
            "the same year, not our latest"
        );
        assert_eq!(
            c.rows[0].ours.as_ref().unwrap().figures.unwrap().children,
            5
        );
        // Chosen on both sides.
        let first_theirs = theirs.staircase.measurements[0].id;
        let c = compare_municipalities(
            &ours,
            &theirs,
            today,
            Measurements {
                ours: Some(o2022.id),
                theirs: Some(first_theirs),
            },
        );
        assert_eq!(c.ours.measurement.as_ref().unwrap().name, "Status 2022");
        assert_eq!(c.theirs.measurement.as_ref().unwrap().id, first_theirs);
        assert_eq!(
            c.rows[0].ours.as_ref().unwrap().figures.unwrap().children,
            7
        );
    }
}
