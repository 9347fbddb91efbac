//! What a sheet would become, before anything changes: each data row read into a record, or the reasons it
//! cannot be; rows that are already in the workspace found by their key; and the one command that brings
//! the good rows in.

use super::cells::{self, ValueProblem};
use super::fields::{normalise, Field, Kind, Mapping};
use crate::model::commands::Command;
use crate::model::plan::BudgetLine;
use crate::model::record::Record;
use crate::model::sorting::StableSort;
use crate::model::validation::check_record;
use crate::model::{
    now, ActionItem, Id, Initiative, Meeting, MeetingType, Participant, ParticipantRole, Workspace,
};
use crate::spreadsheet::{Cell, Sheet};
use crate::text::{self, sheet_import as txt};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// The user's answer for a value that was not known, by (field, the value as normalised).
pub type ValueChoices = BTreeMap<(Field, String), Chosen>;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chosen {
    /// Read as this known name instead («Netvaerksmøde» → «Inddragende netværksmøde»).
    Name(String),
    /// A meeting type of the municipality's own, by the name in the sheet.
    OwnType,
}

/// One cell that cannot be read: its column (0-based) and why.
#[derive(Clone, Debug, PartialEq)]
pub struct CellProblem {
    pub column: Option<usize>,
    pub field: Option<Field>,
    pub problem: RowProblem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RowProblem {
    Value(ValueProblem),
    /// The record breaks a rule of the model (`validation`), said in its words.
    Rule(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    New(Record),
    /// Already in the workspace (same key): the record as the row would update it, and whether the row
    /// changes anything.
    Exists {
        record: Record,
        changes: bool,
    },
    /// The same key as an earlier row of the sheet (its row number): not brought in twice.
    Repeats(usize),
    /// Another action item of the meeting in an earlier row (its row number), added to it there.
    PartOf(usize),
    /// A row of counts, for the intervention or step named (measurements are made per column).
    Counted(String),
    Unreadable(Vec<CellProblem>),
}

/// One data row (its number as the spreadsheet program shows it, from 1) and what it becomes.
#[derive(Clone, Debug, PartialEq)]
pub struct RowResult {
    pub row: usize,
    pub outcome: Outcome,
}

/// A value no known name matched, with how many rows hold it and the closest known name.
#[derive(Clone, Debug, PartialEq)]
pub struct UnknownValue {
    pub field: Field,
    pub found: String,
    pub rows: usize,
    pub close: Option<String>,
    /// The known names it can be chosen as.
    pub options: Vec<String>,
}

/// A record made from a column rather than a row (a measurement from a column of counts).
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnRecord {
    pub column: usize,
    pub record: Record,
    /// One of the same name is already in the workspace; `changes`: the sheet's counts differ from it.
    pub exists: bool,
    pub changes: bool,
    /// The model's rules it breaks, in Danish: then it is not imported.
    pub problems: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub kind: Kind,
    pub rows: Vec<RowResult>,
    pub unknown: Vec<UnknownValue>,
    /// Fields the records cannot be without and no column is chosen for: then nothing can be imported.
    pub missing: Vec<Field>,
    /// Records made per column (measurements); empty for kinds made per row.
    pub columns: Vec<ColumnRecord>,
}

impl Preview {
    pub fn count(&self, which: impl Fn(&Outcome) -> bool) -> usize {
        self.rows.iter().filter(|r| which(&r.outcome)).count()
    }

    pub fn new_rows(&self) -> usize {
        self.count(|o| matches!(o, Outcome::New(_)))
    }

    /// Rows already in the workspace, or twice in the sheet.
    pub fn existing_rows(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Exists { .. } | Outcome::Repeats(_)))
    }

