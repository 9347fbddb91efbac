//! Pure operations on the action plan: editing goals, tracks, initiatives, indicators and the time plan; the
//! dated status history; staleness; filters and the grouped list order; indicator progress.
//!
//! Every mutating method checks everything first and changes nothing on error. Status and notes change only
//! through `set_status`, `add_note` and `edit_note`, so the history is the record of what happened.

use super::collation::danish_cmp;
use super::validation::{MAX_AMOUNT, MAX_NAME, MAX_TEXT};
use super::{
    now, ActionPlan, Goal, Id, Indicator, IndicatorValue, Initiative, InitiativeStatus,
    NoteRevision, StatusNote, TimelineRow, Track,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
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

fn name_field(field: PlanField, s: &str) -> Result<(), PlanError> {
    if s.chars().count() > MAX_NAME {
        return Err(PlanError::TooLong {
            field,
            max: MAX_NAME,
        });
    }
    Ok(())
}

fn text_field(field: PlanField, s: &str) -> Result<(), PlanError> {
    if s.chars().count() > MAX_TEXT {
        return Err(PlanError::TooLong {
            field,
            max: MAX_TEXT,
        });
    }
    Ok(())
}

fn required(field: PlanField, s: &str) -> Result<(), PlanError> {
    if s.trim().is_empty() {
        return Err(PlanError::Empty(field));
    }
    Ok(())
}

fn finite(field: PlanField, v: Option<f64>) -> Result<(), PlanError> {
    if v.is_some_and(|v| !v.is_finite()) {
        return Err(PlanError::NotFinite(field));
    }
    Ok(())
}

fn ordered_dates(
    field: PlanField,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) -> Result<(), PlanError> {
    match (start, end) {
        (Some(s), Some(e)) if e < s => Err(PlanError::EndBeforeStart(field)),
        _ => Ok(()),
    }
}

fn trim_in_place(s: &mut String) {
    let t = s.trim();
    if t.len() != s.len() {
        *s = t.to_string();
    }
}

fn check_goal(g: &Goal) -> Result<(), PlanError> {
    required(PlanField::Title, &g.title)?;
    name_field(PlanField::Number, &g.number)?;
    name_field(PlanField::Title, &g.title)?;
    text_field(PlanField::Description, &g.description)?;
    text_field(PlanField::SuccessCriteria, &g.success_criteria)
}

fn check_track(t: &Track) -> Result<(), PlanError> {
    required(PlanField::Title, &t.title)?;
    name_field(PlanField::Number, &t.number)?;
    name_field(PlanField::Title, &t.title)?;
    text_field(PlanField::Description, &t.description)
}

fn check_timeline_row(r: &TimelineRow) -> Result<(), PlanError> {
    required(PlanField::Activity, &r.activity)?;
    name_field(PlanField::PeriodLabel, &r.period_label)?;
    text_field(PlanField::Activity, &r.activity)?;
    ordered_dates(PlanField::Dates, r.start, r.end)
}

fn check_note_text(text: &str, author: &str) -> Result<(), PlanError> {
    name_field(PlanField::Author, author)?;
    text_field(PlanField::NoteText, text)
}

/// Inserts `note` after every entry dated on or before it, so the history stays in date order and entries
/// of the same day keep the order they were written in. Undated (imported) entries stay first.
fn insert_by_date(history: &mut Vec<StatusNote>, note: StatusNote) {
    let at = match note.date {
        Some(d) => history
            .iter()
            .position(|n| n.date.is_some_and(|x| x > d))
            .unwrap_or(history.len()),
        None => history.len(),
    };
    history.insert(at, note);
}

/// The dated entry that set the status most recently on or before `limit` (any date when `None`).
/// Ties on the date go to the entry written later in the history.
fn latest_status_entry(ini: &Initiative, limit: Option<NaiveDate>) -> Option<&StatusNote> {
    ini.history
        .iter()
        .enumerate()
        .filter(|(_, n)| n.status.is_some())
        .filter(|(_, n)| n.date.is_some_and(|d| limit.is_none_or(|l| d <= l)))
        .max_by_key(|(i, n)| (n.date, *i))
        .map(|(_, n)| n)
}

impl ActionPlan {
    // ----- lookups -----

    pub fn goal(&self, id: Id) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    pub fn track(&self, id: Id) -> Option<&Track> {
        self.tracks.iter().find(|t| t.id == id)
    }

    pub fn initiative(&self, id: Id) -> Option<&Initiative> {
        self.initiatives.iter().find(|i| i.id == id)
    }

    pub fn indicator(&self, id: Id) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    fn initiative_mut(&mut self, id: Id) -> Result<&mut Initiative, PlanError> {
        self.initiatives
            .iter_mut()
            .find(|i| i.id == id)
            .ok_or(PlanError::InitiativeNotFound(id))
    }

    fn indicator_mut(&mut self, id: Id) -> Result<&mut Indicator, PlanError> {
        self.indicators
            .iter_mut()
            .find(|i| i.id == id)
            .ok_or(PlanError::IndicatorNotFound(id))
    }

    /// Direct sub-items of `id`, in number order.
    pub fn sub_items(&self, id: Id) -> Vec<Id> {
        let mut subs: Vec<&Initiative> = self
            .initiatives
            .iter()
            .filter(|i| i.parent_id == Some(id))
            .collect();
        subs.sort_by(|a, b| compare_numbers(&a.number, &b.number));
        subs.into_iter().map(|i| i.id).collect()
    }

    /// `id` and all sub-items below it, parents before children.
    fn with_descendants(&self, id: Id) -> Vec<Id> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            let parent = out[i];
            for child in self
                .initiatives
                .iter()
                .filter(|x| x.parent_id == Some(parent))
            {
                // Guards against cycles in imported files.
                if !out.contains(&child.id) {
                    out.push(child.id);
                }
            }
            i += 1;
        }
        out
    }

    // ----- goals -----

    pub fn add_goal(&mut self, mut goal: Goal) -> Result<Id, PlanError> {
        trim_in_place(&mut goal.number);
        trim_in_place(&mut goal.title);
        check_goal(&goal)?;
        if self.goal(goal.id).is_some() {
            return Err(PlanError::DuplicateId(goal.id));
        }
        goal.updated_at = now();
        let id = goal.id;
        self.goals.push(goal);
        Ok(id)
    }

    /// Replaces the goal with the same id; its `created_at` is kept.
    pub fn update_goal(&mut self, mut goal: Goal) -> Result<(), PlanError> {
        trim_in_place(&mut goal.number);
        trim_in_place(&mut goal.title);
        check_goal(&goal)?;
        let old = self
            .goals
            .iter_mut()
            .find(|g| g.id == goal.id)
            .ok_or(PlanError::GoalNotFound(goal.id))?;
        goal.created_at = old.created_at;
        goal.updated_at = now();
        *old = goal;
        Ok(())
    }

    /// Removes the goal and clears every initiative's and indicator's reference to it.
    pub fn delete_goal(&mut self, id: Id) -> Result<Goal, PlanError> {
        let at = self
            .goals
            .iter()
            .position(|g| g.id == id)
            .ok_or(PlanError::GoalNotFound(id))?;
        let t = now();
        for ini in self
            .initiatives
            .iter_mut()
            .filter(|i| i.goal_id == Some(id))
        {
            ini.goal_id = None;
            ini.updated_at = t;
        }
        for ind in self.indicators.iter_mut().filter(|i| i.goal_id == Some(id)) {
            ind.goal_id = None;
            ind.updated_at = t;
        }
        Ok(self.goals.remove(at))
    }

    // ----- tracks -----

    pub fn add_track(&mut self, mut track: Track) -> Result<Id, PlanError> {
        trim_in_place(&mut track.number);
        trim_in_place(&mut track.title);
        check_track(&track)?;
        if self.track(track.id).is_some() {
            return Err(PlanError::DuplicateId(track.id));
        }
        track.updated_at = now();
        let id = track.id;
        self.tracks.push(track);
        Ok(id)
    }

    /// Replaces the track with the same id; its `created_at` is kept.
    pub fn update_track(&mut self, mut track: Track) -> Result<(), PlanError> {
        trim_in_place(&mut track.number);
        trim_in_place(&mut track.title);
        check_track(&track)?;
        let old = self
            .tracks
            .iter_mut()
            .find(|t| t.id == track.id)
            .ok_or(PlanError::TrackNotFound(track.id))?;
        track.created_at = old.created_at;
        track.updated_at = now();
        *old = track;
        Ok(())
    }

    /// Removes the track and clears every initiative's reference to it.
    pub fn delete_track(&mut self, id: Id) -> Result<Track, PlanError> {
        let at = self
            .tracks
            .iter()
            .position(|t| t.id == id)
            .ok_or(PlanError::TrackNotFound(id))?;
        let t = now();
        for ini in self
            .initiatives
            .iter_mut()
            .filter(|i| i.track_id == Some(id))
        {
            ini.track_id = None;
            ini.updated_at = t;
        }
        Ok(self.tracks.remove(at))
    }

    // ----- initiatives -----

    /// Checks the editable fields and references of `ini` as it would be stored (already trimmed).
    fn check_initiative(&self, ini: &Initiative) -> Result<(), PlanError> {
        required(PlanField::Title, &ini.title)?;
        name_field(PlanField::Number, &ini.number)?;
        name_field(PlanField::Title, &ini.title)?;
        text_field(PlanField::Description, &ini.description)?;
        name_field(PlanField::Owner, &ini.owner)?;
        name_field(PlanField::Committee, &ini.committee)?;
        name_field(PlanField::Period, &ini.period)?;
        ordered_dates(PlanField::Dates, ini.start, ini.deadline)?;
        for b in &ini.budget {
            if b.amount < 0 {
                return Err(PlanError::NegativeAmount { year: b.year });
            }
            if b.amount > MAX_AMOUNT {
                return Err(PlanError::AmountTooLarge {
                    year: b.year,
                    max: MAX_AMOUNT,
                });
            }
        }
        if let Some(g) = ini.goal_id {
            self.goal(g).ok_or(PlanError::GoalNotFound(g))?;
        }
        if let Some(t) = ini.track_id {
            self.track(t).ok_or(PlanError::TrackNotFound(t))?;
        }
        // A number another initiative already has is refused only when it is newly given: data that already
        // shares one (an imported plan numbers two initiatives "4.2") must not block editing the other fields.
        let kept = self
            .initiative(ini.id)
            .is_some_and(|o| o.number.trim().to_lowercase() == ini.number.to_lowercase());
        if !ini.number.is_empty() && !kept {
            let key = ini.number.to_lowercase();
            if self
                .initiatives
                .iter()
                .any(|o| o.id != ini.id && o.number.trim().to_lowercase() == key)
            {
                return Err(PlanError::DuplicateNumber(ini.number.clone()));
            }
        }
        if let Some(parent) = ini.parent_id {
            if parent == ini.id {
                return Err(PlanError::ParentCycle(ini.id));
            }
            self.initiative(parent)
                .ok_or(PlanError::InitiativeNotFound(parent))?;
            // Walk up from the new parent; meeting `ini` on the way would close a loop.
            let mut seen = HashSet::new();
            let mut cur = Some(parent);
            while let Some(c) = cur {
                if c == ini.id {
                    return Err(PlanError::ParentCycle(ini.id));
                }
                if !seen.insert(c) {
                    break;
                }
                cur = self.initiative(c).and_then(|x| x.parent_id);
            }
        }
        Ok(())
    }

    fn normalise_initiative(ini: &mut Initiative) {
        trim_in_place(&mut ini.number);
        trim_in_place(&mut ini.title);
        trim_in_place(&mut ini.owner);
        trim_in_place(&mut ini.committee);
        trim_in_place(&mut ini.period);
    }

    /// Adds an initiative; a sub-item is an initiative whose `parent_id` names its parent.
    pub fn add_initiative(&mut self, mut ini: Initiative) -> Result<Id, PlanError> {
        Self::normalise_initiative(&mut ini);
        if self.initiative(ini.id).is_some() {
            return Err(PlanError::DuplicateId(ini.id));
        }
        self.check_initiative(&ini)?;
        for n in &ini.history {
            check_note_text(&n.text, &n.author)?;
        }
        ini.updated_at = now();
        let id = ini.id;
        self.initiatives.push(ini);
        Ok(id)
    }

    /// Replaces the editable fields of the initiative with the same id. Its status, history and
    /// `created_at` are kept: those change only through `set_status`, `add_note` and `edit_note`.
    pub fn update_initiative(&mut self, mut ini: Initiative) -> Result<(), PlanError> {
        Self::normalise_initiative(&mut ini);
        let old = self
            .initiative(ini.id)
            .ok_or(PlanError::InitiativeNotFound(ini.id))?;
        ini.status = old.status;
        ini.history = old.history.clone();
        ini.created_at = old.created_at;
        self.check_initiative(&ini)?;
        ini.updated_at = now();
        let slot = self.initiative_mut(ini.id)?;
        *slot = ini;
        Ok(())
    }

    /// Removes an initiative. One with sub-items or a history is refused unless `force`; forced, its
    /// sub-items go too. Indicators pointing at a removed initiative lose that link. Returns what was removed.
    pub fn delete_initiative(&mut self, id: Id, force: bool) -> Result<Vec<Initiative>, PlanError> {
        let ini = self
            .initiative(id)
            .ok_or(PlanError::InitiativeNotFound(id))?;
        if !force {
            let subs = self
                .initiatives
                .iter()
                .filter(|i| i.parent_id == Some(id))
                .count();
            if subs > 0 {
                return Err(PlanError::HasSubItems { id, count: subs });
            }
            if !ini.history.is_empty() {
                return Err(PlanError::HasHistory {
                    id,
                    count: ini.history.len(),
                });
            }
        }
        let doomed: HashSet<Id> = self.with_descendants(id).into_iter().collect();
        let t = now();
        for ind in self.indicators.iter_mut() {
            if ind.initiative_id.is_some_and(|i| doomed.contains(&i)) {
                ind.initiative_id = None;
                ind.updated_at = t;
            }
        }
        let (removed, kept): (Vec<Initiative>, Vec<Initiative>) =
            std::mem::take(&mut self.initiatives)
                .into_iter()
                .partition(|i| doomed.contains(&i.id));
        self.initiatives = kept;
        Ok(removed)
    }

    // ----- status history -----

    /// Records a status change as a dated history entry and sets the current status. The current status is
    /// that of the latest-dated status entry, so a back-dated change does not override a later one.
    /// Returns the new entry's id.
    pub fn set_status(
        &mut self,
        initiative_id: Id,
        status: InitiativeStatus,
        date: NaiveDate,
        author: &str,
        text: &str,
    ) -> Result<Id, PlanError> {
        let author = author.trim();
        check_note_text(text, author)?;
        let ini = self.initiative_mut(initiative_id)?;
        let t = now();
        let note = StatusNote {
            date: Some(date),
            author: author.to_string(),
            status: Some(status),
            text: text.to_string(),
            created_at: t,
            updated_at: t,
            ..StatusNote::default()
        };
        let id = note.id;
        insert_by_date(&mut ini.history, note);
        ini.status = latest_status_entry(ini, None)
            .and_then(|n| n.status)
            .unwrap_or(status);
        ini.updated_at = t;
        Ok(id)
    }

    /// A card dropped on another board column: `set_status` with the caller's automatic note text
    /// (e.g. `text::plan::board_move_note`). Dropping on the column it came from records nothing: `Ok(None)`.
    pub fn move_to_status(
        &mut self,
        initiative_id: Id,
        status: InitiativeStatus,
        date: NaiveDate,
        author: &str,
        note_text: &str,
    ) -> Result<Option<Id>, PlanError> {
        let ini = self
            .initiative(initiative_id)
            .ok_or(PlanError::InitiativeNotFound(initiative_id))?;
        if ini.status == status {
            return Ok(None);
        }
        self.set_status(initiative_id, status, date, author, note_text)
            .map(Some)
    }

    /// Adds a dated note that does not change the status. Returns the note's id.
    pub fn add_note(
        &mut self,
        initiative_id: Id,
        date: NaiveDate,
        author: &str,
        text: &str,
    ) -> Result<Id, PlanError> {
        let author = author.trim();
        required(PlanField::NoteText, text)?;
        check_note_text(text, author)?;
        let ini = self.initiative_mut(initiative_id)?;
        let t = now();
        let note = StatusNote {
            date: Some(date),
            author: author.to_string(),
            status: None,
            text: text.to_string(),
            created_at: t,
            updated_at: t,
            ..StatusNote::default()
        };
        let id = note.id;
        insert_by_date(&mut ini.history, note);
        ini.updated_at = t;
        Ok(id)
    }

    /// Rewrites a note's text; the old wording is kept in `earlier_versions`. Notes cannot be deleted.
    /// The same text again changes nothing.
    pub fn edit_note(
        &mut self,
        initiative_id: Id,
        note_id: Id,
        new_text: &str,
    ) -> Result<(), PlanError> {
        text_field(PlanField::NoteText, new_text)?;
        let ini = self.initiative_mut(initiative_id)?;
        let note = ini
            .history
            .iter_mut()
            .find(|n| n.id == note_id)
            .ok_or(PlanError::NoteNotFound(note_id))?;
        // A status entry may be text-less; a plain note would be left saying nothing.
        if note.status.is_none() && new_text.trim().is_empty() {
            return Err(PlanError::Empty(PlanField::NoteText));
        }
        if note.text == new_text {
            return Ok(());
        }
        let t = now();
        let old = std::mem::replace(&mut note.text, new_text.to_string());
        note.earlier_versions.push(NoteRevision {
            text: old,
            replaced_at: t,
        });
        note.updated_at = t;
        ini.updated_at = t;
        Ok(())
    }

    // ----- indicators -----

    fn check_indicator(&self, ind: &Indicator) -> Result<(), PlanError> {
        required(PlanField::Name, &ind.name)?;
        name_field(PlanField::Name, &ind.name)?;
        name_field(PlanField::Unit, &ind.unit)?;
        finite(PlanField::Baseline, ind.baseline)?;
        finite(PlanField::Target, ind.target)?;
        if let Some(g) = ind.goal_id {
            self.goal(g).ok_or(PlanError::GoalNotFound(g))?;
        }
        if let Some(i) = ind.initiative_id {
            self.initiative(i).ok_or(PlanError::InitiativeNotFound(i))?;
        }
        for v in &ind.values {
            finite(PlanField::Value, Some(v.value))?;
            text_field(PlanField::NoteText, &v.note)?;
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
        let at = self
            .indicators
            .iter()
            .position(|i| i.id == id)
            .ok_or(PlanError::IndicatorNotFound(id))?;
        Ok(self.indicators.remove(at))
    }

    /// Records a measured value, kept in date order. Returns its id.
    pub fn add_value(
        &mut self,
        indicator_id: Id,
        date: NaiveDate,
        value: f64,
        note: &str,
    ) -> Result<Id, PlanError> {
        finite(PlanField::Value, Some(value))?;
        text_field(PlanField::NoteText, note)?;
        let ind = self.indicator_mut(indicator_id)?;
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
        ind.updated_at = now();
        Ok(id)
    }

    /// Corrects a measured value (matched by id); the values are re-sorted by date.
    pub fn update_value(
        &mut self,
        indicator_id: Id,
        value: IndicatorValue,
    ) -> Result<(), PlanError> {
        finite(PlanField::Value, Some(value.value))?;
        text_field(PlanField::NoteText, &value.note)?;
        let ind = self.indicator_mut(indicator_id)?;
        let slot = ind
            .values
            .iter_mut()
            .find(|v| v.id == value.id)
            .ok_or(PlanError::ValueNotFound(value.id))?;
        *slot = value;
        // Stable sort: same-day values keep their order; undated ones stay first.
        ind.values.sort_by_key(|v| v.date);
        ind.updated_at = now();
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

    // ----- time and process plan -----

    pub fn add_timeline_row(&mut self, mut row: TimelineRow) -> Result<Id, PlanError> {
        trim_in_place(&mut row.period_label);
        check_timeline_row(&row)?;
        if self.timeline.iter().any(|r| r.id == row.id) {
            return Err(PlanError::DuplicateId(row.id));
        }
        row.updated_at = now();
        let id = row.id;
        self.timeline.push(row);
        Ok(id)
    }

    pub fn update_timeline_row(&mut self, mut row: TimelineRow) -> Result<(), PlanError> {
        trim_in_place(&mut row.period_label);
        check_timeline_row(&row)?;
        let old = self
            .timeline
            .iter_mut()
            .find(|r| r.id == row.id)
            .ok_or(PlanError::TimelineRowNotFound(row.id))?;
        row.created_at = old.created_at;
        row.updated_at = now();
        *old = row;
        Ok(())
    }

    pub fn delete_timeline_row(&mut self, id: Id) -> Result<TimelineRow, PlanError> {
        let at = self
            .timeline
            .iter()
            .position(|r| r.id == id)
            .ok_or(PlanError::TimelineRowNotFound(id))?;
        Ok(self.timeline.remove(at))
    }
}

// ----- status over time and staleness -----

/// The status as of `date`: the latest history entry with a status dated on or before `date`. Without
/// dated status entries the current status is the answer; before the first one, `NotStarted`.
pub fn status_on(ini: &Initiative, date: NaiveDate) -> InitiativeStatus {
    if latest_status_entry(ini, None).is_none() {
        return ini.status;
    }
    latest_status_entry(ini, Some(date))
        .and_then(|n| n.status)
        .unwrap_or(InitiativeStatus::NotStarted)
}

/// The date of the newest history entry (note or status change).
pub fn last_note_date(ini: &Initiative) -> Option<NaiveDate> {
    ini.history.iter().filter_map(|n| n.date).max()
}

fn last_note_date_on(ini: &Initiative, on: NaiveDate) -> Option<NaiveDate> {
    ini.history
        .iter()
        .filter_map(|n| n.date)
        .filter(|d| *d <= on)
        .max()
}

/// True when nothing has been written about the initiative for more than `stale_after_days` days as of
/// `today` (exactly that many days is still fine). Without notes it counts from `created_at`. Done and
/// dropped initiatives are never stale, and `stale_after_days == 0` switches the check off.
pub fn is_stale(ini: &Initiative, today: NaiveDate, stale_after_days: u32) -> bool {
    if stale_after_days == 0 {
        return false;
    }
    if matches!(
        status_on(ini, today),
        InitiativeStatus::Done | InitiativeStatus::Dropped
    ) {
        return false;
    }
    let since = last_note_date_on(ini, today).unwrap_or_else(|| ini.created_at.date_naive());
    (today - since).num_days() > i64::from(stale_after_days)
}

// ----- ordering -----

enum Part<'a> {
    Num(&'a str),
    Word(String),
}

fn parts(s: &str) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let len = if c.is_ascii_digit() {
            rest.find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len())
        } else if c.is_alphabetic() {
            rest.find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len())
        } else {
            // Separators (". - space") only split; "1.1." equals "1.1".
            rest = &rest[c.len_utf8()..];
            continue;
        };
        let (head, tail) = rest.split_at(len);
        if c.is_ascii_digit() {
            let digits = head.trim_start_matches('0');
            out.push(Part::Num(digits));
        } else {
            out.push(Part::Word(head.to_lowercase()));
        }
        rest = tail;
    }
    out
}

