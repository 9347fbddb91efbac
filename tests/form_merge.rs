//! A form's save on the version it opened, for every kind of record and every workspace-wide setting: what
//! another tab (or another form) changed meanwhile is kept, the user's change is applied, a field both
//! changed is asked and answered, a record moved or removed meanwhile is neither moved back nor lost.

use serde_json::{json, Value};
use trappe::model::commands::{apply, Command};
use trappe::model::merge::{rebase_form, Answers, Asked, Seen, Setting, Target};
use trappe::model::record::{Place, Record, RecordKind, RecordRef};
use trappe::model::*;

/// A workspace with one record of every kind (two steps, so an intervention can move).
fn workspace() -> Workspace {
    let mut ws = Workspace::new("Prøve");
    let iv = Intervention {
        name: "Familiebehandling".into(),
        ..Intervention::default()
    };
    let s1 = Step {
        name: "Trin 1".into(),
        interventions: vec![iv.clone()],
        ..Step::default()
    };
    let s2 = Step {
        name: "Trin 2".into(),
        ..Step::default()
    };
    ws.staircase.steps = vec![s1, s2];
    ws.staircase.measurements.push(Measurement {
        name: "Status 2019".into(),
        ..Measurement::default()
    });
    ws.meetings.push(Meeting {
        case_ref: "Sag 1".into(),
        ..Meeting::default()
    });
    ws.meeting_templates.push(MeetingTemplate {
        name: "Egen skabelon".into(),
        ..MeetingTemplate::default()
    });
    ws.plan.goals.push(Goal {
        title: "Færre anbringelser".into(),
        ..Goal::default()
    });
    ws.plan.tracks.push(Track {
        title: "Tidlig indsats".into(),
        ..Track::default()
    });
    ws.plan.initiatives.push(Initiative {
        number: "1".into(),
        title: "Netværksmøder".into(),
        ..Initiative::default()
    });
    ws.plan.indicators.push(Indicator {
        name: "Anbringelsesandel".into(),
        ..Indicator::default()
    });
    ws.plan.timeline.push(TimelineRow {
        activity: "Kick-off".into(),
        ..TimelineRow::default()
    });
    assert!(validation::validate(&ws, "w").is_empty());
    ws
}

/// Two fields of each kind that a form edits.
fn fields(kind: RecordKind) -> (&'static str, &'static str) {
    match kind {
        RecordKind::Step => ("name", "description"),
        RecordKind::Intervention => ("name", "provider"),
        RecordKind::Measurement => ("name", "note"),
        RecordKind::Meeting => ("notes", "chair"),
        RecordKind::Template => ("name", "questions"),
        RecordKind::Goal => ("title", "description"),
        RecordKind::Track => ("title", "description"),
        RecordKind::Initiative => ("title", "owner"),
        RecordKind::Indicator => ("name", "unit"),
        RecordKind::TimelineRow => ("activity", "period_label"),
    }
}

fn value_for(field: &str, text: &str) -> Value {
    if field == "questions" {
        json!([text])
    } else {
        json!(text)
    }
}

/// `r` with one field set, through its JSON (so every kind is handled alike).
fn with_field(r: &Record, field: &str, text: &str) -> Record {
    let mut v = serde_json::to_value(r).unwrap();
    let body = if r.kind() == RecordKind::Intervention {
        &mut v["record"]["intervention"]
    } else {
        &mut v["record"]
    };
    body[field] = value_for(field, text);
    serde_json::from_value(v).unwrap()
}

fn field_of(ws: &Workspace, r: RecordRef, field: &str) -> Value {
    let rec = ws.record(r).unwrap().1;
    let v = serde_json::to_value(&rec).unwrap();
    if r.kind == RecordKind::Intervention {
        v["record"]["intervention"][field].clone()
    } else {
        v["record"][field].clone()
    }
}

fn one_of(ws: &Workspace, kind: RecordKind) -> RecordRef {
    RecordRef::new(kind, ws.ids_of(kind)[0])
}

/// Another tab's save, as this tab sees it once it arrives.
fn other_tab(ws: &mut Workspace, cmd: Command) {
    apply(ws, cmd).unwrap();
}