    /// Rows already in the workspace that the sheet would change.
    pub fn changed_rows(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Exists { changes: true, .. }))
    }

    /// Rows that add an action item to a meeting in an earlier row.
    pub fn part_rows(&self) -> usize {
        self.count(|o| matches!(o, Outcome::PartOf(_)))
    }

    pub fn unreadable_rows(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Unreadable(_)))
    }

    /// Rows of counts read (measurements).
    pub fn counted_rows(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Counted(_)))
    }

    /// The records the import puts: the new ones, and with `update` the existing ones the sheet changes.
    pub fn records(&self, update: bool) -> Vec<&Record> {
        if self.kind == Kind::Measurements {
            return self
                .columns
                .iter()
                .filter(|c| c.problems.is_empty() && (!c.exists || (update && c.changes)))
                .map(|c| &c.record)
                .collect();
        }
        self.rows
            .iter()
            .filter_map(|r| match &r.outcome {
                Outcome::New(rec) => Some(rec),
                Outcome::Exists {
                    record,
                    changes: true,
                } if update => Some(record),
                _ => None,
            })
            .collect()
    }

    /// The one command that brings the good rows in (one undo takes it all back); `None` when there is
    /// nothing to bring in.
    pub fn command(&self, update: bool) -> Option<Command> {
        let puts: Vec<Command> = self
            .records(update)
            .into_iter()
            .map(|r| Command::put(r.clone()))
            .collect();
        (!puts.is_empty() && self.missing.is_empty()).then_some(Command::Batch { commands: puts })
    }
}

/// Reads every data row under the header row into a record of `kind`.
pub fn preview(
    ws: &Workspace,
    kind: Kind,
    sheet: &Sheet,
    mapping: &Mapping,
    choices: &ValueChoices,
) -> Preview {
    let missing: Vec<Field> = kind
        .required()
        .iter()
        .copied()
        .filter(|f| !mapping.columns.contains(&Some(*f)))
        .collect();
    if kind == Kind::Measurements {
        let (rows, unknown, columns) = super::measurements::read(ws, sheet, mapping, choices);
        return Preview {
            kind,
            rows,
            unknown,
            missing,
            columns,
        };
    }
    let headers = super::fields::headers(sheet, mapping.header_row);
    let reader = RowReader {
        kind,
        mapping,
        headers: &headers,
        choices,
        // The workspace's own types, from its templates and its meetings.
        custom_types: ws
            .meeting_templates
            .iter()
            .map(|t| &t.meeting_type)
            .chain(ws.meetings.iter().map(|m| &m.meeting_type))
            .filter(|t| matches!(t, MeetingType::Custom(_)))
            .fold(Vec::new(), |mut all, t| {
                if !all.contains(t) {
                    all.push(t.clone());
                }
                all
            }),
    };
    let mut existing: HashMap<Key, Id> = HashMap::new();
    match kind {
        Kind::Meetings => {
            for m in &ws.meetings {
                existing.entry(meeting_key(m)).or_insert(m.id);
            }
        }
        Kind::Initiatives => {
            for i in &ws.plan.initiatives {
                existing.entry(initiative_key(i)).or_insert(i.id);
            }
        }
        Kind::Measurements => {}
    }
    // Each key's first row, by its place in `rows`.
    let mut seen: HashMap<Key, usize> = HashMap::new();
    let mut unknown: BTreeMap<(Field, String), UnknownValue> = BTreeMap::new();
    let mut rows = Vec::new();
    for (i, cells) in sheet.rows.iter().enumerate().skip(mapping.header_row + 1) {
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        let row = i + 1;
        let mut note_unknown = |field: Field, found: &str, close: Option<String>| {
            unknown
                .entry((field, normalise(found)))
                .or_insert_with(|| UnknownValue {
                    field,
                    found: found.to_string(),
                    rows: 0,
                    close,
                    options: known_names(field, &reader.custom_types),
                })
                .rows += 1;
        };
        let read = match kind {
            Kind::Meetings => reader
                .meeting(cells, Meeting::default(), &mut note_unknown)
                .map(|m| (meeting_key(&m), Record::Meeting(m))),
            Kind::Initiatives | Kind::Measurements => reader
                .initiative(cells, Initiative::default(), &mut note_unknown)
                .map(|i| (initiative_key(&i), Record::Initiative(i))),
        };
        let outcome = match read {
            Err(problems) => Outcome::Unreadable(problems),
            Ok((key, record)) => {
                if let Some(&first) = seen.get(&key) {
                    // Another row of a meeting above: its action item goes to that meeting.
                    let items = match &record {
                        Record::Meeting(m) => m.action_items.clone(),
                        _ => Vec::new(),
                    };
                    let first_row: &mut RowResult = &mut rows[first];
                    match (&mut first_row.outcome, items.is_empty()) {
                        (
                            Outcome::New(Record::Meeting(m))
                            | Outcome::Exists {
                                record: Record::Meeting(m),
                                ..
                            },
                            false,
                        ) => {
                            for item in items {
                                add_action_item(m, item);
                            }
                            Outcome::PartOf(first_row.row)
                        }
                        _ => Outcome::Repeats(first_row.row),
                    }
                } else {
                    seen.insert(key.clone(), rows.len());
                    match existing.get(&key) {
                        None => checked(record, &reader),
                        Some(id) => reader.update(ws, *id, cells),
                    }
                }
            }
        };
        rows.push(RowResult { row, outcome });
    }
    for r in &mut rows {
        if let Outcome::Exists { record, .. } = &r.outcome {
            r.outcome = settle(ws, record.clone(), &reader);
        }
    }
    Preview {
        kind,
        rows,
        unknown: unknown.into_values().collect(),
        missing,
        columns: Vec::new(),
    }
}

