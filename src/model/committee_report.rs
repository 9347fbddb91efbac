//! The status report to the political committee ("midtvejsstatus"): every initiative's status as of the
//! report date, the notes written since the previous report, staleness, indicators and a count by status.
//! Everything is computed as of the report date, so a report can be reproduced later: notes, status
//! changes and measurements dated after it are left out.

use super::plan_deadline::{deadline, deadline_state, Deadline, DeadlineState};
use super::plan_ops::{
    effective_committee, in_committee, is_stale, latest_value, progress, status_on, tree_order,
};
use super::{ActionPlan, Id, IndicatorValue, Initiative, InitiativeStatus, StatusNote};
use crate::model::sorting::StableSort;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug, PartialEq)]
pub struct CommitteeReport {
    pub plan_title: String,
    pub report_date: NaiveDate,
    pub previous_report_date: Option<NaiveDate>,
    /// The committee the report was limited to, as asked for.
    pub committee: Option<String>,
    pub stale_after_days: u32,
    /// In number order, sub-items right under their parent.
    pub initiatives: Vec<ReportInitiative>,
    pub indicators: Vec<ReportIndicator>,
    /// All six statuses in `InitiativeStatus::ALL` order, zero counts included.
    pub summary: [(InitiativeStatus, usize); 6],
    pub stale_count: usize,
    /// Initiatives past their deadline and not finished as of the report date.
    pub overdue_count: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReportInitiative {
    pub id: Id,
    /// 0 for a top-level initiative, 1 for a sub-item …
    pub depth: usize,
    pub number: String,
    pub title: String,
    pub goal_id: Option<Id>,
    pub track_id: Option<Id>,
    pub owner: String,
    pub committee: String,
    /// The deadline date, or the end of the period (see `plan_deadline`).
    pub deadline: Option<Deadline>,
    /// The period as written, for saying where a deadline from the period comes from.
    pub period: String,
    /// Standing against the deadline as of the report date.
    pub deadline_state: DeadlineState,
    /// Status as of the report date.
    pub status: InitiativeStatus,
    /// Status as of the previous report date, to show what changed.
    pub previous_status: Option<InitiativeStatus>,
    /// Notes dated after the previous report date up to and including the report date, oldest first.
    pub notes: Vec<ReportNote>,
    /// Newest note on or before the report date.
    pub last_note_date: Option<NaiveDate>,
    pub stale: bool,
}

/// A note as the report prints it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportNote {
    pub note: StatusNote,
    /// The status this entry set, only when it differs from the status before it: a note that repeats
    /// the status (as every board move and status form entry records it) is printed as a plain note.
    pub changed_to: Option<InitiativeStatus>,
}

/// The time the notes of a report cover, ending on the report date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotesPeriod {
    /// After the previous report's date.
    SincePrevious(NaiveDate),
    /// The last this many months.
    Months(u32),
    /// Every note up to the report date.
    All,
}

impl NotesPeriod {
    /// The day before the first day the notes cover (notes on it are left out); `None` for all notes.
    pub fn previous_date(self, report_date: NaiveDate) -> Option<NaiveDate> {
        match self {
            NotesPeriod::SincePrevious(d) => Some(d),
            NotesPeriod::Months(m) => report_date.checked_sub_months(chrono::Months::new(m)),
            NotesPeriod::All => None,
        }
    }
}

