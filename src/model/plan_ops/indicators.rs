//! Indicators: their definitions and measured values, the latest value on a date, progress from baseline
//! towards target, and the warning for a value dated before the baseline.

use super::crud::remove_item;
use super::fields::{rules, trim_in_place, PlanError};
use crate::model::record::RecordView;
use crate::model::sorting::StableSort;
use crate::model::{now, ActionPlan, Id, Indicator, IndicatorValue};
use chrono::NaiveDate;

impl ActionPlan {
    fn check_indicator(&self, ind: &Indicator) -> Result<(), PlanError> {
        rules(RecordView::Indicator(ind))?;
        if let Some(g) = ind.goal_id {
            self.goal(g).ok_or(PlanError::GoalNotFound(g))?;
        }
        if let Some(i) = ind.initiative_id {
            self.initiative(i).ok_or(PlanError::InitiativeNotFound(i))?;
        }
        Ok(())
    }

    pub fn add_indicator(&mut self, mut ind: Indicator) -> Result<Id, PlanError> {
        trim_in_place(&mut ind.name);
        trim_in_place(&mut ind.unit);
        if self.indicator(ind.id).is_some() {
            return Err(PlanError::DuplicateId(ind.id));
        }
        self.check_indicator(&ind)?;
        ind.updated_at = now();
        let id = ind.id;
        self.indicators.push(ind);
        Ok(id)
    }

    /// Replaces the indicator's definition; its measured values and `created_at` are kept (values change
    /// through `add_value`, `update_value`, `delete_value`).
    pub fn update_indicator(&mut self, mut ind: Indicator) -> Result<(), PlanError> {
        trim_in_place(&mut ind.name);
        trim_in_place(&mut ind.unit);
        let old = self
            .indicator(ind.id)
            .ok_or(PlanError::IndicatorNotFound(ind.id))?;
        ind.values = old.values.clone();
        ind.created_at = old.created_at;
        self.check_indicator(&ind)?;
        ind.updated_at = now();
        let id = ind.id;
        *self.indicator_mut(id)? = ind;
        Ok(())
    }

    pub fn delete_indicator(&mut self, id: Id) -> Result<Indicator, PlanError> {
        remove_item(&mut self.indicators, id, PlanError::IndicatorNotFound)
    }

    /// Records a measured value, kept in date order. Returns its id.
    pub fn add_value(
        &mut self,
        indicator_id: Id,
        date: NaiveDate,
        value: f64,
        note: &str,
    ) -> Result<Id, PlanError> {
        let mut ind = self.indicator_mut(indicator_id)?.clone();
        let v = IndicatorValue {
            date: Some(date),
            value,
            note: note.to_string(),
            ..IndicatorValue::default()
        };
        let id = v.id;
        let at = ind
            .values
            .iter()
            .position(|x| x.date.is_some_and(|d| d > date))
            .unwrap_or(ind.values.len());
        ind.values.insert(at, v);
        rules(RecordView::Indicator(&ind))?;
        ind.updated_at = now();
        *self.indicator_mut(indicator_id)? = ind;
        Ok(id)
    }

    /// Corrects a measured value (matched by id); the values are re-sorted by date.
    pub fn update_value(
        &mut self,
        indicator_id: Id,
        value: IndicatorValue,
    ) -> Result<(), PlanError> {
        let mut ind = self.indicator_mut(indicator_id)?.clone();
        let slot = ind
            .values
            .iter_mut()
            .find(|v| v.id == value.id)
            .ok_or(PlanError::ValueNotFound(value.id))?;
        *slot = value;
        // Stable sort: same-day values keep their order; undated ones stay first.
        ind.values.stable_sort_by_key(|v| v.date);
        rules(RecordView::Indicator(&ind))?;
        ind.updated_at = now();
        *self.indicator_mut(indicator_id)? = ind;
        Ok(())
    }

    pub fn delete_value(
        &mut self,
        indicator_id: Id,
        value_id: Id,
    ) -> Result<IndicatorValue, PlanError> {
        let ind = self.indicator_mut(indicator_id)?;
        let at = ind
            .values
            .iter()
            .position(|v| v.id == value_id)
            .ok_or(PlanError::ValueNotFound(value_id))?;
        ind.updated_at = now();
        Ok(ind.values.remove(at))
    }
}

/// The newest measured value dated on or before `on_or_before` (any date when `None`). Same-day values:
/// the one recorded last. Undated values count only when no limit is given and nothing is dated.
pub fn latest_value(ind: &Indicator, on_or_before: Option<NaiveDate>) -> Option<&IndicatorValue> {
    let dated = ind
        .values
        .iter()
        .enumerate()
        .filter(|(_, v)| v.date.is_some_and(|d| on_or_before.is_none_or(|l| d <= l)))
        .max_by_key(|(i, v)| (v.date, *i))
        .map(|(_, v)| v);
    match (dated, on_or_before) {
        (Some(v), _) => Some(v),
        (None, None) => ind.values.iter().rev().find(|v| v.date.is_none()),
        (None, Some(_)) => None,
    }
}

