//! Numbers behind the staircase view: children and yearly spend per step for a measurement, the difference
//! between two measurements, what-if scenarios and caseload. Unknown prices count as 0 kr. but the children
//! they concern are reported, so the UI can say "uden kendt pris".

use super::staircase_ops::{CountTarget, StaircaseError};
use super::{
    new_id, now, CostPeriod, Id, Intervention, Kroner, Measurement, MeasurementKind, Staircase,
    Step, StepCategory,
};

/// Children and yearly spend of one step in one measurement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepFigures {
    pub step_id: Id,
    pub children: i64,
    pub yearly_spend: Kroner,
    /// Children counted where no price is known; their spend is not in `yearly_spend`.
    pub children_without_cost: i64,
    /// Children whose spend comes from a price per course, counted as
    /// [`CostPeriod::COURSES_PER_CHILD_PER_YEAR`] courses a year; screens say so next to the figures.
    pub children_per_course: i64,
}

impl StepFigures {
    fn zero(step_id: Id) -> Self {
        StepFigures {
            step_id,
            children: 0,
            yearly_spend: 0,
            children_without_cost: 0,
            children_per_course: 0,
        }
    }

    fn add(&mut self, children: u32, yearly_cost_per_child: Option<Kroner>) {
        let n = i64::from(children);
        self.children += n;
        match yearly_cost_per_child {
            Some(c) => self.yearly_spend = self.yearly_spend.saturating_add(n.saturating_mul(c)),
            None => self.children_without_cost += n,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub children: i64,
    pub yearly_spend: Kroner,
    pub children_without_cost: i64,
    pub children_per_course: i64,
}

/// Children and yearly spend of one intervention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InterventionFigures {
    pub children: i64,
    /// `None` when the intervention has no price.
    pub yearly_spend: Option<Kroner>,
}

pub fn intervention_figures(iv: &Intervention, m: &Measurement) -> InterventionFigures {
    let children = i64::from(m.count(CountTarget::Intervention(iv.id)));
    InterventionFigures {
        children,
        yearly_spend: iv
            .yearly_cost_per_child()
            .map(|c| children.saturating_mul(c)),
    }
}

fn step_figures(step: &Step, m: &Measurement) -> StepFigures {
    let mut f = StepFigures::zero(step.id);
    for iv in &step.interventions {
        let n = m.count(CountTarget::Intervention(iv.id));
        f.add(n, iv.yearly_cost_per_child());
        if iv.cost_period == CostPeriod::PerCourse && iv.unit_cost.is_some() {
            f.children_per_course += i64::from(n);
        }
    }
    // Children counted on the step as a whole come on top of those counted per intervention.
    f.add(
        m.count(CountTarget::Step(step.id)),
        step.yearly_cost_per_child,
    );
    f
}

/// One entry per step, in staircase order. Map look-ups only, so linear in the number of interventions.
pub fn measurement_figures(s: &Staircase, m: &Measurement) -> Vec<StepFigures> {
    s.steps.iter().map(|step| step_figures(step, m)).collect()
}

pub fn figures(s: &Staircase, measurement_id: Id) -> Result<Vec<StepFigures>, StaircaseError> {
    let m = s
        .measurement(measurement_id)
        .ok_or(StaircaseError::MeasurementNotFound(measurement_id))?;
    Ok(measurement_figures(s, m))
}

pub fn totals(figures: &[StepFigures]) -> Totals {
    figures.iter().fold(Totals::default(), |t, f| Totals {
        children: t.children + f.children,
        yearly_spend: t.yearly_spend.saturating_add(f.yearly_spend),
        children_without_cost: t.children_without_cost + f.children_without_cost,
        children_per_course: t.children_per_course + f.children_per_course,
    })
}

/// Placement and preventive parts of a measurement's totals; universal steps make up the rest.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CategorySplit {
    pub placement_children: i64,
    pub preventive_children: i64,
    pub placement_spend: Kroner,
    pub preventive_spend: Kroner,
    pub total_children: i64,
    pub total_spend: Kroner,
}

fn share(part: i64, whole: i64) -> Option<f64> {
    (whole != 0).then(|| part as f64 / whole as f64)
}