fn cmp_part(a: &Part, b: &Part) -> Ordering {
    match (a, b) {
        // Leading zeros are stripped, so a longer digit run is a larger number.
        (Part::Num(x), Part::Num(y)) => x.len().cmp(&y.len()).then_with(|| x.cmp(y)),
        (Part::Word(x), Part::Word(y)) => danish_cmp(x, y),
        (Part::Num(_), Part::Word(_)) => Ordering::Less,
        (Part::Word(_), Part::Num(_)) => Ordering::Greater,
    }
}

/// Natural order of initiative numbers: "1.2" < "1.10", "6" < "6A" < "6B" < "7", "9" < "10". Empty numbers
/// sort last; equal-looking numbers ("1.1" and "1.1.") fall back to plain text order so the order is total.
pub fn compare_numbers(a: &str, b: &str) -> Ordering {
    let (pa, pb) = (parts(a), parts(b));
    match (pa.is_empty(), pb.is_empty()) {
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        _ => {}
    }
    for (x, y) in pa.iter().zip(pb.iter()) {
        let o = cmp_part(x, y);
        if o != Ordering::Equal {
            return o;
        }
    }
    pa.len().cmp(&pb.len()).then_with(|| a.cmp(b))
}

fn by_number_then_title(an: &str, at: &str, bn: &str, bt: &str) -> Ordering {
    compare_numbers(an, bn).then_with(|| danish_cmp(at, bt))
}

