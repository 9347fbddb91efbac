//! Every key figure against values computed by hand (the sums are written out next to each assertion).

use super::casework::{caseload_series, standing, Standing};
use super::meetings::{meeting_figures, window};
use super::moves::{move_figures, StepFlow};
use super::notices::Notice;
use super::plan::{indicator_figure, plan_figures, Track};
use super::series::{series, LeftOut};
use super::*;
use crate::model::follow_up::YearMonth;
use crate::model::{
    ActionItem, CaseloadBand, CostPeriod, Id, Indicator, IndicatorValue, Initiative,
    InitiativeStatus, Intervention, Measurement, MeasurementKind, Meeting, MeetingStatus,
    MeetingType, MonthlyTarget, StatusNote, Step, StepCategory, StepMove, Workspace,
};
use chrono::{NaiveDate, TimeZone, Utc};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const TODAY: (i32, u32, u32) = (2026, 12, 2);

fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

struct Fixture {
    ws: Workspace,
    universal: Id,
    preventive: Id,
    placement: Id,
    treatment: Id,
    open: Id,
    residential: Id,
}

fn iv(name: &str, cost: Option<i64>, period: CostPeriod, referral: bool) -> Intervention {
    Intervention {
        name: name.into(),
        unit_cost: cost,
        cost_period: period,
        referral_required: referral,
        ..Intervention::default()
    }
}

/// Three steps. Universal: counted as a whole at 1.000 kr. a year. Preventive: family treatment at
/// 10.000 kr. a month (120.000 a year, referred) and open counselling without a price. Placement:
/// residential care at 1.000.000 kr. a year (referred).
fn fixture() -> Fixture {
    let mut ws = Workspace::new("Test");
    let treatment = iv(
        "Familiebehandling",
        Some(10_000),
        CostPeriod::PerMonth,
        true,
    );
    let open = iv("Åben rådgivning", None, CostPeriod::PerYear, false);
    let residential = iv(
        "Døgninstitution",
        Some(1_000_000),
        CostPeriod::PerYear,
        true,
    );
    let (t, o, r) = (treatment.id, open.id, residential.id);
    let step = |name: &str, category, cost, interventions| Step {
        name: name.into(),
        category,
        yearly_cost_per_child: cost,
        interventions,
        ..Step::default()
    };
    ws.staircase.steps = vec![
        step(
            "1. Almene tilbud",
            StepCategory::Universal,
            Some(1_000),
            vec![],
        ),
        step(
            "2. Forebyggelse",
            StepCategory::Preventive,
            None,
            vec![treatment, open],
        ),
        step(
            "3. Anbringelse",
            StepCategory::Placement,
            None,
            vec![residential],
        ),
    ];
    let ids: Vec<Id> = ws.staircase.steps.iter().map(|s| s.id).collect();
    Fixture {
        ws,
        universal: ids[0],
        preventive: ids[1],
        placement: ids[2],
        treatment: t,
        open: o,
        residential: r,
    }
}

fn measurement(
    f: &Fixture,
    name: &str,
    kind: MeasurementKind,
    date: Option<NaiveDate>,
    counts: [u32; 4],
    caseworkers: Option<u32>,
) -> Measurement {
    let mut m = Measurement {
        name: name.into(),
        kind,
        date,
        caseworkers,
        ..Measurement::default()
    };
    m.per_step.insert(f.universal, counts[0]);
    m.per_intervention.insert(f.treatment, counts[1]);
    m.per_intervention.insert(f.open, counts[2]);
    m.per_intervention.insert(f.residential, counts[3]);
    m.per_step.retain(|_, n| *n > 0);
    m.per_intervention.retain(|_, n| *n > 0);
    m
}

