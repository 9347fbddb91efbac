//! One rule for an initiative's deadline and whether it is overdue, used by every screen (list, board,
//! detail, timeline) and by the committee report, so the same initiative reads the same everywhere.
//!
//! The deadline is the initiative's own deadline date; without one, the end of the period written as text
//! ("2019–2020" → 31 December 2020), and the screens say that it comes from the period. An unfinished
//! initiative (anything but done or dropped) is overdue from the day after its deadline; the deadline day
//! itself is still on time. A finished initiative is never overdue: done is "on time" or "late" by the
//! date it was set to done, and dropped means the deadline no longer applies.

use super::plan_ops::{parse_date, status_on};
use super::{Initiative, InitiativeStatus};
use chrono::NaiveDate;

/// Where a deadline was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeadlineSource {
    /// The initiative's deadline date.
    Date,
    /// The end of the period written as text.
    Period,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Deadline {
    pub date: NaiveDate,
    pub source: DeadlineSource,
}

/// An initiative's standing against its deadline as of a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeadlineState {
    /// Neither a deadline date nor a year in the period, and not finished.
    NoDeadline,
    /// Not finished; the deadline is `days_left` days ahead (0: today is the deadline).
    Upcoming { days_left: i64 },
    /// Not finished, and the deadline passed `days_over` days ago (at least 1).
    Overdue { days_over: i64 },
    /// Done. `on_time` is whether it was set to done on or before the deadline; `None` when there is no
    /// deadline or no dated entry says when it was done.
    Done { on_time: Option<bool> },
    /// Dropped: the deadline no longer applies.
    Dropped,
}

impl DeadlineState {
    pub fn is_overdue(self) -> bool {
        matches!(self, DeadlineState::Overdue { .. })
    }
}

/// Days ahead within which an upcoming deadline is counted down ("Frist om 12 dage").
pub const DUE_SOON_DAYS: i64 = 30;

/// The last day of a period written as text: the latest full date in it (`30.06.2020`, `2020-06-30`), else
/// 31 December of the latest year (1900–2200) it names. "2019–2020", "2019-2020" and "Efterår 2020" end
/// on 31 December 2020. `None` when it names no year.
pub fn period_end(period: &str) -> Option<NaiveDate> {
    let mut best: Option<NaiveDate> = None;
    let mut keep = |d: NaiveDate| best = Some(best.map_or(d, |b| b.max(d)));
    for token in
        period.split(|c: char| c.is_whitespace() || matches!(c, '–' | '—' | ',' | ';' | '(' | ')'))
    {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric());
        if token.is_empty() {
            continue;
        }
        if let Some(d) = parse_date(token) {
            keep(d);
            continue;
        }
        for part in token.split(['-', '/', '.']) {
            if part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit()) {
                let year: i32 = part.parse().unwrap_or(0);
                if (1900..=2200).contains(&year) {
                    if let Some(d) = NaiveDate::from_ymd_opt(year, 12, 31) {
                        keep(d);
                    }
                }
            }
        }
    }
    best
}

/// The initiative's deadline: its deadline date, else the end of its period (see [`period_end`]).
pub fn deadline(ini: &Initiative) -> Option<Deadline> {
    match ini.deadline {
        Some(date) => Some(Deadline {
            date,
            source: DeadlineSource::Date,
        }),
        None => period_end(&ini.period).map(|date| Deadline {
            date,
            source: DeadlineSource::Period,
        }),
    }
}

/// The date the initiative was set to the status it has on `on`, from its dated history.
fn status_since(ini: &Initiative, on: NaiveDate) -> Option<NaiveDate> {
    ini.history
        .iter()
        .enumerate()
        .filter(|(_, n)| n.status.is_some())
        .filter_map(|(i, n)| n.date.filter(|d| *d <= on).map(|d| (d, i, n.status)))
        .max_by_key(|(d, i, _)| (*d, *i))
        .filter(|(_, _, s)| *s == Some(status_on(ini, on)))
        .map(|(d, _, _)| d)
}

