//! The workspace as records: every step, intervention, measurement, meeting, template, goal, track,
//! initiative, indicator and time-plan row is a record with a kind and an id, kept in an ordered list.
//! Commands put and remove records one at a time, storage writes them one at a time, and a merge can compare
//! them one at a time. The few workspace-wide settings are singletons.

use super::revision::Revisions;
use super::{
    Goal, Id, Indicator, Initiative, Intervention, Measurement, Meeting, MeetingTemplate, Step,
    TimelineRow, Track, Workspace,
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Step,
    Intervention,
    Measurement,
    Meeting,
    Template,
    Goal,
    Track,
    Initiative,
    Indicator,
    TimelineRow,
}

impl RecordKind {
    /// In dependency order: a record refers only to kinds before it (or to its own kind, for sub-items).
    pub const ALL: [RecordKind; 10] = [
        RecordKind::Step,
        RecordKind::Intervention,
        RecordKind::Measurement,
        RecordKind::Meeting,
        RecordKind::Template,
        RecordKind::Goal,
        RecordKind::Track,
        RecordKind::Initiative,
        RecordKind::Indicator,
        RecordKind::TimelineRow,
    ];

    /// The stable name used in storage keys and journals.
    pub fn key(self) -> &'static str {
        match self {
            RecordKind::Step => "step",
            RecordKind::Intervention => "intervention",
            RecordKind::Measurement => "measurement",
            RecordKind::Meeting => "meeting",
            RecordKind::Template => "template",
            RecordKind::Goal => "goal",
            RecordKind::Track => "track",
            RecordKind::Initiative => "initiative",
            RecordKind::Indicator => "indicator",
            RecordKind::TimelineRow => "timeline_row",
        }
    }

    pub fn from_key(key: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One record, named by kind and id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RecordRef {
    pub kind: RecordKind,
    pub id: Id,
}

impl RecordRef {
    pub fn new(kind: RecordKind, id: Id) -> Self {
        RecordRef { kind, id }
    }
}

/// A record's content. A step's own fields travel without its interventions: those are records of their
/// own, each naming its step.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "record", rename_all = "snake_case")]
pub enum Record {
    Step(Step),
    Intervention {
        step: Id,
        intervention: Intervention,
    },
    Measurement(Measurement),
    Meeting(Meeting),
    Template(MeetingTemplate),
    Goal(Goal),
    Track(Track),
    Initiative(Initiative),
    Indicator(Indicator),
    TimelineRow(TimelineRow),
}

/// Read by hand, `kind` first: serde's derived reader for an adjacently tagged enum keeps a path through its
/// buffered `Content` (for `record` written before `kind`), one more copy of every record type's reader in
/// the app. Records in this form are few (kept versions, the journal), so going through a value costs
/// nothing that shows.
impl<'de> Deserialize<'de> for Record {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let v = serde_json::Value::deserialize(d)?;
        let field = |name: &'static str| v.get(name).ok_or_else(|| D::Error::missing_field(name));
        let kind: RecordKind = super::json::read(field("kind")?).map_err(D::Error::custom)?;
        let body = field("record")?;
        fn read<T: serde::de::DeserializeOwned, E: Error>(v: &serde_json::Value) -> Result<T, E> {
            super::json::read(v).map_err(E::custom)
        }
        #[derive(Deserialize)]
        struct InStep {
            step: Id,
            intervention: Intervention,
        }
        Ok(match kind {
            RecordKind::Step => Record::Step(read(body)?),
            RecordKind::Intervention => {
                let r: InStep = read(body)?;
                Record::Intervention {
                    step: r.step,
                    intervention: r.intervention,
                }
            }
            RecordKind::Measurement => Record::Measurement(read(body)?),
            RecordKind::Meeting => Record::Meeting(read(body)?),
            RecordKind::Template => Record::Template(read(body)?),
            RecordKind::Goal => Record::Goal(read(body)?),
            RecordKind::Track => Record::Track(read(body)?),
            RecordKind::Initiative => Record::Initiative(read(body)?),
            RecordKind::Indicator => Record::Indicator(read(body)?),
            RecordKind::TimelineRow => Record::TimelineRow(read(body)?),
        })
    }
}

impl Record {
    pub fn kind(&self) -> RecordKind {
        match self {
            Record::Step(_) => RecordKind::Step,
            Record::Intervention { .. } => RecordKind::Intervention,
            Record::Measurement(_) => RecordKind::Measurement,
            Record::Meeting(_) => RecordKind::Meeting,
            Record::Template(_) => RecordKind::Template,
            Record::Goal(_) => RecordKind::Goal,
            Record::Track(_) => RecordKind::Track,
            Record::Initiative(_) => RecordKind::Initiative,
            Record::Indicator(_) => RecordKind::Indicator,
            Record::TimelineRow(_) => RecordKind::TimelineRow,
        }
    }

