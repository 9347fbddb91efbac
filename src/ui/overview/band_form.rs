//! Choosing the caseload band: one of the seed papers' bands or the municipality's own. Saved with the
//! follow-up rules; the rest of those rules is read at the moment of saving, so nothing else changes.

use crate::app::{session, use_app};
use crate::model::commands::Command;
use crate::model::field_path::PathStep;
use crate::model::key_figures::casework::PRESETS;
use crate::model::merge::Setting;
use crate::model::validation::{check_follow_up, Problem, MAX_CASELOAD};
use crate::model::CaseloadBand;
use crate::text::overview as to;
use crate::ui::common::{ConflictChoices, FormMerge};
use crate::ui::kit::errors::{FieldError, FormErrors};
use crate::ui::kit::field::TextInput;
use crate::ui::kit::limits;
use leptos::prelude::*;

const NONE: &str = "none";
const OWN: &str = "own";

fn choice_of(band: Option<CaseloadBand>) -> String {
    match band {
        None => NONE.into(),
        Some(b) => PRESETS
            .iter()
            .find(|(_, p)| *p == b)
            .map(|(name, _)| name.to_string())
            .unwrap_or_else(|| OWN.into()),
    }
}

/// The band's two fields.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Bound {
    Min,
    Max,
}

/// Whether a bound is a whole number is the form's to say; what numbers a band may hold is
/// `validation::check_follow_up`'s.
fn parse(v: &str) -> Option<u32> {
    v.trim().parse::<u32>().ok()
}

/// The band rules `rules` breaks, at the form's fields, in the form's words.
fn band_errors(rules: &crate::model::FollowUpRules) -> Vec<FieldError<Bound>> {
    check_follow_up(rules)
        .into_iter()
        .filter_map(|i| match (i.field.steps(), i.problem) {
            ([PathStep::Key(band), _], Problem::MinAboveMax) if band == "caseload_band" => {
                Some(FieldError::at(Bound::Max, to::BAND_MAX_BELOW_MIN))
            }
            ([PathStep::Key(band), PathStep::Key(bound)], _) if band == "caseload_band" => {
                let at = if bound == "max" {
                    Bound::Max
                } else {
                    Bound::Min
                };
                Some(FieldError::at(at, to::band_bound_wrong(MAX_CASELOAD)))
            }
            _ => None,
        })
        .collect()
}

#[component]
pub fn BandForm() -> impl IntoView {
    let app = use_app();
    let saved = app.read_untracked(|w| w.follow_up.caseload_band).flatten();
    let choice = RwSignal::new(choice_of(saved));
    let min = RwSignal::new(saved.map(|b| b.min.to_string()).unwrap_or_default());
    let max = RwSignal::new(saved.map(|b| b.max.to_string()).unwrap_or_default());
    let errors = FormErrors::<Bound>::new();
    let touched = crate::ui::common::form_draft(to::BAND_LABEL);
    // The rules as the form opened them: a save keeps what another tab changed meanwhile.
    let merge = FormMerge::of("band", &[], &[Setting::FollowUp]);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut rules) = app.read_untracked(|w| w.follow_up.clone()) else {
            return;
        };
        let mut unread = Vec::new();
        rules.caseload_band = match choice.get_untracked().as_str() {
            NONE => None,
            OWN => {
                let (lo, hi) = (parse(&min.get_untracked()), parse(&max.get_untracked()));
                for (bound, read) in [(Bound::Min, lo), (Bound::Max, hi)] {
                    if read.is_none() {
                        unread.push(FieldError::at(bound, to::band_bound_wrong(MAX_CASELOAD)));
                    }
                }
                // A bound that cannot be read stands in as the other, so the one that can is still held
                // to the band's rules.
                lo.or(hi)
                    .zip(hi.or(lo))
                    .map(|(min, max)| CaseloadBand { min, max })
            }
            name => PRESETS.iter().find(|(n, _)| *n == name).map(|(_, b)| *b),
        };
        let mut refused = band_errors(&rules);
        refused.retain(|e| !unread.iter().any(|u| u.field == e.field));
        refused.splice(0..0, unread);
        let ok = refused.is_empty();
        errors.set_all(refused);
        if !ok {
            return;
        }
        let band = rules.caseload_band;
        let Some(cmd) = merge.rebase(app, Command::SetFollowUp { rules }) else {
            return;
        };
        match session::dispatch(app, cmd) {
            Ok(()) => {
                merge.saved(&[], &[Setting::FollowUp]);
                touched.saved();
                app.info(match band {
                    Some(b) => to::band_saved(b),
                    None => to::BAND_REMOVED.into(),
                });
            }
            Err(e) => app.error(crate::text::ui::command_error(&e)),
        }
    };
    let own = move || choice.get() == OWN;
    view! {
        <form class="form band-form" id="maal-sagsbehandler" novalidate on:submit=submit
            on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev)>
            <div class="form-group">
                <label class="form-label" for="band-choice">{to::BAND_LABEL}</label>
                <span class="form-hint" id="band-choice-hint">{to::BAND_HINT}</span>
                <select id="band-choice" class="form-select" aria-describedby="band-choice-hint"
                    on:change=move |ev| choice.set(event_target_value(&ev)) prop:value=move || choice.get()>
                    <option value=NONE>{crate::text::plan::NO_GOAL_CHOICE}</option>
                    {PRESETS.iter().map(|(name, b)| view! {
                        <option value=*name>{to::band_preset(name, *b)}</option>
                    }).collect_view()}
                    <option value=OWN>{to::OWN_BAND}</option>
                </select>
            </div>
            <Show when=own>
                <div class="form-row">
                    <TextInput id="band-min" label=crate::text::overview::BAND_MIN value=min error=errors.at(Bound::Min) numeric=true maxlength=limits::BAND_BOUND/>
                    <TextInput id="band-max" label=crate::text::overview::BAND_MAX value=max error=errors.at(Bound::Max) numeric=true maxlength=limits::BAND_BOUND/>
                </div>
            </Show>
            <ConflictChoices merge=merge/>
            <button type="submit" class="button">{to::SAVE_BAND}</button>
        </form>
    }
}