/// Goals in number order.
pub fn sorted_goals(plan: &ActionPlan) -> Vec<&Goal> {
    let mut v: Vec<&Goal> = plan.goals.iter().collect();
    v.sort_by(|a, b| by_number_then_title(&a.number, &a.title, &b.number, &b.title));
    v
}

/// Tracks in number order.
pub fn sorted_tracks(plan: &ActionPlan) -> Vec<&Track> {
    let mut v: Vec<&Track> = plan.tracks.iter().collect();
    v.sort_by(|a, b| by_number_then_title(&a.number, &a.title, &b.number, &b.title));
    v
}

/// All initiative ids in number order, ignoring the sub-item structure.
pub fn ordered_ids(plan: &ActionPlan) -> Vec<Id> {
    let mut v: Vec<&Initiative> = plan.initiatives.iter().collect();
    v.sort_by(|a, b| by_number_then_title(&a.number, &a.title, &b.number, &b.title));
    v.into_iter().map(|i| i.id).collect()
}

/// One line of an indented list: sub-items have depth 1, their sub-items 2 …
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TreeRow {
    pub id: Id,
    pub depth: usize,
}

/// The initiatives in `ids` (all when `None`) in number order with each sub-item right under its parent.
/// A sub-item whose parent is not among them stands on its own at depth 0.
pub fn tree_order(plan: &ActionPlan, ids: Option<&[Id]>) -> Vec<TreeRow> {
    let included: HashSet<Id> = match ids {
        Some(ids) => ids.iter().copied().collect(),
        None => plan.initiatives.iter().map(|i| i.id).collect(),
    };
    let mut children: HashMap<Id, Vec<Id>> = HashMap::new();
    let mut roots = Vec::new();
    for id in ordered_ids(plan) {
        if !included.contains(&id) {
            continue;
        }
        let parent = plan
            .initiative(id)
            .and_then(|i| i.parent_id)
            .filter(|p| included.contains(p) && *p != id);
        match parent {
            Some(p) => children.entry(p).or_default().push(id),
            None => roots.push(id),
        }
    }
    let mut out = Vec::with_capacity(included.len());
    let mut seen = HashSet::new();
    fn walk(
        id: Id,
        depth: usize,
        children: &HashMap<Id, Vec<Id>>,
        seen: &mut HashSet<Id>,
        out: &mut Vec<TreeRow>,
    ) {
        if !seen.insert(id) {
            return;
        }
        out.push(TreeRow { id, depth });
        if let Some(kids) = children.get(&id) {
            for k in kids {
                walk(*k, depth + 1, children, seen, out);
            }
        }
    }
    for r in roots {
        walk(r, 0, &children, &mut seen, &mut out);
    }
    // Items caught in a parent loop (only possible in a broken file) still appear, at the top level.
    for id in ordered_ids(plan) {
        if included.contains(&id) && !seen.contains(&id) {
            walk(id, 0, &children, &mut seen, &mut out);
        }
    }
    out
}