    pub fn id(&self) -> Id {
        match self {
            Record::Step(r) => r.id,
            Record::Intervention { intervention, .. } => intervention.id,
            Record::Measurement(r) => r.id,
            Record::Meeting(r) => r.id,
            Record::Template(r) => r.id,
            Record::Goal(r) => r.id,
            Record::Track(r) => r.id,
            Record::Initiative(r) => r.id,
            Record::Indicator(r) => r.id,
            Record::TimelineRow(r) => r.id,
        }
    }

    pub fn reference(&self) -> RecordRef {
        RecordRef::new(self.kind(), self.id())
    }

    pub fn revisions_mut(&mut self) -> &mut Revisions {
        match self {
            Record::Step(r) => &mut r.revisions,
            Record::Intervention { intervention, .. } => &mut intervention.revisions,
            Record::Measurement(r) => &mut r.revisions,
            Record::Meeting(r) => &mut r.revisions,
            Record::Template(r) => &mut r.revisions,
            Record::Goal(r) => &mut r.revisions,
            Record::Track(r) => &mut r.revisions,
            Record::Initiative(r) => &mut r.revisions,
            Record::Indicator(r) => &mut r.revisions,
            Record::TimelineRow(r) => &mut r.revisions,
        }
    }
}

/// A borrowed record: what checks and diffs read, without copying the workspace.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RecordView<'a> {
    Step(&'a Step),
    Intervention {
        step: Id,
        intervention: &'a Intervention,
    },
    Measurement(&'a Measurement),
    Meeting(&'a Meeting),
    Template(&'a MeetingTemplate),
    Goal(&'a Goal),
    Track(&'a Track),
    Initiative(&'a Initiative),
    Indicator(&'a Indicator),
    TimelineRow(&'a TimelineRow),
}

impl Record {
    pub fn view(&self) -> RecordView<'_> {
        match self {
            Record::Step(r) => RecordView::Step(r),
            Record::Intervention { step, intervention } => RecordView::Intervention {
                step: *step,
                intervention,
            },
            Record::Measurement(r) => RecordView::Measurement(r),
            Record::Meeting(r) => RecordView::Meeting(r),
            Record::Template(r) => RecordView::Template(r),
            Record::Goal(r) => RecordView::Goal(r),
            Record::Track(r) => RecordView::Track(r),
            Record::Initiative(r) => RecordView::Initiative(r),
            Record::Indicator(r) => RecordView::Indicator(r),
            Record::TimelineRow(r) => RecordView::TimelineRow(r),
        }
    }
}

impl<'a> RecordView<'a> {
    pub fn kind(&self) -> RecordKind {
        match self {
            RecordView::Step(_) => RecordKind::Step,
            RecordView::Intervention { .. } => RecordKind::Intervention,
            RecordView::Measurement(_) => RecordKind::Measurement,
            RecordView::Meeting(_) => RecordKind::Meeting,
            RecordView::Template(_) => RecordKind::Template,
            RecordView::Goal(_) => RecordKind::Goal,
            RecordView::Track(_) => RecordKind::Track,
            RecordView::Initiative(_) => RecordKind::Initiative,
            RecordView::Indicator(_) => RecordKind::Indicator,
            RecordView::TimelineRow(_) => RecordKind::TimelineRow,
        }
    }

    pub fn id(&self) -> Id {
        match self {
            RecordView::Step(r) => r.id,
            RecordView::Intervention { intervention, .. } => intervention.id,
            RecordView::Measurement(r) => r.id,
            RecordView::Meeting(r) => r.id,
            RecordView::Template(r) => r.id,
            RecordView::Goal(r) => r.id,
            RecordView::Track(r) => r.id,
            RecordView::Initiative(r) => r.id,
            RecordView::Indicator(r) => r.id,
            RecordView::TimelineRow(r) => r.id,
        }
    }

    pub fn reference(&self) -> RecordRef {
        RecordRef::new(self.kind(), self.id())
    }

    pub fn revisions(&self) -> &'a Revisions {
        match *self {
            RecordView::Step(r) => &r.revisions,
            RecordView::Intervention { intervention, .. } => &intervention.revisions,
            RecordView::Measurement(r) => &r.revisions,
            RecordView::Meeting(r) => &r.revisions,
            RecordView::Template(r) => &r.revisions,
            RecordView::Goal(r) => &r.revisions,
            RecordView::Track(r) => &r.revisions,
            RecordView::Initiative(r) => &r.revisions,
            RecordView::Indicator(r) => &r.revisions,
            RecordView::TimelineRow(r) => &r.revisions,
        }
    }
}

/// Where a put record goes in its list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// An existing record stays where it is; a new one goes last.
    Keep,
    First,
    /// Right after this record of the same list.
    After(Id),
}

/// Anything kept in a list by id.
pub trait Keyed {
    fn key(&self) -> Id;
}

macro_rules! keyed {
    ($($t:ty),*) => {$(impl Keyed for $t { fn key(&self) -> Id { self.id } })*};
}
keyed!(
    Step,
    Intervention,
    Measurement,
    Meeting,
    MeetingTemplate,
    Goal,
    Track,
    Initiative,
    Indicator,
    TimelineRow
);

/// The place an item at `index` of `list` has, as the record before it.
pub fn place_of<T: Keyed>(list: &[T], index: usize) -> Place {
    match index.checked_sub(1).and_then(|i| list.get(i)) {
        Some(prev) => Place::After(prev.key()),
        None => Place::First,
    }
}

/// Why a record could not be placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnchorMissing(pub Id);

/// The index a record goes to, in `list` without the record itself.
fn insert_index<T: Keyed>(
    list: &[T],
    place: Place,
    keep: Option<usize>,
) -> Result<usize, AnchorMissing> {
    match place {
        Place::Keep => Ok(keep.unwrap_or(list.len()).min(list.len())),
        Place::First => Ok(0),
        Place::After(anchor) => list
            .iter()
            .position(|x| x.key() == anchor)
            .map(|i| i + 1)
            .ok_or(AnchorMissing(anchor)),
    }
}

/// Puts `item` into `list` at `place`, replacing (and possibly moving) the item with the same id.
/// Returns the replaced item with its old place. On error the list is unchanged.
pub fn put_in<T: Keyed>(
    list: &mut Vec<T>,
    place: Place,
    item: T,
) -> Result<Option<(Place, T)>, AnchorMissing> {
    let id = item.key();
    match list.iter().position(|x| x.key() == id) {
        Some(old_index) => {
            if place == Place::Keep || place == place_of(list, old_index) {
                let old_place = place_of(list, old_index);
                let old = std::mem::replace(&mut list[old_index], item);
                return Ok(Some((old_place, old)));
            }
            if place == Place::After(id) {
                return Err(AnchorMissing(id));
            }
            let old_place = place_of(list, old_index);
            let old = list.remove(old_index);
            match insert_index(list, place, None) {
                Ok(at) => {
                    list.insert(at, item);
                    Ok(Some((old_place, old)))
                }
                Err(e) => {
                    list.insert(old_index, old);
                    Err(e)
                }
            }
        }
        None => {
            let at = insert_index(list, place, None)?;
            list.insert(at, item);
            Ok(None)
        }
    }
}

/// Removes the item with `id`, returning it and the place it had.
pub fn remove_from<T: Keyed>(list: &mut Vec<T>, id: Id) -> Option<(Place, T)> {
    let index = list.iter().position(|x| x.key() == id)?;
    let place = place_of(list, index);
    Some((place, list.remove(index)))
}

impl Workspace {
    /// The record with this kind and id, with its place (and, for an intervention, its step).
    pub fn record(&self, r: RecordRef) -> Option<(Place, Record)> {
        fn find<T: Keyed + Clone>(list: &[T], id: Id) -> Option<(Place, T)> {
            let i = list.iter().position(|x| x.key() == id)?;
            Some((place_of(list, i), list[i].clone()))
        }
        let s = &self.staircase;
        let p = &self.plan;
        match r.kind {
            RecordKind::Step => find(&s.steps, r.id).map(|(pl, mut st)| {
                st.interventions.clear();
                (pl, Record::Step(st))
            }),
            RecordKind::Intervention => s.steps.iter().find_map(|st| {
                find(&st.interventions, r.id).map(|(pl, iv)| {
                    (
                        pl,
                        Record::Intervention {
                            step: st.id,
                            intervention: iv,
                        },
                    )
                })
            }),
            RecordKind::Measurement => {
                find(&s.measurements, r.id).map(|(pl, x)| (pl, Record::Measurement(x)))
            }
            RecordKind::Meeting => {
                find(&self.meetings, r.id).map(|(pl, x)| (pl, Record::Meeting(x)))
            }
            RecordKind::Template => {
                find(&self.meeting_templates, r.id).map(|(pl, x)| (pl, Record::Template(x)))
            }
            RecordKind::Goal => find(&p.goals, r.id).map(|(pl, x)| (pl, Record::Goal(x))),
            RecordKind::Track => find(&p.tracks, r.id).map(|(pl, x)| (pl, Record::Track(x))),
            RecordKind::Initiative => {
                find(&p.initiatives, r.id).map(|(pl, x)| (pl, Record::Initiative(x)))
            }
            RecordKind::Indicator => {
                find(&p.indicators, r.id).map(|(pl, x)| (pl, Record::Indicator(x)))
            }
            RecordKind::TimelineRow => {
                find(&p.timeline, r.id).map(|(pl, x)| (pl, Record::TimelineRow(x)))
            }
        }
    }

    /// The record with this kind and id, borrowed.
    pub fn view(&self, r: RecordRef) -> Option<RecordView<'_>> {
        fn find<T: Keyed>(list: &[T], id: Id) -> Option<&T> {
            list.iter().find(|x| x.key() == id)
        }
        let s = &self.staircase;
        let p = &self.plan;
        match r.kind {
            RecordKind::Step => find(&s.steps, r.id).map(RecordView::Step),
            RecordKind::Intervention => s.steps.iter().find_map(|st| {
                find(&st.interventions, r.id).map(|iv| RecordView::Intervention {
                    step: st.id,
                    intervention: iv,
                })
            }),
            RecordKind::Measurement => find(&s.measurements, r.id).map(RecordView::Measurement),
            RecordKind::Meeting => find(&self.meetings, r.id).map(RecordView::Meeting),
            RecordKind::Template => find(&self.meeting_templates, r.id).map(RecordView::Template),
            RecordKind::Goal => find(&p.goals, r.id).map(RecordView::Goal),
            RecordKind::Track => find(&p.tracks, r.id).map(RecordView::Track),
            RecordKind::Initiative => find(&p.initiatives, r.id).map(RecordView::Initiative),
            RecordKind::Indicator => find(&p.indicators, r.id).map(RecordView::Indicator),
            RecordKind::TimelineRow => find(&p.timeline, r.id).map(RecordView::TimelineRow),
        }
    }

    pub fn contains(&self, r: RecordRef) -> bool {
        let s = &self.staircase;
        let p = &self.plan;
        let id = r.id;
        match r.kind {
            RecordKind::Step => s.steps.iter().any(|x| x.id == id),
            RecordKind::Intervention => s
                .steps
                .iter()
                .any(|st| st.interventions.iter().any(|x| x.id == id)),
            RecordKind::Measurement => s.measurements.iter().any(|x| x.id == id),
            RecordKind::Meeting => self.meetings.iter().any(|x| x.id == id),
            RecordKind::Template => self.meeting_templates.iter().any(|x| x.id == id),
            RecordKind::Goal => p.goals.iter().any(|x| x.id == id),
            RecordKind::Track => p.tracks.iter().any(|x| x.id == id),
            RecordKind::Initiative => p.initiatives.iter().any(|x| x.id == id),
            RecordKind::Indicator => p.indicators.iter().any(|x| x.id == id),
            RecordKind::TimelineRow => p.timeline.iter().any(|x| x.id == id),
        }
    }

    /// Every record, kind by kind in dependency order, each list in its order.
    pub fn views(&self) -> impl Iterator<Item = RecordView<'_>> {
        let s = &self.staircase;
        let p = &self.plan;
        s.steps
            .iter()
            .map(RecordView::Step)
            .chain(s.steps.iter().flat_map(|st| {
                st.interventions
                    .iter()
                    .map(move |iv| RecordView::Intervention {
                        step: st.id,
                        intervention: iv,
                    })
            }))
            .chain(s.measurements.iter().map(RecordView::Measurement))
            .chain(self.meetings.iter().map(RecordView::Meeting))
            .chain(self.meeting_templates.iter().map(RecordView::Template))
            .chain(p.goals.iter().map(RecordView::Goal))
            .chain(p.tracks.iter().map(RecordView::Track))
            .chain(p.initiatives.iter().map(RecordView::Initiative))
            .chain(p.indicators.iter().map(RecordView::Indicator))
            .chain(p.timeline.iter().map(RecordView::TimelineRow))
    }

    /// The ids of one kind's list, in order (interventions: all steps, bottom step first).
    pub fn ids_of(&self, kind: RecordKind) -> Vec<Id> {
        fn ids<T: Keyed>(l: &[T]) -> Vec<Id> {
            l.iter().map(Keyed::key).collect()
        }
        let s = &self.staircase;
        let p = &self.plan;
        match kind {
            RecordKind::Step => ids(&s.steps),
            RecordKind::Intervention => s
                .steps
                .iter()
                .flat_map(|st| ids(&st.interventions))
                .collect(),
            RecordKind::Measurement => ids(&s.measurements),
            RecordKind::Meeting => ids(&self.meetings),
            RecordKind::Template => ids(&self.meeting_templates),
            RecordKind::Goal => ids(&p.goals),
            RecordKind::Track => ids(&p.tracks),
            RecordKind::Initiative => ids(&p.initiatives),
            RecordKind::Indicator => ids(&p.indicators),
            RecordKind::TimelineRow => ids(&p.timeline),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::new_id;

    /// Every kind of record reads back as written, whichever order its two fields come in; what is not a
    /// record is refused in serde's own words (lenient loading sorts them by those).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_kind_of_record_reads_back_in_either_field_order() {
        let mut ws = crate::examples::build("socialstyrelsen-trappe").unwrap();
        ws.plan = crate::examples::build("koege-2019").unwrap().plan;
        let mut kinds = std::collections::BTreeSet::new();
        let mut records: Vec<Record> = ws
            .views()
            .map(|v| ws.record(v.reference()).unwrap().1)
            .collect();
        records.push(Record::Template(MeetingTemplate::default()));
        records.push(Record::TimelineRow(TimelineRow::default()));
        records.push(Record::Indicator(Indicator::default()));
        for record in records {
            let json = serde_json::to_value(&record).unwrap();
            assert_eq!(
                serde_json::from_value::<Record>(json.clone()).unwrap(),
                record
            );
            let reversed = format!(r#"{{"record":{},"kind":{}}}"#, json["record"], json["kind"]);
            assert_eq!(serde_json::from_str::<Record>(&reversed).unwrap(), record);
            kinds.insert(record.kind());
        }
        assert_eq!(kinds.len(), RecordKind::ALL.len(), "every kind tried");
        let e = |s: &str| serde_json::from_str::<Record>(s).unwrap_err().to_string();
        assert!(e(r#"{"record":{}}"#).starts_with("missing field `kind`"));
        assert!(e(r#"{"kind":"meeting"}"#).starts_with("missing field `record`"));
        assert!(e(r#"{"kind":"pie","record":{}}"#).starts_with("unknown variant `pie`"));
        assert!(e(r#"{"kind":"meeting","record":{"date":"2019-13-01"}}"#)
            .contains("input is out of range"));
    }

    fn goals(n: usize) -> Vec<Goal> {
        (0..n).map(|_| Goal::default()).collect()
    }

    #[test]
    fn put_replaces_in_place_moves_and_inserts() {
        let mut l = goals(3);
        let ids: Vec<Id> = l.iter().map(|g| g.id).collect();
        // Replace in place.
        let mut g = l[1].clone();
        g.title = "Ny".into();
        let old = put_in(&mut l, Place::Keep, g).unwrap().unwrap();
        assert_eq!(old.0, Place::After(ids[0]));
        assert_eq!(l[1].title, "Ny");
        // Move the first after the last.
        let first = l[0].clone();
        put_in(&mut l, Place::After(ids[2]), first).unwrap();
        assert_eq!(
            l.iter().map(|g| g.id).collect::<Vec<_>>(),
            vec![ids[1], ids[2], ids[0]]
        );
        // Insert first.
        let new = Goal::default();
        let nid = new.id;
        assert!(put_in(&mut l, Place::First, new).unwrap().is_none());
        assert_eq!(l[0].id, nid);
        // A missing anchor changes nothing.
        let before: Vec<Id> = l.iter().map(|g| g.id).collect();
        let moved = l[3].clone();
        let missing = new_id();
        assert_eq!(
            put_in(&mut l, Place::After(missing), moved),
            Err(AnchorMissing(missing))
        );
        assert_eq!(l.iter().map(|g| g.id).collect::<Vec<_>>(), before);
    }

    #[test]
    fn remove_reports_the_place_to_put_it_back() {
        let mut l = goals(3);
        let ids: Vec<Id> = l.iter().map(|g| g.id).collect();
        let (place, g) = remove_from(&mut l, ids[1]).unwrap();
        assert_eq!(place, Place::After(ids[0]));
        put_in(&mut l, place, g).unwrap();
        assert_eq!(l.iter().map(|g| g.id).collect::<Vec<_>>(), ids);
        let (place, g) = remove_from(&mut l, ids[0]).unwrap();
        assert_eq!(place, Place::First);
        put_in(&mut l, place, g).unwrap();
        assert_eq!(l.iter().map(|g| g.id).collect::<Vec<_>>(), ids);
    }
}