/// The names a value of `field` can be chosen as: the meeting types (the workspace's own too), or the
/// statuses.
fn known_names(field: Field, custom: &[MeetingType]) -> Vec<String> {
    match field {
        Field::MeetingType => MeetingType::BUILT_IN
            .iter()
            .chain(custom)
            .map(text::meeting_type)
            .collect(),
        Field::MeetingStatus => crate::model::MeetingStatus::ALL
            .iter()
            .map(|s| text::meeting_status(*s).to_string())
            .collect(),
        Field::InitiativeStatus => crate::model::InitiativeStatus::ALL
            .iter()
            .map(|s| text::initiative_status(*s).to_string())
            .collect(),
        _ => Vec::new(),
    }
}

/// What makes two rows one record: for a meeting its case reference, date and type; for an initiative its
/// number, or its title where it has none.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Meeting(String, Option<NaiveDate>, String),
    Initiative(String),
}

fn meeting_key(m: &Meeting) -> Key {
    Key::Meeting(
        normalise(&m.case_ref),
        m.date,
        normalise(&text::meeting_type(&m.meeting_type)),
    )
}

fn initiative_key(i: &Initiative) -> Key {
    Key::Initiative(if i.number.trim().is_empty() {
        format!("titel:{}", normalise(&i.title))
    } else {
        normalise(&i.number)
    })
}

/// A record held to the model's rules: a row that breaks one is listed with the rule, not imported.
fn checked(record: Record, reader: &RowReader) -> Outcome {
    let issues = check_record(record.view());
    if issues.is_empty() {
        return Outcome::New(record);
    }
    Outcome::Unreadable(reader.rule_problems(&issues))
}

struct RowReader<'a> {
    kind: Kind,
    mapping: &'a Mapping,
    headers: &'a [String],
    choices: &'a ValueChoices,
    custom_types: Vec<MeetingType>,
}

type NoteUnknown<'f> = dyn FnMut(Field, &str, Option<String>) + 'f;

