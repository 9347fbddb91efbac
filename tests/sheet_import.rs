//! Bringing in a spreadsheet: the header found under a title, columns matched from Danish headers, cells read
//! as Danes write them, every unreadable row named, nothing imported twice, and Trappe's own CSV exports read
//! back into the same records. Native (the examples' files are read from the source tree).
#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, NaiveTime};
use std::collections::BTreeMap;
use trappe::model::commands::apply;
use trappe::model::{InitiativeStatus, MeetingStatus, MeetingType, Workspace};
use trappe::output::meetings_csv::{meetings_csv_on, CsvRows};
use trappe::output::plan_csv::initiatives_csv;
use trappe::output::sheet_rejects::rejected_rows_csv;
use trappe::sheet_import::cells::ValueProblem;
use trappe::sheet_import::fields::{suggest, to_remember, Field, Kind};
use trappe::sheet_import::preview::{preview, Chosen, Outcome, RowProblem, ValueChoices};
use trappe::spreadsheet::{Cell, Sheet};
use trappe::text::sheet_import::cell_problem;

/// A cell as a CSV reader gives it: text, or empty.
fn text_cell(c: &str) -> Cell {
    if c.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(c.into())
    }
}

/// A sheet from `;`-separated lines; every cell text, as a CSV reader gives it.
fn sheet(lines: &[&str]) -> Sheet {
    Sheet {
        name: "Ark1".into(),
        rows: lines
            .iter()
            .map(|l| {
                if l.is_empty() {
                    return Vec::new();
                }
                l.split(';').map(text_cell).collect()
            })
            .collect(),
    }
}

/// A sheet from a CSV file as Trappe writes it (BOM, `;`, quoted multi-line cells).
fn sheet_of_csv(bytes: &[u8]) -> Sheet {
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(bytes);
    let rows = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(text_cell).collect())
        .collect();
    Sheet {
        name: "csv".into(),
        rows,
    }
}

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

const MEETINGS: &[&str] = &[
    "Netværksmøder 2024;;;;;",
    "",
    "Udtræk fra fagsystemet;;;;;",
    "",
    "Mødedato;Sagsnr.;Mødetype;Status;Aftaler;Bemærkning ingen kender",
    "08.05.2024;S-101;Familierådslagning;Afholdt;Mor ringer til skolen;x",
    "8. maj 2024;S-102;FRL;Planlagt;;",
    ";;;;;",
    "45420;S-103;Netværksmøde;Aflyst;;",
    "31.04.2024;S-104;Familierådslagning;Afholdt;;",
    "09-05-2024;S-105;Familieraadslagning;Afhodlt;;",
    "10/5 2024;S-106;;Planlagt;;",
    "08.05.2024;S-101;Familierådslagning;Afholdt;Mor ringer til skolen;x",
];

#[test]
fn the_header_is_found_under_a_title_and_each_column_is_matched_from_its_danish_header() {
    let s = sheet(MEETINGS);
    let m = suggest(Kind::Meetings, &s, &BTreeMap::new()).expect("a header row");
    assert_eq!(
        m.header_row, 4,
        "row 5, under the title, a line and empty rows"
    );
    assert_eq!(
        m.columns,
        vec![
            Some(Field::Date),
            Some(Field::CaseRef),
            Some(Field::MeetingType),
            Some(Field::MeetingStatus),
            Some(Field::Decisions),
            None
        ]
    );
    // A remembered choice wins over the guess: next month's file keeps last month's answer.
    let mut changed = m.clone();
    changed.columns[4] = None;
    changed.columns[5] = Some(Field::Notes);
    let remembered = to_remember(&s, &changed);
    assert_eq!(suggest(Kind::Meetings, &s, &remembered), Some(changed));
}

