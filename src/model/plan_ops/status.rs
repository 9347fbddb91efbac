//! The dated status history of an initiative: status changes and notes (only ever added or corrected,
//! never deleted), the status on a given day, staleness, and the board's neighbouring columns.

use super::fields::{required, rules, PlanError, PlanField};
use crate::model::record::RecordView;
use crate::model::{now, ActionPlan, Id, Initiative, InitiativeStatus, NoteRevision, StatusNote};
use chrono::NaiveDate;

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
        self.add_entry(initiative_id, date, author, Some(status), text)
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
        required(PlanField::NoteText, text)?;
        self.add_entry(initiative_id, date, author, None, text)
    }

    /// Adds a history entry in date order: a status change when `status` is given (the current status then
    /// follows the latest-dated one), else a plain note. Returns its id.
    fn add_entry(
        &mut self,
        initiative_id: Id,
        date: NaiveDate,
        author: &str,
        status: Option<InitiativeStatus>,
        text: &str,
    ) -> Result<Id, PlanError> {
        let author = author.trim();
        // Changed on a copy and checked by the model's rules, so an error leaves the plan as it was.
        let mut ini = self.initiative_mut(initiative_id)?.clone();
        let t = now();
        let note = StatusNote {
            date: Some(date),
            author: author.to_string(),
            status,
            text: text.to_string(),
            created_at: t,
            updated_at: t,
            ..StatusNote::default()
        };
        let id = note.id;
        insert_by_date(&mut ini.history, note);
        if let Some(status) = status {
            ini.status = latest_status_entry(&ini, None)
                .and_then(|n| n.status)
                .unwrap_or(status);
        }
        ini.updated_at = t;
        rules(RecordView::Initiative(&ini))?;
        *self.initiative_mut(initiative_id)? = ini;
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
        let mut ini = self.initiative_mut(initiative_id)?.clone();
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
        rules(RecordView::Initiative(&ini))?;
        *self.initiative_mut(initiative_id)? = ini;
        Ok(())
    }
}

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

/// The board column left (`forward == false`) or right of `s`, for moving a card with the arrow keys.
pub fn neighbour_status(s: InitiativeStatus, forward: bool) -> Option<InitiativeStatus> {
    let at = InitiativeStatus::ALL.iter().position(|x| *x == s)?;
    if forward {
        InitiativeStatus::ALL.get(at + 1).copied()
    } else {
        at.checked_sub(1).map(|i| InitiativeStatus::ALL[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan_ops::tests::{d, ini};
    use chrono::{TimeZone, Utc};

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

    #[test]
    fn neighbour_columns_of_the_board() {
        use InitiativeStatus::*;
        assert_eq!(neighbour_status(NotStarted, true), Some(InProgress));
        assert_eq!(neighbour_status(NotStarted, false), None);
        assert_eq!(neighbour_status(Dropped, true), None);
        assert_eq!(neighbour_status(Done, false), Some(Delayed));
    }
}