/// A heading of the list view: one goal and one track; both `None` is the "other" group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InitiativeGroup {
    pub goal_id: Option<Id>,
    pub track_id: Option<Id>,
    pub rows: Vec<TreeRow>,
}

/// Groups the initiatives in `ids` (all when `None`) by goal, then track, in number order; groups without
/// a goal or track come after those with one. Sub-items follow their parent's group.
pub fn group_initiatives(plan: &ActionPlan, ids: Option<&[Id]>) -> Vec<InitiativeGroup> {
    let goal_rank: HashMap<Id, usize> = sorted_goals(plan)
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id, i))
        .collect();
    let track_rank: HashMap<Id, usize> = sorted_tracks(plan)
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id, i))
        .collect();
    let mut groups: Vec<((usize, usize), InitiativeGroup)> = Vec::new();
    let mut current: Option<usize> = None;
    for row in tree_order(plan, ids) {
        if row.depth == 0 || current.is_none() {
            let ini = plan.initiative(row.id);
            // References to a deleted goal or track count as none.
            let goal_id = ini
                .and_then(|i| i.goal_id)
                .filter(|g| goal_rank.contains_key(g));
            let track_id = ini
                .and_then(|i| i.track_id)
                .filter(|t| track_rank.contains_key(t));
            let key = (
                goal_id.map_or(usize::MAX, |g| goal_rank[&g]),
                track_id.map_or(usize::MAX, |t| track_rank[&t]),
            );
            let at = match groups.iter().position(|(k, _)| *k == key) {
                Some(at) => at,
                None => {
                    groups.push((
                        key,
                        InitiativeGroup {
                            goal_id,
                            track_id,
                            rows: Vec::new(),
                        },
                    ));
                    groups.len() - 1
                }
            };
            current = Some(at);
        }
        if let Some(at) = current {
            groups[at].1.rows.push(row);
        }
    }
    // Stable: rows inside each group stay in tree order.
    groups.sort_by_key(|(k, _)| *k);
    groups.into_iter().map(|(_, g)| g).collect()
}

// ----- filters -----

/// The list and board filter. Empty fields mean "any".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanFilter {
    pub owner: String,
    pub committee: String,
    pub statuses: Vec<InitiativeStatus>,
    pub stale_only: bool,
    /// Every word must occur (any case) in the number, title, description, owner, committee or a note.
    pub text: String,
}

impl PlanFilter {
    pub fn is_empty(&self) -> bool {
        self.owner.trim().is_empty()
            && self.committee.trim().is_empty()
            && self.statuses.is_empty()
            && !self.stale_only
            && self.text.trim().is_empty()
    }
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn text_matches(ini: &Initiative, words: &[String]) -> bool {
    if words.is_empty() {
        return true;
    }
    let mut hay = String::new();
    for s in [
        &ini.number,
        &ini.title,
        &ini.description,
        &ini.owner,
        &ini.committee,
        &ini.period,
    ] {
        hay.push_str(&s.to_lowercase());
        hay.push('\n');
    }
    for n in &ini.history {
        hay.push_str(&n.text.to_lowercase());
        hay.push('\n');
        hay.push_str(&n.author.to_lowercase());
        hay.push('\n');
    }
    words.iter().all(|w| hay.contains(w.as_str()))
}

fn matches_words(
    ini: &Initiative,
    committee: &str,
    f: &PlanFilter,
    words: &[String],
    today: NaiveDate,
    stale_after_days: u32,
) -> bool {
    (f.owner.trim().is_empty() || same_name(&ini.owner, &f.owner))
        && (f.committee.trim().is_empty() || in_committee(committee, &f.committee))
        && (f.statuses.is_empty() || f.statuses.contains(&ini.status))
        && (!f.stale_only || is_stale(ini, today, stale_after_days))
        && text_matches(ini, words)
}

/// Ids of the initiatives passing `f`, in list order (number order, sub-items under their parent). The
/// committee is matched as a set (see [`committees_of`]), and a sub-item without a committee has its
/// parent's.
pub fn filter(plan: &ActionPlan, f: &PlanFilter, today: NaiveDate) -> Vec<Id> {
    let words: Vec<String> = f
        .text
        .to_lowercase()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let by_id: HashMap<Id, &Initiative> = plan.initiatives.iter().map(|i| (i.id, i)).collect();
    let hits: Vec<Id> = plan
        .initiatives
        .iter()
        .filter(|i| {
            let committee = effective_committee(&by_id, i);
            matches_words(i, committee, f, &words, today, plan.stale_after_days)
        })
        .map(|i| i.id)
        .collect();
    tree_order(plan, Some(&hits))
        .into_iter()
        .map(|r| r.id)
        .collect()
}

fn distinct(values: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out: Vec<String> = values
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty() && seen.insert(v.to_lowercase()))
        .collect();
    out.sort_by(|a, b| danish_cmp(a, b));
    out
}

/// The owners named in the plan, once each (first spelling wins), in Danish alphabetical order.
pub fn distinct_owners(plan: &ActionPlan) -> Vec<String> {
    distinct(plan.initiatives.iter().map(|i| i.owner.clone()))
}

/// Each committee named in the plan once (first spelling wins), in Danish alphabetical order: an
/// initiative of "Børneudvalget og Skoleudvalget" adds both (see [`committees_of`]).
pub fn distinct_committees(plan: &ActionPlan) -> Vec<String> {
    distinct(
        plan.initiatives
            .iter()
            .flat_map(|i| committees_of(&i.committee)),
    )
}

