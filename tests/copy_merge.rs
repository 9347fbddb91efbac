//! Merging a colleague's copy: the rules (an ancestor takes the other side, two descendants are a
//! conflict with both kept, deletions are tombstones, a cut history is a conflict) and property tests over
//! generated edit histories on two and three copies of one workspace.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;
use trappe::model::commands::{apply, Command, History};
use trappe::model::copy_merge::merge_copy;
use trappe::model::delete::with_detach;
use trappe::model::record::{Place, Record, RecordKind, RecordRef};
use trappe::model::revision::{self, Revisions};
use trappe::model::validation::validate;
use trappe::model::*;

fn base() -> Workspace {
    let mut ws = Workspace::new("Fælles trappe");
    for s in 0..3 {
        let mut step = Step {
            name: format!("Trin {s}"),
            ..Step::default()
        };
        for i in 0..2 {
            step.interventions.push(Intervention {
                name: format!("Indsats {s}.{i}"),
                ..Intervention::default()
            });
        }
        ws.staircase.steps.push(step);
    }
    for m in 0..4 {
        ws.meetings.push(Meeting {
            case_ref: format!("Sag {m}"),
            notes: "Første møde".into(),
            linked_step: Some(ws.staircase.steps[m % 3].id),
            ..Meeting::default()
        });
    }
    for g in 0..2 {
        ws.plan.goals.push(Goal {
            title: format!("Mål {g}"),
            ..Goal::default()
        });
    }
    for n in 0..3 {
        ws.plan.initiatives.push(Initiative {
            number: format!("{n}"),
            title: format!("Initiativ {n}"),
            goal_id: Some(ws.plan.goals[n % 2].id),
            ..Initiative::default()
        });
    }
    assert!(validate(&ws, "workspace").is_empty());
    ws
}

/// A copy as a colleague gets it: through a file.
fn through_file(ws: &Workspace) -> Workspace {
    serde_json::from_str(&serde_json::to_string(ws).unwrap()).unwrap()
}

fn edit(ws: &mut Workspace, cmd: Command) {
    let cmd = with_detach(ws, cmd);
    apply(ws, cmd).expect("the edit applies");
}

fn meeting_put(ws: &Workspace, i: usize, f: impl FnOnce(&mut Meeting)) -> Command {
    let mut m = ws.meetings[i].clone();
    f(&mut m);
    Command::put(Record::Meeting(m))
}

fn merged(here: &Workspace, file: &Workspace) -> Workspace {
    let m = merge_copy(here, file).expect("the merge applies");
    assert!(
        validate(&m.merged, "workspace").is_empty(),
        "{:?}",
        validate(&m.merged, "workspace")
    );
    m.merged
}

/// A workspace as a set: its records by reference (JSON), its branches by record and revision, its
/// set-aside entries by id. Order of lists and stamps (of the workspace, its records and branches) aside.
fn as_set(
    ws: &Workspace,
) -> (
    BTreeMap<String, Value>,
    BTreeMap<String, Value>,
    Vec<String>,
) {
    let records = ws
        .views()
        .map(|v| {
            (format!("{:?}", v.reference()), {
                let mut r = serde_json::to_value(ws.record(v.reference()).unwrap().1).unwrap();
                without_stamps(&mut r);
                r
            })
        })
        .collect();
    let branches = ws
        .branches
        .iter()
        .map(|b| {
            (format!("{:?} {:?}", b.record, b.revisions.rev()), {
                // When a version became a branch depends on when each merge ran: aside. So do its stamps,
                // as a record's: two copies that made the same edit hold one revision with two stamps.
                let mut v = serde_json::to_value(b).unwrap();
                v["at"] = Value::Null;
                without_stamps(&mut v["version"]);
                v
            })
        })
        .collect();
    let mut set_aside: Vec<String> = ws.set_aside.iter().map(|e| e.id.to_string()).collect();
    set_aside.sort();
    (records, branches, set_aside)
}

/// A record's JSON (`{"kind", "record"}`) without its stamps. Stamps say when, not what: each side keeps
/// its own for one revision (the revision is of the content alone).
fn without_stamps(r: &mut Value) {
    for k in ["created_at", "updated_at"] {
        if let Some(m) = r["record"].as_object_mut() {
            m.remove(k);
        }
        if let Some(m) = r["record"]["intervention"].as_object_mut() {
            m.remove(k);
        }
    }
}