impl CategorySplit {
    pub fn of(s: &Staircase, figures: &[StepFigures]) -> Self {
        let mut c = CategorySplit::default();
        for (step, f) in s.steps.iter().zip(figures) {
            match step.category {
                StepCategory::Placement => {
                    c.placement_children += f.children;
                    c.placement_spend = c.placement_spend.saturating_add(f.yearly_spend);
                }
                StepCategory::Preventive => {
                    c.preventive_children += f.children;
                    c.preventive_spend = c.preventive_spend.saturating_add(f.yearly_spend);
                }
                StepCategory::Universal => {}
            }
            c.total_children += f.children;
            c.total_spend = c.total_spend.saturating_add(f.yearly_spend);
        }
        c
    }

    /// Shares are fractions (0.4 = 40 %); `None` when the total is 0.
    pub fn placement_children_share(&self) -> Option<f64> {
        share(self.placement_children, self.total_children)
    }
    pub fn preventive_children_share(&self) -> Option<f64> {
        share(self.preventive_children, self.total_children)
    }
    pub fn placement_spend_share(&self) -> Option<f64> {
        share(self.placement_spend, self.total_spend)
    }
    pub fn preventive_spend_share(&self) -> Option<f64> {
        share(self.preventive_spend, self.total_spend)
    }
}

/// One step in two measurements; deltas are b − a.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepComparison {
    pub step_id: Id,
    pub category: StepCategory,
    pub a: StepFigures,
    pub b: StepFigures,
    pub children_delta: i64,
    pub spend_delta: Kroner,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub a: Id,
    pub b: Id,
    pub steps: Vec<StepComparison>,
    pub total_a: Totals,
    pub total_b: Totals,
    pub children_delta: i64,
    pub spend_delta: Kroner,
    pub split_a: CategorySplit,
    pub split_b: CategorySplit,
}

/// A change (b − a) in children and yearly spend.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Change {
    pub children: i64,
    pub spend: Kroner,
}

impl Comparison {
    /// The change over all steps.
    pub fn total_change(&self) -> Change {
        Change {
            children: self.children_delta,
            spend: self.spend_delta,
        }
    }

    /// The change on the placement steps together; `None` when the staircase has no placement step.
    pub fn placement_change(&self) -> Option<Change> {
        self.has_placement_steps().then(|| Change {
            children: self.split_b.placement_children - self.split_a.placement_children,
            spend: self
                .split_b
                .placement_spend
                .saturating_sub(self.split_a.placement_spend),
        })
    }

    pub fn has_placement_steps(&self) -> bool {
        self.steps
            .iter()
            .any(|c| c.category == StepCategory::Placement)
    }
}

/// Compares measurement `b` with measurement `a` (deltas are b − a).
pub fn compare(s: &Staircase, a: Id, b: Id) -> Result<Comparison, StaircaseError> {
    let fa = figures(s, a)?;
    let fb = figures(s, b)?;
    let steps = s
        .steps
        .iter()
        .zip(fa.iter().zip(&fb))
        .map(|(step, (x, y))| StepComparison {
            step_id: step.id,
            category: step.category,
            a: *x,
            b: *y,
            children_delta: y.children - x.children,
            spend_delta: y.yearly_spend.saturating_sub(x.yearly_spend),
        })
        .collect();
    let (total_a, total_b) = (totals(&fa), totals(&fb));
    Ok(Comparison {
        a,
        b,
        steps,
        total_a,
        total_b,
        children_delta: total_b.children - total_a.children,
        spend_delta: total_b.yearly_spend.saturating_sub(total_a.yearly_spend),
        split_a: CategorySplit::of(s, &fa),
        split_b: CategorySplit::of(s, &fb),
    })
}

/// A scenario built from a measurement by moving children, and what it does to the yearly spend.
#[derive(Clone, Debug, PartialEq)]
pub struct WhatIf {
    /// Not yet in the staircase: the caller adds it with `Staircase::add_measurement` if wanted.
    pub measurement: Measurement,
    /// New total yearly spend minus the old one; negative is a saving.
    pub spend_delta: Kroner,
    /// False when the source or the destination has no price, so `spend_delta` leaves it out.
    pub cost_known: bool,
}

fn yearly_cost(s: &Staircase, target: CountTarget) -> Option<Kroner> {
    match target {
        CountTarget::Intervention(id) => {
            s.intervention(id).and_then(|iv| iv.yearly_cost_per_child())
        }
        CountTarget::Step(id) => s.step(id).and_then(|st| st.yearly_cost_per_child),
    }
}