impl RowReader<'_> {
    /// The columns with a field, and each one's cell in this row.
    fn fields<'c>(&'c self, cells: &'c [Cell]) -> impl Iterator<Item = (usize, Field, &'c Cell)> {
        self.mapping
            .columns
            .iter()
            .enumerate()
            .filter_map(move |(c, f)| f.map(|f| (c, f, cells.get(c).unwrap_or(&Cell::Empty))))
    }

    /// A value as the user chose to read it, if they did.
    fn chosen(&self, field: Field, found: &str) -> String {
        match self.choices.get(&(field, normalise(found))) {
            Some(Chosen::Name(name)) => name.clone(),
            _ => found.to_string(),
        }
    }

    /// A status by its name, or the one the user chose for it; an unknown one is noted with its closest.
    fn status<S>(
        &self,
        field: Field,
        cell: &Cell,
        read: fn(&str) -> Result<Option<S>, ValueProblem>,
        note_unknown: &mut NoteUnknown,
    ) -> Result<Option<S>, ValueProblem> {
        let found = cells::text(cell);
        // Noted as found, so the list of unknown values stays while the user chooses.
        if let Err(ValueProblem::UnknownStatus { close, .. }) = read(&found) {
            note_unknown(field, &found, close);
        }
        read(&self.chosen(field, &found))
    }

    fn own_type(&self, found: &str) -> bool {
        self.choices.get(&(Field::MeetingType, normalise(found))) == Some(&Chosen::OwnType)
    }

    fn meeting(
        &self,
        cells: &[Cell],
        mut m: Meeting,
        note_unknown: &mut NoteUnknown,
    ) -> Result<Meeting, Vec<CellProblem>> {
        let mut problems = Vec::new();
        let mut item = ActionItem::default();
        for (column, field, cell) in self.fields(cells) {
            let mut fail = |p: ValueProblem| problems.push(at(column, field, p));
            match field {
                Field::Date => set(&mut m.date, cells::date(cell), &mut fail),
                Field::Time => set(&mut m.time, cells::time(cell), &mut fail),
                Field::MeasureStart => set(&mut m.measure_start, cells::date(cell), &mut fail),
                Field::FollowUpDate => set(&mut m.follow_up_date, cells::date(cell), &mut fail),
                Field::MeetingType => {
                    let found = cells::text(cell);
                    if found.is_empty() {
                        fail(ValueProblem::Missing);
                        continue;
                    }
                    // Noted as found, so the list of unknown values stays while the user chooses.
                    let (t, close) = cells::meeting_type(&found, &self.custom_types);
                    if !t.is_known() {
                        note_unknown(field, &found, close.map(|c| text::meeting_type(&c)));
                    }
                    m.meeting_type = if self.own_type(&found) {
                        MeetingType::Custom(found)
                    } else if t.is_known() {
                        t
                    } else {
                        cells::meeting_type(&self.chosen(field, &found), &self.custom_types).0
                    };
                }
                Field::MeetingStatus => {
                    let read = self.status(field, cell, cells::meeting_status, note_unknown);
                    set_with(&mut m.status, read, Option::unwrap_or_default, &mut fail);
                }
                Field::CaseRef => m.case_ref = cells::text(cell),
                Field::Initiator => m.initiator = cells::text(cell),
                Field::Coordinator => m.coordinator = cells::text(cell),
                Field::Decisions => m.decisions = cells::text(cell),
                Field::Notes => m.notes = cells::text(cell),
                Field::ActionWhat => item.what = cells::text(cell),
                Field::ActionWho => item.who = cells::text(cell),
                Field::ActionDue => set(&mut item.due, cells::date(cell), &mut fail),
                Field::ActionDone => set_with(
                    &mut item.done,
                    cells::yes_no(cell),
                    |d| d.unwrap_or(false),
                    &mut fail,
                ),
                Field::Questions => m.questions = lines(&cells::text(cell)),
                Field::Participants => {
                    let read: Vec<Participant> = lines(&cells::text(cell))
                        .iter()
                        .map(|l| participant(l))
                        .collect();
                    // The same people keep their ids, so reading a sheet again changes nothing.
                    let same = |a: &Participant, b: &Participant| {
                        (a.role, &a.name, &a.relation_or_unit)
                            == (b.role, &b.name, &b.relation_or_unit)
                    };
                    if read.len() != m.participants.len()
                        || !read.iter().zip(&m.participants).all(|(a, b)| same(a, b))
                    {
                        m.participants = read;
                    }
                }
                _ => {}
            }
        }
        if !item.what.is_empty() {
            add_action_item(&mut m, item);
        }
        problems.is_empty().then_some(m).ok_or(problems)
    }

    fn initiative(
        &self,
        cells: &[Cell],
        mut i: Initiative,
        note_unknown: &mut NoteUnknown,
    ) -> Result<Initiative, Vec<CellProblem>> {
        let mut problems = Vec::new();
        for (column, field, cell) in self.fields(cells) {
            let mut fail = |p: ValueProblem| problems.push(at(column, field, p));
            match field {
                Field::Number => i.number = cells::text(cell),
                Field::Title => {
                    i.title = cells::text(cell);
                    if i.title.is_empty() {
                        fail(ValueProblem::Missing);
                    }
                }
                Field::Description => i.description = cells::text(cell),
                Field::Owner => i.owner = cells::text(cell),
                Field::Committee => i.committee = cells::text(cell),
                Field::Period => i.period = cells::text(cell),
                Field::Start => set(&mut i.start, cells::date(cell), &mut fail),
                Field::Deadline => set(&mut i.deadline, cells::date(cell), &mut fail),
                Field::InitiativeStatus => {
                    let read = self.status(field, cell, cells::initiative_status, note_unknown);
                    set_with(&mut i.status, read, Option::unwrap_or_default, &mut fail);
                }
                Field::Budget => {
                    let Some(year) = super::fields::budget_year(&self.headers[column]) else {
                        continue;
                    };
                    match cells::kroner(cell) {
                        Ok(amount) => {
                            i.budget.retain(|b| b.year != year);
                            if let Some(amount) = amount {
                                i.budget.push(BudgetLine { year, amount });
                                i.budget.stable_sort_by_key(|b| b.year);
                            }
                        }
                        Err(p) => fail(p),
                    }
                }
                _ => {}
            }
        }
        problems.is_empty().then_some(i).ok_or(problems)
    }

    /// The existing record with this row's values over it.
    fn update(&self, ws: &Workspace, id: Id, cells: &[Cell]) -> Outcome {
        let mut ignore = |_: Field, _: &str, _: Option<String>| {};
        let (before, after) = match self.kind {
            Kind::Meetings => {
                let Some(old) = ws.meetings.iter().find(|m| m.id == id) else {
                    return Outcome::Repeats(0);
                };
                match self.meeting(cells, old.clone(), &mut ignore) {
                    Ok(new) => (Record::Meeting(old.clone()), Record::Meeting(new)),
                    Err(p) => return Outcome::Unreadable(p),
                }
            }
            Kind::Initiatives | Kind::Measurements => {
                let Some(old) = ws.plan.initiatives.iter().find(|i| i.id == id) else {
                    return Outcome::Repeats(0);
                };
                match self.initiative(cells, old.clone(), &mut ignore) {
                    Ok(new) => (Record::Initiative(old.clone()), Record::Initiative(new)),
                    Err(p) => return Outcome::Unreadable(p),
                }
            }
        };
        let _ = before;
        Outcome::Exists {
            record: after,
            changes: false,
        }
    }

    /// The model's refusals, each at the column of its field where one holds it.
    fn rule_problems(&self, issues: &[crate::model::validation::FieldIssue]) -> Vec<CellProblem> {
        issues
            .iter()
            .map(|issue| {
                let field = issue
                    .field
                    .first_key()
                    .and_then(|k| model_field(self.kind, k));
                let column =
                    field.and_then(|f| self.mapping.columns.iter().position(|c| *c == Some(f)));
                CellProblem {
                    column,
                    field,
                    problem: RowProblem::Rule(text::file::validation_problem(&issue.problem)),
                }
            })
            .collect()
    }
}