/// What differs between two sets, briefly.
fn differ(a: &Workspace, b: &Workspace) -> String {
    let (x, y) = (as_set(a), as_set(b));
    let mut out = String::new();
    for (k, v) in &x.0 {
        if y.0.get(k) != Some(v) {
            out += &format!("record {k}: {v}\n  vs {:?}\n", y.0.get(k));
        }
    }
    for k in y.0.keys().filter(|k| !x.0.contains_key(*k)) {
        out += &format!("record only in second: {k}\n");
    }
    for (k, v) in &x.1 {
        if y.1.get(k) != Some(v) {
            out += &format!("branch {k}: {v}\n  vs {:?}\n", y.1.get(k));
        }
    }
    for k in y.1.keys().filter(|k| !x.1.contains_key(*k)) {
        out += &format!("branch only in second: {k}\n");
    }
    out
}

fn conflicts_of(ws: &Workspace) -> Vec<RecordRef> {
    ws.conflicts()
}

#[test]
fn a_record_changed_on_one_side_only_takes_that_side() {
    let a = base();
    let mut b = through_file(&a);
    let cmd = meeting_put(&b, 0, |m| m.notes = "Rettet hos kollegaen".into());
    edit(&mut b, cmd);
    let m = merge_copy(&a, &b).unwrap();
    assert_eq!(m.merged.meetings[0].notes, "Rettet hos kollegaen");
    assert!(
        m.merged.branches.is_empty(),
        "no conflict: {:?}",
        m.merged.branches
    );
    assert_eq!(m.summary.total().changed, 1);
    assert_eq!(m.summary.total().conflicts, 0);
    // And the other way: this side's newer version stays.
    let back = merge_copy(&b, &a).unwrap();
    assert!(
        back.command.is_none(),
        "nothing to bring: {:?}",
        back.summary
    );
}

#[test]
fn a_record_changed_on_both_sides_is_a_conflict_that_keeps_both_and_marks_a_winner() {
    let a0 = base();
    let mut a = a0.clone();
    let mut b = through_file(&a0);
    let ca = meeting_put(&a, 1, |m| m.notes = "Her".into());
    edit(&mut a, ca);
    let cb = meeting_put(&b, 1, |m| m.chair = "Kollega".into());
    edit(&mut b, cb);
    let ab = merged(&a, &b);
    let ba = merged(&b, &a);
    assert_eq!(
        as_set(&ab),
        as_set(&ba),
        "the same winner and loser either way"
    );
    let r = RecordRef::new(RecordKind::Meeting, a.meetings[1].id);
    assert_eq!(conflicts_of(&ab), vec![r]);
    let loser = &ab.open_branches(r)[0];
    let shown = ab.meetings.iter().find(|m| m.id == r.id).unwrap();
    let lost = match &loser.version {
        Some(Record::Meeting(m)) => m.clone(),
        other => panic!("the loser is kept whole: {other:?}"),
    };
    // One of them is shown, the other kept: nothing is lost.
    let mut both = [shown.notes.as_str(), lost.notes.as_str()];
    both.sort();
    assert_eq!(both, ["Første møde", "Her"]);
    // The winner is the higher revision id (both have the same history length).
    assert!(shown.revisions.rev() > lost.revisions.rev());
}

#[test]
fn a_deletion_is_a_tombstone_the_other_copy_learns() {
    let a0 = base();
    let mut a = a0.clone();
    let b = through_file(&a0);
    let gone = a.meetings[2].id;
    edit(&mut a, Command::remove(RecordKind::Meeting, gone));
    assert_eq!(a.branches.len(), 1, "a tombstone");
    let ba = merged(&b, &a);
    assert!(
        !ba.meetings.iter().any(|m| m.id == gone),
        "deleted there too"
    );
    assert!(ba.conflicts().is_empty());
    let ab = merged(&a, &b);
    assert!(
        !ab.meetings.iter().any(|m| m.id == gone),
        "stays deleted here"
    );
    assert_eq!(as_set(&ab), as_set(&ba));
}