#[test]
fn different_fields_changed_on_both_sides_are_both_kept_for_every_kind() {
    for kind in RecordKind::ALL {
        let mut ws = workspace();
        let r = one_of(&ws, kind);
        let seen = ws.record(r).unwrap().1;
        let (a, b) = fields(kind);
        other_tab(
            &mut ws,
            Command::put(with_field(&seen, a, "Fra den anden fane")),
        );
        let mine = Command::put(with_field(&seen, b, "Fra formularen"));
        let cmd = rebase_form(&ws, &[Seen::Record(seen)], mine, None)
            .unwrap_or_else(|e| panic!("{kind:?}: asked {e:?}"));
        apply(&mut ws, cmd).unwrap();
        assert_eq!(
            field_of(&ws, r, a),
            value_for(a, "Fra den anden fane"),
            "{kind:?}"
        );
        assert_eq!(
            field_of(&ws, r, b),
            value_for(b, "Fra formularen"),
            "{kind:?}"
        );
        // The merged record descends from the other tab's version.
        assert!(ws.view(r).unwrap().revisions().start >= 3, "{kind:?}");
    }
}

#[test]
fn the_same_field_changed_on_both_sides_is_asked_and_the_answer_taken_for_every_kind() {
    for kind in RecordKind::ALL {
        for take_theirs in [true, false] {
            let mut ws = workspace();
            let r = one_of(&ws, kind);
            let seen = ws.record(r).unwrap().1;
            let (a, _) = fields(kind);
            other_tab(&mut ws, Command::put(with_field(&seen, a, "Theirs")));
            let mine = Command::put(with_field(&seen, a, "Mine"));
            let seen = [Seen::Record(seen)];
            let asked = rebase_form(&ws, &seen, mine.clone(), None).unwrap_err();
            assert_eq!(asked.len(), 1, "{kind:?}");
            assert_eq!(asked[0].target, Target::Record(r));
            assert_eq!(asked[0].conflict.field, a);
            assert_eq!(asked[0].conflict.theirs, value_for(a, "Theirs"));
            assert_eq!(asked[0].conflict.mine, value_for(a, "Mine"));
            let answers = Answers {
                asked: &asked,
                take_theirs: &[take_theirs],
            };
            let cmd = rebase_form(&ws, &seen, mine, Some(answers)).unwrap();
            apply(&mut ws, cmd).unwrap();
            let want = if take_theirs { "Theirs" } else { "Mine" };
            assert_eq!(field_of(&ws, r, a), value_for(a, want), "{kind:?}");
        }
    }
}

#[test]
fn an_answer_to_an_older_question_is_asked_again() {
    let mut ws = workspace();
    let r = one_of(&ws, RecordKind::Initiative);
    let seen = ws.record(r).unwrap().1;
    other_tab(&mut ws, Command::put(with_field(&seen, "title", "A")));
    let mine = Command::put(with_field(&seen, "title", "Mine"));
    let seen = [Seen::Record(seen)];
    let asked = rebase_form(&ws, &seen, mine.clone(), None).unwrap_err();
    // The other tab changes the title again before the user answers: the user is asked about that.
    let now = ws.record(r).unwrap().1;
    other_tab(&mut ws, Command::put(with_field(&now, "title", "B")));
    let answers = Answers {
        asked: &asked,
        take_theirs: &[true],
    };
    let again = rebase_form(&ws, &seen, mine, Some(answers)).unwrap_err();
    assert_eq!(again[0].conflict.theirs, json!("B"));
}

#[test]
fn an_unchanged_record_goes_through_as_the_form_made_it() {
    let ws = workspace();
    let r = one_of(&ws, RecordKind::Goal);
    let seen = ws.record(r).unwrap().1;
    let mine = Command::put(with_field(&seen, "title", "Nyt"));
    let cmd = rebase_form(&ws, &[Seen::Record(seen)], mine.clone(), None).unwrap();
    assert_eq!(cmd, mine);
}