/// Status 2018 listed before the baseline, a target, a scenario and an undated measurement.
fn with_measurements() -> Fixture {
    let mut f = fixture();
    let mut status = measurement(
        &f,
        "Status 2018",
        MeasurementKind::Actual,
        Some(d(2018, 1, 1)),
        [100, 20, 5, 6],
        Some(2),
    );
    status.moves = vec![
        StepMove {
            from: f.placement,
            to: f.preventive,
            children: 4,
        },
        StepMove {
            from: f.preventive,
            to: f.placement,
            children: 1,
        },
        StepMove {
            from: f.universal,
            to: f.preventive,
            children: 3,
        },
    ];
    let ms = vec![
        status,
        measurement(
            &f,
            "Baseline 2016",
            MeasurementKind::Baseline,
            Some(d(2016, 1, 1)),
            [100, 10, 5, 10],
            Some(1),
        ),
        measurement(
            &f,
            "Mål 2020",
            MeasurementKind::Target,
            Some(d(2020, 12, 31)),
            [100, 30, 5, 4],
            None,
        ),
        measurement(
            &f,
            "Hvis flere får familiebehandling",
            MeasurementKind::Scenario,
            Some(d(2019, 1, 1)),
            [0, 40, 0, 2],
            None,
        ),
        measurement(
            &f,
            "Uden dato",
            MeasurementKind::Actual,
            None,
            [1, 1, 1, 1],
            None,
        ),
    ];
    f.ws.staircase.measurements = ms;
    f
}

#[test]
fn series_is_in_date_order_without_scenarios_and_undated() {
    let f = with_measurements();
    let s = series(&f.ws.staircase);
    let names: Vec<&str> = s.points.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Baseline 2016", "Status 2018", "Mål 2020"]);
    assert_eq!(s.baseline, Some(0));
    assert!(!s.baseline_assumed);
    assert_eq!(s.latest().unwrap().name, "Status 2018");
    assert_eq!(s.next_target().unwrap().name, "Mål 2020");
    let why: Vec<(&str, LeftOut)> = s
        .left_out
        .iter()
        .map(|(_, n, w)| (n.as_str(), *w))
        .collect();
    assert_eq!(
        why,
        [
            ("Hvis flere får familiebehandling", LeftOut::Scenario),
            ("Uden dato", LeftOut::Undated)
        ]
    );
}

#[test]
fn children_and_spend_per_step_with_shares() {
    let f = with_measurements();
    let s = series(&f.ws.staircase);
    let base = &s.points[0];
    // Children: 100 universal, 10 + 5 preventive, 10 placement = 125.
    let children: Vec<i64> = base.steps.iter().map(|x| x.children).collect();
    assert_eq!(children, [100, 15, 10]);
    assert_eq!(base.totals.children, 125);
    // Spend: 100 × 1.000 = 100.000; 10 × 120.000 = 1.200.000 (5 without a price); 10 × 1.000.000.
    let spend: Vec<i64> = base.steps.iter().map(|x| x.yearly_spend).collect();
    assert_eq!(spend, [100_000, 1_200_000, 10_000_000]);
    assert_eq!(base.totals.yearly_spend, 11_300_000);
    assert_eq!(base.totals.children_without_cost, 5);
    assert_eq!(base.children_share(0), Some(100.0 / 125.0));
    assert_eq!(base.children_share(2), Some(0.08));
    assert_eq!(base.spend_share(2), Some(10_000_000.0 / 11_300_000.0));
    assert_eq!(base.split.placement_children_share(), Some(0.08));
    assert_eq!(base.split.preventive_spend, 1_200_000);
    assert_eq!(base.children_share(3), None);
}

#[test]
fn change_against_the_baseline() {
    let f = with_measurements();
    let s = series(&f.ws.staircase);
    let now = s.latest().unwrap();
    // Status 2018: 100 + 25 + 6 = 131 children; 100.000 + 20 × 120.000 + 6 × 1.000.000 = 8.500.000 kr.
    assert_eq!(now.totals.children, 131);
    assert_eq!(now.totals.yearly_spend, 8_500_000);
    let delta = s.since_baseline(now).unwrap();
    assert_eq!(delta.children, 6);
    assert_eq!(delta.spend, -2_800_000);
    assert_eq!(delta.placement_children, -4);
    assert_eq!(delta.placement_spend, -4_000_000);
    assert_eq!(delta.preventive_children, 10);
    assert_eq!(delta.preventive_spend, 1_200_000);
    // 6/131 = 4,58 % (shown 4,6 %) against 10/125 = 8,0 %: −3,4 percentage points, as shown.
    let points = delta.placement_children_points.unwrap();
    assert!((points + 3.4).abs() < 1e-9, "{points}");
}

