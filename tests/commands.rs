//! Property tests of the one set of rules: whatever sequence of edits a user makes (with values at and past
//! every limit, deletes of records others refer to, duplicates, undo and redo), the workspace stays valid,
//! so it always saves, exports and opens again. And every delta reproduces its target exactly.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::convert::Infallible;
use trappe::model::commands::{Command, History};
use trappe::model::delete::with_detach;
use trappe::model::edit::{self, Part};
use trappe::model::record::Record;
use trappe::model::validation::{
    validate, MAX_AMOUNT, MAX_CASE_REF, MAX_COUNT, MAX_NAME, MAX_TEXT,
};
use trappe::model::*;

/// Lengths around the limits, and short ones.
fn len_name() -> impl Strategy<Value = usize> {
    prop_oneof![
        Just(0),
        Just(3),
        Just(MAX_NAME),
        Just(MAX_NAME + 1),
        Just(MAX_CASE_REF + 1)
    ]
}
fn len_text() -> impl Strategy<Value = usize> {
    prop_oneof![Just(0), Just(20), Just(MAX_TEXT), Just(MAX_TEXT + 1)]
}
fn amount() -> impl Strategy<Value = Option<i64>> {
    prop_oneof![
        Just(None),
        Just(Some(0)),
        Just(Some(12_000)),
        Just(Some(-1)),
        Just(Some(MAX_AMOUNT)),
        Just(Some(MAX_AMOUNT + 1)),
        Just(Some(999_999_999_999)),
    ]
}
fn count() -> impl Strategy<Value = u32> {
    prop_oneof![
        Just(0),
        Just(7),
        Just(MAX_COUNT),
        Just(MAX_COUNT + 1),
        Just(u32::MAX)
    ]
}
fn case_ref() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Sag 17".to_string()),
        Just("Sag 17   ".to_string()),
        Just(" 010203-1234 ".to_string()),
        Just("x".repeat(MAX_CASE_REF)),
        Just(format!("{}   ", "x".repeat(MAX_CASE_REF))),
        Just("x".repeat(MAX_CASE_REF + 1)),
    ]
}

fn text(n: usize) -> String {
    "æ".repeat(n)
}

#[derive(Clone, Debug)]
enum Action {
    SetName(usize),
    AddStep {
        name: usize,
        cost: Option<i64>,
    },
    EditStep {
        i: usize,
        name: usize,
        description: usize,
        cost: Option<i64>,
    },
    DeleteStep {
        i: usize,
        move_to: Option<usize>,
        detach: bool,
    },
    AddIntervention {
        step: usize,
        name: usize,
        provider: usize,
        description: usize,
        cost: Option<i64>,
        capacity: u32,
    },
    EditIntervention {
        i: usize,
        legal: usize,
        method: usize,
        cost: Option<i64>,
    },
    MoveIntervention {
        i: usize,
        step: usize,
        index: usize,
    },
    DuplicateIntervention {
        i: usize,
    },
    DeleteIntervention {
        i: usize,
        detach: bool,
    },
    AddMeasurement {
        name: usize,
        children: u32,
        on_step: bool,
    },
    AddMeeting {
        case_ref: String,
        notes: usize,
        person: usize,
        link: usize,
    },
    EditMeeting {
        i: usize,
        notes: usize,
    },
    DeleteMeeting {
        i: usize,
    },
    AddGoal {
        title: usize,
    },
    DeleteGoal {
        i: usize,
        detach: bool,
    },
    AddInitiative {
        goal: usize,
        parent: usize,
        link: usize,
        owner: usize,
        budget: Option<i64>,
    },
    DeleteInitiative {
        i: usize,
        detach: bool,
    },
    /// A put made straight, not through `plan_ops`: only `apply`'s rules stand between it and a loop.
    SetParent {
        i: usize,
        parent: usize,
    },
    Undo,
    Redo,
}

