//! The meeting log as CSV for Danish Excel: UTF-8 with BOM (so Excel reads æøå), semicolons (Danish Excel's
//! list separator), CRLF, dates as dd-mm-åååå, Danish headers. Cells that a spreadsheet would run as a
//! formula get a leading apostrophe. Participants, questions, linked interventions and steps hold one
//! value per line inside their (quoted) cell, so a ';' in a name never splits it.

use super::{lines_cell, safe_cell};
use crate::model::follow_up::{next_follow_up, StepLookup};
use crate::model::sorting::StableSort;
use crate::model::{Meeting, Workspace};
use crate::text::{self, meetings as txt};
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvRows {
    /// One row per meeting.
    PerMeeting,
    /// One row per action item, repeating the meeting's key columns; meetings without items have no row.
    PerActionItem,
}

/// The CSV file, with "næste opfølgning" computed as of today's local date.
pub fn meetings_csv(ws: &Workspace, rows: CsvRows) -> Vec<u8> {
    meetings_csv_on(ws, rows, chrono::Local::now().date_naive())
}

/// As [`meetings_csv`], with "today" given (see [`next_follow_up`]), so the output is reproducible.
/// Meetings come in date order, oldest first, undated last; ties keep the workspace's order.
pub fn meetings_csv_on(ws: &Workspace, rows: CsvRows, today: NaiveDate) -> Vec<u8> {
    let all: Vec<usize> = (0..ws.meetings.len()).collect();
    meetings_csv_of(ws, &all, rows, today)
}

/// As [`meetings_csv_on`], for only the meetings at `indices` in `ws.meetings` (a filtered list); indices
/// out of range are skipped, and each meeting is written once however often it is listed.
pub fn meetings_csv_of(
    ws: &Workspace,
    indices: &[usize],
    rows: CsvRows,
    today: NaiveDate,
) -> Vec<u8> {
    let mut picked: Vec<usize> = indices
        .iter()
        .copied()
        .filter(|&i| i < ws.meetings.len())
        .collect();
    picked.stable_sort();
    picked.dedup();
    let mut order: Vec<&Meeting> = picked.iter().map(|&i| &ws.meetings[i]).collect();
    // Stable; undated (None) sorts last by mapping it above every date.
    order.stable_sort_by_key(|m| (m.date.is_none(), m.date, m.time));

    let lookup = StepLookup::new(&ws.staircase);
    let mut w = super::excel_writer();
    let mut write = |record: &[String]| {
        // Writing to a Vec cannot fail; a record of the wrong length is a bug the tests catch.
        w.write_record(record.iter().map(|s| safe_cell(s).into_owned()))
            .expect("CSV row into memory");
    };

    match rows {
        CsvRows::PerMeeting => {
            write(&txt::CSV_HEADERS_PER_MEETING.map(String::from));
            for m in order {
                let open = m.action_items.iter().filter(|a| !a.done).count();
                let interventions: Vec<&str> = m
                    .linked_interventions
                    .iter()
                    .filter_map(|id| lookup.intervention(*id))
                    .map(|(iv, _)| iv.name.as_str())
                    .collect();
                let category = lookup.category_of(m);
                write(&[
                    opt_date(m.date),
                    m.time.map(crate::text::time_csv).unwrap_or_default(),
                    text::meeting_type(&m.meeting_type),
                    m.case_ref.clone(),
                    text::meeting_status(m.status).to_string(),
                    m.initiator.clone(),
                    m.coordinator.clone(),
                    lines_cell(m.participants.iter().map(txt::participant)),
                    lines_cell(&m.questions),
                    m.decisions.clone(),
                    txt::open_of_total(open, m.action_items.len()),
                    opt_date(m.measure_start),
                    opt_date(m.follow_up_date),
                    opt_date(next_follow_up(m, &ws.follow_up, category, today)),
                    lines_cell(interventions),
                    step_names(m, &lookup),
                    m.notes.clone(),
                ]);
            }
        }
        CsvRows::PerActionItem => {
            write(&txt::CSV_HEADERS_PER_ACTION_ITEM.map(String::from));
            for m in order {
                for a in &m.action_items {
                    write(&[
                        opt_date(m.date),
                        m.time.map(crate::text::time_csv).unwrap_or_default(),
                        text::meeting_type(&m.meeting_type),
                        m.case_ref.clone(),
                        text::meeting_status(m.status).to_string(),
                        a.what.clone(),
                        a.who.clone(),
                        opt_date(a.due),
                        txt::yes_no(a.done).to_string(),
                    ]);
                }
            }
        }
    }
    w.into_inner().expect("CSV into memory")
}

fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(text::date_csv).unwrap_or_default()
}

/// The step the meeting led to; without one, the distinct steps of its linked interventions.
fn step_names(m: &Meeting, lookup: &StepLookup) -> String {
    if let Some(step) = m.linked_step.and_then(|id| lookup.step(id)) {
        return step.name.clone();
    }
    let mut names: Vec<&str> = Vec::new();
    for (_, step) in m
        .linked_interventions
        .iter()
        .filter_map(|id| lookup.intervention(*id))
    {
        if !names.contains(&step.name.as_str()) {
            names.push(&step.name);
        }
    }
    lines_cell(names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        ActionItem, Intervention, MeetingStatus, MeetingType, Participant, ParticipantRole,
        Staircase, Step, StepCategory,
    };
    use chrono::NaiveTime;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn workspace() -> Workspace {
        let fam = Intervention {
            name: "Familiebehandling".into(),
            ..Intervention::default()
        };
        let icdp = Intervention {
            name: "ICDP; forældrekursus".into(),
            ..Intervention::default()
        };
        let (fam_id, icdp_id) = (fam.id, icdp.id);
        let step = Step {
            name: "Forebyggende foranstaltninger".into(),
            category: StepCategory::Preventive,
            interventions: vec![fam, icdp],
            ..Step::default()
        };
        let mut ws = Workspace::new("Køge");
        ws.staircase = Staircase {
            steps: vec![step],
            ..Staircase::default()
        };
        let first = Meeting {
            meeting_type: MeetingType::FamilyGroupConference,
            date: Some(d(2024, 5, 8)),
            time: Some(NaiveTime::from_hms_opt(9, 30, 0).unwrap()),
            case_ref: "Familie Ø-12".into(),
            initiator: "Søren".into(),
            coordinator: "Åse".into(),
            participants: vec![
                Participant {
                    role: ParticipantRole::Family,
                    relation_or_unit: "Mor".into(),
                    ..Participant::default()
                },
                Participant {
                    role: ParticipantRole::Professional,
                    relation_or_unit: "PPR".into(),
                    ..Participant::default()
                },
            ],
            questions: vec!["Hvem henter?".into(), "Hvad med \"skolen\"?".into()],
            decisions: "=1+1".into(),
            action_items: vec![
                ActionItem {
                    what: "Mormor henter".into(),
                    who: "Mormor".into(),
                    due: Some(d(2024, 6, 1)),
                    ..ActionItem::default()
                },
                ActionItem {
                    what: "-Ring til skolen".into(),
                    who: "@lærer".into(),
                    done: true,
                    ..ActionItem::default()
                },
            ],
            measure_start: Some(d(2024, 5, 31)),
            status: MeetingStatus::Held,
            linked_interventions: vec![fam_id, icdp_id],
            notes: "Linje 1\nLinje 2".into(),
            ..Meeting::default()
        };
        // Added second but dated earlier: it must come first.
        let earlier = Meeting {
            meeting_type: MeetingType::Custom("+Skolemøde".into()),
            date: Some(d(2024, 1, 2)),
            case_ref: "Sag 7".into(),
            status: MeetingStatus::Cancelled,
            follow_up_date: Some(d(2024, 2, 1)),
            ..Meeting::default()
        };
        let undated = Meeting {
            case_ref: "Familie B".into(),
            ..Meeting::default()
        };
        ws.meetings = vec![undated, first, earlier];
        ws
    }

    #[test]
    fn per_meeting_exact_bytes() {
        let ws = workspace();
        let got = meetings_csv_on(&ws, CsvRows::PerMeeting, d(2024, 6, 1));
        let want = concat!(
            "\u{FEFF}",
            "Dato;Tid;Type;Sagsreference;Status;Initiativtager;Samordner;Deltagere;Spørgsmål;",
            "Beslutninger;Handlinger (åbne/i alt);Indsatsen startede;Opfølgningsdato;Næste opfølgning;",
            "Koblede indsatser;Trin;Noter\r\n",
            "02-01-2024;;'+Skolemøde;Sag 7;Aflyst;;;;;;0 af 0;;01-02-2024;;;;\r\n",
            "08-05-2024;09:30;Familierådslagning;Familie Ø-12;Afholdt;Søren;Åse;",
            "\"Familie: Mor\nFagperson: PPR\";\"Hvem henter?\nHvad med \"\"skolen\"\"?\";",
            "'=1+1;1 af 2;31-05-2024;;31-08-2024;\"Familiebehandling\nICDP; forældrekursus\";",
            "Forebyggende foranstaltninger;\"Linje 1\nLinje 2\"\r\n",
            ";;Familierådslagning;Familie B;Planlagt;;;;;;0 af 0;;;;;;\r\n",
        );
        assert_eq!(String::from_utf8(got.clone()).unwrap(), want);
        assert_eq!(&got[..3], &[0xEF, 0xBB, 0xBF]);
        // æøå are UTF-8 bytes, not Latin-1.
        assert!(got.windows(2).any(|w| w == [0xC3, 0x98]), "Ø as UTF-8");
    }

    #[test]
    fn per_action_item_exact_bytes() {
        let ws = workspace();
        let got = meetings_csv_on(&ws, CsvRows::PerActionItem, d(2024, 6, 1));
        let want = concat!(
            "\u{FEFF}",
            "Dato;Tid;Type;Sagsreference;Status;Handling;Ansvarlig;Frist;Udført\r\n",
            "08-05-2024;09:30;Familierådslagning;Familie Ø-12;Afholdt;Mormor henter;Mormor;",
            "01-06-2024;Nej\r\n",
            "08-05-2024;09:30;Familierådslagning;Familie Ø-12;Afholdt;'-Ring til skolen;'@lærer;;Ja\r\n",
        );
        assert_eq!(String::from_utf8(got).unwrap(), want);
    }

    use crate::output::read_back as parse;

    #[test]
    fn names_with_separators_come_back_whole() {
        let mut ws = workspace();
        let names = [
            "Hansen; Jens",
            "Ole, \"Lillebror\"",
            "Anne\nMarie",
            "Familie: Mor",
        ];
        ws.meetings[1].participants = names
            .iter()
            .map(|n| Participant {
                role: ParticipantRole::Network,
                name: (*n).into(),
                ..Participant::default()
            })
            .collect();
        let rows = parse(&meetings_csv_on(&ws, CsvRows::PerMeeting, d(2024, 6, 1)));
        let header = &rows[0];
        assert_eq!(header.len(), txt::CSV_HEADERS_PER_MEETING.len());
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let row = rows
            .iter()
            .find(|r| r[col("Sagsreference")] == "Familie Ø-12")
            .unwrap();
        assert!(rows.iter().all(|r| r.len() == header.len()));
        let got: Vec<&str> = row[col("Deltagere")].split('\n').collect();
        // One participant per line; a line break inside a name becomes a space.
        assert_eq!(
            got,
            vec![
                "Netværk: Hansen; Jens",
                "Netværk: Ole, \"Lillebror\"",
                "Netværk: Anne Marie",
                "Netværk: Familie: Mor",
            ]
        );
        let ivs: Vec<&str> = row[col("Koblede indsatser")].split('\n').collect();
        assert_eq!(ivs, vec!["Familiebehandling", "ICDP; forældrekursus"]);
        // The start of the intervention, which the follow-up rules count from.
        assert_eq!(row[col("Indsatsen startede")], "31-05-2024");
        let undated = rows
            .iter()
            .find(|r| r[col("Sagsreference")] == "Familie B")
            .unwrap();
        assert_eq!(undated[col("Indsatsen startede")], "");
    }

    #[test]
    fn empty_workspace_is_header_only() {
        let ws = Workspace::new("x");
        let got = meetings_csv_on(&ws, CsvRows::PerActionItem, d(2024, 6, 1));
        assert_eq!(
            got,
            b"\xEF\xBB\xBFDato;Tid;Type;Sagsreference;Status;Handling;Ansvarlig;Frist;Udf\xC3\xB8rt\r\n"
        );
    }

    #[test]
    fn formula_neutralising() {
        assert_eq!(safe_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(safe_cell("+45 12 34"), "'+45 12 34");
        assert_eq!(safe_cell("-2"), "'-2");
        assert_eq!(safe_cell("@x"), "'@x");
        assert_eq!(safe_cell("\tx"), "'\tx");
        assert_eq!(safe_cell("a=b"), "a=b");
        assert_eq!(safe_cell(""), "");
        assert_eq!(safe_cell("Æble"), "Æble");
    }

    #[test]
    fn subset_keeps_date_order_and_skips_bad_indices() {
        let ws = workspace();
        // Index 2 ("Sag 7", earlier) and 0 (undated), listed newest first and twice, plus one out of range.
        let got = meetings_csv_of(&ws, &[0, 2, 2, 99], CsvRows::PerMeeting, d(2024, 6, 1));
        let text = String::from_utf8(got).unwrap();
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(
            lines.len(),
            4,
            "header, two rows, empty after the last CRLF"
        );
        assert!(lines[1].starts_with("02-01-2024;;'+Skolemøde;Sag 7;"));
        assert!(lines[2].starts_with(";;Familierådslagning;Familie B;"));
        assert_eq!(lines[3], "");
        let none = meetings_csv_of(&ws, &[], CsvRows::PerActionItem, d(2024, 6, 1));
        assert_eq!(
            none,
            meetings_csv_on(&Workspace::new("x"), CsvRows::PerActionItem, d(2024, 6, 1))
        );
    }

    #[test]
    fn personal_data_in_the_exported_text_is_in_the_file_as_written() {
        // The export's check looks for each hit's text in the file: the CSV must carry it unchanged.
        use crate::file_format::personal_data::{hits_in_output, personal_data_hits};
        let mut ws = workspace();
        ws.meetings[0].notes = "Skriv til mor@mail.dk".into();
        ws.meetings[1].action_items[0].who = "Mor 010203-1234".into();
        ws.meetings[2].participants.push(Participant {
            name: "+45 12 34 56 78".into(),
            ..Participant::default()
        });
        let texts = |indices: &[usize], rows: CsvRows| {
            let csv =
                String::from_utf8(meetings_csv_of(&ws, indices, rows, d(2024, 6, 1))).unwrap();
            let mut t: Vec<String> = hits_in_output(personal_data_hits(&ws), &csv)
                .into_iter()
                .map(|h| h.text)
                .collect();
            t.sort();
            t
        };
        assert_eq!(
            texts(&[0, 1, 2], CsvRows::PerMeeting),
            vec!["+45 12 34 56 78", "mor@mail.dk"]
        );
        assert_eq!(
            texts(&[0, 1, 2], CsvRows::PerActionItem),
            vec!["010203-1234"]
        );
        assert_eq!(texts(&[0], CsvRows::PerMeeting), vec!["mor@mail.dk"]);
        assert!(texts(&[2], CsvRows::PerActionItem).is_empty());
    }
}