#[test]
fn a_record_deleted_on_one_side_and_changed_on_the_other_comes_back_as_a_conflict() {
    let a0 = base();
    let mut a = a0.clone();
    let mut b = through_file(&a0);
    let id = a.meetings[3].id;
    edit(&mut a, Command::remove(RecordKind::Meeting, id));
    let cb = meeting_put(&b, 3, |m| m.notes = "Ændret efter sletningen".into());
    edit(&mut b, cb);
    let ab = merged(&a, &b);
    let r = RecordRef::new(RecordKind::Meeting, id);
    let back = ab
        .meetings
        .iter()
        .find(|m| m.id == id)
        .expect("it comes back");
    assert_eq!(back.notes, "Ændret efter sletningen");
    assert_eq!(ab.conflicts(), vec![r], "marked");
    assert!(
        ab.open_branches(r)[0].version.is_none(),
        "the deletion is kept"
    );
    assert_eq!(as_set(&ab), as_set(&merged(&b, &a)));
}

#[test]
fn a_history_cut_by_the_bound_is_a_conflict_never_a_silent_overwrite() {
    let a0 = base();
    let mut a = a0.clone();
    let b = through_file(&a0);
    for i in 0..(Revisions::KEPT + 5) {
        let c = meeting_put(&a, 0, |m| m.notes = format!("Udgave {i}"));
        edit(&mut a, c);
    }
    // The copy's version is an ancestor, but no longer within the kept history: both are kept.
    let ba = merged(&b, &a);
    let r = RecordRef::new(RecordKind::Meeting, a.meetings[0].id);
    assert_eq!(ba.conflicts(), vec![r]);
    let shown = ba.meetings.iter().find(|m| m.id == r.id).unwrap();
    assert_eq!(
        shown.notes,
        format!("Udgave {}", Revisions::KEPT + 4),
        "the longer history wins"
    );
}

#[test]
fn copies_of_a_file_without_revisions_agree_and_merge_without_conflicts() {
    let mut old = base();
    // As from before revisions: nothing stored.
    old = revision::cleared(&old);
    let a = through_file(&old);
    let mut b = through_file(&old);
    let cb = meeting_put(&b, 0, |m| m.notes = "Nyt hos kollegaen".into());
    edit(&mut b, cb);
    let ab = merged(&a, &b);
    assert!(ab.conflicts().is_empty());
    assert_eq!(ab.meetings[0].notes, "Nyt hos kollegaen");
    assert!(merge_copy(&a, &a).unwrap().command.is_none());
}

#[test]
fn an_intervention_added_to_a_step_deleted_on_the_other_side_brings_the_step_back() {
    let a0 = base();
    let mut a = a0.clone();
    let mut b = through_file(&a0);
    let step = a.staircase.steps[2].clone();
    // A: removes the step (its interventions and the links to it first).
    for iv in step.interventions.clone() {
        edit(&mut a, Command::remove(RecordKind::Intervention, iv.id));
    }
    edit(&mut a, Command::remove(RecordKind::Step, step.id));
    // B: adds an intervention to it.
    edit(
        &mut b,
        Command::Put {
            place: Place::Keep,
            record: Record::Intervention {
                step: step.id,
                intervention: Intervention {
                    name: "Ny indsats".into(),
                    ..Intervention::default()
                },
            },
        },
    );
    let ab = merged(&a, &b);
    assert!(
        ab.staircase.steps.iter().any(|s| s.id == step.id),
        "the step is back"
    );
    assert!(ab.in_conflict(RecordRef::new(RecordKind::Step, step.id)));
    assert_eq!(as_set(&ab), as_set(&merged(&b, &a)));
}

#[test]
fn undo_takes_a_whole_merge_back() {
    let a0 = base();
    let mut a = a0.clone();
    let mut b = through_file(&a0);
    let ca = meeting_put(&a, 1, |m| m.notes = "Her".into());
    edit(&mut a, ca);
    let cb = meeting_put(&b, 1, |m| m.notes = "Der".into());
    edit(&mut b, cb);
    let gone = b.meetings[2].id;
    edit(&mut b, Command::remove(RecordKind::Meeting, gone));
    let before = a.clone();
    let m = merge_copy(&a, &b).unwrap();
    let mut h = History::default();
    h.perform(&mut a, m.command.unwrap()).unwrap();
    assert_eq!(as_set(&a), as_set(&m.merged));
    h.undo(&mut a).unwrap();
    assert_eq!(as_set(&a), as_set(&before));
    assert_eq!(a.branches, before.branches);
}