fn action() -> impl Strategy<Value = Action> {
    let i = 0..8usize;
    prop_oneof![
        len_name().prop_map(Action::SetName),
        (len_name(), amount()).prop_map(|(name, cost)| Action::AddStep { name, cost }),
        (i.clone(), len_name(), len_text(), amount()).prop_map(|(i, name, description, cost)| {
            Action::EditStep {
                i,
                name,
                description,
                cost,
            }
        }),
        (i.clone(), proptest::option::of(0..8usize), any::<bool>())
            .prop_map(|(i, move_to, detach)| Action::DeleteStep { i, move_to, detach }),
        (
            i.clone(),
            len_name(),
            len_name(),
            len_text(),
            amount(),
            count()
        )
            .prop_map(|(step, name, provider, description, cost, capacity)| {
                Action::AddIntervention {
                    step,
                    name,
                    provider,
                    description,
                    cost,
                    capacity,
                }
            }),
        (i.clone(), len_name(), len_name(), amount()).prop_map(|(i, legal, method, cost)| {
            Action::EditIntervention {
                i,
                legal,
                method,
                cost,
            }
        }),
        (i.clone(), i.clone(), i.clone()).prop_map(|(i, step, index)| Action::MoveIntervention {
            i,
            step,
            index
        }),
        i.clone().prop_map(|i| Action::DuplicateIntervention { i }),
        (i.clone(), any::<bool>()).prop_map(|(i, detach)| Action::DeleteIntervention { i, detach }),
        (len_name(), count(), any::<bool>()).prop_map(|(name, children, on_step)| {
            Action::AddMeasurement {
                name,
                children,
                on_step,
            }
        }),
        (case_ref(), len_text(), len_name(), i.clone()).prop_map(
            |(case_ref, notes, person, link)| Action::AddMeeting {
                case_ref,
                notes,
                person,
                link
            }
        ),
        (i.clone(), len_text()).prop_map(|(i, notes)| Action::EditMeeting { i, notes }),
        i.clone().prop_map(|i| Action::DeleteMeeting { i }),
        len_name().prop_map(|title| Action::AddGoal { title }),
        (i.clone(), any::<bool>()).prop_map(|(i, detach)| Action::DeleteGoal { i, detach }),
        (i.clone(), i.clone(), i.clone(), len_name(), amount()).prop_map(
            |(goal, parent, link, owner, budget)| Action::AddInitiative {
                goal,
                parent,
                link,
                owner,
                budget
            }
        ),
        (i.clone(), any::<bool>()).prop_map(|(i, detach)| Action::DeleteInitiative { i, detach }),
        (i.clone(), i.clone()).prop_map(|(i, parent)| Action::SetParent { i, parent }),
        Just(Action::Undo),
        Just(Action::Redo),
    ]
}

fn nth<T>(list: &[T], i: usize) -> Option<&T> {
    (!list.is_empty()).then(|| &list[i % list.len()])
}

fn all_interventions(ws: &Workspace) -> Vec<Intervention> {
    ws.staircase
        .steps
        .iter()
        .flat_map(|s| s.interventions.clone())
        .collect()
}

