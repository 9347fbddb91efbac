//! Migrations of older file versions, one function per step, on plain JSON values.
//!
//! Version 0 (the 2025 prototype, format "trappe") held a flat document: `name`, `steps` with
//! `interventions` carrying `monthly_cost` and a child count `children`, `meetings` with Danish type and
//! status words, and `initiatives` with a Danish status word. Version 1 wraps the workspace in an envelope,
//! gives every record an id and moves child counts into a measurement.

use super::envelope::{FORMAT, VERSION};
use crate::model::new_id;
use serde_json::{json, Map, Value};

#[derive(Debug, Clone, PartialEq)]
pub struct MigrationError {
    /// Path in the old file.
    pub path: String,
    pub expected: &'static str,
}

/// Brings `doc` from `from` up to the current version.
pub fn migrate(mut doc: Value, from: u32) -> Result<Value, MigrationError> {
    let mut version = from;
    while version < VERSION {
        doc = match version {
            0 => v0_to_v1(doc)?,
            _ => unreachable!("every version below VERSION has a migration"),
        };
        version += 1;
    }
    Ok(doc)
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

fn array<'a>(v: &'a Value, key: &str, path: &str) -> Result<&'a [Value], MigrationError> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(_) => Err(MigrationError {
            path: format!("{path}{key}"),
            expected: "array",
        }),
    }
}

fn v0_meeting_type(word: &str) -> Value {
    match word {
        "familieraadslagning" | "familierådslagning" | "netvaerksraadslagning" => {
            json!("family_group_conference")
        }
        "netvaerksmoede" | "netværksmøde" => json!("involving_network_meeting"),
        "tvaerfagligt" | "tværfagligt" => json!("interdisciplinary"),
        "opfoelgning" | "opfølgning" => json!("follow_up"),
        "" => json!("family_group_conference"),
        other => json!({ "custom": other }),
    }
}

fn v0_meeting_status(word: &str) -> &'static str {
    match word {
        "afholdt" => "held",
        "fulgt_op" | "fulgt op" => "followed_up",
        "aflyst" => "cancelled",
        _ => "planned",
    }
}

fn v0_initiative_status(word: &str) -> &'static str {
    match word {
        "i_gang" | "i gang" => "in_progress",
        "forsinket" => "delayed",
        "afsluttet" | "faerdig" | "færdig" => "done",
        "pause" | "sat_i_bero" => "paused",
        "opgivet" => "dropped",
        _ => "not_started",
    }
}

fn v0_to_v1(doc: Value) -> Result<Value, MigrationError> {
    if !doc.is_object() {
        return Err(MigrationError {
            path: String::new(),
            expected: "object",
        });
    }
    let mut steps = Vec::new();
    let mut counts = Map::new();
    for (i, step) in array(&doc, "steps", "")?.iter().enumerate() {
        let mut interventions = Vec::new();
        for (j, iv) in array(step, "interventions", &format!("steps[{i}]."))?
            .iter()
            .enumerate()
        {
            let id = new_id().to_string();
            if let Some(n) = iv.get("children").filter(|n| !n.is_null()) {
                if !n.is_u64() {
                    return Err(MigrationError {
                        path: format!("steps[{i}].interventions[{j}].children"),
                        expected: "whole number",
                    });
                }
                counts.insert(id.clone(), n.clone());
            }
            interventions.push(json!({
                "id": id,
                "name": text(iv, "name"),
                "unit_cost": iv.get("monthly_cost").cloned().unwrap_or(Value::Null),
                "cost_period": "per_month",
            }));
        }
        steps.push(json!({ "name": text(step, "name"), "interventions": interventions }));
    }
    let mut measurements = Vec::new();
    if !counts.is_empty() {
        measurements.push(json!({
            "name": "Overført fra version 0",
            "kind": "actual",
            "per_intervention": counts,
        }));
    }
    let meetings: Vec<Value> = array(&doc, "meetings", "")?
        .iter()
        .map(|m| {
            json!({
                "date": m.get("date").cloned().unwrap_or(Value::Null),
                "meeting_type": v0_meeting_type(&text(m, "type")),
                "case_ref": text(m, "case"),
                "status": v0_meeting_status(&text(m, "status")),
                "notes": text(m, "notes"),
            })
        })
        .collect();
    let initiatives: Vec<Value> = array(&doc, "initiatives", "")?
        .iter()
        .map(|i| {
            json!({
                "number": text(i, "number"),
                "title": text(i, "title"),
                "description": text(i, "description"),
                "status": v0_initiative_status(&text(i, "status")),
            })
        })
        .collect();
    let mut name = text(&doc, "name");
    if name.trim().is_empty() {
        name = "Uden navn".into();
    }
    Ok(json!({
        "format": FORMAT,
        "version": 1,
        "workspace": {
            "name": name,
            "staircase": { "steps": steps, "measurements": measurements },
            "meetings": meetings,
            "plan": { "initiatives": initiatives, "stale_after_days": 60 },
        }
    }))
}