/// A part of a committee text with one of these names a body of its own; a part without ("Forebyggelse"
/// in "Udvalget for Sundhed og Forebyggelse") belongs to the part before it.
const COMMITTEE_WORDS: [&str; 5] = ["udvalg", "råd", "bestyrelse", "komit", "forum"];

const COMMITTEE_SEPARATORS: [&str; 5] = [" og ", ",", "&", "/", ";"];

/// The committees named in one committee text, in the order written, each once:
/// "Børneudvalget og Skoleudvalget" → both. The text is split at " og ", ",", "&", "/" and ";". A part
/// ending in a hyphen is a shortened compound and stays with the next ("Social- og
/// Arbejdsmarkedsudvalget"), and a part that names no committee, council or board stays with the one
/// before ("Udvalget for Sundhed og Forebyggelse" is one committee).
pub fn committees_of(text: &str) -> Vec<String> {
    // (the separator before the part, the part)
    let mut parts: Vec<(&str, &str)> = Vec::new();
    let (mut rest, mut sep) = (text, "");
    loop {
        let next = COMMITTEE_SEPARATORS
            .iter()
            .filter_map(|s| rest.find(s).map(|at| (at, *s)))
            .min_by_key(|(at, _)| *at);
        let Some((at, s)) = next else {
            parts.push((sep, rest.trim()));
            break;
        };
        parts.push((sep, rest[..at].trim()));
        sep = s;
        rest = &rest[at + s.len()..];
    }
    // A shortened first half ("Social-") joins the part after it.
    let mut whole: Vec<(&str, String)> = Vec::new();
    let mut pending: Option<(&str, String)> = None;
    for (sep, part) in parts {
        let item = match pending.take() {
            Some((first_sep, first)) => (first_sep, format!("{first}{sep}{part}")),
            None => (sep, part.to_string()),
        };
        if item.1.ends_with('-') {
            pending = Some(item);
        } else {
            whole.push(item);
        }
    }
    whole.extend(pending);
    let mut out: Vec<String> = Vec::new();
    for (sep, part) in whole {
        if part.is_empty() {
            continue;
        }
        let lower = part.to_lowercase();
        let names_a_body = COMMITTEE_WORDS.iter().any(|w| lower.contains(w));
        match out.last_mut() {
            Some(last) if !names_a_body => {
                last.push_str(sep);
                last.push_str(&part);
            }
            _ => out.push(part),
        }
    }
    let mut seen = HashSet::new();
    out.retain(|c| seen.insert(c.to_lowercase()));
    out
}

/// Whether a committee text names `wanted` (any case), as a whole or as one of its committees.
pub fn in_committee(text: &str, wanted: &str) -> bool {
    same_name(text, wanted) || committees_of(text).iter().any(|c| same_name(c, wanted))
}

/// An initiative's committee; a sub-item without one has its parent's. The walk up is bounded, so a parent
/// loop in a broken file cannot hang it.
pub fn effective_committee<'a>(
    by_id: &HashMap<Id, &'a Initiative>,
    ini: &'a Initiative,
) -> &'a str {
    let mut cur = ini;
    for _ in 0..=by_id.len() {
        if !cur.committee.trim().is_empty() {
            return cur.committee.trim();
        }
        match cur.parent_id.and_then(|p| by_id.get(&p)) {
            Some(parent) => cur = parent,
            None => break,
        }
    }
    ""
}

// ----- indicators -----

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
    rows.sort_by_key(|(g, d, k, _)| (*g, *d, *k));
    rows.into_iter().map(|(_, _, _, r)| r).collect()
}

// ----- time and process plan -----

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimelinePhase {
    Past,
    Current,
    Future,
    Undated,
}

/// Where a row lies relative to `today`. A row with only one date is a single day.
pub fn timeline_phase(row: &TimelineRow, today: NaiveDate) -> TimelinePhase {
    let (Some(start), Some(end)) = (row.start.or(row.end), row.end.or(row.start)) else {
        return TimelinePhase::Undated;
    };
    if end < today {
        TimelinePhase::Past
    } else if start > today {
        TimelinePhase::Future
    } else {
        TimelinePhase::Current
    }
}

/// The time and process plan sorted by start (then end); undated rows last, in the order written.
pub fn timeline(plan: &ActionPlan, today: NaiveDate) -> Vec<(&TimelineRow, TimelinePhase)> {
    let mut rows: Vec<&TimelineRow> = plan.timeline.iter().collect();
    rows.sort_by_key(|r| {
        let start = r.start.or(r.end);
        (start.is_none(), start, r.end.or(r.start))
    });
    rows.into_iter()
        .map(|r| (r, timeline_phase(r, today)))
        .collect()
}

// ----- helpers for the screens -----

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

/// The board column left (`forward == false`) or right of `s`, for moving a card with the arrow keys.
pub fn neighbour_status(s: InitiativeStatus, forward: bool) -> Option<InitiativeStatus> {
    let at = InitiativeStatus::ALL.iter().position(|x| *x == s)?;
    if forward {
        InitiativeStatus::ALL.get(at + 1).copied()
    } else {
        at.checked_sub(1).map(|i| InitiativeStatus::ALL[i])
    }
}

/// Parses a date as typed in a form (one rule for the whole app, in `dates`).
pub use super::dates::parse_date;