/// The command an action becomes, made the way the UI makes it (`model::edit::command`).
fn command_for(ws: &Workspace, a: &Action) -> Option<Command> {
    fn edit<P: Part>(ws: &Workspace, f: &dyn Fn(&mut P)) -> Command {
        let ok: Result<((), Command), Infallible> = edit::command(ws, |p| {
            f(p);
            Ok(())
        });
        ok.map_or_else(|e| match e {}, |(_, cmd)| cmd)
    }
    let stair = |f: &dyn Fn(&mut Staircase)| edit(ws, f);
    let plan = |f: &dyn Fn(&mut ActionPlan)| edit(ws, f);
    let detached = |c: Command, detach: bool| if detach { with_detach(ws, c) } else { c };
    let ivs = all_interventions(ws);
    Some(match a.clone() {
        Action::SetName(n) => Command::SetInfo {
            name: text(n.max(1)),
            municipality: String::new(),
            description: String::new(),
        },
        Action::AddStep { name, cost } => stair(&|s| {
            if let Ok(id) = s.add_step(text(name.max(1)), StepCategory::Preventive) {
                let _ = s.set_step_yearly_cost(id, cost);
            }
        }),
        Action::EditStep {
            i,
            name,
            description,
            cost,
        } => {
            let id = nth(&ws.staircase.steps, i)?.id;
            stair(&|s| {
                let _ = s.set_step_name(id, text(name.max(1)));
                let _ = s.set_step_description(id, text(description));
                let _ = s.set_step_yearly_cost(id, cost);
            })
        }
        Action::DeleteStep { i, move_to, detach } => {
            let id = nth(&ws.staircase.steps, i)?.id;
            let to = move_to
                .and_then(|j| nth(&ws.staircase.steps, j))
                .map(|s| s.id);
            detached(
                stair(&|s| {
                    if s.delete_step(id, to).is_err() {
                        let _ = s.delete_step_and_interventions(id);
                    }
                }),
                detach,
            )
        }
        Action::AddIntervention {
            step,
            name,
            provider,
            description,
            cost,
            capacity,
        } => {
            let sid = nth(&ws.staircase.steps, step)?.id;
            stair(&|s| {
                let iv = Intervention {
                    name: text(name.max(1)),
                    provider: text(provider),
                    description: text(description),
                    unit_cost: cost,
                    capacity: Some(capacity),
                    ..Intervention::default()
                };
                let _ = s.add_intervention(sid, iv);
            })
        }
        Action::EditIntervention {
            i,
            legal,
            method,
            cost,
        } => {
            let mut iv = nth(&ivs, i)?.clone();
            iv.legal_basis = text(legal);
            iv.method = text(method);
            iv.unit_cost = cost;
            stair(&|s| {
                let _ = s.update_intervention(iv.clone());
            })
        }
        Action::MoveIntervention { i, step, index } => {
            let id = nth(&ivs, i)?.id;
            let to = nth(&ws.staircase.steps, step)?.id;
            stair(&|s| {
                let _ = s.move_intervention(id, to, index);
            })
        }
        Action::DuplicateIntervention { i } => {
            let id = nth(&ivs, i)?.id;
            stair(&|s| {
                let _ = s.duplicate_intervention(id, trappe::text::staircase::copy_name);
            })
        }
        Action::DeleteIntervention { i, detach } => {
            let id = nth(&ivs, i)?.id;
            detached(
                stair(&|s| {
                    let _ = s.delete_intervention(id);
                }),
                detach,
            )
        }
        Action::AddMeasurement {
            name,
            children,
            on_step,
        } => {
            let mut m = Measurement {
                name: text(name.max(1)),
                ..Measurement::default()
            };
            if on_step {
                if let Some(s) = ws.staircase.steps.first() {
                    m.per_step.insert(s.id, children);
                }
            } else if let Some(iv) = ivs.first() {
                m.per_intervention.insert(iv.id, children);
            }
            Command::put(Record::Measurement(m))
        }
        Action::AddMeeting {
            case_ref,
            notes,
            person,
            link,
        } => Command::put(Record::Meeting(Meeting {
            case_ref,
            notes: text(notes),
            initiator: text(person),
            participants: vec![Participant {
                name: text(person),
                ..Participant::default()
            }],
            linked_interventions: nth(&ivs, link).map(|iv| vec![iv.id]).unwrap_or_default(),
            linked_step: nth(&ws.staircase.steps, link).map(|s| s.id),
            ..Meeting::default()
        })),
        Action::EditMeeting { i, notes } => {
            let mut m = nth(&ws.meetings, i)?.clone();
            m.notes = text(notes);
            Command::put(Record::Meeting(m))
        }
        Action::DeleteMeeting { i } => {
            let before = &ws.meetings;
            let id = nth(before, i)?.id;
            let after: Vec<Meeting> = before.iter().filter(|m| m.id != id).cloned().collect();
            Command::batch(delta::meetings(before, &after))
        }
        Action::AddGoal { title } => plan(&|p| {
            let _ = p.add_goal(Goal {
                title: text(title.max(1)),
                ..Goal::default()
            });
        }),
        Action::DeleteGoal { i, detach } => {
            let id = nth(&ws.plan.goals, i)?.id;
            detached(
                plan(&|p| {
                    let _ = p.delete_goal(id);
                }),
                detach,
            )
        }
        Action::AddInitiative {
            goal,
            parent,
            link,
            owner,
            budget,
        } => {
            let ini = Initiative {
                title: "Initiativ".into(),
                goal_id: nth(&ws.plan.goals, goal).map(|g| g.id),
                parent_id: nth(&ws.plan.initiatives, parent).map(|p| p.id),
                intervention_ids: nth(&ivs, link).map(|iv| vec![iv.id]).unwrap_or_default(),
                owner: text(owner),
                budget: budget
                    .map(|amount| vec![BudgetLine { year: 2026, amount }])
                    .unwrap_or_default(),
                ..Initiative::default()
            };
            plan(&|p| {
                let _ = p.add_initiative(ini.clone());
            })
        }
        Action::DeleteInitiative { i, detach } => {
            let id = nth(&ws.plan.initiatives, i)?.id;
            detached(
                plan(&|p| {
                    let _ = p.delete_initiative(id, true);
                }),
                detach,
            )
        }
        Action::SetParent { i, parent } => {
            let mut ini = nth(&ws.plan.initiatives, i)?.clone();
            ini.parent_id = Some(nth(&ws.plan.initiatives, parent)?.id);
            Command::put(Record::Initiative(ini))
        }
        Action::Undo | Action::Redo => return None,
    })
}