/// The initiative's standing against its deadline as of `on` (today on the screens, the report date in the
/// committee report), with its status as of that day.
pub fn deadline_state(ini: &Initiative, on: NaiveDate) -> DeadlineState {
    let due = deadline(ini).map(|d| d.date);
    match status_on(ini, on) {
        InitiativeStatus::Dropped => DeadlineState::Dropped,
        InitiativeStatus::Done => DeadlineState::Done {
            on_time: due
                .zip(status_since(ini, on))
                .map(|(due, done)| done <= due),
        },
        _ => match due {
            None => DeadlineState::NoDeadline,
            Some(due) if due < on => DeadlineState::Overdue {
                days_over: (on - due).num_days(),
            },
            Some(due) => DeadlineState::Upcoming {
                days_left: (due - on).num_days(),
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan_ops::tests::{d, ini};
    use crate::model::ActionPlan;

    #[test]
    fn period_ends() {
        assert_eq!(period_end("2019–2020"), Some(d(2020, 12, 31)));
        assert_eq!(period_end("2019-2020"), Some(d(2020, 12, 31)));
        assert_eq!(period_end("2019 - 2020"), Some(d(2020, 12, 31)));
        assert_eq!(period_end("2020"), Some(d(2020, 12, 31)));
        assert_eq!(period_end("Efterår 2019"), Some(d(2019, 12, 31)));
        assert_eq!(period_end("til 30.06.2020"), Some(d(2020, 6, 30)));
        assert_eq!(period_end("2020-06-30"), Some(d(2020, 6, 30)));
        assert_eq!(period_end("2019/20"), Some(d(2019, 12, 31)));
        assert_eq!(period_end("Løbende"), None);
        assert_eq!(period_end(""), None);
        assert_eq!(period_end("12345"), None);
        assert_eq!(period_end("år 0999"), None);
    }

    #[test]
    fn deadline_from_date_or_period() {
        let mut i = ini("1", "A");
        assert_eq!(deadline(&i), None);
        i.period = "2019–2020".into();
        assert_eq!(
            deadline(&i),
            Some(Deadline {
                date: d(2020, 12, 31),
                source: DeadlineSource::Period
            })
        );
        i.deadline = Some(d(2019, 12, 31));
        assert_eq!(
            deadline(&i),
            Some(Deadline {
                date: d(2019, 12, 31),
                source: DeadlineSource::Date
            })
        );
    }

    /// An initiative set to `status` on `on` with a deadline on 31 December 2019.
    fn with_status(status: InitiativeStatus, on: NaiveDate) -> Initiative {
        let mut p = ActionPlan::default();
        let id = p
            .add_initiative(Initiative {
                deadline: Some(d(2019, 12, 31)),
                ..ini("1", "A")
            })
            .unwrap();
        p.set_status(id, InitiativeStatus::InProgress, d(2019, 1, 1), "", "")
            .unwrap();
        if status != InitiativeStatus::InProgress {
            p.set_status(id, status, on, "", "").unwrap();
        }
        p.initiatives.remove(0)
    }

    #[test]
    fn overdue_only_after_the_deadline_day() {
        use DeadlineState::*;
        let i = with_status(InitiativeStatus::InProgress, d(2019, 1, 1));
        assert_eq!(
            deadline_state(&i, d(2019, 12, 1)),
            Upcoming { days_left: 30 }
        );
        assert_eq!(
            deadline_state(&i, d(2019, 12, 30)),
            Upcoming { days_left: 1 }
        );
        assert_eq!(
            deadline_state(&i, d(2019, 12, 31)),
            Upcoming { days_left: 0 }
        );
        assert_eq!(deadline_state(&i, d(2020, 1, 1)), Overdue { days_over: 1 });
        assert!(deadline_state(&i, d(2024, 1, 1)).is_overdue());
        // Delayed, paused and not started are unfinished too.
        for s in [
            InitiativeStatus::Delayed,
            InitiativeStatus::Paused,
            InitiativeStatus::NotStarted,
        ] {
            let i = with_status(s, d(2019, 6, 1));
            assert!(deadline_state(&i, d(2020, 1, 1)).is_overdue(), "{s:?}");
            assert!(!deadline_state(&i, d(2019, 12, 31)).is_overdue(), "{s:?}");
        }
    }

    #[test]
    fn finished_is_never_overdue() {
        use DeadlineState::*;
        let on_deadline = with_status(InitiativeStatus::Done, d(2019, 12, 31));
        assert_eq!(
            deadline_state(&on_deadline, d(2025, 1, 1)),
            Done {
                on_time: Some(true)
            }
        );
        let late = with_status(InitiativeStatus::Done, d(2020, 1, 1));
        assert_eq!(
            deadline_state(&late, d(2025, 1, 1)),
            Done {
                on_time: Some(false)
            }
        );
        // Until the day it was set to done it was running, and on its deadline day still on time.
        assert_eq!(
            deadline_state(&late, d(2019, 12, 31)),
            Upcoming { days_left: 0 }
        );
        let dropped = with_status(InitiativeStatus::Dropped, d(2020, 3, 1));
        assert_eq!(deadline_state(&dropped, d(2025, 1, 1)), Dropped);
        assert_eq!(
            deadline_state(&dropped, d(2020, 2, 1)),
            Overdue { days_over: 32 }
        );
        // Done without a dated entry or without a deadline: done, timing unknown.
        let undated = Initiative {
            status: InitiativeStatus::Done,
            deadline: Some(d(2019, 12, 31)),
            ..ini("2", "B")
        };
        assert_eq!(
            deadline_state(&undated, d(2025, 1, 1)),
            Done { on_time: None }
        );
        let no_deadline = Initiative {
            deadline: None,
            ..on_deadline.clone()
        };
        assert_eq!(
            deadline_state(&no_deadline, d(2025, 1, 1)),
            Done { on_time: None }
        );
    }

    #[test]
    fn period_deadline_counts_like_a_date() {
        // Køge's initiatives without a deadline date but with the period 2019–2020.
        let mut i = with_status(InitiativeStatus::InProgress, d(2019, 1, 1));
        i.deadline = None;
        i.period = "2019–2020".into();
        assert_eq!(
            deadline_state(&i, d(2020, 12, 31)),
            DeadlineState::Upcoming { days_left: 0 }
        );
        assert!(deadline_state(&i, d(2021, 1, 1)).is_overdue());
        i.period = "Løbende".into();
        assert_eq!(deadline_state(&i, d(2030, 1, 1)), DeadlineState::NoDeadline);
    }
}