/// Other initiatives with the same number as `id` (the data may already share one; the page says so once).
pub fn shared_numbers(plan: &ActionPlan, id: Id) -> Vec<Id> {
    let Some(ini) = plan.initiative(id) else {
        return Vec::new();
    };
    let key = ini.number.trim().to_lowercase();
    if key.is_empty() {
        return Vec::new();
    }
    plan.initiatives
        .iter()
        .filter(|o| o.id != id && o.number.trim().to_lowercase() == key)
        .map(|o| o.id)
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::BudgetLine;
    use chrono::{TimeZone, Utc};

    pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    pub(crate) fn ini(number: &str, title: &str) -> Initiative {
        Initiative {
            number: number.into(),
            title: title.into(),
            ..Initiative::default()
        }
    }

    fn numbers(plan: &ActionPlan, ids: &[Id]) -> Vec<String> {
        ids.iter()
            .map(|id| plan.initiative(*id).unwrap().number.clone())
            .collect()
    }

    #[test]
    fn natural_number_order() {
        let mut v = vec![
            "7", "10", "6B", "1.10", "9", "6", "1.2", "6A", "", "1.1.", "2", "1.1",
        ];
        v.sort_by(|a, b| compare_numbers(a, b));
        assert_eq!(
            v,
            vec!["1.1", "1.1.", "1.2", "1.10", "2", "6", "6A", "6B", "7", "9", "10", ""]
        );
        assert_eq!(compare_numbers("6a", "6B"), Ordering::Less);
        assert_eq!(compare_numbers("007", "7"), Ordering::Less); // tie broken by text, never Equal
        assert_eq!(
            compare_numbers("12345678901234567890", "9"),
            Ordering::Greater
        );
    }

    #[test]
    fn goal_and_track_crud_clears_references() {
        let mut p = ActionPlan::default();
        let g = p
            .add_goal(Goal {
                number: "1".into(),
                title: " Kvalitet for borgerne ".into(),
                ..Goal::default()
            })
            .unwrap();
        assert_eq!(p.goals[0].title, "Kvalitet for borgerne");
        let t = p
            .add_track(Track {
                number: "1".into(),
                title: "Kapacitets- og ressourcestrategi".into(),
                ..Track::default()
            })
            .unwrap();
        let i = p
            .add_initiative(Initiative {
                goal_id: Some(g),
                track_id: Some(t),
                ..ini("1.1", "Udslusningsboliger")
            })
            .unwrap();
        p.add_indicator(Indicator {
            name: "Anbringelser".into(),
            goal_id: Some(g),
            initiative_id: Some(i),
            ..Indicator::default()
        })
        .unwrap();
        let before = p.clone();
        assert_eq!(
            p.update_goal(Goal {
                title: "  ".into(),
                ..p.goals[0].clone()
            }),
            Err(PlanError::Empty(PlanField::Title))
        );
        assert_eq!(p, before);
        let created = p.goals[0].created_at;
        p.update_goal(Goal {
            title: "Kvalitet".into(),
            created_at: Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).unwrap(),
            ..p.goals[0].clone()
        })
        .unwrap();
        assert_eq!(p.goals[0].created_at, created);
        p.delete_goal(g).unwrap();
        assert_eq!(p.initiatives[0].goal_id, None);
        assert_eq!(p.indicators[0].goal_id, None);
        assert_eq!(p.delete_goal(g), Err(PlanError::GoalNotFound(g)));
        p.delete_track(t).unwrap();
        assert_eq!(p.initiatives[0].track_id, None);
    }

    #[test]
    fn a_number_the_data_already_shares_does_not_block_other_edits() {
        let mut p = ActionPlan::default();
        let a = p.add_initiative(ini("4.2", "Databaseret styring")).unwrap();
        // As an imported plan has it: a second initiative with the same number.
        p.initiatives.push(ini("4.2", "Standardkontrakter"));
        let b = p.initiatives[1].id;
        let mut edited = p.initiative(b).unwrap().clone();
        edited.owner = "Indkøb".into();
        p.update_initiative(edited).unwrap();
        assert_eq!(p.initiative(b).unwrap().owner, "Indkøb");
        // Renumbering to a free number works; taking another's number is still refused.
        let mut renumbered = p.initiative(b).unwrap().clone();
        renumbered.number = "4.4".into();
        p.update_initiative(renumbered).unwrap();
        let mut taken = p.initiative(a).unwrap().clone();
        taken.number = "4.4".into();
        assert_eq!(
            p.update_initiative(taken),
            Err(PlanError::DuplicateNumber("4.4".into()))
        );
        assert_eq!(shared_numbers(&p, b), Vec::<Id>::new());
        assert_eq!(shared_numbers(&p, a), Vec::<Id>::new());
    }

    #[test]
    fn initiative_checks_leave_the_plan_unchanged() {
        let mut p = ActionPlan::default();
        let six = p.add_initiative(ini("6", "Forældrekurser")).unwrap();
        let a = p
            .add_initiative(Initiative {
                parent_id: Some(six),
                ..ini("6A", "ICDP og COS-P")
            })
            .unwrap();
        let before = p.clone();
        assert_eq!(
            p.add_initiative(ini("6a", "Dublet")),
            Err(PlanError::DuplicateNumber("6a".into()))
        );
        let ghost = crate::model::new_id();
        assert_eq!(
            p.add_initiative(Initiative {
                goal_id: Some(ghost),
                ..ini("7", "x")
            }),
            Err(PlanError::GoalNotFound(ghost))
        );
        assert_eq!(
            p.add_initiative(Initiative {
                budget: vec![BudgetLine {
                    year: 2019,
                    amount: -1
                }],
                ..ini("7", "x")
            }),
            Err(PlanError::NegativeAmount { year: 2019 })
        );
        assert_eq!(
            p.add_initiative(Initiative {
                start: Some(d(2020, 1, 2)),
                deadline: Some(d(2020, 1, 1)),
                ..ini("7", "x")
            }),
            Err(PlanError::EndBeforeStart(PlanField::Dates))
        );
        // 6 under its own sub-item would be a loop.
        let mut six_edit = p.initiative(six).unwrap().clone();
        six_edit.parent_id = Some(a);
        assert_eq!(
            p.update_initiative(six_edit),
            Err(PlanError::ParentCycle(six))
        );
        assert_eq!(p, before);
        assert_eq!(p.sub_items(six), vec![a]);
    }

    #[test]
    fn update_keeps_status_and_history() {
        let mut p = ActionPlan::default();
        let id = p.add_initiative(ini("1", "A")).unwrap();
        p.set_status(id, InitiativeStatus::InProgress, d(2019, 5, 8), "BH", "")
            .unwrap();
        let mut edit = p.initiative(id).unwrap().clone();
        edit.title = "B".into();
        edit.status = InitiativeStatus::Done;
        edit.history.clear();
        p.update_initiative(edit).unwrap();
        let i = p.initiative(id).unwrap();
        assert_eq!(i.title, "B");
        assert_eq!(i.status, InitiativeStatus::InProgress);
        assert_eq!(i.history.len(), 1);
    }

    #[test]
    fn delete_refuses_sub_items_and_history_unless_forced() {
        let mut p = ActionPlan::default();
        let six = p.add_initiative(ini("6", "Forældre")).unwrap();
        let a = p
            .add_initiative(Initiative {
                parent_id: Some(six),
                ..ini("6A", "ICDP")
            })
            .unwrap();
        let seven = p.add_initiative(ini("7", "Skilsmisse")).unwrap();
        let ind = p
            .add_indicator(Indicator {
                name: "x".into(),
                initiative_id: Some(a),
                ..Indicator::default()
            })
            .unwrap();
        p.add_note(seven, d(2019, 1, 1), "", "Startet").unwrap();
        let before = p.clone();
        assert_eq!(
            p.delete_initiative(six, false),
            Err(PlanError::HasSubItems { id: six, count: 1 })
        );
        assert_eq!(
            p.delete_initiative(seven, false),
            Err(PlanError::HasHistory {
                id: seven,
                count: 1
            })
        );
        assert_eq!(p, before);
        let removed = p.delete_initiative(six, true).unwrap();
        assert_eq!(removed.len(), 2);
        assert_eq!(p.initiatives.len(), 1);
        assert_eq!(p.indicator(ind).unwrap().initiative_id, None);
        // A plain initiative goes without force.
        let eight = p.add_initiative(ini("8", "Tom")).unwrap();
        assert_eq!(p.delete_initiative(eight, false).unwrap().len(), 1);
    }

    #[test]
    fn status_history_and_status_on() {
        let mut p = ActionPlan::default();
        let id = p.add_initiative(ini("1.1", "Analyse")).unwrap();
        // No history: the current status answers for every date.
        assert_eq!(
            status_on(p.initiative(id).unwrap(), d(2000, 1, 1)),
            InitiativeStatus::NotStarted
        );
        p.set_status(
            id,
            InitiativeStatus::InProgress,
            d(2019, 3, 1),
            "BH",
            "Igangsat",
        )
        .unwrap();
        p.add_note(id, d(2019, 4, 1), "BH", "Analysen skrives")
            .unwrap();
        p.set_status(
            id,
            InitiativeStatus::Done,
            d(2019, 5, 8),
            "BH",
            "Forelagt Børneudvalget",
        )
        .unwrap();
        let i = p.initiative(id).unwrap();
        assert_eq!(i.status, InitiativeStatus::Done);
        assert_eq!(i.history.len(), 3);
        assert_eq!(i.history[1].status, None);
        assert_eq!(status_on(i, d(2019, 2, 28)), InitiativeStatus::NotStarted);
        assert_eq!(status_on(i, d(2019, 3, 1)), InitiativeStatus::InProgress);
        assert_eq!(status_on(i, d(2019, 5, 7)), InitiativeStatus::InProgress);
        assert_eq!(status_on(i, d(2019, 5, 8)), InitiativeStatus::Done);
        assert_eq!(last_note_date(i), Some(d(2019, 5, 8)));

        // A back-dated pause lands in date order and does not override the later "done".
        p.set_status(id, InitiativeStatus::Paused, d(2019, 4, 15), "BH", "")
            .unwrap();
        let i = p.initiative(id).unwrap();
        assert_eq!(i.history[2].status, Some(InitiativeStatus::Paused));
        assert_eq!(i.status, InitiativeStatus::Done);
        assert_eq!(status_on(i, d(2019, 4, 20)), InitiativeStatus::Paused);

        // Same day: the later entry wins.
        p.set_status(id, InitiativeStatus::Delayed, d(2019, 5, 8), "BH", "")
            .unwrap();
        let i = p.initiative(id).unwrap();
        assert_eq!(i.status, InitiativeStatus::Delayed);
        assert_eq!(status_on(i, d(2019, 5, 8)), InitiativeStatus::Delayed);

        let ghost = crate::model::new_id();
        assert_eq!(
            p.add_note(ghost, d(2019, 1, 1), "", "x"),
            Err(PlanError::InitiativeNotFound(ghost))
        );
        assert_eq!(
            p.add_note(id, d(2019, 1, 1), "", "  "),
            Err(PlanError::Empty(PlanField::NoteText))
        );
    }

    #[test]
    fn status_without_dated_entries_falls_back_to_current() {
        let mut i = ini("1", "x");
        i.status = InitiativeStatus::InProgress;
        i.history.push(StatusNote {
            status: Some(InitiativeStatus::Delayed),
            ..StatusNote::default()
        });
        assert_eq!(status_on(&i, d(2019, 1, 1)), InitiativeStatus::InProgress);
    }

    #[test]
    fn board_move_records_once() {
        let mut p = ActionPlan::default();
        let id = p.add_initiative(ini("1", "x")).unwrap();
        let n = p
            .move_to_status(
                id,
                InitiativeStatus::InProgress,
                d(2020, 1, 1),
                "AB",
                "Status ændret",
            )
            .unwrap();
        assert!(n.is_some());
        let again = p
            .move_to_status(id, InitiativeStatus::InProgress, d(2020, 1, 2), "AB", "x")
            .unwrap();
        assert_eq!(again, None);
        let i = p.initiative(id).unwrap();
        assert_eq!(i.history.len(), 1);
        assert_eq!(i.history[0].text, "Status ændret");
        assert_eq!(i.history[0].author, "AB");
    }

    #[test]
    fn edit_keeps_earlier_text() {
        let mut p = ActionPlan::default();
        let id = p.add_initiative(ini("1", "x")).unwrap();
        let n = p.add_note(id, d(2019, 5, 8), "BH", "Første").unwrap();
        p.edit_note(id, n, "Anden").unwrap();
        p.edit_note(id, n, "Anden").unwrap(); // unchanged: no new revision
        p.edit_note(id, n, "Tredje").unwrap();
        let note = &p.initiative(id).unwrap().history[0];
        assert_eq!(note.text, "Tredje");
        let old: Vec<&str> = note
            .earlier_versions
            .iter()
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(old, vec!["Første", "Anden"]);
        assert_eq!(note.date, Some(d(2019, 5, 8)));
        let before = p.clone();
        assert_eq!(
            p.edit_note(id, n, ""),
            Err(PlanError::Empty(PlanField::NoteText))
        );
        let ghost = crate::model::new_id();
        assert_eq!(
            p.edit_note(id, ghost, "x"),
            Err(PlanError::NoteNotFound(ghost))
        );
        assert_eq!(p, before);
    }

    #[test]
    fn staleness_boundaries() {
        let mut i = ini("1", "x");
        i.created_at = Utc.with_ymd_and_hms(2019, 1, 1, 12, 0, 0).unwrap();
        // No notes: counted from created_at (1 Jan). 31 days later is exactly 30 + 1.
        assert!(!is_stale(&i, d(2019, 1, 31), 30)); // 30 days
        assert!(is_stale(&i, d(2019, 2, 1), 30)); // 31 days
        i.history.push(StatusNote {
            date: Some(d(2019, 3, 1)),
            text: "note".into(),
            ..StatusNote::default()
        });
        assert_eq!(last_note_date(&i), Some(d(2019, 3, 1)));
        assert!(!is_stale(&i, d(2019, 3, 31), 30)); // exactly 30 days: not stale
        assert!(is_stale(&i, d(2019, 4, 1), 30)); // 31 days: stale
                                                  // Seen from a date before the note, the note does not count.
        assert!(is_stale(&i, d(2019, 2, 20), 30));
        // Off switch.
        assert!(!is_stale(&i, d(2030, 1, 1), 0));
        // Done and dropped are never stale.
        i.status = InitiativeStatus::Done;
        assert!(!is_stale(&i, d(2030, 1, 1), 30));
        i.status = InitiativeStatus::Dropped;
        assert!(!is_stale(&i, d(2030, 1, 1), 30));
        i.status = InitiativeStatus::Paused;
        assert!(is_stale(&i, d(2030, 1, 1), 30));
    }

    #[test]
    fn done_via_history_is_never_stale_after_it() {
        let mut p = ActionPlan::default();
        let id = p.add_initiative(ini("1", "x")).unwrap();
        p.set_status(id, InitiativeStatus::Done, d(2019, 1, 1), "", "")
            .unwrap();
        let i = p.initiative(id).unwrap();
        assert!(!is_stale(i, d(2025, 1, 1), 30));
    }

    fn sample_plan() -> (ActionPlan, Vec<Id>) {
        let mut p = ActionPlan {
            stale_after_days: 30,
            ..ActionPlan::default()
        };
        let g1 = p
            .add_goal(Goal {
                number: "1".into(),
                title: "Kvalitet".into(),
                ..Goal::default()
            })
            .unwrap();
        let g2 = p
            .add_goal(Goal {
                number: "2".into(),
                title: "Økonomi".into(),
                ..Goal::default()
            })
            .unwrap();
        let t1 = p
            .add_track(Track {
                number: "1".into(),
                title: "Kapacitet".into(),
                ..Track::default()
            })
            .unwrap();
        let t2 = p
            .add_track(Track {
                number: "2".into(),
                title: "Samskabelse".into(),
                ..Track::default()
            })
            .unwrap();
        // Added out of order on purpose.
        let a = p
            .add_initiative(Initiative {
                goal_id: Some(g2),
                track_id: Some(t1),
                owner: "Familiecentret".into(),
                committee: "Børneudvalget".into(),
                ..ini("1.10", "Udbud")
            })
            .unwrap();
        let b = p
            .add_initiative(Initiative {
                goal_id: Some(g1),
                track_id: Some(t2),
                owner: "familiecentret ".into(),
                committee: "Skoleudvalget".into(),
                ..ini("2.1", "Civilsamfundet")
            })
            .unwrap();
        let c = p
            .add_initiative(Initiative {
                goal_id: Some(g1),
                track_id: Some(t1),
                owner: "Ungecentret".into(),
                committee: "Børneudvalget".into(),
                ..ini("1.2", "Dagbehandling")
            })
            .unwrap();
        let six = p.add_initiative(ini("6", "Forældrekurser")).unwrap();
        let six_b = p
            .add_initiative(Initiative {
                parent_id: Some(six),
                goal_id: Some(g1), // a sub-item stays under its parent regardless
                ..ini("6B", "Skilsmisse: KIFF")
            })
            .unwrap();
        let six_a = p
            .add_initiative(Initiative {
                parent_id: Some(six),
                ..ini("6A", "ICDP og COS-P")
            })
            .unwrap();
        let seven = p
            .add_initiative(Initiative {
                goal_id: Some(g1),
                ..ini("7", "Åben rådgivning")
            })
            .unwrap();
        (p, vec![a, b, c, six, six_a, six_b, seven])
    }

    #[test]
    fn tree_and_groups() {
        let (p, _) = sample_plan();
        let rows = tree_order(&p, None);
        let ids: Vec<Id> = rows.iter().map(|r| r.id).collect();
        assert_eq!(
            numbers(&p, &ids),
            vec!["1.2", "1.10", "2.1", "6", "6A", "6B", "7"]
        );
        let depths: Vec<usize> = rows.iter().map(|r| r.depth).collect();
        assert_eq!(depths, vec![0, 0, 0, 0, 1, 1, 0]);

        let groups = group_initiatives(&p, None);
        let shape: Vec<(Option<String>, Option<String>, Vec<String>)> = groups
            .iter()
            .map(|g| {
                (
                    g.goal_id.map(|x| p.goal(x).unwrap().title.clone()),
                    g.track_id.map(|x| p.track(x).unwrap().title.clone()),
                    numbers(&p, &g.rows.iter().map(|r| r.id).collect::<Vec<_>>()),
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (
                    Some("Kvalitet".into()),
                    Some("Kapacitet".into()),
                    vec!["1.2".to_string()]
                ),
                (
                    Some("Kvalitet".into()),
                    Some("Samskabelse".into()),
                    vec!["2.1".to_string()]
                ),
                (Some("Kvalitet".into()), None, vec!["7".to_string()]),
                (
                    Some("Økonomi".into()),
                    Some("Kapacitet".into()),
                    vec!["1.10".to_string()]
                ),
                (
                    None,
                    None,
                    vec!["6".to_string(), "6A".to_string(), "6B".to_string()]
                ),
            ]
        );
    }

    #[test]
    fn filters() {
        let (mut p, ids) = sample_plan();
        let today = d(2019, 6, 1);
        for i in p.initiatives.iter_mut() {
            i.created_at = Utc.with_ymd_and_hms(2019, 1, 1, 0, 0, 0).unwrap();
        }
        let (a, c, six_a) = (ids[0], ids[2], ids[4]);
        p.add_note(c, d(2019, 5, 20), "BH", "Høringssvar modtaget")
            .unwrap();
        p.set_status(a, InitiativeStatus::Done, d(2019, 5, 1), "", "")
            .unwrap();
        let run = |f: &PlanFilter| numbers(&p, &filter(&p, f, today));

        assert_eq!(run(&PlanFilter::default()).len(), 7);
        assert_eq!(
            run(&PlanFilter {
                owner: "FAMILIECENTRET".into(),
                ..PlanFilter::default()
            }),
            vec!["1.10", "2.1"]
        );
        assert_eq!(
            run(&PlanFilter {
                committee: "Børneudvalget".into(),
                statuses: vec![InitiativeStatus::NotStarted],
                ..PlanFilter::default()
            }),
            vec!["1.2"]
        );
        // Stale: all but 1.2 (recent note) and 1.10 (done).
        assert_eq!(
            run(&PlanFilter {
                stale_only: true,
                ..PlanFilter::default()
            }),
            vec!["2.1", "6", "6A", "6B", "7"]
        );
        // Text: every word, any case, also in notes; a matching sub-item stands alone.
        assert_eq!(
            run(&PlanFilter {
                text: "HØRINGSSVAR modtaget".into(),
                ..PlanFilter::default()
            }),
            vec!["1.2"]
        );
        assert_eq!(
            run(&PlanFilter {
                text: "icdp".into(),
                ..PlanFilter::default()
            }),
            vec!["6A"]
        );
        assert_eq!(
            filter(
                &p,
                &PlanFilter {
                    text: "cos-p".into(),
                    ..PlanFilter::default()
                },
                today
            ),
            vec![six_a]
        );
        assert_eq!(distinct_owners(&p), vec!["Familiecentret", "Ungecentret"]);
        assert_eq!(
            distinct_committees(&p),
            vec!["Børneudvalget", "Skoleudvalget"]
        );
    }

    #[test]
    fn owners_in_danish_order() {
        let mut p = ActionPlan::default();
        for owner in [
            "Aabenraa Skole",
            "Ørsted Skole",
            "Élevhjemmet",
            "Vejle Skole",
            "Ærø Skole",
            "Ebeltoft",
        ] {
            p.initiatives.push(Initiative {
                owner: owner.into(),
                ..ini("1", "x")
            });
        }
        assert_eq!(
            distinct_owners(&p),
            vec![
                "Ebeltoft",
                "Élevhjemmet",
                "Vejle Skole",
                "Ærø Skole",
                "Ørsted Skole",
                "Aabenraa Skole"
            ]
        );
    }

    #[test]
    fn committees_as_a_set() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            committees_of("Børneudvalget og Skoleudvalget"),
            v(&["Børneudvalget", "Skoleudvalget"])
        );
        assert_eq!(
            committees_of("Børneudvalget og Social- og Arbejdsmarkedsudvalget"),
            v(&["Børneudvalget", "Social- og Arbejdsmarkedsudvalget"])
        );
        assert_eq!(
            committees_of("Udvalget for Sundhed og Forebyggelse"),
            v(&["Udvalget for Sundhed og Forebyggelse"])
        );
        assert_eq!(
            committees_of(
                " Børneudvalget, Skoleudvalget & Byrådet / Økonomiudvalget; børneudvalget "
            ),
            v(&[
                "Børneudvalget",
                "Skoleudvalget",
                "Byrådet",
                "Økonomiudvalget"
            ])
        );
        assert_eq!(committees_of("Skole og Familie"), v(&["Skole og Familie"]));
        assert_eq!(committees_of("Børneudvalget,"), v(&["Børneudvalget"]));
        assert!(committees_of("  ").is_empty());
        assert!(in_committee(
            "Børneudvalget og Skoleudvalget",
            "skoleudvalget"
        ));
        assert!(in_committee(
            "Børneudvalget og Skoleudvalget",
            "Børneudvalget og Skoleudvalget"
        ));
        assert!(!in_committee(
            "Børneudvalget og Skoleudvalget",
            "Socialudvalget"
        ));
        assert!(!in_committee(
            "Social- og Arbejdsmarkedsudvalget",
            "Arbejdsmarkedsudvalget"
        ));

        let mut p = ActionPlan::default();
        let both = p
            .add_initiative(Initiative {
                committee: "Børneudvalget og Skoleudvalget".into(),
                ..ini("1", "Begge")
            })
            .unwrap();
        let child = p
            .add_initiative(Initiative {
                committee: "Børneudvalget".into(),
                ..ini("2", "Børn")
            })
            .unwrap();
        let sub = p
            .add_initiative(Initiative {
                parent_id: Some(both),
                ..ini("1A", "Del")
            })
            .unwrap();
        p.add_initiative(Initiative {
            committee: "Socialudvalget".into(),
            ..ini("3", "Social")
        })
        .unwrap();
        assert_eq!(
            distinct_committees(&p),
            v(&["Børneudvalget", "Skoleudvalget", "Socialudvalget"])
        );
        let by = |c: &str| {
            filter(
                &p,
                &PlanFilter {
                    committee: c.into(),
                    ..PlanFilter::default()
                },
                d(2019, 6, 1),
            )
        };
        // The sub-item has its parent's committees.
        assert_eq!(by("Børneudvalget"), vec![both, sub, child]);
        assert_eq!(by("Skoleudvalget"), vec![both, sub]);
        assert_eq!(by("Børneudvalget og Skoleudvalget"), vec![both, sub]);
        assert_eq!(by("Sundhedsudvalget"), Vec::<Id>::new());
    }

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

    #[test]
    fn timeline_sorting_and_phases() {
        let mut p = ActionPlan::default();
        let row = |label: &str, start: Option<NaiveDate>, end: Option<NaiveDate>| TimelineRow {
            period_label: label.into(),
            activity: format!("Aktivitet {label}"),
            start,
            end,
            ..TimelineRow::default()
        };
        p.add_timeline_row(row("Løbende", None, None)).unwrap();
        p.add_timeline_row(row(
            "Efterår 2011",
            Some(d(2011, 9, 1)),
            Some(d(2011, 11, 30)),
        ))
        .unwrap();
        p.add_timeline_row(row("Forår 2011", Some(d(2011, 3, 1)), Some(d(2011, 5, 31))))
            .unwrap();
        p.add_timeline_row(row("Januar 2012", Some(d(2012, 1, 15)), None))
            .unwrap();
        p.add_timeline_row(row("Til 1. juni", None, Some(d(2011, 6, 1))))
            .unwrap();
        assert_eq!(
            p.add_timeline_row(row("x", Some(d(2012, 1, 2)), Some(d(2012, 1, 1)))),
            Err(PlanError::EndBeforeStart(PlanField::Dates))
        );
        let today = d(2011, 9, 1);
        let got: Vec<(&str, TimelinePhase)> = timeline(&p, today)
            .into_iter()
            .map(|(r, ph)| (r.period_label.as_str(), ph))
            .collect();
        use TimelinePhase::*;
        assert_eq!(
            got,
            vec![
                ("Forår 2011", Past),
                ("Til 1. juni", Past),
                ("Efterår 2011", Current), // starts today
                ("Januar 2012", Future),
                ("Løbende", Undated),
            ]
        );
        let r = &p.timeline[1];
        assert_eq!(timeline_phase(r, d(2011, 11, 30)), Current);
        assert_eq!(timeline_phase(r, d(2011, 12, 1)), Past);
        assert_eq!(timeline_phase(r, d(2011, 8, 31)), Future);
        let mut edit = r.clone();
        edit.activity = "Ny".into();
        p.update_timeline_row(edit.clone()).unwrap();
        assert_eq!(p.timeline[1].activity, "Ny");
        p.delete_timeline_row(edit.id).unwrap();
        assert_eq!(p.timeline.len(), 4);
    }
    #[test]
    fn screen_helpers() {
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

        use InitiativeStatus::*;
        assert_eq!(neighbour_status(NotStarted, true), Some(InProgress));
        assert_eq!(neighbour_status(NotStarted, false), None);
        assert_eq!(neighbour_status(Dropped, true), None);
        assert_eq!(neighbour_status(Done, false), Some(Delayed));

        assert_eq!(parse_date("2019-05-08"), Some(d(2019, 5, 8)));
        assert_eq!(parse_date("8.5.2019"), Some(d(2019, 5, 8)));
        assert_eq!(parse_date("08-05-2019"), Some(d(2019, 5, 8)));
        assert_eq!(parse_date("31.02.2019"), None);
        assert_eq!(parse_date(""), None);
    }
}