#[test]
fn an_intervention_moved_meanwhile_stays_where_it_was_moved() {
    let mut ws = workspace();
    let r = one_of(&ws, RecordKind::Intervention);
    let seen = ws.record(r).unwrap().1;
    let step2 = ws.staircase.steps[1].id;
    // The other tab moves it to step 2.
    let Record::Intervention { intervention, .. } = seen.clone() else {
        unreachable!()
    };
    other_tab(
        &mut ws,
        Command::Put {
            place: Place::First,
            record: Record::Intervention {
                step: step2,
                intervention: intervention.clone(),
            },
        },
    );
    // The form, opened before, saves a new name (its step as it was opened).
    let mine = Command::put(with_field(&seen, "name", "Ny familiebehandling"));
    let cmd = rebase_form(&ws, &[Seen::Record(seen.clone())], mine, None).unwrap();
    apply(&mut ws, cmd).unwrap();
    assert!(ws.staircase.steps[0].interventions.is_empty());
    assert_eq!(
        ws.staircase.steps[1].interventions[0].name,
        "Ny familiebehandling"
    );

    // Both moved it, to different steps: the step is asked.
    let mut ws = workspace();
    let r = one_of(&ws, RecordKind::Intervention);
    let step2 = ws.staircase.steps[1].id;
    let Record::Intervention { intervention, .. } = ws.record(r).unwrap().1 else {
        unreachable!()
    };
    let step1 = ws.staircase.steps[0].id;
    let step3 = Step {
        name: "Trin 3".into(),
        ..Step::default()
    };
    let step3_id = step3.id;
    apply(&mut ws, Command::put(Record::Step(step3))).unwrap();
    let seen = ws.record(r).unwrap().1;
    other_tab(
        &mut ws,
        Command::put(Record::Intervention {
            step: step2,
            intervention: intervention.clone(),
        }),
    );
    let mine = Command::put(Record::Intervention {
        step: step3_id,
        intervention,
    });
    let asked = rebase_form(&ws, &[Seen::Record(seen)], mine, None).unwrap_err();
    assert_eq!(asked[0].conflict.field, "step");
    assert_eq!(asked[0].conflict.theirs, json!(step2.to_string()));
    assert_ne!(step1, step2);
}

#[test]
fn a_record_removed_meanwhile_comes_back_with_the_users_edit() {
    let mut ws = workspace();
    let r = one_of(&ws, RecordKind::Meeting);
    let seen = ws.record(r).unwrap().1;
    other_tab(&mut ws, Command::remove(RecordKind::Meeting, r.id));
    let mine = Command::put(with_field(&seen, "notes", "Vigtig note"));
    let cmd = rebase_form(&ws, &[Seen::Record(seen)], mine, None).unwrap();
    apply(&mut ws, cmd).unwrap();
    assert_eq!(field_of(&ws, r, "notes"), json!("Vigtig note"));
}

#[test]
fn notes_added_on_both_sides_are_both_kept() {
    let mut ws = workspace();
    let r = one_of(&ws, RecordKind::Initiative);
    let Record::Initiative(seen) = ws.record(r).unwrap().1 else {
        unreachable!()
    };
    let note = |text: &str| StatusNote {
        text: text.into(),
        ..StatusNote::default()
    };
    let mut theirs = seen.clone();
    theirs.history.push(note("Fra den anden fane"));
    theirs.status = InitiativeStatus::InProgress;
    other_tab(&mut ws, Command::put(Record::Initiative(theirs)));
    let mut mine = seen.clone();
    mine.history.push(note("Fra formularen"));
    let cmd = rebase_form(
        &ws,
        &[Seen::Record(Record::Initiative(seen))],
        Command::put(Record::Initiative(mine)),
        None,
    )
    .unwrap();
    apply(&mut ws, cmd).unwrap();
    let ini = &ws.plan.initiatives[0];
    let texts: Vec<&str> = ini.history.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, vec!["Fra den anden fane", "Fra formularen"]);
    assert_eq!(ini.status, InitiativeStatus::InProgress);
}