/// A scenario's name and note, in the user's words: the caller writes them
/// (`text::staircase::scenario_label`), since they are stored and shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScenarioLabel {
    pub name: String,
    pub note: String,
}

/// Moves `n` children from `from` to `to` in a copy of measurement `measurement_id`. The copy is a
/// scenario labelled `label`.
pub fn what_if(
    s: &Staircase,
    measurement_id: Id,
    from: CountTarget,
    to: CountTarget,
    n: u32,
    label: ScenarioLabel,
) -> Result<WhatIf, StaircaseError> {
    let base = s
        .measurement(measurement_id)
        .ok_or(StaircaseError::MeasurementNotFound(measurement_id))?;
    s.check_target(from)?;
    s.check_target(to)?;
    if from == to {
        return Err(StaircaseError::SameTarget);
    }
    if n == 0 {
        return Err(StaircaseError::NothingToMove);
    }
    let available = base.count(from);
    if available < n {
        return Err(StaircaseError::NotEnoughChildren {
            available,
            requested: n,
        });
    }
    let t = now();
    let mut m = Measurement {
        id: new_id(),
        name: label.name,
        kind: MeasurementKind::Scenario,
        note: label.note,
        created_at: t,
        updated_at: t,
        ..base.clone()
    };
    let moved_to = m.count(to).saturating_add(n);
    m.put_count(from, available - n);
    m.put_count(to, moved_to);
    let before = totals(&measurement_figures(s, base)).yearly_spend;
    let after = totals(&measurement_figures(s, &m)).yearly_spend;
    Ok(WhatIf {
        measurement: m,
        spend_delta: after.saturating_sub(before),
        cost_known: yearly_cost(s, from).is_some() && yearly_cost(s, to).is_some(),
    })
}

/// Children with a case a caseworker carries: those in interventions that need a referral (visitation),
/// and those counted on a step as a whole unless the step is universal (universal services need no case).
/// Children in open, unreferred offers (åben anonym rådgivning, ICDP) are no caseworker's cases.
pub fn casework_children(s: &Staircase, m: &Measurement) -> i64 {
    s.steps
        .iter()
        .map(|step| {
            let referred: i64 = step
                .interventions
                .iter()
                .filter(|iv| iv.referral_required)
                .map(|iv| i64::from(m.count(CountTarget::Intervention(iv.id))))
                .sum();
            let whole = match step.category {
                StepCategory::Universal => 0,
                _ => i64::from(m.count(CountTarget::Step(step.id))),
            };
            referred + whole
        })
        .sum()
}

/// Children per caseworker ([`casework_children`] / caseworkers); `None` without a number of caseworkers.
pub fn caseload(s: &Staircase, m: &Measurement) -> Option<f64> {
    match m.caseworkers {
        Some(c) if c > 0 => Some(casework_children(s, m) as f64 / f64::from(c)),
        _ => None,
    }
}

/// Splits a label into at most `max_lines` lines of at most `max_chars` characters, breaking between
/// words; an over-long word is cut, and text that does not fit ends with "…". For SVG, which cannot wrap.
pub fn wrap_words(text: &str, max_chars: usize, max_lines: usize) -> Vec<String> {
    let max_chars = max_chars.max(2);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut truncated = false;
    for word in text.split_whitespace() {
        let wlen = word.chars().count();
        let clen = current.chars().count();
        if clen > 0 && clen + 1 + wlen <= max_chars {
            current.push(' ');
            current.push_str(word);
            continue;
        }
        if clen > 0 {
            lines.push(std::mem::take(&mut current));
        }
        if lines.len() == max_lines {
            truncated = true;
            break;
        }
        if wlen > max_chars {
            current = word.chars().take(max_chars - 1).collect::<String>() + "…";
        } else {
            current = word.to_string();
        }
    }
    if !current.is_empty() {
        if lines.len() < max_lines {
            lines.push(current);
        } else {
            truncated = true;
        }
    }
    if truncated {
        if let Some(last) = lines.last_mut() {
            let mut l: String = last.chars().take(max_chars - 1).collect();
            if !l.ends_with('…') {
                l = l.trim_end().to_string();
                l.push('…');
            }
            *last = l;
        }
    }
    lines
}