fn start() -> Workspace {
    let mut ws = Workspace::new("Prøve");
    for n in 0..3 {
        let mut st = Step {
            name: format!("Trin {n}"),
            ..Step::default()
        };
        st.interventions.push(Intervention {
            name: format!("Indsats {n}"),
            ..Intervention::default()
        });
        ws.staircase.steps.push(st);
    }
    ws
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn no_sequence_of_edits_leaves_a_workspace_that_breaks_a_rule(actions in prop::collection::vec(action(), 1..40)) {
        let mut ws = start();
        let original = ws.clone();
        let mut h = History::default();
        for a in &actions {
            let before = ws.clone();
            let result = match a {
                Action::Undo => h.undo(&mut ws).map(|_| ()),
                Action::Redo => h.redo(&mut ws).map(|_| ()),
                other => match command_for(&ws, other) {
                    Some(cmd) => h.perform(&mut ws, cmd).map(|_| ()),
                    None => Ok(()),
                },
            };
            if result.is_err() {
                // A refused command changes nothing (apart from nothing at all).
                prop_assert_eq!(&ws, &before, "refused {:?} changed the workspace", a);
            }
            let issues = validate(&ws, "workspace");
            prop_assert!(issues.is_empty(), "after {:?}: {:?}", a, issues);
            // Every record whose content changed (undo and redo too) has a newer revision that descends
            // from the one before: a revision never goes back.
            for old in before.views() {
                if let Some(now) = ws.view(old.reference()) {
                    if !revision::same_content(old, now) {
                        let (was, is) = (revision::of(old), revision::of(now));
                        prop_assert!(is.start > was.start && was.is_ancestor_of(&is), "{:?}: {:?} → {:?}", a, was, is);
                    }
                }
            }
            // A copy's generated name keeps within the limits too.
            let copy = ws.duplicate(validation::name_with_suffix(&ws.name, "(kopi)"));
            prop_assert!(validate(&copy, "workspace").is_empty());
        }
        // Undo takes every kept edit back.
        while h.can_undo() {
            h.undo(&mut ws).unwrap();
        }
        let (ws, original) = (revision::cleared(&ws), revision::cleared(&original));
        prop_assert_eq!(ws.staircase, original.staircase);
        prop_assert_eq!(ws.meetings, original.meetings);
        prop_assert_eq!(ws.plan.goals, original.plan.goals);
        prop_assert_eq!(ws.plan.initiatives, original.plan.initiatives);
    }

    #[test]
    fn a_delta_reproduces_its_target(
        keep in prop::collection::vec(any::<bool>(), 12),
        order in Just(()).prop_perturb(|_, mut rng| {
            let mut v: Vec<usize> = (0..12).collect();
            for i in (1..v.len()).rev() {
                let j = (rng.next_u32() as usize) % (i + 1);
                v.swap(i, j);
            }
            v
        }),
        fresh in 0..4usize,
    ) {
        let goals: Vec<Goal> = (0..12).map(|i| Goal { title: format!("Mål {i}"), ..Goal::default() }).collect();
        let mut before = Workspace::new("x");
        before.plan.goals = goals.clone();
        let mut after = before.clone();
        after.plan.goals = order.iter().filter(|&&i| keep[i]).map(|&i| goals[i].clone()).collect();
        for n in 0..fresh {
            let at = (n * 5) % (after.plan.goals.len() + 1);
            after.plan.goals.insert(at, Goal { title: format!("Ny {n}"), ..Goal::default() });
        }
        if let Some(g) = after.plan.goals.get_mut(1) {
            g.title = "Ændret".into();
        }
        let mut ws = before.clone();
        let mut h = History::default();
        h.perform(&mut ws, Command::batch(delta::workspace(&before, &after))).unwrap();
        prop_assert_eq!(&revision::cleared(&ws).plan.goals, &after.plan.goals);
        h.undo(&mut ws).unwrap();
        prop_assert_eq!(&revision::cleared(&ws).plan.goals, &before.plan.goals);
    }
}