#[test]
fn without_a_marked_baseline_the_oldest_stands_in() {
    let mut f = with_measurements();
    for m in &mut f.ws.staircase.measurements {
        if m.kind == MeasurementKind::Baseline {
            m.kind = MeasurementKind::Actual;
        }
    }
    let k = key_figures(&f.ws, today());
    assert_eq!(k.series.baseline().unwrap().name, "Baseline 2016");
    assert!(k.series.baseline_assumed);
    assert!(k
        .notices
        .iter()
        .any(|n| matches!(n, Notice::BaselineAssumed { name, .. } if name == "Baseline 2016")));
}

#[test]
fn moves_down_against_up_and_net_flow_per_step() {
    let f = with_measurements();
    let m = &f.ws.staircase.measurements[0];
    let moves = move_figures(&f.ws.staircase, m);
    // Down: placement → preventive 4. Up: preventive → placement 1, universal → preventive 3.
    assert_eq!((moves.down, moves.up, moves.recorded), (4, 4, 3));
    assert_eq!(moves.children(), 8);
    let flow = |step_id, moved_in, moved_out| StepFlow {
        step_id,
        moved_in,
        moved_out,
    };
    assert_eq!(
        moves.flows,
        [
            flow(f.universal, 0, 3),
            flow(f.preventive, 7, 1),
            flow(f.placement, 1, 4)
        ]
    );
    let nets: Vec<i64> = moves.flows.iter().map(StepFlow::net).collect();
    assert_eq!(nets, [-3, 6, -3]);
    // Net flows always sum to zero: moves only move children between steps.
    assert_eq!(nets.iter().sum::<i64>(), 0);
}

#[test]
fn moves_naming_an_unknown_step_are_not_counted() {
    let f = with_measurements();
    let mut m = f.ws.staircase.measurements[0].clone();
    m.moves.push(StepMove {
        from: crate::model::new_id(),
        to: f.universal,
        children: 50,
    });
    let moves = move_figures(&f.ws.staircase, &m);
    assert_eq!((moves.down, moves.up), (4, 4));
}

#[test]
fn caseload_against_the_band() {
    let f = with_measurements();
    let s = series(&f.ws.staircase);
    let band = CaseloadBand { min: 15, max: 22 };
    let points = caseload_series(&s, Some(band));
    // Baseline: referred 10 + 10 = 20 children (not the 100 universal, not the 5 in open counselling) on 1.
    assert_eq!(points[0].casework_children, 20);
    assert_eq!(points[0].load, Some(20.0));
    assert_eq!(points[0].standing, Some(Standing::Within));
    // Status 2018: 20 + 6 = 26 on 2 caseworkers = 13.
    assert_eq!(points[1].load, Some(13.0));
    assert_eq!(points[1].standing, Some(Standing::Below));
    // The target has no caseworkers: no load and no standing, not 0.
    assert_eq!((points[2].load, points[2].standing), (None, None));
    assert_eq!(caseload_series(&s, None)[0].standing, None);
    // Compared as shown to one decimal: 25,04 shows as 25,0 and is within 22–25; 25,06 shows as 25,1.
    let herning = CaseloadBand { min: 22, max: 25 };
    assert_eq!(standing(25.04, herning), Standing::Within);
    assert_eq!(standing(25.06, herning), Standing::Above);
    assert_eq!(standing(21.96, herning), Standing::Within);
    assert_eq!(standing(21.94, herning), Standing::Below);
}

fn meeting(t: MeetingType, date: Option<NaiveDate>, status: MeetingStatus) -> Meeting {
    Meeting {
        meeting_type: t,
        date,
        status,
        case_ref: "A".into(),
        ..Meeting::default()
    }
}

