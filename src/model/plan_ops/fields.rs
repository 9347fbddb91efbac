//! The fields of the plan's forms and the errors an edit can meet. The rules are `validation`'s: `rules`
//! asks them of the record an edit would store and names the first broken one by its form field.

use crate::model::field_path::FieldPath;
use crate::model::record::RecordView;
use crate::model::validation::{check_record, FieldIssue, Problem};
use crate::model::Id;
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
    /// The initiative a sub-initiative is part of.
    Parent,
}

impl PlanField {
    pub const ALL: [PlanField; 19] = [
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
        PlanField::Parent,
    ];

    /// The form field of a field the model names (`title`, `budget[2].amount`, `history[0].text`).
    pub fn of_model_field(field: &FieldPath) -> Option<PlanField> {
        Some(match field.last_key()? {
            "number" => PlanField::Number,
            "title" => PlanField::Title,
            "description" => PlanField::Description,
            "success_criteria" => PlanField::SuccessCriteria,
            "owner" => PlanField::Owner,
            "committee" => PlanField::Committee,
            "period" => PlanField::Period,
            "start" | "deadline" | "end" => PlanField::Dates,
            "amount" | "budget" => PlanField::Budget,
            "author" => PlanField::Author,
            "text" | "note" => PlanField::NoteText,
            "name" => PlanField::Name,
            "unit" => PlanField::Unit,
            "baseline" => PlanField::Baseline,
            "target" => PlanField::Target,
            "value" => PlanField::Value,
            "period_label" => PlanField::PeriodLabel,
            "activity" => PlanField::Activity,
            "parent_id" => PlanField::Parent,
            "stale_after_days" => PlanField::Value,
            _ => return None,
        })
    }
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
    /// Another rule of `validation`, by the model's field name.
    #[error("{field}: {problem:?}")]
    Rule { field: FieldPath, problem: Problem },
}

impl PlanError {
    /// The form field the error is about, so its message can stand next to that field.
    pub fn field(&self) -> Option<PlanField> {
        match self {
            PlanError::Empty(f) | PlanError::NotFinite(f) => Some(*f),
            PlanError::TooLong { field, .. } => Some(*field),
            PlanError::EndBeforeStart(_) => Some(PlanField::Dates),
            PlanError::DuplicateNumber(_) => Some(PlanField::Number),
            PlanError::ParentCycle(_) => Some(PlanField::Parent),
            PlanError::NegativeAmount { .. } | PlanError::AmountTooLarge { .. } => {
                Some(PlanField::Budget)
            }
            PlanError::Rule { field, .. } => PlanField::of_model_field(field),
            _ => None,
        }
    }
}

/// The first rule of `validation` that `record` breaks, as the form's error at its field: what an edit
/// would store is checked by the model's own rules, before the command is made.
pub(super) fn rules(record: RecordView<'_>) -> Result<(), PlanError> {
    match check_record(record).into_iter().next() {
        None => Ok(()),
        Some(issue) => Err(from_issue(issue, record)),
    }
}

fn from_issue(issue: FieldIssue, record: RecordView<'_>) -> PlanError {
    let budget_year = || match record {
        RecordView::Initiative(i) => issue
            .field
            .index_after("budget")
            .and_then(|j| i.budget.get(j))
            .map_or(0, |b| b.year),
        _ => 0,
    };
    match (issue.problem, PlanField::of_model_field(&issue.field)) {
        (Problem::Empty, Some(f)) => PlanError::Empty(f),
        (Problem::TooLong { max }, Some(field)) => PlanError::TooLong { field, max },
        (Problem::NotFinite, Some(f)) => PlanError::NotFinite(f),
        (Problem::EndBeforeStart, _) => PlanError::EndBeforeStart(PlanField::Dates),
        (Problem::Negative, Some(PlanField::Budget)) => PlanError::NegativeAmount {
            year: budget_year(),
        },
        (Problem::TooLarge { max }, Some(PlanField::Budget)) => PlanError::AmountTooLarge {
            year: budget_year(),
            max,
        },
        (Problem::SelfReference, _) => PlanError::ParentCycle(record.reference().id),
        (problem, _) => PlanError::Rule {
            field: issue.field,
            problem,
        },
    }
}

/// A plain note must say something (a status change may be text-less): a rule of the action, not of the
/// stored record.
pub(super) fn required(field: PlanField, s: &str) -> Result<(), PlanError> {
    if s.trim().is_empty() {
        return Err(PlanError::Empty(field));
    }
    Ok(())
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
        assert_eq!(
            PlanError::ParentCycle(Id::nil()).field(),
            Some(PlanField::Parent)
        );
        assert_eq!(PlanError::InitiativeNotFound(Id::nil()).field(), None);
    }
}