/// For each entry of `ini.history` (by index), the status it set when that was a change. Entries are
/// taken in date order (same-day entries in the order written); undated entries change nothing, as
/// `status_on` ignores them.
fn status_changes(ini: &Initiative) -> HashMap<usize, InitiativeStatus> {
    let mut order: Vec<(usize, NaiveDate)> = ini
        .history
        .iter()
        .enumerate()
        .filter_map(|(i, n)| n.date.map(|d| (i, d)))
        .collect();
    order.stable_sort_by_key(|(i, d)| (*d, *i));
    let mut current = InitiativeStatus::NotStarted;
    let mut out = HashMap::new();
    for (i, _) in order {
        if let Some(s) = ini.history[i].status {
            if s != current {
                out.insert(i, s);
            }
            current = s;
        }
    }
    out
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReportIndicator {
    pub id: Id,
    pub name: String,
    pub unit: String,
    pub baseline: Option<f64>,
    pub baseline_date: Option<NaiveDate>,
    pub target: Option<f64>,
    pub target_date: Option<NaiveDate>,
    /// Newest measurement on or before the report date.
    pub latest: Option<IndicatorValue>,
    pub progress: Option<f64>,
}

/// Builds the report as of `report_date`. Notes are those dated in (`previous_report_date`,
/// `report_date`]: a note on the previous report date was in that report; one on the report date is in
/// this one. Without a previous date every note up to the report date is included. Undated notes cannot be
/// placed in a window and are left out.
///
/// With `committee`, only initiatives of that committee (compared ignoring case and as a set, so
/// "Børneudvalget" includes "Børneudvalget og Skoleudvalget"; sub-items inherit it),
/// and only indicators linked to one of them, to one of their goals, or to nothing.
pub fn committee_report(
    plan: &ActionPlan,
    report_date: NaiveDate,
    previous_report_date: Option<NaiveDate>,
    committee: Option<&str>,
) -> CommitteeReport {
    let by_id: HashMap<Id, &Initiative> = plan.initiatives.iter().map(|i| (i.id, i)).collect();
    let wanted = committee.map(str::trim).filter(|c| !c.is_empty());
    let included: Vec<Id> = plan
        .initiatives
        .iter()
        .filter(|i| {
            wanted
                .as_ref()
                .is_none_or(|w| in_committee(effective_committee(&by_id, i), w))
        })
        .map(|i| i.id)
        .collect();

    let in_window = |d: Option<NaiveDate>| {
        d.is_some_and(|d| d <= report_date && previous_report_date.is_none_or(|p| d > p))
    };

    let mut initiatives = Vec::with_capacity(included.len());
    for row in tree_order(plan, Some(&included)) {
        let Some(ini) = by_id.get(&row.id) else {
            continue;
        };
        let changes = status_changes(ini);
        let mut notes: Vec<ReportNote> = ini
            .history
            .iter()
            .enumerate()
            .filter(|(_, n)| in_window(n.date))
            .map(|(i, n)| ReportNote {
                note: n.clone(),
                changed_to: changes.get(&i).copied(),
            })
            .collect();
        // Stable: same-day notes keep the order they were written in.
        notes.stable_sort_by_key(|n| n.note.date);
        initiatives.push(ReportInitiative {
            id: ini.id,
            depth: row.depth,
            number: ini.number.clone(),
            title: ini.title.clone(),
            goal_id: ini.goal_id,
            track_id: ini.track_id,
            owner: ini.owner.clone(),
            committee: effective_committee(&by_id, ini).to_string(),
            deadline: deadline(ini),
            period: ini.period.clone(),
            deadline_state: deadline_state(ini, report_date),
            status: status_on(ini, report_date),
            previous_status: previous_report_date.map(|p| status_on(ini, p)),
            notes,
            last_note_date: ini
                .history
                .iter()
                .filter_map(|n| n.date)
                .filter(|d| *d <= report_date)
                .max(),
            stale: is_stale(ini, report_date, plan.stale_after_days),
        });
    }

    let mut summary = InitiativeStatus::ALL.map(|s| (s, 0usize));
    for r in &initiatives {
        if let Some(slot) = summary.iter_mut().find(|(s, _)| *s == r.status) {
            slot.1 += 1;
        }
    }
    let stale_count = initiatives.iter().filter(|r| r.stale).count();
    let overdue_count = initiatives
        .iter()
        .filter(|r| r.deadline_state.is_overdue())
        .count();

    let included_set: HashSet<Id> = included.iter().copied().collect();
    let goals_of_included: HashSet<Id> = included
        .iter()
        .filter_map(|id| by_id.get(id).and_then(|i| i.goal_id))
        .collect();
    let indicators = plan
        .indicators
        .iter()
        .filter(|ind| {
            wanted.is_none()
                || match (ind.initiative_id, ind.goal_id) {
                    (Some(i), _) if included_set.contains(&i) => true,
                    (_, Some(g)) if goals_of_included.contains(&g) => true,
                    (None, None) => true,
                    _ => false,
                }
        })
        .map(|ind| ReportIndicator {
            id: ind.id,
            name: ind.name.clone(),
            unit: ind.unit.clone(),
            baseline: ind.baseline,
            baseline_date: ind.baseline_date,
            target: ind.target,
            target_date: ind.target_date,
            latest: latest_value(ind, Some(report_date)).cloned(),
            progress: progress(ind, Some(report_date)),
        })
        .collect();

    CommitteeReport {
        plan_title: plan.title.clone(),
        report_date,
        previous_report_date,
        committee: committee
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string),
        stale_after_days: plan.stale_after_days,
        initiatives,
        indicators,
        summary,
        stale_count,
        overdue_count,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan_ops::{filter, PlanFilter};
    use crate::model::{Goal, Indicator, Initiative};
    use chrono::{TimeZone, Utc};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ini(number: &str, committee: &str) -> Initiative {
        Initiative {
            number: number.into(),
            title: format!("Indsats {number}"),
            committee: committee.into(),
            created_at: Utc.with_ymd_and_hms(2019, 1, 1, 0, 0, 0).unwrap(),
            ..Initiative::default()
        }
    }

    /// Køge-like plan: notes around the report dates 8 May 2019 (previous) and 1 Oct 2019.
    fn plan() -> (ActionPlan, [Id; 5]) {
        let mut p = ActionPlan {
            title: "Strategier for indsatsen".into(),
            stale_after_days: 60,
            ..ActionPlan::default()
        };
        let goal = p
            .add_goal(Goal {
                number: "2".into(),
                title: "Sund økonomi".into(),
                ..Goal::default()
            })
            .unwrap();
        let a = p.add_initiative(ini("1.10", "Børneudvalget")).unwrap();
        let b = p
            .add_initiative(Initiative {
                goal_id: Some(goal),
                ..ini("1.2", "Børneudvalget")
            })
            .unwrap();
        let six = p.add_initiative(ini("6", "Skoleudvalget")).unwrap();
        let six_a = p
            .add_initiative(Initiative {
                parent_id: Some(six),
                ..ini("6A", "")
            })
            .unwrap();
        let done = p.add_initiative(ini("3.1", "børneudvalget ")).unwrap();

        // a: a note exactly on the previous report date (excluded), one on the report date (included),
        // one after the report date (never shown), and a status change after it (ignored).
        p.set_status(
            a,
            InitiativeStatus::InProgress,
            d(2019, 3, 1),
            "BH",
            "Igangsat",
        )
        .unwrap();
        p.add_note(a, d(2019, 5, 8), "BH", "Forelagt Børneudvalget")
            .unwrap();
        p.add_note(a, d(2019, 10, 1), "BH", "Udbud afsluttet")
            .unwrap();
        p.add_note(a, d(2019, 10, 2), "BH", "Efter rapporten")
            .unwrap();
        p.set_status(a, InitiativeStatus::Done, d(2019, 11, 1), "BH", "Slut")
            .unwrap();
        // b: delayed inside the window, last note 30 June: 93 days before the report → stale.
        p.set_status(
            b,
            InitiativeStatus::Delayed,
            d(2019, 6, 30),
            "AK",
            "Høring trækker ud",
        )
        .unwrap();
        // six: no notes since created 1 Jan → stale; 6A inherits the committee.
        p.add_note(six_a, d(2019, 5, 9), "LM", "Første hold ICDP")
            .unwrap();
        // done: done before the window, long silent, never stale.
        p.set_status(done, InitiativeStatus::Done, d(2019, 2, 1), "", "")
            .unwrap();

        let with_goal = p
            .add_indicator(Indicator {
                name: "Anbringelser".into(),
                unit: "antal".into(),
                baseline: Some(120.0),
                target: Some(100.0),
                goal_id: Some(goal),
                ..Indicator::default()
            })
            .unwrap();
        p.add_value(with_goal, d(2019, 6, 1), 110.0, "").unwrap();
        p.add_value(with_goal, d(2019, 10, 2), 90.0, "efter rapporten")
            .unwrap();
        let with_six = p
            .add_indicator(Indicator {
                name: "Forældre på kursus".into(),
                initiative_id: Some(six_a),
                ..Indicator::default()
            })
            .unwrap();
        p.add_value(with_six, d(2019, 9, 1), 12.0, "").unwrap();
        (p, [a, b, six, six_a, done])
    }

    #[test]
    fn notes_in_the_window_and_status_on_the_report_date() {
        let (p, [a, b, six, six_a, done]) = plan();
        let r = committee_report(&p, d(2019, 10, 1), Some(d(2019, 5, 8)), None);
        let order: Vec<(&str, usize)> = r
            .initiatives
            .iter()
            .map(|i| (i.number.as_str(), i.depth))
            .collect();
        assert_eq!(
            order,
            vec![("1.2", 0), ("1.10", 0), ("3.1", 0), ("6", 0), ("6A", 1)]
        );
        let get = |id: Id| r.initiatives.iter().find(|i| i.id == id).unwrap();

        let ra = get(a);
        let texts: Vec<&str> = ra.notes.iter().map(|n| n.note.text.as_str()).collect();
        assert_eq!(texts, vec!["Udbud afsluttet"]); // 8 May excluded, 1 Oct included, 2 Oct never
        assert_eq!(ra.status, InitiativeStatus::InProgress); // done only on 1 Nov
        assert_eq!(ra.previous_status, Some(InitiativeStatus::InProgress));
        assert_eq!(ra.last_note_date, Some(d(2019, 10, 1)));
        assert!(!ra.stale);

        let rb = get(b);
        assert_eq!(rb.status, InitiativeStatus::Delayed);
        assert_eq!(rb.previous_status, Some(InitiativeStatus::NotStarted));
        assert_eq!(rb.notes.len(), 1);
        assert!(rb.stale); // 93 days > 60

        assert!(get(six).stale);
        assert_eq!(get(six_a).committee, "Skoleudvalget");
        assert_eq!(get(six_a).notes.len(), 1);
        assert!(!get(done).stale);
        assert!(get(done).notes.is_empty());

        use InitiativeStatus::*;
        assert_eq!(
            r.summary,
            [
                (NotStarted, 2),
                (InProgress, 1),
                (Delayed, 1),
                (Done, 1),
                (Paused, 0),
                (Dropped, 0)
            ]
        );
        // b (93 days), 6 (273 days since 1 Jan), 6A (145 days since 9 May).
        assert_eq!(r.stale_count, 3);

        // Indicators as of the report date: the 2 October measurement is not used.
        let places = &r.indicators[0];
        assert_eq!(places.latest.as_ref().unwrap().value, 110.0);
        assert_eq!(places.progress, Some(0.5));
        assert_eq!(r.indicators[1].progress, None); // no baseline or target
        assert_eq!(r.indicators[1].latest.as_ref().unwrap().value, 12.0);
    }

    #[test]
    fn a_status_is_printed_only_where_it_changed() {
        let (mut p, [a, b, ..]) = plan();
        // a: set to «I gang» on 1 March; a second entry on 8 May sets «I gang» again (as the status form
        // and the board write it), then «Afsluttet» on 1 November.
        p.set_status(
            a,
            InitiativeStatus::InProgress,
            d(2019, 5, 8),
            "BH",
            "Stadig i gang",
        )
        .unwrap();
        let r = committee_report(&p, d(2019, 12, 1), None, None);
        let ra = r.initiatives.iter().find(|i| i.id == a).unwrap();
        let printed: Vec<(&str, Option<InitiativeStatus>)> = ra
            .notes
            .iter()
            .map(|n| (n.note.text.as_str(), n.changed_to))
            .collect();
        assert_eq!(
            printed,
            vec![
                ("Igangsat", Some(InitiativeStatus::InProgress)),
                ("Forelagt Børneudvalget", None),
                ("Stadig i gang", None),
                ("Udbud afsluttet", None),
                ("Efter rapporten", None),
                ("Slut", Some(InitiativeStatus::Done)),
            ]
        );
        // b: one change from «Ikke startet» to «Forsinket».
        let rb = r.initiatives.iter().find(|i| i.id == b).unwrap();
        assert_eq!(rb.notes[0].changed_to, Some(InitiativeStatus::Delayed));
    }

    #[test]
    fn the_period_the_notes_cover() {
        let day = d(2019, 10, 1);
        assert_eq!(NotesPeriod::All.previous_date(day), None);
        assert_eq!(
            NotesPeriod::Months(3).previous_date(day),
            Some(d(2019, 7, 1))
        );
        assert_eq!(
            NotesPeriod::Months(12).previous_date(d(2020, 2, 29)),
            Some(d(2019, 2, 28))
        );
        assert_eq!(
            NotesPeriod::SincePrevious(d(2019, 5, 8)).previous_date(day),
            Some(d(2019, 5, 8))
        );
        // Three months back from 1 October: the notes of 1 October are in, those of 1 July are not.
        let (p, [a, ..]) = plan();
        let r = committee_report(&p, day, NotesPeriod::Months(3).previous_date(day), None);
        let ra = r.initiatives.iter().find(|i| i.id == a).unwrap();
        assert_eq!(ra.notes.len(), 1);
        assert_eq!(ra.notes[0].note.text, "Udbud afsluttet");
    }

    #[test]
    fn boundaries_of_the_window() {
        let (p, [a, ..]) = plan();
        // Report on the previous report date's own day, previous date the day before.
        let r = committee_report(&p, d(2019, 5, 8), Some(d(2019, 5, 7)), None);
        let ra = r.initiatives.iter().find(|i| i.id == a).unwrap();
        assert_eq!(ra.notes.len(), 1);
        assert_eq!(ra.notes[0].note.text, "Forelagt Børneudvalget");
        // Without a previous date: everything up to the report date.
        let r = committee_report(&p, d(2019, 10, 1), None, None);
        let ra = r.initiatives.iter().find(|i| i.id == a).unwrap();
        let texts: Vec<&str> = ra.notes.iter().map(|n| n.note.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["Igangsat", "Forelagt Børneudvalget", "Udbud afsluttet"]
        );
        assert_eq!(ra.previous_status, None);
        // Before anything happened.
        let r = committee_report(&p, d(2018, 12, 31), None, None);
        assert!(r.initiatives.iter().all(|i| i.notes.is_empty()));
        assert_eq!(r.summary[0], (InitiativeStatus::NotStarted, 5));
        assert!(r.indicators.iter().all(|i| i.latest.is_none()));
    }

    #[test]
    fn one_committee() {
        let (p, [a, b, _, _, done]) = plan();
        let r = committee_report(
            &p,
            d(2019, 10, 1),
            Some(d(2019, 5, 8)),
            Some(" BØRNEUDVALGET"),
        );
        let ids: Vec<Id> = r.initiatives.iter().map(|i| i.id).collect();
        assert_eq!(ids, vec![b, a, done]);
        assert_eq!(r.committee.as_deref(), Some("BØRNEUDVALGET"));
        assert_eq!(r.summary.iter().map(|(_, n)| n).sum::<usize>(), 3);
        // Only the goal-linked indicator: "Forældre på kursus" belongs to 6A (Skoleudvalget).
        assert_eq!(r.indicators.len(), 1);
        assert_eq!(r.indicators[0].name, "Anbringelser");

        let r = committee_report(&p, d(2019, 10, 1), None, Some("Skoleudvalget"));
        let numbers: Vec<&str> = r.initiatives.iter().map(|i| i.number.as_str()).collect();
        assert_eq!(numbers, vec!["6", "6A"]);
        assert_eq!(r.indicators.len(), 1);
        assert_eq!(r.indicators[0].name, "Forældre på kursus");

        // An empty committee name means all.
        let r = committee_report(&p, d(2019, 10, 1), None, Some("  "));
        assert_eq!(r.initiatives.len(), 5);
        assert_eq!(r.committee, None);
    }

    #[test]
    fn committee_as_a_set_and_deadlines_as_of_the_report_date() {
        let (mut p, [a, b, ..]) = plan();
        let shared = p
            .add_initiative(Initiative {
                deadline: Some(d(2019, 9, 30)),
                ..ini("5", "Børneudvalget og Skoleudvalget")
            })
            .unwrap();
        p.set_status(shared, InitiativeStatus::InProgress, d(2019, 5, 1), "", "")
            .unwrap();
        let mut edit = p.initiative(a).unwrap().clone();
        edit.deadline = Some(d(2019, 10, 1));
        p.update_initiative(edit).unwrap();
        let mut edit = p.initiative(b).unwrap().clone();
        edit.period = "2019".into();
        p.update_initiative(edit).unwrap();

        let r = committee_report(&p, d(2019, 10, 1), None, Some("Skoleudvalget"));
        let numbers: Vec<&str> = r.initiatives.iter().map(|i| i.number.as_str()).collect();
        assert_eq!(numbers, vec!["5", "6", "6A"]);
        let r = committee_report(&p, d(2019, 10, 1), None, Some("børneudvalget"));
        let get = |r: &CommitteeReport, id: Id| r.initiatives.iter().find(|i| i.id == id).cloned();
        assert!(get(&r, shared).is_some());

        // On the deadline day a is on time; the day after, the shared one is overdue.
        assert_eq!(
            get(&r, a).unwrap().deadline_state,
            DeadlineState::Upcoming { days_left: 0 }
        );
        assert_eq!(
            get(&r, shared).unwrap().deadline_state,
            DeadlineState::Overdue { days_over: 1 }
        );
        // b has only a period: its deadline is the end of 2019.
        let rb = get(&r, b).unwrap();
        assert_eq!(rb.deadline.map(|x| x.date), Some(d(2019, 12, 31)));
        assert_eq!(rb.deadline_state, DeadlineState::Upcoming { days_left: 91 });
        assert_eq!(r.overdue_count, 1);

        // A later report: a was done on 1 November, a month late; never counted as overdue.
        let r = committee_report(&p, d(2020, 2, 1), None, Some("Børneudvalget"));
        assert_eq!(
            get(&r, a).unwrap().deadline_state,
            DeadlineState::Done {
                on_time: Some(false)
            }
        );
        assert!(get(&r, b).unwrap().deadline_state.is_overdue());
        assert_eq!(r.overdue_count, 2);
    }

    /// The benchmark's size, 300 initiatives (groups of a parent and nine sub-items) with 3,000 notes and
    /// status changes: the report and the filter checked against a plain count over the plan. (How long they
    /// take is measured in the browser by `scripts/bench.sh`, `render_committee_report`.)
    #[test]
    fn a_plan_of_benchmark_size_reports_every_initiative_and_note_once() {
        let mut p = ActionPlan {
            stale_after_days: 60,
            ..ActionPlan::default()
        };
        let committees = ["Børneudvalget", "Skoleudvalget", "Socialudvalget"];
        let mut ids = Vec::new();
        for n in 0..300 {
            let parent = (n % 10 != 0).then(|| ids[ids.len() - (n % 10)]);
            let id = p
                .add_initiative(Initiative {
                    number: format!("{}.{}", n / 10 + 1, n % 10),
                    title: format!("Indsats nummer {n} om tidlig forebyggelse"),
                    owner: format!("Enhed {}", n % 7),
                    committee: committees[n % 3].into(),
                    parent_id: parent,
                    created_at: Utc.with_ymd_and_hms(2019, 1, 1, 0, 0, 0).unwrap(),
                    ..Initiative::default()
                })
                .unwrap();
            ids.push(id);
        }
        let start = d(2019, 1, 1);
        for k in 0..3000usize {
            let id = ids[k % 300];
            let date = start + chrono::Days::new((k * 7 % 700) as u64);
            if k % 5 == 0 {
                p.set_status(
                    id,
                    InitiativeStatus::ALL[k % 6],
                    date,
                    "Sagsbehandler",
                    "Status ændret efter møde",
                )
                .unwrap();
            } else {
                p.add_note(
                    id,
                    date,
                    "Sagsbehandler",
                    &format!("Note {k}: arbejdet skrider frem"),
                )
                .unwrap();
            }
        }
        let (report_date, previous) = (d(2020, 6, 1), d(2020, 1, 1));
        let texts_between = |ini: &Initiative, after: Option<NaiveDate>| {
            let mut notes: Vec<&StatusNote> = ini
                .history
                .iter()
                .filter(|n| {
                    n.date
                        .is_some_and(|d| d <= report_date && after.is_none_or(|a| d > a))
                })
                .collect();
            notes.sort_by_key(|n| n.date);
            notes
                .into_iter()
                .map(|n| n.text.clone())
                .collect::<Vec<_>>()
        };
        let report_texts = |r: &ReportInitiative| {
            r.notes
                .iter()
                .map(|n| n.note.text.clone())
                .collect::<Vec<_>>()
        };

        // The whole plan: each initiative once, every sub-item under its own parent, every note up to the
        // report date.
        let r = committee_report(&p, report_date, None, None);
        assert_eq!(r.initiatives.len(), 300);
        let mut parent_row = None;
        for row in &r.initiatives {
            let ini = p.initiative(row.id).unwrap();
            match row.depth {
                0 => parent_row = Some(row.id),
                1 => assert_eq!(ini.parent_id, parent_row, "{} under its parent", row.number),
                _ => panic!("only one level of sub-items"),
            }
            assert_eq!(report_texts(row), texts_between(ini, None));
        }
        let ids_in_report: HashSet<Id> = r.initiatives.iter().map(|r| r.id).collect();
        assert_eq!(ids_in_report.len(), 300);
        assert_eq!(r.summary.iter().map(|(_, n)| n).sum::<usize>(), 300);
        let all_notes: usize = r.initiatives.iter().map(|i| i.notes.len()).sum();
        let dated_up_to_report = p
            .initiatives
            .iter()
            .flat_map(|i| &i.history)
            .filter(|n| n.date.is_some_and(|d| d <= report_date))
            .count();
        assert_eq!(all_notes, dated_up_to_report);

        // One committee since the previous report: its initiatives, and their notes after that date only.
        let r = committee_report(&p, report_date, Some(previous), Some("børneudvalget"));
        let mut in_report: Vec<Id> = r.initiatives.iter().map(|r| r.id).collect();
        let mut expected: Vec<Id> = p
            .initiatives
            .iter()
            .filter(|i| i.committee == "Børneudvalget")
            .map(|i| i.id)
            .collect();
        in_report.sort();
        expected.sort();
        assert_eq!(in_report, expected);
        assert_eq!(in_report.len(), 100);
        for row in &r.initiatives {
            let ini = p.initiative(row.id).unwrap();
            assert_eq!(report_texts(row), texts_between(ini, Some(previous)));
        }

        // The list filter: the committee, and every word in the text or a note.
        let f = PlanFilter {
            committee: "Børneudvalget".into(),
            text: "forebyggelse frem".into(),
            ..PlanFilter::default()
        };
        let mut hits = filter(&p, &f, report_date);
        let mut expected: Vec<Id> = p
            .initiatives
            .iter()
            .filter(|i| {
                i.committee == "Børneudvalget" && i.history.iter().any(|n| n.text.contains("frem"))
            })
            .map(|i| i.id)
            .collect();
        hits.sort();
        expected.sort();
        assert_eq!(hits, expected);
        // Every fifth entry is a status change without "frem"; some initiatives have only those.
        assert_eq!(hits.len(), 80);
    }
}