#[test]
fn every_row_is_read_as_a_dane_writes_it_and_every_unreadable_row_is_named() {
    let s = sheet(MEETINGS);
    let mapping = suggest(Kind::Meetings, &s, &BTreeMap::new()).unwrap();
    let ws = Workspace::new("Tom");
    let p = preview(&ws, Kind::Meetings, &s, &mapping, &ValueChoices::new());
    let rows: Vec<usize> = p.rows.iter().map(|r| r.row).collect();
    assert_eq!(
        rows,
        vec![6, 7, 9, 10, 11, 12, 13],
        "the empty row 8 is no record"
    );

    let meeting = |row: usize| match &p.rows.iter().find(|r| r.row == row).unwrap().outcome {
        Outcome::New(trappe::model::record::Record::Meeting(m)) => m.clone(),
        other => panic!("row {row}: {other:?}"),
    };
    assert_eq!(meeting(6).date, d(2024, 5, 8));
    assert_eq!(meeting(6).meeting_type, MeetingType::FamilyGroupConference);
    assert_eq!(meeting(6).status, MeetingStatus::Held);
    assert_eq!(meeting(6).decisions, "Mor ringer til skolen");
    assert_eq!(meeting(6).case_ref, "S-101");
    assert_eq!(meeting(7).date, d(2024, 5, 8), "«8. maj 2024»");
    assert_eq!(
        meeting(7).meeting_type,
        MeetingType::FamilyGroupConference,
        "«FRL»"
    );
    assert_eq!(meeting(9).date, d(2024, 5, 8), "Excel's serial 45420");
    assert_eq!(
        meeting(9).meeting_type,
        MeetingType::InvolvingNetworkMeeting
    );
    assert_eq!(meeting(9).status, MeetingStatus::Cancelled);

    // 31.04.2024 does not exist: the row is named with its column and the reason.
    let Outcome::Unreadable(problems) = &p.rows[3].outcome else {
        panic!("{:?}", p.rows[3]);
    };
    assert_eq!(problems.len(), 1);
    let headers = trappe::sheet_import::fields::headers(&s, mapping.header_row);
    assert_eq!(
        cell_problem(&problems[0], &headers),
        "Kolonne A (Mødedato): Datoen «31.04.2024» findes ikke. Ret dagen eller måneden."
    );

    // A misspelt type stays visibly unknown, with the closest offered; a misspelt status refuses the row.
    let Outcome::Unreadable(problems) = &p.rows[4].outcome else {
        panic!("{:?}", p.rows[4]);
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(matches!(
        &problems[0].problem,
        RowProblem::Value(ValueProblem::UnknownStatus { found, close: Some(c) }) if found == "Afhodlt" && c == "Afholdt"
    ));
    let types: Vec<(&str, Option<&str>)> = p
        .unknown
        .iter()
        .map(|u| (u.found.as_str(), u.close.as_deref()))
        .collect();
    assert_eq!(
        types,
        vec![
            ("Familieraadslagning", Some("Familierådslagning")),
            ("Afhodlt", Some("Afholdt"))
        ]
    );
    // An empty type is a missing value, never the default type.
    let Outcome::Unreadable(problems) = &p.rows[5].outcome else {
        panic!("{:?}", p.rows[5]);
    };
    assert_eq!(
        problems[0].problem,
        RowProblem::Value(ValueProblem::Missing)
    );
    // The same meeting twice in the sheet is brought in once.
    assert_eq!(p.rows[6].outcome, Outcome::Repeats(6));

    assert_eq!(
        (p.new_rows(), p.existing_rows(), p.unreadable_rows()),
        (3, 1, 3)
    );

    // The user takes the offered names: the rows read.
    let mut choices = ValueChoices::new();
    choices.insert(
        (Field::MeetingType, "familieraadslagning".into()),
        Chosen::Name("Familierådslagning".into()),
    );
    choices.insert(
        (Field::MeetingStatus, "afhodlt".into()),
        Chosen::Name("Afholdt".into()),
    );
    let p = preview(&ws, Kind::Meetings, &s, &mapping, &choices);
    assert_eq!(
        meeting_in(&p, 11).meeting_type,
        MeetingType::FamilyGroupConference
    );
    assert_eq!(meeting_in(&p, 11).status, MeetingStatus::Held);
    assert_eq!(
        p.unknown.len(),
        2,
        "still listed, with the user's choice beside them"
    );
}

fn meeting_in(p: &trappe::sheet_import::preview::Preview, row: usize) -> trappe::model::Meeting {
    match &p.rows.iter().find(|r| r.row == row).unwrap().outcome {
        Outcome::New(trappe::model::record::Record::Meeting(m)) => m.clone(),
        other => panic!("row {row}: {other:?}"),
    }
}

#[test]
fn a_misspelt_type_nobody_corrects_is_imported_as_unknown_not_as_a_default() {
    let s = sheet(&["Dato;Type", "01.02.2024;Netvarksmode"]);
    let mapping = suggest(Kind::Meetings, &s, &BTreeMap::new()).unwrap();
    let p = preview(
        &Workspace::new("T"),
        Kind::Meetings,
        &s,
        &mapping,
        &ValueChoices::new(),
    );
    assert_eq!(
        meeting_in(&p, 2).meeting_type,
        MeetingType::Unknown("Netvarksmode".into())
    );
    assert_eq!(
        p.unknown[0].close.as_deref(),
        Some("Inddragende netværksmøde")
    );
}

#[test]
fn importing_the_same_sheet_again_duplicates_nothing_and_updates_only_by_choice() {
    let s = sheet(MEETINGS);
    let mapping = suggest(Kind::Meetings, &s, &BTreeMap::new()).unwrap();
    let mut ws = Workspace::new("Tom");
    let p = preview(&ws, Kind::Meetings, &s, &mapping, &ValueChoices::new());
    apply(&mut ws, p.command(false).expect("rows to import")).expect("the model takes them");
    assert_eq!(ws.meetings.len(), 3);

    let again = preview(&ws, Kind::Meetings, &s, &mapping, &ValueChoices::new());
    assert_eq!(
        (
            again.new_rows(),
            again.existing_rows(),
            again.changed_rows()
        ),
        (0, 4, 0)
    );
    assert_eq!(again.command(true), None, "nothing new, nothing changed");

    // Next month's sheet has new agreements for S-101: shown as existing, updated only when asked.
    let mut next: Vec<&str> = MEETINGS.to_vec();
    next[5] = "08.05.2024;S-101;Familierådslagning;Fulgt op;Skolen holder møde i juni;x";
    next.pop();
    let s2 = sheet(&next);
    let p2 = preview(&ws, Kind::Meetings, &s2, &mapping, &ValueChoices::new());
    assert_eq!((p2.new_rows(), p2.changed_rows()), (0, 1));
    assert_eq!(p2.command(false), None);
    let before = ws
        .meetings
        .iter()
        .find(|m| m.case_ref == "S-101")
        .unwrap()
        .clone();
    apply(&mut ws, p2.command(true).unwrap()).unwrap();
    let after = ws.meetings.iter().find(|m| m.case_ref == "S-101").unwrap();
    assert_eq!(ws.meetings.len(), 3);
    assert_eq!(after.id, before.id);
    assert_eq!(after.decisions, "Skolen holder møde i juni");
    assert_eq!(after.status, MeetingStatus::FollowedUp);
}

#[test]
fn the_rows_that_cannot_be_read_come_back_as_a_csv_to_fix() {
    let s = sheet(MEETINGS);
    let mapping = suggest(Kind::Meetings, &s, &BTreeMap::new()).unwrap();
    let p = preview(
        &Workspace::new("T"),
        Kind::Meetings,
        &s,
        &mapping,
        &ValueChoices::new(),
    );
    let back = sheet_of_csv(&rejected_rows_csv(&s, &mapping, &p));
    assert_eq!(
        back.rows.len(),
        4,
        "the header and the three unreadable rows"
    );
    assert_eq!(
        trappe::sheet_import::cells::text(back.cell(0, 6)),
        "Hvad skal rettes"
    );
    assert_eq!(
        trappe::sheet_import::cells::text(back.cell(1, 0)),
        "31.04.2024"
    );
    assert!(trappe::sheet_import::cells::text(back.cell(1, 6)).contains("findes ikke"));
    assert_eq!(
        trappe::text::sheet_import::rejects_file_name("Møder 2024.xlsx"),
        "moeder-2024-rettes.csv",
        "plain ASCII, or a browser names it «download»"
    );
    // Fixed and read again, the file's header still maps; the reason column is skipped.
    let again = suggest(Kind::Meetings, &back, &BTreeMap::new()).unwrap();
    assert_eq!(again.columns[6], None);
}

#[test]
fn trappes_own_meetings_csv_reads_back_into_an_empty_workspace_as_the_same_meetings() {
    let source = trappe::examples::build("socialstyrelsen-trappe").unwrap();
    assert!(source.meetings.len() >= 5);
    let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    let s = sheet_of_csv(&meetings_csv_on(&source, CsvRows::PerMeeting, today));
    let mapping = suggest(Kind::Meetings, &s, &BTreeMap::new()).unwrap();
    assert_eq!(mapping.header_row, 0);
    let mut ws = Workspace::new("Tom");
    let p = preview(&ws, Kind::Meetings, &s, &mapping, &ValueChoices::new());
    assert_eq!(p.unreadable_rows(), 0, "{:?}", p.rows);
    // The example's own type is unknown to an empty workspace until the user says it is an own type.
    let own: Vec<&str> = p.unknown.iter().map(|u| u.found.as_str()).collect();
    assert_eq!(own, vec!["Overgangsmøde 17½ år"]);
    let mut choices = ValueChoices::new();
    choices.insert(
        (Field::MeetingType, "overgangsmøde17½år".into()),
        Chosen::OwnType,
    );
    let p = preview(&ws, Kind::Meetings, &s, &mapping, &choices);
    assert_eq!(p.unreadable_rows(), 0);
    apply(&mut ws, p.command(false).unwrap()).unwrap();
    assert_eq!(ws.meetings.len(), source.meetings.len());
    // Read again into the workspace that now holds them: every row is there already, unchanged.
    let again = preview(&ws, Kind::Meetings, &s, &mapping, &ValueChoices::new());
    assert_eq!(
        (again.existing_rows(), again.changed_rows()),
        (source.meetings.len(), 0)
    );
    for m in &source.meetings {
        let back = ws
            .meetings
            .iter()
            .find(|b| {
                b.case_ref == m.case_ref && b.date == m.date && b.meeting_type == m.meeting_type
            })
            .unwrap_or_else(|| panic!("{} {:?} came back", m.case_ref, m.date));
        assert_eq!(back.time, m.time);
        assert_eq!(back.status, m.status);
        assert_eq!(back.initiator, m.initiator);
        assert_eq!(back.coordinator, m.coordinator);
        assert_eq!(back.questions, m.questions);
        assert_eq!(back.decisions, m.decisions);
        assert_eq!(back.measure_start, m.measure_start);
        assert_eq!(back.follow_up_date, m.follow_up_date);
        assert_eq!(back.notes, m.notes);
        let roles =
            |ps: &[trappe::model::Participant]| ps.iter().map(|p| p.role).collect::<Vec<_>>();
        assert_eq!(roles(&back.participants), roles(&m.participants));
    }
}

#[test]
fn trappes_own_initiatives_csv_reads_back_with_amounts_as_danes_write_them() {
    let source = trappe::examples::build("halsnaes-2019").unwrap();
    let s = sheet_of_csv(&initiatives_csv(&source.plan));
    let mapping = suggest(Kind::Initiatives, &s, &BTreeMap::new()).unwrap();
    let mut ws = Workspace::new("Tom");
    let p = preview(&ws, Kind::Initiatives, &s, &mapping, &ValueChoices::new());
    assert_eq!(p.unreadable_rows(), 0, "{:?}", p.rows);
    apply(&mut ws, p.command(false).unwrap()).unwrap();
    assert_eq!(ws.plan.initiatives.len(), source.plan.initiatives.len());
    for i in &source.plan.initiatives {
        let back = ws
            .plan
            .initiatives
            .iter()
            .find(|b| b.number == i.number && b.title == i.title)
            .unwrap();
        assert_eq!(
            (back.status, back.start, back.deadline),
            (i.status, i.start, i.deadline)
        );
        assert_eq!(
            (&back.owner, &back.committee, &back.period),
            (&i.owner, &i.committee, &i.period)
        );
        let total = |b: &[trappe::model::plan::BudgetLine]| {
            b.iter()
                .map(|l| (l.year, l.amount))
                .collect::<BTreeMap<_, _>>()
        };
        let mut summed = BTreeMap::new();
        for l in &i.budget {
            *summed.entry(l.year).or_insert(0) += l.amount;
        }
        assert_eq!(total(&back.budget), summed);
    }

    let s = sheet(&[
        "Handleplan;;;",
        "Initiativ;Ansvarlig;Frist;Status;Budget 2020 (kr.);Budget 2021 (kr.)",
        "Fremskudt indsats;Familieafdelingen;31.12.2020;I gang;9,3 mio.;1.234.567,50",
        "Netværksmøder;Myndighed;2020-06-30;Igangsat;250 t.kr.;kr. 500",
        "Uden frist;Myndighed;;Forsinket;x;",
    ]);
    let mapping = suggest(Kind::Initiatives, &s, &BTreeMap::new()).unwrap();
    let p = preview(
        &Workspace::new("T"),
        Kind::Initiatives,
        &s,
        &mapping,
        &ValueChoices::new(),
    );
    let ini = |row: usize| match &p.rows.iter().find(|r| r.row == row).unwrap().outcome {
        Outcome::New(trappe::model::record::Record::Initiative(i)) => i.clone(),
        other => panic!("row {row}: {other:?}"),
    };
    let amounts = |row: usize| {
        ini(row)
            .budget
            .iter()
            .map(|b| (b.year, b.amount))
            .collect::<Vec<_>>()
    };
    assert_eq!(amounts(3), vec![(2020, 9_300_000), (2021, 1_234_568)]);
    assert_eq!(amounts(4), vec![(2020, 250_000), (2021, 500)]);
    assert_eq!(ini(3).status, InitiativeStatus::InProgress);
    assert_eq!(ini(3).deadline, d(2020, 12, 31));
    assert_eq!(ini(4).owner, "Myndighed");
    assert!(
        matches!(p.rows[2].outcome, Outcome::Unreadable(_)),
        "«x» is no amount"
    );
}

#[test]
fn date_cells_serial_numbers_and_times_from_a_workbook_are_read() {
    let s = Sheet {
        name: "Ark1".into(),
        rows: vec![
            vec![
                Cell::Text("Dato".into()),
                Cell::Text("Tid".into()),
                Cell::Text("Type".into()),
            ],
            vec![
                Cell::Date(d(2019, 5, 8).unwrap(), NaiveTime::from_hms_opt(9, 30, 0)),
                Cell::Number(0.4375),
                Cell::Text("Opfølgningsmøde".into()),
            ],
            vec![Cell::Number(61.0), Cell::Empty, Cell::Text("FRL".into())],
            vec![Cell::Number(60.0), Cell::Empty, Cell::Text("FRL".into())],
            vec![
                Cell::Error("#REF!".into()),
                Cell::Empty,
                Cell::Text("FRL".into()),
            ],
        ],
    };
    let mapping = suggest(Kind::Meetings, &s, &BTreeMap::new()).unwrap();
    let p = preview(
        &Workspace::new("T"),
        Kind::Meetings,
        &s,
        &mapping,
        &ValueChoices::new(),
    );
    assert_eq!(meeting_in(&p, 2).date, d(2019, 5, 8));
    assert_eq!(
        meeting_in(&p, 2).time,
        NaiveTime::from_hms_opt(10, 30, 0),
        "0,4375 of a day"
    );
    assert_eq!(
        meeting_in(&p, 3).date,
        d(1900, 3, 1),
        "serial 61, after Excel's 29.2.1900"
    );
    assert!(
        matches!(p.rows[2].outcome, Outcome::Unreadable(_)),
        "serial 60 is no date"
    );
    assert!(
        matches!(&p.rows[3].outcome, Outcome::Unreadable(ps) if ps[0].problem == RowProblem::Value(ValueProblem::FormulaError("#REF!".into())))
    );
}

#[test]
fn personal_data_in_any_cell_is_found_before_import_and_a_left_out_hit_never_arrives() {
    use trappe::sheet_import::privacy::{hits, redact};
    let s = sheet(&[
        "Dato;Type;Noter;Ikke med",
        "01.02.2024;FRL;Mor ringer på 12 34 56 78 eller mor@example.dk;010203-1234",
        "02.02.2024;FRL;CPR 010203-1234 nævnt;",
    ]);
    let mut mapping = suggest(Kind::Meetings, &s, &BTreeMap::new()).unwrap();
    mapping.columns[3] = None;
    let ws = Workspace::new("T");
    let p = preview(&ws, Kind::Meetings, &s, &mapping, &ValueChoices::new());
    let found = hits(&s, &mapping, &p, false);
    let texts: Vec<&str> = found.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(
        texts,
        vec!["12 34 56 78", "mor@example.dk", "010203-1234"],
        "not the skipped column"
    );
    assert_eq!(
        trappe::text::place::describe(&found[2].path, None).words,
        "Regnearkets række 3, kolonne C"
    );
    let left_out: Vec<String> = found.iter().map(|h| h.id.clone()).collect();
    let clean = redact(&s, &found, &left_out);
    let p = preview(&ws, Kind::Meetings, &clean, &mapping, &ValueChoices::new());
    assert_eq!(
        meeting_in(&p, 2).notes,
        "Mor ringer på [fjernet] eller [fjernet]"
    );
    assert_eq!(meeting_in(&p, 3).notes, "CPR [fjernet] nævnt");
    assert!(hits(&clean, &mapping, &p, false).is_empty());
}

#[test]
fn trappes_csv_with_one_action_item_per_row_reads_back_as_meetings_with_their_items() {
    let source = trappe::examples::build("socialstyrelsen-trappe").unwrap();
    let with_items: Vec<&trappe::model::Meeting> = source
        .meetings
        .iter()
        .filter(|m| !m.action_items.is_empty())
        .collect();
    let items: usize = with_items.iter().map(|m| m.action_items.len()).sum();
    assert!(items > with_items.len(), "some meeting has several items");
    let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    let s = sheet_of_csv(&meetings_csv_on(&source, CsvRows::PerActionItem, today));
    let mapping = suggest(Kind::Meetings, &s, &BTreeMap::new()).unwrap();
    assert!(mapping.columns.contains(&Some(Field::ActionWhat)));
    let mut ws = Workspace::new("Tom");
    let mut choices = ValueChoices::new();
    choices.insert(
        (Field::MeetingType, "overgangsmøde17½år".into()),
        Chosen::OwnType,
    );
    let p = preview(&ws, Kind::Meetings, &s, &mapping, &choices);
    assert_eq!(p.unreadable_rows(), 0, "{:?}", p.rows);
    assert_eq!(
        (p.new_rows(), p.part_rows()),
        (with_items.len(), items - with_items.len())
    );
    apply(&mut ws, p.command(false).unwrap()).unwrap();
    for m in with_items {
        let back = ws
            .meetings
            .iter()
            .find(|b| b.case_ref == m.case_ref && b.date == m.date)
            .unwrap();
        let strip = |a: &[trappe::model::ActionItem]| {
            a.iter()
                .map(|i| (i.what.clone(), i.who.clone(), i.due, i.done))
                .collect::<Vec<_>>()
        };
        assert_eq!(strip(&back.action_items), strip(&m.action_items));
        assert_eq!(back.status, m.status);
    }
    // Read again: nothing new, nothing changed.
    let again = preview(&ws, Kind::Meetings, &s, &mapping, &choices);
    assert_eq!((again.new_rows(), again.changed_rows()), (0, 0));
}

#[test]
fn children_per_intervention_or_step_become_one_measurement_per_column() {
    let mut ws = trappe::examples::build("socialstyrelsen-trappe").unwrap();
    let s = sheet(&[
        "Antal børn pr. indsats, opgjort af Familieafdelingen;;",
        "Indsats;Status 2021;Mål 2020",
        "Familiebehandling;120;100",
        "4. Netværksbaserede indsatser;30;45",
        "Familiebehandlnig;5;5",
        "Sundhedspleje med ekstra hjemmebesøg;x;",
        "Forstærket plejefamilie;12;",
    ]);
    let mapping = suggest(Kind::Measurements, &s, &BTreeMap::new()).unwrap();
    assert_eq!(mapping.header_row, 1);
    assert_eq!(
        mapping.columns,
        vec![Some(Field::Place), Some(Field::Count), Some(Field::Count)]
    );
    let p = preview(&ws, Kind::Measurements, &s, &mapping, &ValueChoices::new());
    assert_eq!((p.counted_rows(), p.unreadable_rows()), (3, 2));
    assert_eq!(p.unknown[0].close.as_deref(), Some("Familiebehandling"));
    let headers = trappe::sheet_import::fields::headers(&s, 1);
    let Outcome::Unreadable(ps) = &p.rows[3].outcome else {
        panic!()
    };
    assert!(
        cell_problem(&ps[0], &headers).starts_with("Kolonne B (Status 2021): Skriv et helt tal")
    );
    // «Status 2021» is new; «Mål 2020» is already in the staircase, and its counts would change.
    assert_eq!(
        p.columns
            .iter()
            .map(|c| (c.exists, c.changes))
            .collect::<Vec<_>>(),
        vec![(false, true), (true, true)]
    );
    assert_eq!(p.records(false).len(), 1);
    let iv = |ws: &Workspace, name: &str| {
        ws.staircase
            .steps
            .iter()
            .flat_map(|s| &s.interventions)
            .find(|i| i.name == name)
            .unwrap()
            .id
    };
    let step4 = ws.staircase.steps[3].id;
    let target_before = ws
        .staircase
        .measurements
        .iter()
        .find(|m| m.name == "Mål 2020")
        .unwrap()
        .clone();
    apply(&mut ws, p.command(true).unwrap()).unwrap();
    let new = ws
        .staircase
        .measurements
        .iter()
        .find(|m| m.name == "Status 2021")
        .unwrap();
    assert_eq!(
        new.per_intervention.get(&iv(&ws, "Familiebehandling")),
        Some(&120)
    );
    assert_eq!(
        new.per_intervention
            .get(&iv(&ws, "Forstærket plejefamilie")),
        Some(&12)
    );
    assert_eq!(new.per_step.get(&step4), Some(&30));
    assert_eq!(new.kind, trappe::model::MeasurementKind::Actual);
    let target = ws
        .staircase
        .measurements
        .iter()
        .find(|m| m.name == "Mål 2020")
        .unwrap();
    assert_eq!(target.id, target_before.id);
    assert_eq!(target.kind, trappe::model::MeasurementKind::Target);
    assert_eq!(
        target.per_intervention.get(&iv(&ws, "Familiebehandling")),
        Some(&100)
    );
    // Counts the sheet does not name are kept.
    let kept = target_before
        .per_intervention
        .iter()
        .filter(|(id, _)| **id != iv(&ws, "Familiebehandling"))
        .count();
    assert!(kept > 0);
    assert!(target_before
        .per_intervention
        .iter()
        .all(|(id, n)| *id == iv(&ws, "Familiebehandling")
            || target.per_intervention.get(id) == Some(n)));

    // The misspelt name, chosen as the offered one, reads; the same sheet again changes nothing.
    let mut choices = ValueChoices::new();
    choices.insert(
        (Field::Place, "familiebehandlnig".into()),
        Chosen::Name("Familiebehandling".into()),
    );
    let again = preview(&ws, Kind::Measurements, &s, &mapping, &choices);
    assert_eq!(again.counted_rows(), 4);
    assert!(again.columns.iter().all(|c| c.exists));
}

#[test]
fn a_sheet_of_ten_thousand_meetings_reads_whole_and_again_finds_every_one() {
    let mut lines = vec!["Mødedato;Sagsnr.;Mødetype;Status;Aftaler".to_string()];
    for i in 0..10_000u32 {
        let day =
            NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(u64::from(i % 1500));
        lines.push(format!(
            "{};S-{i:05};{};{};Aftale nr. {i}",
            day.format("%d.%m.%Y"),
            ["FRL", "Opfølgningsmøde", "Tværfagligt møde"][(i % 3) as usize],
            ["Afholdt", "Planlagt", "Fulgt op"][(i % 3) as usize]
        ));
    }
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let s = sheet(&refs);
    let mapping = suggest(Kind::Meetings, &s, &BTreeMap::new()).unwrap();
    let mut ws = Workspace::new("Stor");
    let started = std::time::Instant::now();
    let p = preview(&ws, Kind::Meetings, &s, &mapping, &ValueChoices::new());
    eprintln!("10,000 rows to the preview: {:?}", started.elapsed());
    assert_eq!((p.new_rows(), p.unreadable_rows()), (10_000, 0));
    apply(&mut ws, p.command(false).unwrap()).unwrap();
    assert_eq!(ws.meetings.len(), 10_000);
    let again = preview(&ws, Kind::Meetings, &s, &mapping, &ValueChoices::new());
    assert_eq!(
        (
            again.new_rows(),
            again.existing_rows(),
            again.changed_rows()
        ),
        (0, 10_000, 0)
    );
}