/// How far the latest value (on or before `on`) has come from the baseline towards the target:
/// (latest − baseline) / (target − baseline). Works for falling targets too (fewer placements: baseline
/// 120, target 100, latest 110 → 0,5). Clamped to −1..=1: 1 means reached or passed, below 0 means moved
/// away from the target. When target equals baseline (hold the level) it is 1 at the target and 0
/// elsewhere. `None` without a baseline, a target or a value.
pub fn progress(ind: &Indicator, on: Option<NaiveDate>) -> Option<f64> {
    let baseline = ind.baseline.filter(|v| v.is_finite())?;
    let target = ind.target.filter(|v| v.is_finite())?;
    let latest = latest_value(ind, on)
        .map(|v| v.value)
        .filter(|v| v.is_finite())?;
    let span = target - baseline;
    let eps = 1e-9 * target.abs().max(baseline.abs()).max(1.0);
    if span.abs() <= eps {
        return Some(if (latest - target).abs() <= eps {
            1.0
        } else {
            0.0
        });
    }
    Some(((latest - baseline) / span).clamp(-1.0, 1.0))
}

/// A measurement that is kept but looks wrong, shown as a warning next to its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueWarning {
    /// Dated before the indicator's baseline date.
    BeforeBaseline { baseline_date: NaiveDate },
}

/// The warning for a measurement dated `date` on `ind`, if any. A warning, not a refusal: an older
/// figure found later may well belong in the series, but a typing error in the year is more likely.
pub fn value_warning(ind: &Indicator, date: Option<NaiveDate>) -> Option<ValueWarning> {
    match (date, ind.baseline_date) {
        (Some(d), Some(b)) if d < b => Some(ValueWarning::BeforeBaseline { baseline_date: b }),
        _ => None,
    }
}

/// How many of the indicator's measurements are dated before its baseline date.
pub fn values_before_baseline(ind: &Indicator) -> usize {
    ind.values
        .iter()
        .filter(|v| value_warning(ind, v.date).is_some())
        .count()
}

/// One row of an indicator's table of values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MeasurementRow<'a> {
    Baseline,
    Value(&'a IndicatorValue),
}