/// Largest number of children on one step in either measurement, at least 1 (for bar scales).
pub fn max_children(a: &[StepFigures], b: Option<&[StepFigures]>) -> i64 {
    a.iter()
        .chain(b.unwrap_or(&[]).iter())
        .map(|f| f.children)
        .max()
        .unwrap_or(0)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CostPeriod, Intervention};
    use crate::text::staircase::scenario_label;

    struct Fixture {
        s: Staircase,
        steps: [Id; 5],
        open: Id,
        icdp: Id,
        family_treatment: Id,
        residential: Id,
        baseline: Id,
        target: Id,
    }

    fn priced(name: &str, cost: Option<Kroner>, period: CostPeriod) -> Intervention {
        Intervention {
            name: name.into(),
            unit_cost: cost,
            cost_period: period,
            ..Intervention::default()
        }
    }

    /// Five steps; the foster-care step is counted only as a whole (470.000 kr. per child per year).
    fn fixture() -> Fixture {
        let mut s = Staircase::default();
        let universal = s
            .add_step("Almene tilbud", StepCategory::Universal)
            .unwrap();
        let early = s
            .add_step("Tidlig forebyggelse", StepCategory::Preventive)
            .unwrap();
        let home = s
            .add_step("Forebyggende foranstaltninger", StepCategory::Preventive)
            .unwrap();
        let foster = s.add_step("Plejefamilie", StepCategory::Placement).unwrap();
        let residential_step = s
            .add_step("Døgninstitution", StepCategory::Placement)
            .unwrap();
        s.set_step_yearly_cost(foster, Some(470_000)).unwrap();
        let open = s
            .add_intervention(
                early,
                priced("Åben anonym rådgivning", None, CostPeriod::PerYear),
            )
            .unwrap();
        let icdp = s
            .add_intervention(early, priced("ICDP", Some(4_500), CostPeriod::PerCourse))
            .unwrap();
        // 15.000 kr. a month is 180.000 kr. a year.
        let family_treatment = s
            .add_intervention(
                home,
                priced("Familiebehandling", Some(15_000), CostPeriod::PerMonth),
            )
            .unwrap();
        let residential = s
            .add_intervention(
                residential_step,
                priced("Opholdssted Solhøj", Some(1_160_000), CostPeriod::PerYear),
            )
            .unwrap();
        let mut base = Measurement {
            name: "Baseline 2016".into(),
            kind: MeasurementKind::Baseline,
            caseworkers: Some(4),
            ..Measurement::default()
        };
        base.per_intervention.insert(open, 30);
        base.per_intervention.insert(icdp, 10);
        base.per_intervention.insert(family_treatment, 20);
        base.per_intervention.insert(residential, 25);
        base.per_step.insert(foster, 15);
        let mut target = Measurement {
            name: "Mål 2020".into(),
            kind: MeasurementKind::Target,
            ..Measurement::default()
        };
        target.per_intervention.insert(open, 30);
        target.per_intervention.insert(icdp, 40);
        target.per_intervention.insert(family_treatment, 35);
        target.per_intervention.insert(residential, 22);
        target.per_step.insert(foster, 14);
        let baseline = s.add_measurement(base).unwrap();
        let target = s.add_measurement(target).unwrap();
        Fixture {
            s,
            steps: [universal, early, home, foster, residential_step],
            open,
            icdp,
            family_treatment,
            residential,
            baseline,
            target,
        }
    }

    fn row(step_id: Id, children: i64, yearly_spend: Kroner, without: i64) -> StepFigures {
        StepFigures {
            step_id,
            children,
            yearly_spend,
            children_without_cost: without,
            children_per_course: 0,
        }
    }

    fn with_courses(f: StepFigures, children_per_course: i64) -> StepFigures {
        StepFigures {
            children_per_course,
            ..f
        }
    }

    #[test]
    fn figures_per_step_and_totals() {
        let f = fixture();
        let got = figures(&f.s, f.baseline).unwrap();
        let [u, e, h, fo, r] = f.steps;
        assert_eq!(
            got,
            vec![
                row(u, 0, 0, 0),
                // 10 courses × 4.500 (one course per child per year); the 30 in open counselling
                // have no price.
                with_courses(row(e, 40, 45_000, 30), 10),
                // 20 × 15.000 × 12 months.
                row(h, 20, 3_600_000, 0),
                // Step-only count: 15 × 470.000.
                row(fo, 15, 7_050_000, 0),
                row(r, 25, 29_000_000, 0),
            ]
        );
        assert_eq!(
            totals(&got),
            Totals {
                children: 100,
                yearly_spend: 39_695_000,
                children_without_cost: 30,
                children_per_course: 10,
            }
        );
        let ghost = new_id();
        assert_eq!(
            figures(&f.s, ghost),
            Err(StaircaseError::MeasurementNotFound(ghost))
        );
    }

    #[test]
    fn step_counts_add_to_intervention_counts_and_unpriced_steps_are_reported() {
        let mut f = fixture();
        let [_, early, home, _, _] = f.steps;
        f.s.set_count(f.baseline, CountTarget::Step(home), 3)
            .unwrap();
        f.s.set_count(f.baseline, CountTarget::Step(early), 2)
            .unwrap();
        f.s.set_step_yearly_cost(home, Some(100_000)).unwrap();
        let got = figures(&f.s, f.baseline).unwrap();
        assert_eq!(got[2], row(home, 23, 3_600_000 + 300_000, 0));
        // The early step has no yearly price, so its 2 step-level children join those without cost.
        assert_eq!(got[1], with_courses(row(early, 42, 45_000, 32), 10));
    }

    #[test]
    fn conversion_per_period() {
        let f = fixture();
        let m = f.s.measurement(f.baseline).unwrap();
        let fig = |id| intervention_figures(f.s.intervention(id).unwrap(), m);
        assert_eq!(
            fig(f.family_treatment),
            InterventionFigures {
                children: 20,
                yearly_spend: Some(3_600_000)
            }
        );
        assert_eq!(
            fig(f.icdp),
            InterventionFigures {
                children: 10,
                yearly_spend: Some(45_000)
            }
        );
        assert_eq!(
            fig(f.residential),
            InterventionFigures {
                children: 25,
                yearly_spend: Some(29_000_000)
            }
        );
        assert_eq!(
            fig(f.open),
            InterventionFigures {
                children: 30,
                yearly_spend: None
            }
        );
    }

    #[test]
    fn comparison_deltas_and_shares() {
        let f = fixture();
        let c = compare(&f.s, f.baseline, f.target).unwrap();
        let deltas: Vec<(i64, i64)> = c
            .steps
            .iter()
            .map(|x| (x.children_delta, x.spend_delta))
            .collect();
        assert_eq!(
            deltas,
            vec![
                (0, 0),
                (30, 135_000),
                (15, 2_700_000),
                (-1, -470_000),
                (-3, -3_480_000)
            ]
        );
        assert_eq!(c.total_a.children, 100);
        assert_eq!(c.total_b.children, 141);
        assert_eq!(c.total_b.yearly_spend, 38_580_000);
        assert_eq!(c.children_delta, 41);
        assert_eq!(c.spend_delta, -1_115_000);

        assert_eq!(
            c.split_a,
            CategorySplit {
                placement_children: 40,
                preventive_children: 60,
                placement_spend: 36_050_000,
                preventive_spend: 3_645_000,
                total_children: 100,
                total_spend: 39_695_000,
            }
        );
        assert_eq!(c.split_a.placement_children_share(), Some(0.4));
        assert_eq!(c.split_a.preventive_children_share(), Some(0.6));
        let close =
            |a: Option<f64>, b: f64| assert!((a.unwrap() - b).abs() < 1e-12, "{a:?} vs {b}");
        close(
            c.split_a.placement_spend_share(),
            36_050_000.0 / 39_695_000.0,
        );
        close(
            c.split_a.preventive_spend_share(),
            3_645_000.0 / 39_695_000.0,
        );
        close(c.split_b.placement_children_share(), 36.0 / 141.0);
        close(c.split_b.preventive_children_share(), 105.0 / 141.0);
        close(
            c.split_b.placement_spend_share(),
            32_100_000.0 / 38_580_000.0,
        );
        close(
            c.split_b.preventive_spend_share(),
            6_480_000.0 / 38_580_000.0,
        );

        // Placement steps together: foster care 15 → 14 and residential care 25 → 22, so 4 fewer;
        // spend −470.000 − 3 × 1.160.000 = −3.950.000.
        assert_eq!(
            c.placement_change(),
            Some(Change {
                children: -4,
                spend: -3_950_000
            })
        );
        assert_eq!(
            c.total_change(),
            Change {
                children: 41,
                spend: -1_115_000
            }
        );
        assert_eq!(CategorySplit::default().placement_children_share(), None);
    }

    #[test]
    fn comparing_a_measurement_with_itself_changes_nothing() {
        let f = fixture();
        let c = compare(&f.s, f.baseline, f.baseline).unwrap();
        assert!(c
            .steps
            .iter()
            .all(|x| x.children_delta == 0 && x.spend_delta == 0));
        assert_eq!((c.children_delta, c.spend_delta), (0, 0));
        assert_eq!(c.placement_change(), Some(Change::default()));
        assert!(c.has_placement_steps());
        let ghost = new_id();
        assert_eq!(
            compare(&f.s, f.baseline, ghost),
            Err(StaircaseError::MeasurementNotFound(ghost))
        );
    }

    #[test]
    fn what_if_moves_children_from_residential_care_to_family_treatment() {
        let f = fixture();
        let from = CountTarget::Intervention(f.residential);
        let to = CountTarget::Intervention(f.family_treatment);
        let label = scenario_label(&f.s, f.baseline, from, to, 20, "");
        let w = what_if(&f.s, f.baseline, from, to, 20, label).unwrap();
        // 20 × (180.000 − 1.160.000)
        assert_eq!(w.spend_delta, -19_600_000);
        assert!(w.cost_known);
        let m = &w.measurement;
        assert_eq!(m.kind, MeasurementKind::Scenario);
        assert_ne!(m.id, f.baseline);
        assert_eq!(
            m.name,
            "Scenarie: 20 børn fra Opholdssted Solhøj til Familiebehandling"
        );
        assert_eq!(m.count(from), 5);
        assert_eq!(m.count(to), 40);
        assert_eq!(m.total_children(), 100);
        // The source measurement is untouched.
        assert_eq!(f.s.measurement(f.baseline).unwrap().count(from), 25);
    }

    #[test]
    fn what_if_from_a_step_count_and_with_unknown_cost() {
        let f = fixture();
        let foster = CountTarget::Step(f.steps[3]);
        let to = CountTarget::Intervention(f.family_treatment);
        let w = what_if(
            &f.s,
            f.baseline,
            foster,
            to,
            15,
            scenario_label(&f.s, f.baseline, foster, to, 15, " Ingen i pleje "),
        )
        .unwrap();
        // 15 × (180.000 − 470.000); moving all 15 removes the step entry.
        assert_eq!(w.spend_delta, -4_350_000);
        assert_eq!(w.measurement.name, "Ingen i pleje");
        assert!(!w.measurement.per_step.contains_key(&f.steps[3]));

        let w = what_if(
            &f.s,
            f.baseline,
            CountTarget::Intervention(f.open),
            CountTarget::Intervention(f.icdp),
            10,
            scenario_label(
                &f.s,
                f.baseline,
                CountTarget::Intervention(f.open),
                CountTarget::Intervention(f.icdp),
                10,
                "  ",
            ),
        )
        .unwrap();
        // Open counselling has no price: only the 10 new courses count.
        assert_eq!(w.spend_delta, 45_000);
        assert!(!w.cost_known);
        assert!(w.measurement.name.starts_with("Scenarie: 10 børn"));
    }

    #[test]
    fn what_if_errors() {
        let f = fixture();
        let from = CountTarget::Intervention(f.residential);
        let to = CountTarget::Intervention(f.family_treatment);
        assert_eq!(
            what_if(&f.s, f.baseline, from, to, 26, ScenarioLabel::default()),
            Err(StaircaseError::NotEnoughChildren {
                available: 25,
                requested: 26
            })
        );
        assert_eq!(
            what_if(&f.s, f.baseline, from, from, 1, ScenarioLabel::default()),
            Err(StaircaseError::SameTarget)
        );
        assert_eq!(
            what_if(&f.s, f.baseline, from, to, 0, ScenarioLabel::default()),
            Err(StaircaseError::NothingToMove)
        );
        let ghost = new_id();
        assert_eq!(
            what_if(&f.s, ghost, from, to, 1, ScenarioLabel::default()),
            Err(StaircaseError::MeasurementNotFound(ghost))
        );
        assert_eq!(
            what_if(
                &f.s,
                f.baseline,
                CountTarget::Step(ghost),
                to,
                1,
                ScenarioLabel::default()
            ),
            Err(StaircaseError::StepNotFound(ghost))
        );
        assert_eq!(
            what_if(
                &f.s,
                f.baseline,
                from,
                CountTarget::Intervention(ghost),
                1,
                ScenarioLabel::default()
            ),
            Err(StaircaseError::InterventionNotFound(ghost))
        );
        // The target measurement has nobody on the universal step.
        assert_eq!(
            what_if(
                &f.s,
                f.target,
                CountTarget::Step(f.steps[0]),
                to,
                1,
                ScenarioLabel::default()
            ),
            Err(StaircaseError::NotEnoughChildren {
                available: 0,
                requested: 1
            })
        );
    }

    #[test]
    fn labels_wrap_between_words_and_end_with_an_ellipsis() {
        assert_eq!(
            wrap_words("Anbringelse på opholdssted eller døgninstitution", 16, 3),
            vec!["Anbringelse på", "opholdssted", "eller…"]
        );
        assert_eq!(wrap_words("Almene tilbud", 20, 2), vec!["Almene tilbud"]);
        assert_eq!(
            wrap_words("Netværksanbringelsesindsatser", 10, 2),
            vec!["Netværksa…"]
        );
        assert_eq!(wrap_words("", 10, 2), Vec::<String>::new());
        assert_eq!(wrap_words("a b c d e f", 3, 2), vec!["a b", "c…"]);
        for line in wrap_words(
            "Forebyggende foranstaltninger i hjemmet for hele familien",
            12,
            3,
        ) {
            assert!(line.chars().count() <= 12, "{line}");
        }
    }

    #[test]
    fn max_children_covers_both_measurements() {
        let f = fixture();
        let a = figures(&f.s, f.baseline).unwrap();
        let b = figures(&f.s, f.target).unwrap();
        assert_eq!(max_children(&a, None), 40);
        assert_eq!(max_children(&a, Some(&b)), 70);
        assert_eq!(max_children(&[], None), 1);
    }

    #[test]
    fn caseload_is_children_with_a_case_per_caseworker() {
        let mut f = fixture();
        // No intervention needs a referral yet: only the 15 counted on the foster-care step have a case.
        let base = f.s.measurement(f.baseline).unwrap().clone();
        assert_eq!(casework_children(&f.s, &base), 15);
        assert_eq!(caseload(&f.s, &base), Some(3.75));
        for id in [f.family_treatment, f.residential] {
            let mut iv = f.s.intervention(id).unwrap().clone();
            iv.referral_required = true;
            f.s.update_intervention(iv).unwrap();
        }
        // 20 in family treatment + 25 in residential care + 15 in foster care = 60, on 4 caseworkers.
        assert_eq!(casework_children(&f.s, &base), 60);
        assert_eq!(caseload(&f.s, &base), Some(15.0));
        let mut m = base.clone();
        m.caseworkers = Some(8);
        assert_eq!(caseload(&f.s, &m), Some(7.5));
        m.caseworkers = Some(0);
        assert_eq!(caseload(&f.s, &m), None);
        // A count on a universal step is nobody's case.
        m.caseworkers = Some(1);
        m.per_step.insert(f.steps[0], 500);
        assert_eq!(caseload(&f.s, &m), Some(60.0));
        assert_eq!(caseload(&f.s, f.s.measurement(f.target).unwrap()), None);
    }

    #[test]
    fn five_hundred_interventions_on_twelve_steps_add_up() {
        let mut s = Staircase::default();
        let steps: Vec<Id> = (0..12)
            .map(|i| {
                s.add_step(format!("Trin {i}"), StepCategory::Preventive)
                    .unwrap()
            })
            .collect();
        let mut m = Measurement {
            name: "Stor".into(),
            ..Measurement::default()
        };
        for i in 0..500u32 {
            let iv = priced(&format!("Indsats {i}"), Some(1_000), CostPeriod::PerMonth);
            m.per_intervention.insert(iv.id, 2);
            s.steps[(i % 12) as usize].interventions.push(iv);
        }
        for id in &steps {
            m.per_step.insert(*id, 1);
        }
        let id = s.add_measurement(m).unwrap();
        let runs = 200;
        let start = std::time::Instant::now();
        let mut t = Totals::default();
        for _ in 0..runs {
            t = totals(&figures(&s, id).unwrap());
        }
        let each = start.elapsed() / runs;
        assert_eq!(t.children, 1_000 + 12);
        assert_eq!(t.yearly_spend, 1_000 * 12_000);
        assert_eq!(t.children_without_cost, 12);
        // Timing is reported, not asserted: speed is measured by the benchmark, not by tests.
        println!("figures for 500 interventions on 12 steps: {each:?} per run");
    }
}