#[test]
fn meetings_held_per_month_against_the_target_over_twelve_whole_months() {
    let mut f = fixture();
    let fgc = MeetingType::FamilyGroupConference;
    f.ws.follow_up.monthly_targets = vec![MonthlyTarget {
        meeting_type: fgc.clone(),
        min: 1,
        max: 2,
    }];
    f.ws.meetings = vec![
        meeting(fgc.clone(), Some(d(2026, 11, 10)), MeetingStatus::Held),
        meeting(fgc.clone(), Some(d(2026, 11, 20)), MeetingStatus::Held),
        meeting(fgc.clone(), Some(d(2026, 1, 5)), MeetingStatus::FollowedUp),
        // Not held: planned and cancelled meetings do not count.
        meeting(fgc.clone(), Some(d(2026, 11, 25)), MeetingStatus::Planned),
        meeting(fgc.clone(), Some(d(2026, 10, 1)), MeetingStatus::Cancelled),
        // This month is not over yet, and November 2025 is before the window.
        meeting(
            MeetingType::Interdisciplinary,
            Some(d(2026, 12, 1)),
            MeetingStatus::Held,
        ),
        meeting(
            fgc.clone(),
            Some(d(2025, 11, 30)),
            MeetingStatus::FollowedUp,
        ),
        meeting(
            MeetingType::Interdisciplinary,
            Some(d(2026, 3, 3)),
            MeetingStatus::Held,
        ),
        meeting(fgc.clone(), None, MeetingStatus::Held),
    ];
    let m = meeting_figures(&f.ws, today());
    assert_eq!(m.window.from, YearMonth::new(2025, 12));
    assert_eq!(m.window.to, YearMonth::new(2026, 11));
    assert!(!m.window.ends_early);
    assert_eq!(m.held_per_month.len(), 12);
    // Held in the window: 10 and 20 November, 5 January (conferences), 3 March (interdisciplinary).
    assert_eq!(m.held(), 4);
    assert!((m.average_per_month() - 4.0 / 12.0).abs() < 1e-12);
    let t = &m.targets[0];
    assert_eq!(t.held(), 3);
    assert!((t.average() - 0.25).abs() < 1e-12);
    // January (1) and November (2) are within 1–2; the ten other months are below.
    assert_eq!((t.within, t.below, t.above), (2, 10, 0));
    assert_eq!(t.months[10], (YearMonth::new(2026, 10), 0));
    assert_eq!(t.months[11], (YearMonth::new(2026, 11), 2));
    assert_eq!((m.meetings, m.undated), (9, 1));
}

#[test]
fn an_old_file_counts_the_twelve_months_up_to_its_newest_meeting() {
    let mut f = fixture();
    f.ws.meetings = vec![
        meeting(
            MeetingType::FamilyGroupConference,
            Some(d(2019, 5, 8)),
            MeetingStatus::Held,
        ),
        meeting(
            MeetingType::FamilyGroupConference,
            Some(d(2018, 6, 1)),
            MeetingStatus::Held,
        ),
        meeting(
            MeetingType::FamilyGroupConference,
            Some(d(2018, 5, 31)),
            MeetingStatus::Held,
        ),
    ];
    let w = window(&f.ws, today());
    assert_eq!(
        (w.from, w.to, w.ends_early),
        (YearMonth::new(2018, 6), YearMonth::new(2019, 5), true)
    );
    let m = meeting_figures(&f.ws, today());
    assert_eq!(m.held(), 2);
    let k = key_figures(&f.ws, today());
    assert!(k.notices.contains(&Notice::MeetingsEndEarly));
}