#[test]
fn resolving_a_conflict_settles_it_on_both_copies_once_they_exchange_again() {
    let a0 = base();
    let mut a = a0.clone();
    let mut b = through_file(&a0);
    let ca = meeting_put(&a, 1, |m| m.notes = "Her".into());
    edit(&mut a, ca);
    let cb = meeting_put(&b, 1, |m| m.chair = "Kollega".into());
    edit(&mut b, cb);
    let mut ab = merged(&a, &b);
    let r = RecordRef::new(RecordKind::Meeting, a.meetings[1].id);
    // Both fields kept: the user picks per field.
    let mut chosen = ab.meetings.iter().find(|m| m.id == r.id).unwrap().clone();
    chosen.notes = "Her".into();
    chosen.chair = "Kollega".into();
    let cmd = trappe::model::copy_merge::resolve(&ab, Record::Meeting(chosen), None);
    apply(&mut ab, cmd).unwrap();
    assert!(ab.conflicts().is_empty());
    // The colleague merges the resolved copy: no conflict there either, the same result.
    let ba = merged(&b, &ab);
    assert!(ba.conflicts().is_empty(), "{:?}", ba.branches);
    let shown = ba.meetings.iter().find(|m| m.id == r.id).unwrap();
    assert_eq!(
        (shown.notes.as_str(), shown.chair.as_str()),
        ("Her", "Kollega")
    );
    assert_eq!(as_set(&ba), as_set(&merged(&ab, &b)));
}

// ----- Property tests over generated edit histories.

#[derive(Clone, Debug)]
enum Edit {
    Notes(usize, u8),
    Chair(usize, u8),
    DeleteMeeting(usize),
    AddMeeting(u8, usize),
    RenameIntervention(usize, u8),
    MoveIntervention(usize, usize),
    DeleteIntervention(usize),
    AddIntervention(usize, u8),
    DeleteStep(usize),
    InitiativeTitle(usize, u8),
    DeleteGoal(usize),
    Undo,
}

fn an_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..6usize, 0..4u8).prop_map(|(i, v)| Edit::Notes(i, v)),
        (0..6usize, 0..4u8).prop_map(|(i, v)| Edit::Chair(i, v)),
        (0..6usize).prop_map(Edit::DeleteMeeting),
        (0..4u8, 0..4usize).prop_map(|(v, s)| Edit::AddMeeting(v, s)),
        (0..8usize, 0..4u8).prop_map(|(i, v)| Edit::RenameIntervention(i, v)),
        (0..8usize, 0..4usize).prop_map(|(i, s)| Edit::MoveIntervention(i, s)),
        (0..8usize).prop_map(Edit::DeleteIntervention),
        (0..4usize, 0..4u8).prop_map(|(s, v)| Edit::AddIntervention(s, v)),
        (0..4usize).prop_map(Edit::DeleteStep),
        (0..4usize, 0..4u8).prop_map(|(i, v)| Edit::InitiativeTitle(i, v)),
        (0..3usize).prop_map(Edit::DeleteGoal),
        Just(Edit::Undo),
    ]
}