/// An existing record as the sheet would leave it: whether that changes anything, held to the model's rules
/// when it does, and stamped as updated.
fn settle(ws: &Workspace, mut record: Record, reader: &RowReader) -> Outcome {
    let before = match &record {
        Record::Meeting(m) => ws
            .meetings
            .iter()
            .find(|x| x.id == m.id)
            .map(|x| Record::Meeting(x.clone())),
        Record::Initiative(i) => ws
            .plan
            .initiatives
            .iter()
            .find(|x| x.id == i.id)
            .map(|x| Record::Initiative(x.clone())),
        _ => None,
    };
    let changes = before.as_ref() != Some(&record);
    if changes {
        let issues = check_record(record.view());
        if !issues.is_empty() {
            return Outcome::Unreadable(reader.rule_problems(&issues));
        }
        touch(&mut record);
    }
    Outcome::Exists { record, changes }
}

/// An action item on a meeting: one with the same text already there takes the row's who, due and done
/// (so reading a sheet again changes nothing it did not change); another is added.
fn add_action_item(m: &mut Meeting, item: ActionItem) {
    match m
        .action_items
        .iter_mut()
        .find(|a| normalise(&a.what) == normalise(&item.what))
    {
        Some(a) => {
            a.who = item.who;
            a.due = item.due;
            a.done = item.done;
        }
        None => m.action_items.push(item),
    }
}