#[test]
fn overdue_follow_ups_and_open_action_items() {
    let mut f = fixture();
    let item = |due: Option<NaiveDate>, done: bool| ActionItem {
        what: "Ring til skolen".into(),
        due,
        done,
        ..ActionItem::default()
    };
    let mut overdue = meeting(
        MeetingType::FamilyGroupConference,
        Some(d(2026, 10, 1)),
        MeetingStatus::Held,
    );
    overdue.follow_up_date = Some(d(2026, 11, 1));
    overdue.action_items = vec![
        item(Some(d(2026, 11, 15)), false),
        item(None, false),
        item(None, true),
    ];
    let mut soon = meeting(
        MeetingType::FamilyGroupConference,
        Some(d(2026, 11, 1)),
        MeetingStatus::Held,
    );
    soon.follow_up_date = Some(d(2026, 12, 10));
    let mut cancelled = meeting(
        MeetingType::FamilyGroupConference,
        Some(d(2026, 9, 1)),
        MeetingStatus::Cancelled,
    );
    cancelled.follow_up_date = Some(d(2026, 10, 1));
    cancelled.action_items = vec![item(Some(d(2026, 10, 1)), false)];
    f.ws.meetings = vec![overdue, soon, cancelled];
    let m = meeting_figures(&f.ws, today());
    // Only the held meeting's follow-up of 1 November is overdue; 10 December is still ahead.
    assert_eq!(m.overdue_follow_ups, 1);
    // Two open items in the held meeting (one overdue); the cancelled meeting's item does not count.
    assert_eq!((m.open_action_items, m.overdue_action_items), (2, 1));
}

#[test]
fn plan_by_status_stale_overdue_and_indicator_tracks() {
    let mut f = fixture();
    let long_ago = Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap();
    let note = |date, status| StatusNote {
        date: Some(date),
        status: Some(status),
        text: "Status".into(),
        ..StatusNote::default()
    };
    f.ws.plan.stale_after_days = 60;
    f.ws.plan.initiatives = vec![
        // In progress with a note 12 days ago, but its deadline has passed: overdue, not stale.
        Initiative {
            number: "1".into(),
            title: "Flere netværksrådslagninger".into(),
            deadline: Some(d(2026, 6, 30)),
            history: vec![note(d(2026, 11, 20), InitiativeStatus::InProgress)],
            created_at: long_ago,
            ..Initiative::default()
        },
        Initiative {
            number: "2".into(),
            title: "Færre sager pr. rådgiver".into(),
            history: vec![note(d(2026, 3, 1), InitiativeStatus::Done)],
            created_at: long_ago,
            ..Initiative::default()
        },
        // Nothing written since it was created 11 months ago: stale.
        Initiative {
            number: "3".into(),
            title: "Ny visitation".into(),
            created_at: long_ago,
            ..Initiative::default()
        },
    ];
    let indicator = |name: &str, values: Vec<(NaiveDate, f64)>| Indicator {
        name: name.into(),
        baseline: Some(100.0),
        baseline_date: Some(d(2026, 1, 1)),
        target: Some(80.0),
        target_date: Some(d(2027, 1, 1)),
        values: values
            .into_iter()
            .map(|(date, value)| IndicatorValue {
                date: Some(date),
                value,
                ..IndicatorValue::default()
            })
            .collect(),
        ..Indicator::default()
    };
    f.ws.plan.indicators = vec![
        // 1 July 2026 is 181 of 365 days in: expected 181/365 = 0,496 of the way; 88 is 12/20 = 0,6.
        indicator("Anbragte børn", vec![(d(2026, 7, 1), 88.0)]),
        // 95 is 5/20 = 0,25: behind the time line.
        indicator("Sager pr. rådgiver", vec![(d(2026, 7, 1), 95.0)]),
        indicator("Nået", vec![(d(2026, 7, 1), 79.0)]),
        Indicator {
            name: "Uden mål".into(),
            baseline: Some(1.0),
            ..Indicator::default()
        },
    ];
    let p = plan_figures(&f.ws.plan, today());
    assert_eq!(p.initiatives, 3);
    assert_eq!(p.count(InitiativeStatus::InProgress), 1);
    assert_eq!(p.count(InitiativeStatus::Done), 1);
    assert_eq!(p.count(InitiativeStatus::NotStarted), 1);
    assert_eq!((p.stale, p.overdue), (1, 1));
    let tracks: Vec<Track> = p.indicators.iter().map(|i| i.track).collect();
    assert_eq!(
        tracks,
        [
            Track::OnTrack,
            Track::OffTrack,
            Track::Reached,
            Track::Unknown
        ]
    );
    let first = &p.indicators[0];
    assert!((first.progress.unwrap() - 0.6).abs() < 1e-12);
    assert!((first.expected.unwrap() - 181.0 / 365.0).abs() < 1e-12);
    assert_eq!(p.tracks(Track::Unknown), 1);
}