fn command_for(ws: &Workspace, e: &Edit) -> Option<Command> {
    let ivs: Vec<(Id, Intervention)> = ws
        .staircase
        .steps
        .iter()
        .flat_map(|s| s.interventions.iter().map(move |i| (s.id, i.clone())))
        .collect();
    let step = |i: usize| ws.staircase.steps.get(i % ws.staircase.steps.len().max(1));
    Some(match e {
        Edit::Notes(i, v) => {
            let mut m = ws.meetings.get(*i)?.clone();
            m.notes = format!("Note {v}");
            Command::put(Record::Meeting(m))
        }
        Edit::Chair(i, v) => {
            let mut m = ws.meetings.get(*i)?.clone();
            m.chair = format!("Ordstyrer {v}");
            Command::put(Record::Meeting(m))
        }
        Edit::DeleteMeeting(i) => Command::remove(RecordKind::Meeting, ws.meetings.get(*i)?.id),
        Edit::AddMeeting(v, s) => Command::put(Record::Meeting(Meeting {
            case_ref: format!("Ny sag {v}"),
            linked_step: step(*s).map(|s| s.id),
            ..Meeting::default()
        })),
        Edit::RenameIntervention(i, v) => {
            let (s, mut iv) = ivs.get(*i)?.clone();
            iv.name = format!("Indsats {v}");
            Command::put(Record::Intervention {
                step: s,
                intervention: iv,
            })
        }
        Edit::MoveIntervention(i, to) => {
            let (_, iv) = ivs.get(*i)?.clone();
            Command::put(Record::Intervention {
                step: step(*to)?.id,
                intervention: iv,
            })
        }
        Edit::DeleteIntervention(i) => Command::remove(RecordKind::Intervention, ivs.get(*i)?.1.id),
        Edit::AddIntervention(s, v) => Command::put(Record::Intervention {
            step: step(*s)?.id,
            intervention: Intervention {
                name: format!("Tilføjet {v}"),
                ..Intervention::default()
            },
        }),
        Edit::DeleteStep(i) => {
            let st = ws.staircase.steps.get(*i)?;
            let mut cmds: Vec<Command> = st
                .interventions
                .iter()
                .map(|iv| Command::remove(RecordKind::Intervention, iv.id))
                .collect();
            cmds.push(Command::remove(RecordKind::Step, st.id));
            Command::Batch { commands: cmds }
        }
        Edit::InitiativeTitle(i, v) => {
            let mut x = ws.plan.initiatives.get(*i)?.clone();
            x.title = format!("Titel {v}");
            Command::put(Record::Initiative(x))
        }
        Edit::DeleteGoal(i) => Command::remove(RecordKind::Goal, ws.plan.goals.get(*i)?.id),
        Edit::Undo => return None,
    })
}

fn play(ws: &mut Workspace, edits: &[Edit]) {
    let mut h = History::default();
    for e in edits {
        if let Edit::Undo = e {
            let _ = h.undo(ws);
            continue;
        }
        if let Some(cmd) = command_for(ws, e) {
            let cmd = with_detach(ws, cmd);
            let _ = h.perform(ws, cmd);
        }
    }
    assert!(validate(ws, "workspace").is_empty());
}

/// Every version a copy holds (shown or kept), by record and revision.
fn versions(ws: &Workspace) -> Vec<(RecordRef, Revisions)> {
    ws.views()
        .map(|v| (v.reference(), revision::of(v)))
        .chain(ws.branches.iter().map(|b| (b.record, b.revisions.clone())))
        .collect()
}

/// Whether `v` is in `ws` or superseded by something in it.
fn kept_in(ws: &Workspace, v: &(RecordRef, Revisions)) -> bool {
    versions(ws)
        .iter()
        .any(|(r, revs)| *r == v.0 && v.1.is_ancestor_of(revs))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn two_copies_merge_the_same_either_way_lose_nothing_and_merge_once(
        ea in prop::collection::vec(an_edit(), 0..12),
        eb in prop::collection::vec(an_edit(), 0..12),
    ) {
        let start = base();
        let mut a = through_file(&start);
        let mut b = through_file(&start);
        play(&mut a, &ea);
        play(&mut b, &eb);
        let ab = merged(&a, &b);
        let ba = merged(&b, &a);
        prop_assert!(as_set(&ab) == as_set(&ba), "{}", differ(&ab, &ba));
        for v in versions(&a).iter().chain(versions(&b).iter()) {
            prop_assert!(kept_in(&ab, v), "lost {:?}", v);
        }
        // The same file again, or either side again: nothing changes.
        prop_assert!(merge_copy(&ab, &b).unwrap().command.is_none());
        prop_assert!(merge_copy(&ab, &a).unwrap().command.is_none());
        prop_assert!(merge_copy(&ab, &ba).unwrap().command.is_none());
        // Undo takes the merge back whole.
        if let Some(cmd) = merge_copy(&a, &b).unwrap().command {
            let mut x = a.clone();
            let mut h = History::default();
            h.perform(&mut x, cmd).unwrap();
            h.undo(&mut x).unwrap();
            prop_assert_eq!(as_set(&x), as_set(&a));
        }
    }

    #[test]
    fn three_copies_merged_in_any_order_agree(
        ea in prop::collection::vec(an_edit(), 0..8),
        eb in prop::collection::vec(an_edit(), 0..8),
        ec in prop::collection::vec(an_edit(), 0..8),
        exchange in any::<bool>(),
    ) {
        let start = base();
        let mut a = through_file(&start);
        let mut b = through_file(&start);
        let mut c = through_file(&start);
        play(&mut a, &ea);
        if exchange {
            // B has had A's file once before going on.
            b = merged(&b, &a);
        }
        play(&mut b, &eb);
        play(&mut c, &ec);
        let one = merged(&merged(&a, &b), &c);
        let two = merged(&a, &merged(&b, &c));
        let three = merged(&merged(&c, &a), &b);
        prop_assert!(as_set(&one) == as_set(&two), "{}", differ(&one, &two));
        prop_assert!(as_set(&one) == as_set(&three), "{}", differ(&one, &three));
        for v in versions(&a).iter().chain(versions(&b).iter()).chain(versions(&c).iter()) {
            prop_assert!(kept_in(&one, v), "lost {:?}", v);
        }
    }
}

