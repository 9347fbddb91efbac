//! The fields of the plan's forms, the errors an edit can meet, and the checks every field gets.

use crate::model::validation::{MAX_NAME, MAX_TEXT};
use crate::model::Id;
use chrono::NaiveDate;
use thiserror::Error;

/// The field an error is about, so the UI can tie its Danish message to the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanField {
    Number,
    Title,
    Description,
    SuccessCriteria,
    Owner,
    Committee,
    Period,
    Dates,
    Budget,
    Author,
    NoteText,
    Name,
    Unit,
    Baseline,
    Target,
    Value,
    PeriodLabel,
    Activity,
}

impl PlanField {
    pub const ALL: [PlanField; 18] = [
        PlanField::Number,
        PlanField::Title,
        PlanField::Description,
        PlanField::SuccessCriteria,
        PlanField::Owner,
        PlanField::Committee,
        PlanField::Period,
        PlanField::Dates,
        PlanField::Budget,
        PlanField::Author,
        PlanField::NoteText,
        PlanField::Name,
        PlanField::Unit,
        PlanField::Baseline,
        PlanField::Target,
        PlanField::Value,
        PlanField::PeriodLabel,
        PlanField::Activity,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PlanError {
    #[error("no goal with id {0}")]
    GoalNotFound(Id),
    #[error("no track with id {0}")]
    TrackNotFound(Id),
    #[error("no initiative with id {0}")]
    InitiativeNotFound(Id),
    #[error("no note with id {0}")]
    NoteNotFound(Id),
    #[error("no indicator with id {0}")]
    IndicatorNotFound(Id),
    #[error("no indicator value with id {0}")]
    ValueNotFound(Id),
    #[error("no timeline row with id {0}")]
    TimelineRowNotFound(Id),
    #[error("id {0} is already in use")]
    DuplicateId(Id),
    #[error("initiative number {0:?} is already in use")]
    DuplicateNumber(String),
    #[error("{0:?} is empty")]
    Empty(PlanField),
    #[error("{field:?} is longer than {max} characters")]
    TooLong { field: PlanField, max: usize },
    #[error("{0:?} is not a finite number")]
    NotFinite(PlanField),
    #[error("{0:?}: the end is before the start")]
    EndBeforeStart(PlanField),
    #[error("budget for {year} is negative")]
    NegativeAmount { year: i32 },
    #[error("budget for {year} is larger than {max}")]
    AmountTooLarge { year: i32, max: i64 },
    #[error("initiative {0} would become its own sub-item")]
    ParentCycle(Id),
    #[error("initiative {id} has {count} sub-items")]
    HasSubItems { id: Id, count: usize },
    #[error("initiative {id} has {count} history entries")]
    HasHistory { id: Id, count: usize },
}

impl PlanError {
    /// The form field the error is about, so its message can stand next to that field.
    pub fn field(&self) -> Option<PlanField> {
        match self {
            PlanError::Empty(f) | PlanError::NotFinite(f) => Some(*f),
            PlanError::TooLong { field, .. } => Some(*field),
            PlanError::EndBeforeStart(_) => Some(PlanField::Dates),
            PlanError::DuplicateNumber(_) => Some(PlanField::Number),
            PlanError::NegativeAmount { .. } | PlanError::AmountTooLarge { .. } => {
                Some(PlanField::Budget)
            }
            _ => None,
        }
    }
}

/// A one-line field: at most `MAX_NAME` characters.
pub(super) fn name_field(field: PlanField, s: &str) -> Result<(), PlanError> {
    at_most(field, s, MAX_NAME)
}

/// A longer text: at most `MAX_TEXT` characters.
pub(super) fn text_field(field: PlanField, s: &str) -> Result<(), PlanError> {
    at_most(field, s, MAX_TEXT)
}

fn at_most(field: PlanField, s: &str, max: usize) -> Result<(), PlanError> {
    if s.chars().count() > max {
        return Err(PlanError::TooLong { field, max });
    }
    Ok(())
}

pub(super) fn required(field: PlanField, s: &str) -> Result<(), PlanError> {
    if s.trim().is_empty() {
        return Err(PlanError::Empty(field));
    }
    Ok(())
}

pub(super) fn finite(field: PlanField, v: Option<f64>) -> Result<(), PlanError> {
    if v.is_some_and(|v| !v.is_finite()) {
        return Err(PlanError::NotFinite(field));
    }
    Ok(())
}

pub(super) fn ordered_dates(
    field: PlanField,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) -> Result<(), PlanError> {
    match (start, end) {
        (Some(s), Some(e)) if e < s => Err(PlanError::EndBeforeStart(field)),
        _ => Ok(()),
    }
}

pub(super) fn trim_in_place(s: &mut String) {
    let t = s.trim();
    if t.len() != s.len() {
        *s = t.to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_field_they_are_about() {
        assert_eq!(
            PlanError::Empty(PlanField::Title).field(),
            Some(PlanField::Title)
        );
        assert_eq!(
            PlanError::DuplicateNumber("1.1".into()).field(),
            Some(PlanField::Number)
        );
        assert_eq!(
            PlanError::NegativeAmount { year: 2020 }.field(),
            Some(PlanField::Budget)
        );
        assert_eq!(PlanError::ParentCycle(Id::nil()).field(), None);
    }
}