#[test]
fn an_indicator_without_dates_is_judged_by_its_direction() {
    let mut ind = Indicator {
        baseline: Some(100.0),
        target: Some(80.0),
        values: vec![IndicatorValue {
            date: Some(d(2026, 7, 1)),
            value: 90.0,
            ..IndicatorValue::default()
        }],
        ..Indicator::default()
    };
    let f = indicator_figure(&ind, today());
    assert_eq!((f.track, f.expected), (Track::OnTrack, None));
    ind.values[0].value = 105.0;
    assert_eq!(indicator_figure(&ind, today()).track, Track::OffTrack);
    // A value dated after today is not yet known.
    ind.values[0].date = Some(d(2027, 1, 1));
    assert_eq!(indicator_figure(&ind, today()).track, Track::Unknown);
}

#[test]
fn an_empty_workspace_says_what_is_missing_instead_of_zeros() {
    let ws = Workspace::new("Tom");
    let k = key_figures(&ws, today());
    assert!(k.series.is_empty());
    assert_eq!(k.series.latest(), None);
    assert_eq!(k.moves, None);
    assert!(k.caseload.is_empty());
    for n in [
        Notice::NoSteps,
        Notice::NoMeasurements,
        Notice::NoMeetings,
        Notice::NoInitiatives,
    ] {
        assert!(k.notices.contains(&n), "{n:?} in {:?}", k.notices);
    }
}

#[test]
fn a_single_measurement_has_no_development_and_no_moves_notice() {
    let mut f = fixture();
    f.ws.staircase.measurements = vec![measurement(
        &f,
        "Baseline 2016",
        MeasurementKind::Baseline,
        Some(d(2016, 1, 1)),
        [100, 10, 5, 10],
        None,
    )];
    let k = key_figures(&f.ws, today());
    assert_eq!(k.series.points.len(), 1);
    let latest = k.series.latest().unwrap();
    // The baseline against itself: no change.
    assert_eq!(k.series.since_baseline(latest).unwrap().children, 0);
    assert!(k.notices.contains(&Notice::OneMeasurement));
    assert!(k
        .notices
        .iter()
        .any(|n| matches!(n, Notice::NoCaseworkers { .. })));
    assert!(!k
        .notices
        .iter()
        .any(|n| matches!(n, Notice::NoMoves { .. })));
    assert_eq!(k.moves.unwrap().children(), 0);
}

#[test]
fn counts_that_disagree_are_named() {
    let mut f = with_measurements();
    // The baseline also counts 12 children on the preventive step as a whole, beside 15 per intervention.
    f.ws.staircase.measurements[1]
        .per_step
        .insert(f.preventive, 12);
    // Status 2018 says 11 children left the placement step, which held 10 at the baseline.
    f.ws.staircase.measurements[0].moves[0].children = 11;
    let k = key_figures(&f.ws, today());
    assert!(k.notices.contains(&Notice::StepCountedTwice {
        measurement: f.ws.staircase.measurements[1].id,
        name: "Baseline 2016".into(),
        step: f.preventive,
        step_name: "2. Forebyggelse".into(),
        step_count: 12,
        intervention_count: 15,
    }));
    assert!(k.notices.contains(&Notice::MovesExceedStep {
        measurement: f.ws.staircase.measurements[0].id,
        name: "Status 2018".into(),
        step: f.placement,
        step_name: "3. Anbringelse".into(),
        moved_out: 11,
        before: 10,
        before_name: "Baseline 2016".into(),
    }));
    // The undated measurement, the scenario, children without a price and the missing band are named too.
    assert!(k
        .notices
        .iter()
        .any(|n| matches!(n, Notice::Undated { name, .. } if name == "Uden dato")));
    assert!(k.notices.contains(&Notice::ScenariosLeftOut { count: 1 }));
    assert!(k
        .notices
        .iter()
        .any(|n| matches!(n, Notice::ChildrenWithoutCost { children: 5, .. })));
    assert!(k.notices.contains(&Notice::NoCaseloadBand));
}