#[test]
fn merging_the_same_file_twice_through_the_file_format_changes_nothing() {
    use trappe::file_format::{export::export_json, read_workspace_file};
    let here = base();
    let text = export_json(&here, chrono::Utc::now());
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["workspace"]["meetings"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"id": uuid::Uuid::new_v4().to_string(), "case_ref": "Sag N-9", "status": "planned"}));
    let file = read_workspace_file(v.to_string().as_bytes())
        .unwrap()
        .workspace;
    let once = merged(&here, &file);
    assert_eq!(once.meetings.len(), 5);
    let again = merge_copy(&once, &file).unwrap();
    assert!(again.command.is_none(), "{:?}", again.summary);
    let reread = read_workspace_file(export_json(&once, chrono::Utc::now()).as_bytes())
        .unwrap()
        .workspace;
    let again = merge_copy(&reread, &file).unwrap();
    assert!(again.command.is_none(), "after a save: {:?}", again.summary);
}

#[test]
fn settling_field_by_field_takes_the_picked_fields_whichever_side_won() {
    for _ in 0..8 {
        let a0 = base();
        let mut a = a0.clone();
        let mut b = through_file(&a0);
        let ca = meeting_put(&a, 1, |m| m.notes = "Her".into());
        edit(&mut a, ca);
        let cb = meeting_put(&b, 1, |m| {
            m.notes = "Der".into();
            m.chair = "Kollega".into();
        });
        edit(&mut b, cb);
        let mut ab = merged(&a, &b);
        let r = RecordRef::new(RecordKind::Meeting, a.meetings[1].id);
        let (_, shown) = ab.record(r).unwrap();
        let other = ab.open_branches(r)[0].version.clone().unwrap();
        let diffs = trappe::model::copy_merge::differences(&shown, &other);
        // Notes from "Her", the chair from "Der", as the conflict view's radios pick them.
        let picks: Vec<bool> = diffs
            .iter()
            .map(|d| match d.field.as_str() {
                "notes" => d.theirs == Value::String("Her".into()),
                "chair" => d.theirs == Value::String("Kollega".into()),
                _ => false,
            })
            .collect();
        let chosen = trappe::model::merge::choose_record(&shown, &diffs, &picks);
        let cmd = trappe::model::copy_merge::resolve(&ab, chosen, None);
        apply(&mut ab, cmd).unwrap();
        let m = ab.meetings.iter().find(|m| m.id == r.id).unwrap();
        assert_eq!((m.notes.as_str(), m.chair.as_str()), ("Her", "Kollega"));
        assert!(ab.conflicts().is_empty());
    }
}

/// A copy deletes a step (and clears a meeting's link to it), a second copy edits that meeting, a third
/// deletes the meeting after it had the first's file. Merged in the order third-after-the-other-two, the
/// second's meeting (kept as a branch where the first's version won) is shown again and needs the step:
/// its last version must still be known, though every copy shows only its deletion by then. Revision ids
/// are content hashes of random ids, so which version wins the first merge varies: tried 30 times.
#[test]
fn a_version_kept_as_a_branch_keeps_the_records_it_needs() {
    use Edit::*;
    for _ in 0..30 {
        let start = base();
        let mut a = through_file(&start);
        let mut b = through_file(&start);
        let mut c = through_file(&start);
        play(&mut a, &[DeleteStep(0)]);
        b = merged(&b, &a);
        play(&mut b, &[DeleteMeeting(0)]);
        play(&mut c, &[Chair(0, 3)]);
        let one = merged(&merged(&a, &b), &c);
        let three = merged(&merged(&c, &a), &b);
        assert!(as_set(&one) == as_set(&three), "{}", differ(&one, &three));
    }
}