/// The baseline (when set) and the measurements in date order, as the table lists them: the baseline at
/// its own date (first on a tie; first of all when it has none), same-day values in the order recorded,
/// undated values last.
pub fn measurements_in_order(ind: &Indicator) -> Vec<MeasurementRow<'_>> {
    let mut rows: Vec<(u8, Option<NaiveDate>, u8, MeasurementRow<'_>)> = Vec::new();
    if ind.baseline.is_some() {
        let group = if ind.baseline_date.is_some() { 1 } else { 0 };
        rows.push((group, ind.baseline_date, 0, MeasurementRow::Baseline));
    }
    for v in &ind.values {
        let group = if v.date.is_some() { 1 } else { 2 };
        rows.push((group, v.date, 1, MeasurementRow::Value(v)));
    }
    rows.stable_sort_by_key(|(g, d, k, _)| (*g, *d, *k));
    rows.into_iter().map(|(_, _, _, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan_ops::tests::d;
    use crate::model::plan_ops::PlanField;

    fn indicator(baseline: Option<f64>, target: Option<f64>) -> Indicator {
        Indicator {
            name: "x".into(),
            baseline,
            target,
            ..Indicator::default()
        }
    }

    #[test]
    fn indicator_values_and_progress() {
        let mut p = ActionPlan::default();
        // Increasing: share of cases closed in time, 60 → 80 %.
        let up = p.add_indicator(indicator(Some(60.0), Some(80.0))).unwrap();
        assert_eq!(progress(p.indicator(up).unwrap(), None), None); // no data
        p.add_value(up, d(2017, 9, 1), 70.0, "").unwrap();
        p.add_value(up, d(2017, 3, 1), 65.0, "").unwrap();
        p.add_value(up, d(2018, 3, 1), 90.0, "").unwrap();
        let ind = p.indicator(up).unwrap();
        assert_eq!(
            ind.values.iter().map(|v| v.value).collect::<Vec<_>>(),
            vec![65.0, 70.0, 90.0]
        );
        assert_eq!(latest_value(ind, None).unwrap().value, 90.0);
        assert_eq!(latest_value(ind, Some(d(2017, 9, 1))).unwrap().value, 70.0);
        assert_eq!(latest_value(ind, Some(d(2017, 8, 31))).unwrap().value, 65.0);
        assert!(latest_value(ind, Some(d(2017, 2, 1))).is_none());
        assert_eq!(progress(ind, Some(d(2017, 3, 1))), Some(0.25)); // 5 / 20
        assert_eq!(progress(ind, Some(d(2017, 12, 31))), Some(0.5)); // 10 / 20
        assert_eq!(progress(ind, None), Some(1.0)); // 30 / 20 → reached
        assert_eq!(progress(ind, Some(d(2017, 1, 1))), None);

        // Decreasing: placements 120 → 100.
        let mut down = indicator(Some(120.0), Some(100.0));
        down.values.push(IndicatorValue {
            date: Some(d(2019, 1, 1)),
            value: 110.0,
            ..IndicatorValue::default()
        });
        assert_eq!(progress(&down, None), Some(0.5));
        down.values[0].value = 130.0; // worse than baseline
        assert_eq!(progress(&down, None), Some(-0.5));
        down.values[0].value = 200.0;
        assert_eq!(progress(&down, None), Some(-1.0));
        down.values[0].value = 95.0;
        assert_eq!(progress(&down, None), Some(1.0));

        // Target equals baseline: hold the level.
        let mut hold = indicator(Some(50.0), Some(50.0));
        hold.values.push(IndicatorValue {
            date: Some(d(2019, 1, 1)),
            value: 50.0,
            ..IndicatorValue::default()
        });
        assert_eq!(progress(&hold, None), Some(1.0));
        hold.values[0].value = 49.0;
        assert_eq!(progress(&hold, None), Some(0.0));

        // Missing baseline or target.
        let mut none = indicator(None, Some(1.0));
        none.values.push(IndicatorValue::default());
        assert_eq!(progress(&none, None), None);
        // An undated value counts only without a date limit.
        assert!(latest_value(&none, None).is_some());
        assert!(latest_value(&none, Some(d(2030, 1, 1))).is_none());

        let before = p.clone();
        assert_eq!(
            p.add_value(up, d(2019, 1, 1), f64::NAN, ""),
            Err(PlanError::NotFinite(PlanField::Value))
        );
        assert_eq!(
            p.add_indicator(indicator(Some(f64::INFINITY), None)),
            Err(PlanError::NotFinite(PlanField::Baseline))
        );
        assert_eq!(p, before);

        // Corrections and removal.
        let mut v = p.indicator(up).unwrap().values[0].clone();
        v.date = Some(d(2019, 1, 1));
        v.value = 75.0;
        p.update_value(up, v.clone()).unwrap();
        assert_eq!(
            latest_value(p.indicator(up).unwrap(), None).unwrap().value,
            75.0
        );
        p.delete_value(up, v.id).unwrap();
        assert_eq!(p.indicator(up).unwrap().values.len(), 2);
        // A definition edit keeps the values.
        let mut def = p.indicator(up).unwrap().clone();
        def.values.clear();
        def.target = Some(100.0);
        p.update_indicator(def).unwrap();
        assert_eq!(p.indicator(up).unwrap().values.len(), 2);
        p.delete_indicator(up).unwrap();
        assert!(p.indicators.is_empty());
    }

    #[test]
    fn values_before_the_baseline_warn_and_list_in_date_order() {
        let mut p = ActionPlan::default();
        let id = p
            .add_indicator(Indicator {
                baseline_date: Some(d(2019, 1, 1)),
                ..indicator(Some(60.0), Some(90.0))
            })
            .unwrap();
        let later = p.add_value(id, d(2019, 6, 30), 75.0, "").unwrap();
        // Typed 2018 for 2019: kept (a warning, not a refusal), and listed before the baseline.
        let earlier = p.add_value(id, d(2018, 6, 30), 55.0, "").unwrap();
        let same_day = p.add_value(id, d(2019, 1, 1), 61.0, "").unwrap();
        let ind = p.indicator(id).unwrap().clone();
        assert_eq!(ind.values.len(), 3);
        assert_eq!(
            value_warning(&ind, Some(d(2018, 12, 31))),
            Some(ValueWarning::BeforeBaseline {
                baseline_date: d(2019, 1, 1)
            })
        );
        assert_eq!(value_warning(&ind, Some(d(2019, 1, 1))), None);
        assert_eq!(value_warning(&ind, None), None);
        assert_eq!(values_before_baseline(&ind), 1);
        let order = |ind: &Indicator| -> Vec<Option<Id>> {
            measurements_in_order(ind)
                .into_iter()
                .map(|r| match r {
                    MeasurementRow::Baseline => None,
                    MeasurementRow::Value(v) => Some(v.id),
                })
                .collect()
        };
        assert_eq!(
            order(&ind),
            vec![Some(earlier), None, Some(same_day), Some(later)]
        );

        // Values stored out of order (an imported file) and an undated one are listed by date, undated
        // last; a baseline without a date comes first.
        let mut shuffled = ind.clone();
        shuffled.values.reverse();
        shuffled.values.push(IndicatorValue {
            date: None,
            ..IndicatorValue::default()
        });
        let undated = shuffled.values[3].id;
        assert_eq!(
            order(&shuffled),
            vec![
                Some(earlier),
                None,
                Some(same_day),
                Some(later),
                Some(undated)
            ]
        );
        shuffled.baseline_date = None;
        assert_eq!(order(&shuffled)[0], None);
        assert_eq!(values_before_baseline(&shuffled), 0);
        shuffled.baseline = None;
        assert_eq!(order(&shuffled).len(), 4);
    }
}