#[test]
fn the_built_in_example_has_figures_for_every_part() {
    let ws = crate::examples::build("socialstyrelsen-trappe").unwrap();
    let k = key_figures(&ws, today());
    assert!(k.series.points.len() >= 2);
    assert!(k.series.baseline().is_some());
    // The example's caseload is 30 children per caseworker at the baseline, as its note says.
    let base = &k.caseload[0];
    assert!((base.load.unwrap() - 30.0).abs() < 1.0, "{:?}", base.load);
    assert!(k.meetings.meetings > 0);
}

#[test]
fn the_committee_summary_says_the_hand_computed_figures() {
    let mut f = with_measurements();
    f.ws.follow_up.caseload_band = Some(CaseloadBand { min: 15, max: 22 });
    f.ws.follow_up.monthly_targets = vec![MonthlyTarget {
        meeting_type: MeetingType::FamilyGroupConference,
        min: 1,
        max: 2,
    }];
    f.ws.meetings = vec![
        meeting(
            MeetingType::FamilyGroupConference,
            Some(d(2026, 11, 10)),
            MeetingStatus::FollowedUp,
        ),
        meeting(
            MeetingType::FamilyGroupConference,
            Some(d(2026, 1, 10)),
            MeetingStatus::FollowedUp,
        ),
    ];
    let k = key_figures(&f.ws, today());
    let text = crate::text::overview::summary(&k, f.ws.follow_up.caseload_band);
    assert_eq!(
        text,
        [
            // 10 of 125 = 8,0 %; 6 of 131 = 4,58 % → 4,6 %.
            "Fra «Baseline 2016» til «Status 2018» faldt andelen af børnene, der er anbragt, fra 8,0 % til 4,6 % (10 børn mod 6 børn).",
            // Placement 10 × 1.000.000 → 6 × 1.000.000; prevention 10 × 120.000 → 20 × 120.000.
            "Den årlige udgift til anbringelser faldt fra 10,0 mio. kr. til 6,0 mio. kr. i samme periode, mens udgiften til forebyggelse steg fra 1,2 mio. kr. til 2,4 mio. kr.",
            "Lige mange børn flyttede ned og op ad trappen i perioden frem til «Status 2018»: 4 børn ned og 4 børn op.",
            // 20 / 1 → 26 / 2.
            "Fra «Baseline 2016» til «Status 2018» faldt antallet af børn pr. sagsbehandler fra 20,0 til 13,0. Målet er 15–22 børn pr. sagsbehandler.",
            // 2 conferences in 12 months = 0,17 → 0,2; January and November within 1–2.
            "Der blev i snit holdt 0,2 møder af typen familierådslagning om måneden i december 2025 – november 2026. Målet er 1–2 om måneden, og 2 af 12 måneder lå inden for.",
        ]
    );
}

#[test]
fn a_difference_of_shares_adds_up_with_the_shares_as_shown() {
    use super::{share_points, shown_percent};
    // 13,24 % and 19,55 %: shown 13,2 % and 19,6 % (half away from zero), 6,4 between them.
    assert_eq!(shown_percent(0.1324), 13.2);
    assert_eq!(shown_percent(0.19549), 19.5);
    assert_eq!(share_points(Some(0.1324), Some(0.19549)), Some(6.3));
    assert_eq!(share_points(Some(0.19549), Some(0.1324)), Some(-6.3));
    assert_eq!(share_points(None, Some(0.1)), None);
    // 0,125 is 12,5 %; 1/8 exactly, rounded half away from zero at the second decimal: 0,0125 → 1,3 %.
    assert_eq!(shown_percent(0.0125), 1.3);
}