#[test]
fn every_setting_keeps_the_other_sides_fields_and_asks_about_the_same_field() {
    type Edit = fn(&mut Workspace, &str);
    let cases: [(Setting, Edit, Edit, &str); 3] = [
        (
            Setting::Info,
            |w, t| w.name = t.into(),
            |w, t| w.description = t.into(),
            "name",
        ),
        (
            Setting::FollowUp,
            |w, t| w.follow_up.due_soon_days = t.len() as u32,
            |w, t| w.follow_up.first_within_months = t.len() as u32,
            "due_soon_days",
        ),
        (
            Setting::PlanInfo,
            |w, t| w.plan.title = t.into(),
            |w, t| w.plan.period = t.into(),
            "title",
        ),
    ];
    for (setting, edit_a, edit_b, field_a) in cases {
        // Different fields: both kept.
        let mut ws = workspace();
        let seen = setting.of(&ws);
        let mut theirs = ws.clone();
        edit_a(&mut theirs, "Fra fanen");
        other_tab(&mut ws, setting.of(&theirs));
        let mut mine = workspace_like(&ws, &seen, setting);
        edit_b(&mut mine, "Fra formen!");
        let cmd = rebase_form(&ws, &[Seen::Setting(seen.clone())], setting.of(&mine), None)
            .unwrap_or_else(|e| panic!("{setting:?}: {e:?}"));
        apply(&mut ws, cmd).unwrap();
        let mut want = workspace_like(&ws, &seen, setting);
        edit_a(&mut want, "Fra fanen");
        edit_b(&mut want, "Fra formen!");
        assert_eq!(setting.of(&ws), setting.of(&want), "{setting:?}");

        // The same field: asked, then the answer taken.
        let mut ws = workspace();
        let seen = setting.of(&ws);
        let mut theirs = ws.clone();
        edit_a(&mut theirs, "Fra fanen");
        other_tab(&mut ws, setting.of(&theirs));
        let mut mine = ws.clone();
        edit_a(&mut mine, "Fra formularen, sidst");
        let asked: Vec<Asked> =
            rebase_form(&ws, &[Seen::Setting(seen.clone())], setting.of(&mine), None).unwrap_err();
        assert_eq!(asked.len(), 1, "{setting:?}");
        assert_eq!(asked[0].target, Target::Setting(setting));
        assert_eq!(asked[0].conflict.field, field_a);
        let cmd = rebase_form(
            &ws,
            &[Seen::Setting(seen)],
            setting.of(&mine),
            Some(Answers {
                asked: &asked,
                take_theirs: &[true],
            }),
        )
        .unwrap();
        apply(&mut ws, cmd).unwrap();
        assert_eq!(setting.of(&ws), setting.of(&theirs), "{setting:?}");
    }
}

/// A copy of `ws` with `setting` as the form saw it.
fn workspace_like(ws: &Workspace, seen: &Command, setting: Setting) -> Workspace {
    let mut w = ws.clone();
    apply(&mut w, seen.clone()).unwrap();
    assert_eq!(setting.of(&w), *seen);
    w
}

#[test]
fn a_note_corrected_on_both_sides_keeps_both_wordings_without_asking() {
    let mut ws = workspace();
    let r = one_of(&ws, RecordKind::Initiative);
    let Record::Initiative(mut ini) = ws.record(r).unwrap().1 else {
        unreachable!()
    };
    ini.history.push(StatusNote {
        text: "Høringen er i gang.".into(),
        ..StatusNote::default()
    });
    apply(&mut ws, Command::put(Record::Initiative(ini))).unwrap();
    let seen = ws.record(r).unwrap().1;
    let Record::Initiative(base) = seen.clone() else {
        unreachable!()
    };
    let correct = |text: &str, secs: i64| {
        let mut i = base.clone();
        let n = &mut i.history[0];
        let at = n.updated_at + chrono::Duration::seconds(secs);
        n.earlier_versions.push(NoteRevision {
            text: std::mem::replace(&mut n.text, text.into()),
            replaced_at: at,
        });
        n.updated_at = at;
        i
    };
    other_tab(
        &mut ws,
        Command::put(Record::Initiative(correct("Høringen sluttede i maj.", 1))),
    );
    let mine = correct("Høringen sluttede 31. maj.", 2);
    let cmd = rebase_form(
        &ws,
        &[Seen::Record(seen)],
        Command::put(Record::Initiative(mine)),
        None,
    )
    .expect("nothing to ask");
    apply(&mut ws, cmd).unwrap();
    let n = &ws.plan.initiatives[0].history[0];
    assert_eq!(n.text, "Høringen sluttede 31. maj.", "the later correction");
    let earlier: Vec<&str> = n.earlier_versions.iter().map(|v| v.text.as_str()).collect();
    assert_eq!(
        earlier,
        vec!["Høringen er i gang.", "Høringen sluttede i maj."]
    );
}