fn touch(record: &mut Record) {
    match record {
        Record::Meeting(m) => m.updated_at = now(),
        Record::Initiative(i) => i.updated_at = now(),
        _ => {}
    }
}

/// The import field that fills a model field.
fn model_field(kind: Kind, key: &str) -> Option<Field> {
    Some(match (kind, key) {
        (Kind::Meetings, "date") => Field::Date,
        (Kind::Meetings, "time") => Field::Time,
        (Kind::Meetings, "meeting_type") => Field::MeetingType,
        (Kind::Meetings, "case_ref") => Field::CaseRef,
        (Kind::Meetings, "initiator") => Field::Initiator,
        (Kind::Meetings, "coordinator") => Field::Coordinator,
        (Kind::Meetings, "participants") => Field::Participants,
        (Kind::Meetings, "questions") => Field::Questions,
        (Kind::Meetings, "decisions") => Field::Decisions,
        (Kind::Meetings, "measure_start") => Field::MeasureStart,
        (Kind::Meetings, "follow_up_date") => Field::FollowUpDate,
        (Kind::Meetings, "notes") => Field::Notes,
        (Kind::Initiatives, "number") => Field::Number,
        (Kind::Initiatives, "title") => Field::Title,
        (Kind::Initiatives, "description") => Field::Description,
        (Kind::Initiatives, "owner") => Field::Owner,
        (Kind::Initiatives, "committee") => Field::Committee,
        (Kind::Initiatives, "start") => Field::Start,
        (Kind::Initiatives, "deadline") => Field::Deadline,
        (Kind::Initiatives, "period") => Field::Period,
        (Kind::Initiatives, "budget") => Field::Budget,
        _ => return None,
    })
}

/// Puts a value read from a cell in its place, or notes why it could not be read.
fn set<T>(slot: &mut T, read: Result<T, ValueProblem>, fail: &mut impl FnMut(ValueProblem)) {
    set_with(slot, read, |v| v, fail)
}

fn set_with<T, V>(
    slot: &mut T,
    read: Result<V, ValueProblem>,
    into: impl FnOnce(V) -> T,
    fail: &mut impl FnMut(ValueProblem),
) {
    match read {
        Ok(v) => *slot = into(v),
        Err(p) => fail(p),
    }
}

fn at(column: usize, field: Field, problem: ValueProblem) -> CellProblem {
    CellProblem {
        column: Some(column),
        field: Some(field),
        problem: RowProblem::Value(problem),
    }
}

/// A cell with one value per line (as Trappe's CSV writes lists); empty lines dropped.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A participant as Trappe's CSV writes one («Fagperson: Hanne (PPR)»); a line without a known role is
/// kept whole as the name of a participant in the network.
fn participant(line: &str) -> Participant {
    let (role, rest) = match line.split_once(':') {
        Some((r, rest)) => match txt::participant_role(r) {
            Some(role) => (role, rest.trim()),
            None => (ParticipantRole::Network, line),
        },
        None => (ParticipantRole::Network, line),
    };
    let (name, relation) = match rest.strip_suffix(')').and_then(|r| r.rsplit_once(" (")) {
        Some((n, r)) => (n.trim(), r.trim()),
        None => (rest, ""),
    };
    Participant {
        role,
        name: name.to_string(),
        relation_or_unit: relation.to_string(),
        ..Participant::default()
    }
}