#[test]
fn the_plan_sentence_names_statuses_apart_from_deadlines_passed() {
    use crate::model::{ActionPlan, Initiative, InitiativeStatus};
    let ini = |status, deadline| Initiative {
        title: "x".into(),
        status,
        deadline,
        ..Initiative::default()
    };
    let plan = ActionPlan {
        stale_after_days: 0,
        initiatives: vec![
            ini(InitiativeStatus::Done, Some(d(2026, 1, 1))),
            // Status «Forsinket», deadline still ahead: delayed, not overdue.
            ini(InitiativeStatus::Delayed, Some(d(2027, 6, 1))),
            // Status «I gang», deadline passed: overdue, not «Forsinket».
            ini(InitiativeStatus::InProgress, Some(d(2026, 3, 1))),
            ini(InitiativeStatus::NotStarted, None),
        ],
        ..ActionPlan::default()
    };
    let mut k = key_figures(&Workspace::new("x"), today());
    k.plan = super::plan::plan_figures(&plan, today());
    assert_eq!(k.plan.overdue, 1);
    assert_eq!(k.plan.count(InitiativeStatus::Delayed), 1);
    let text = crate::text::overview::summary(&k, None);
    assert_eq!(
        text,
        [
            "Af handleplanens 4 initiativer har 1 status «Ikke startet», 1 «I gang», 1 «Forsinket» og 1 «Afsluttet».",
            "1 har overskredet fristen uden at være afsluttet.",
        ]
    );
    assert_eq!(
        crate::text::overview::tile_delayed_overdue(1, 1),
        "1 med status «Forsinket», 1 har overskredet fristen uden at være afsluttet"
    );
}

#[test]
fn moves_are_read_from_the_newest_measurement_that_has_them_or_the_chosen_one() {
    use super::{key_figures_with, Choices};
    use crate::model::StepMove;
    let mut f = fixture();
    let base = measurement(
        &f,
        "Baseline 2016",
        MeasurementKind::Baseline,
        Some(d(2016, 1, 1)),
        [1, 1, 1, 1],
        None,
    );
    let mut target = measurement(
        &f,
        "Mål 2020",
        MeasurementKind::Target,
        Some(d(2020, 12, 31)),
        [1, 1, 1, 1],
        None,
    );
    target.moves = vec![StepMove {
        from: f.placement,
        to: f.preventive,
        children: 7,
    }];
    let (base_id, target_id) = (base.id, target.id);
    f.ws.staircase.measurements = vec![base, target];
    // The latest measurement that is not a target is the baseline, which has no moves: the target's
    // seven moves are shown, named as its own, and no notice says there are none.
    let k = key_figures(&f.ws, today());
    assert_eq!(k.moves_from, Some((target_id, "Mål 2020".into())));
    assert_eq!(k.moves.as_ref().unwrap().down, 7);
    assert!(!k
        .notices
        .iter()
        .any(|n| matches!(n, super::notices::Notice::NoMoves { .. })));
    assert!(crate::text::overview::summary(&k, None)
        .iter()
        .any(|s| s.contains("frem til «Mål 2020»: 7 børn ned og 0 børn op")));
    // Chosen: the baseline (no moves, and no notice for a baseline); a measurement not on the time line
    // falls back to the default.
    let k = key_figures_with(
        &f.ws,
        today(),
        Choices {
            moves: Some(base_id),
        },
    );
    assert_eq!(k.moves_from.as_ref().map(|m| m.0), Some(base_id));
    assert_eq!(k.moves.as_ref().unwrap().children(), 0);
    let k = key_figures_with(
        &f.ws,
        today(),
        Choices {
            moves: Some(crate::model::new_id()),
        },
    );
    assert_eq!(k.moves_from.as_ref().map(|m| m.0), Some(target_id));
}
