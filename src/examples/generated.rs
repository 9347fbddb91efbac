//! A deterministic generator of large, valid workspaces for performance tests and UI stress tests.
//! The same spec (and seed) always gives the same content; only ids and timestamps differ, because
//! records get their ids from `new_id()` like any other record.

use crate::model::*;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use std::collections::BTreeMap;

/// How big a workspace to generate. Interventions need at least one step, and status notes need at
/// least one initiative; without them those counts are ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GeneratedSpec {
    pub meetings: usize,
    pub steps: usize,
    pub interventions: usize,
    pub initiatives: usize,
    /// Status notes in total, spread over the initiatives.
    pub notes: usize,
    pub seed: u64,
}

impl GeneratedSpec {
    /// The size the app must stay responsive at: about 10 MB of JSON.
    pub fn benchmark() -> Self {
        GeneratedSpec {
            meetings: 10_000,
            steps: 12,
            interventions: 500,
            initiatives: 300,
            notes: 3_000,
            seed: 2019,
        }
    }
}

/// xorshift64* seeded through splitmix64: tiny, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        // xorshift must never hold zero.
        Rng(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n`; `n` must be positive.
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// "Today" for the generated data, so follow-ups fall both before and after it.
fn today() -> NaiveDate {
    super::ymd(2026, 11, 24)
}

const STEP_NAMES: [&str; 12] = [
    "Almene tilbud",
    "Almene tilbud med ekstra opmærksomhed",
    "Rådgivning uden visitation",
    "Tidlig forebyggende indsats",
    "Forældrekurser og grupper",
    "Hjemmebaseret støtte",
    "Familiebehandling",
    "Aflastning",
    "Netværksbaserede indsatser",
    "Netværksanbringelse",
    "Anbringelse i familiepleje",
    "Anbringelse på opholdssted eller døgninstitution",
];

struct Kind {
    name: &'static str,
    legal: &'static str,
    method: &'static str,
    referral: bool,
    period: CostPeriod,
    cost: (i64, i64),
}

const fn kind(
    name: &'static str,
    legal: &'static str,
    method: &'static str,
    referral: bool,
    period: CostPeriod,
    cost: (i64, i64),
) -> Kind {
    Kind {
        name,
        legal,
        method,
        referral,
        period,
        cost,
    }
}

use CostPeriod::*;

const UNIVERSAL: [Kind; 4] = [
    kind(
        "Sundhedspleje med ekstra besøg",
        "Sundhedsloven § 120",
        "Tidlig opsporing",
        false,
        PerCourse,
        (1_500, 3_500),
    ),
    kind(
        "Inklusionsvejledning i dagtilbud",
        "Dagtilbudsloven",
        "LØFT",
        false,
        PerCourse,
        (2_000, 6_000),
    ),
    kind(
        "Lektiecafé og fritidsvejledning",
        "Frivilligt tilbud uden afgørelse",
        "Fritidsmentor",
        false,
        PerYear,
        (800, 2_500),
    ),
    kind(
        "Trivselsforløb i skolen",
        "Folkeskoleloven",
        "Trivselsgrupper",
        false,
        PerCourse,
        (1_000, 4_000),
    ),
];

const PREVENTIVE: [Kind; 14] = [
    kind(
        "Åben anonym rådgivning",
        "Barnets Lov § 30",
        "LØFT",
        false,
        PerCourse,
        (2_000, 3_500),
    ),
    kind(
        "Forebyggende rådgiver",
        "Barnets Lov § 30",
        "Dialogbaseret underretning",
        false,
        PerCourse,
        (3_000, 5_000),
    ),
    kind(
        "ICDP-forældrekursus",
        "Barnets Lov § 30",
        "ICDP",
        false,
        PerCourse,
        (3_500, 6_000),
    ),
    kind(
        "COS-P forældreforløb",
        "Barnets Lov § 30",
        "COS-P",
        false,
        PerCourse,
        (5_000, 9_000),
    ),
    kind(
        "KIFF-skilsmissekursus",
        "Barnets Lov § 30",
        "KIFF",
        false,
        PerCourse,
        (2_500, 4_000),
    ),
    kind(
        "Børnegruppe",
        "Barnets Lov § 30",
        "Børnegruppeforløb",
        false,
        PerCourse,
        (2_000, 3_500),
    ),
    kind(
        "Back2School",
        "Barnets Lov § 30",
        "Back2School",
        false,
        PerCourse,
        (18_000, 30_000),
    ),
    kind(
        "Labyrinten",
        "Barnets Lov § 30",
        "Psykoedukativt gruppeforløb",
        false,
        PerCourse,
        (4_000, 7_000),
    ),
    kind(
        "Familiebehandling",
        "Barnets Lov § 32",
        "FIT",
        true,
        PerMonth,
        (7_000, 14_000),
    ),
    kind(
        "Praktisk pædagogisk støtte",
        "Serviceloven § 52, stk. 3, nr. 2",
        "Struktur i hverdagen",
        true,
        PerMonth,
        (5_000, 10_000),
    ),
    kind(
        "Kontaktperson",
        "Barnets Lov § 32",
        "Relationsarbejde",
        true,
        PerMonth,
        (4_000, 9_000),
    ),
    kind(
        "Aflastning",
        "Serviceloven § 52, stk. 3, nr. 5",
        "Weekendaflastning",
        true,
        PerMonth,
        (8_000, 16_000),
    ),
    kind(
        "Familierådslagning",
        "Barnets Lov § 32",
        "Familierådslagning",
        true,
        PerCourse,
        (12_000, 25_000),
    ),
    kind(
        "Sikkerhedsplan",
        "Barnets Lov § 32",
        "Signs of Safety",
        true,
        PerMonth,
        (3_000, 8_000),
    ),
];

const PLACEMENT: [Kind; 6] = [
    kind(
        "Netværksplejefamilie",
        "Barnets Lov §§ 46–47",
        "Netværkspleje",
        true,
        PerYear,
        (150_000, 250_000),
    ),
    kind(
        "Almen plejefamilie",
        "Barnets Lov §§ 46–47",
        "Supervision af plejefamilier",
        true,
        PerYear,
        (400_000, 520_000),
    ),
    kind(
        "Forstærket plejefamilie",
        "Barnets Lov §§ 46–47",
        "Supervision af plejefamilier",
        true,
        PerYear,
        (550_000, 700_000),
    ),
    kind(
        "Opholdssted",
        "Barnets Lov §§ 46–47",
        "Miljøterapi",
        true,
        PerMonth,
        (80_000, 110_000),
    ),
    kind(
        "Døgninstitution",
        "Serviceloven § 52, stk. 3, nr. 7",
        "Døgnbehandling",
        true,
        PerMonth,
        (90_000, 120_000),
    ),
    kind(
        "Socialpædagogisk kollegium",
        "Barnets Lov §§ 46–47",
        "Støtte i egen bolig",
        true,
        PerMonth,
        (30_000, 45_000),
    ),
];

const DISTRICTS: [&str; 6] = ["Nord", "Syd", "Øst", "Vest", "Centrum", "Land"];
const OWN_UNITS: [&str; 6] = [
    "Familiecentret",
    "Familiehuset",
    "PPR",
    "Sundhedsplejen",
    "Ungeenheden",
    "Familieplejen",
];
const EXTERNAL: [&str; 5] = [
    "Glostrup Observationshjem",
    "Privat opholdssted",
    "Regional døgninstitution",
    "Privat leverandør (rammeaftale)",
    "Frivillig forening",
];

const FAMILY: [&str; 8] = [
    "Mor",
    "Far",
    "Barnet",
    "Den unge",
    "Stedfar",
    "Stedmor",
    "Storesøster",
    "Lillebror",
];
const NETWORK: [&str; 12] = [
    "Mormor",
    "Morfar",
    "Farmor",
    "Farfar",
    "Moster",
    "Faster",
    "Morbror",
    "Farbror",
    "Nabo",
    "Veninde til mor",
    "Ven af familien",
    "Fodboldtræner",
];
const PROFESSIONALS: [&str; 12] = [
    "Socialrådgiver, Familiecentret",
    "Klasselærer",
    "Pædagog, dagtilbuddet",
    "Sundhedsplejerske",
    "Psykolog, PPR",
    "Familiebehandler",
    "UU-vejleder",
    "SSP-medarbejder",
    "Kontaktperson",
    "Skoleleder",
    "Dagtilbudsleder",
    "Forebyggende rådgiver",
];
const QUESTIONS: [&str; 10] = [
    "Hvordan sikrer vi, at barnet kommer i skole hver dag?",
    "Hvem kan hjælpe familien med morgen- og aftenrutiner?",
    "Hvor kan barnet bo trygt, hvis det ikke går derhjemme?",
    "Hvad skal der til, for at barnet trives i dagtilbuddet?",
    "Hvordan støtter netværket mor i de svære perioder?",
    "Hvordan holder den unge fast i uddannelse eller job?",
    "Hvad er vi bekymrede for, og hvad fungerer godt?",
    "Hvordan får barnet en fritidsaktivitet og venner?",
    "Hvem kan aflaste forældrene i weekenderne?",
    "Hvordan følger vi op, så planen holder?",
];
const DECISIONS: [&str; 10] = [
    "Familien fremlagde en plan, som socialrådgiveren godkendte.",
    "Netværket tager over to eftermiddage om ugen.",
    "Der bevilges familiebehandling i seks måneder.",
    "Skolen sender en ugentlig fraværsoversigt til forældrene.",
    "PPR observerer barnet og giver sparring til personalet.",
    "Bekymringen håndteres i almenområdet uden underretning.",
    "Sikkerhedsplanen gennemgås hver uge med sikkerhedspersonerne.",
    "Kontaktpersonordningen forlænges til efter sommerferien.",
    "Forældrene tilmeldes næste forældrekursus.",
    "Sagen afsluttes, og familien kan bruge den åbne rådgivning.",
];
const NOTES: [&str; 6] = [
    "Mødet blev holdt i familiens hjem efter ønske fra mor.",
    "Tolk deltog under hele mødet.",
    "Barnet deltog i den første del af mødet.",
    "Flere fra netværket deltog på video.",
    "Opfølgningen blev flyttet efter ønske fra familien.",
    "Familiens egen tid varede cirka en time.",
];
const ACTIONS: [(&str, &str); 10] = [
    ("Køre barnet i skole to dage om ugen", "Morfar"),
    ("Lave en telefonliste til netværket", "Moster"),
    ("Sende afgørelse om foranstaltning", "Socialrådgiver"),
    ("Tilmelde forældrene forældrekursus", "Sundhedsplejerske"),
    ("Observere barnet i dagtilbuddet", "PPR"),
    ("Finde en praktikplads", "UU-vejleder"),
    ("Aftale weekendaflastning", "Farmor"),
    ("Ringe til mor hver aften", "Nabo"),
    ("Sende fraværsoversigt hver fredag", "Klasselærer"),
    ("Indkalde til opfølgningsmøde", "Socialrådgiver"),
];
const CONFERENCE_PHASES: [&str; 4] = [
    "Spørgsmål formuleret",
    "Netværk inviteret",
    "Familiens egen tid",
    "Plan godkendt",
];

const GOALS: [&str; 4] = [
    "Flere børn hjælpes tidligt",
    "Færre og kortere anbringelser",
    "Bedre sagsbehandling",
    "Sund økonomi",
];
const TRACKS: [&str; 4] = [
    "Tidlig indsats",
    "Netværk og familie",
    "Sagsbehandling og data",
    "Økonomistyring",
];
const INITIATIVE_TITLES: [&str; 12] = [
    "Udbygning af åben rådgivning",
    "Forældrekurser i dagtilbud",
    "Netværksrådslagning i nye sager",
    "Hjemtagning af anbringelser",
    "Ledelsesinformation om indsatstrappen",
    "Månedlig budgetopfølgning",
    "Udbud af familiebehandling",
    "Fælles Indsats i skolerne",
    "Supervision af plejefamilier",
    "Overgange ved 18 år",
    "Rekruttering af socialrådgivere",
    "Forenkling af dokumentation",
];
const NOTE_TEXTS: [&str; 10] = [
    "Arbejdsgruppen har holdt første møde og aftalt en tidsplan.",
    "Initiativet er forelagt Børneudvalget og taget til efterretning.",
    "Der mangler stadig data fra fagsystemet for at følge indikatoren.",
    "To medarbejdere er ansat og tiltræder i næste måned.",
    "Pilotforløbet på én skole er evalueret med gode resultater.",
    "Tidsplanen er skubbet, fordi udbuddet blev forsinket.",
    "Status blev drøftet på ledermødet; ingen ændringer.",
    "Metoden er nu indført i alle distrikter.",
    "Økonomien følges månedligt og er inden for rammen.",
    "Initiativet afventer budgetforhandlingerne.",
];
const AUTHORS: [&str; 4] = [
    "Familieafdelingen",
    "Sekretariatet",
    "Familiecentret",
    "Børne- og Ungeforvaltningen",
];

/// `n` different items of `pool` (consecutive from a random start), so no sentence repeats.
fn distinct<'a>(rng: &mut Rng, pool: &[&'a str], n: usize) -> Vec<&'a str> {
    let start = rng.below(pool.len());
    (0..n.min(pool.len()))
        .map(|i| pool[(start + i) % pool.len()])
        .collect()
}

fn join_some(rng: &mut Rng, pool: &[&str], n: usize) -> String {
    distinct(rng, pool, n).join(" ")
}

fn date_between(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let days = (to - from).num_days();
    from + Duration::days(rng.range(0, days))
}

fn category_of(i: usize, steps: usize) -> StepCategory {
    // The lowest sixth is universal and the top quarter placements, as on Socialstyrelsen's trappe.
    if i * 6 < steps {
        StepCategory::Universal
    } else if (i + 1) * 4 > steps * 3 {
        StepCategory::Placement
    } else {
        StepCategory::Preventive
    }
}

fn ages(rng: &mut Rng) -> Vec<AgeGroup> {
    let from = rng.below(4);
    let to = (from + rng.below(3)).min(3);
    AgeGroup::ALL[from..=to].to_vec()
}

fn build_staircase(rng: &mut Rng, spec: &GeneratedSpec) -> Staircase {
    let mut steps: Vec<Step> = (0..spec.steps)
        .map(|i| {
            let category = category_of(i, spec.steps);
            let base = STEP_NAMES[i * STEP_NAMES.len() / spec.steps];
            Step {
                name: format!("{}. {}", i + 1, base),
                description: format!(
                    "Trin {} af {}: {}. Genereret testdata til ydelsesmåling.",
                    i + 1,
                    spec.steps,
                    base.to_lowercase()
                ),
                category,
                yearly_cost_per_child: (category == StepCategory::Placement)
                    .then(|| rng.range(400, 1_200) * 1_000),
                ..Step::default()
            }
        })
        .collect();
    if steps.is_empty() {
        return Staircase::default();
    }
    for k in 0..spec.interventions {
        // Every step gets one before any gets a second, then the rest land at random.
        let s = if k < steps.len() {
            k
        } else {
            rng.below(steps.len())
        };
        let pool: &[Kind] = match steps[s].category {
            StepCategory::Universal => &UNIVERSAL,
            StepCategory::Preventive => &PREVENTIVE,
            StepCategory::Placement => &PLACEMENT,
        };
        let kind = rng.pick(pool);
        let own = rng.chance(60);
        let provider = if own {
            format!("{} {}", rng.pick(&OWN_UNITS), rng.pick(&DISTRICTS))
        } else {
            rng.pick(&EXTERNAL).to_string()
        };
        let district = rng.pick(&DISTRICTS);
        let status = match rng.below(20) {
            0 => InterventionStatus::Closed,
            1 => InterventionStatus::Planned,
            2 | 3 => InterventionStatus::Pilot,
            _ => InterventionStatus::Active,
        };
        let iv = Intervention {
            name: format!("{} – distrikt {} {}", kind.name, district, k + 1),
            description: format!(
                "{} i distrikt {}. Genereret testindsats med metoden {}.",
                kind.name, district, kind.method
            ),
            legal_basis: kind.legal.into(),
            provider,
            provider_kind: if own {
                ProviderKind::Own
            } else {
                ProviderKind::External
            },
            target_ages: ages(rng),
            referral_required: kind.referral,
            method: kind.method.into(),
            unit_cost: Some(rng.range(kind.cost.0 / 100, kind.cost.1 / 100) * 100),
            cost_period: kind.period,
            capacity: rng.chance(80).then(|| rng.range(4, 200) as u32),
            status,
            ..Intervention::default()
        };
        steps[s].interventions.push(iv);
    }
    let measurements = build_measurements(rng, &steps);
    Staircase {
        steps,
        measurements,
    }
}

/// A baseline, three yearly actuals and a target, with placements falling and prevention rising.
fn build_measurements(rng: &mut Rng, steps: &[Step]) -> Vec<Measurement> {
    let points = [
        ("Baseline 2018", MeasurementKind::Baseline, 2018),
        ("Status 2020", MeasurementKind::Actual, 2020),
        ("Status 2022", MeasurementKind::Actual, 2022),
        ("Status 2024", MeasurementKind::Actual, 2024),
        ("Mål 2026", MeasurementKind::Target, 2026),
    ];
    let mut start: Vec<(Id, StepCategory, f64)> = Vec::new();
    for s in steps {
        for iv in &s.interventions {
            let base = match s.category {
                StepCategory::Universal => rng.range(20, 150),
                StepCategory::Preventive => rng.range(0, 60),
                StepCategory::Placement => rng.range(5, 40),
            };
            start.push((iv.id, s.category, base as f64));
        }
    }
    points
        .iter()
        .enumerate()
        .map(|(n, (name, kind, year))| {
            let mut per_intervention = BTreeMap::new();
            let mut total = 0u32;
            for (id, cat, base) in &start {
                let trend = match cat {
                    StepCategory::Placement => 1.0 - 0.06 * n as f64,
                    _ => 1.0 + 0.12 * n as f64,
                };
                let noise = 0.9 + rng.below(21) as f64 / 100.0;
                let v = (base * trend * noise).round().max(0.0) as u32;
                total += v;
                per_intervention.insert(*id, v);
            }
            Measurement {
                name: (*name).into(),
                kind: *kind,
                date: Some(super::ymd(*year, 12, 31)),
                note: format!("Genereret måling {}.", n + 1),
                per_intervention,
                caseworkers: Some((total / (30 - n as u32)).max(1)),
                ..Measurement::default()
            }
        })
        .collect()
}

fn all_interventions(st: &Staircase) -> Vec<(Id, Id)> {
    st.steps
        .iter()
        .flat_map(|s| s.interventions.iter().map(move |iv| (iv.id, s.id)))
        .collect()
}

fn build_meeting(rng: &mut Rng, ivs: &[(Id, Id)]) -> Meeting {
    let start = super::ymd(2018, 1, 1);
    let end = super::ymd(2026, 12, 31);
    let date = date_between(rng, start, end);
    let meeting_type = match rng.below(13) {
        0..=3 => MeetingType::FamilyGroupConference,
        4 | 5 => MeetingType::InvolvingNetworkMeeting,
        6 | 7 => MeetingType::Interdisciplinary,
        8 | 9 => MeetingType::FaellesIndsats,
        10 => MeetingType::SignsOfSafety,
        11 => MeetingType::FollowUp,
        _ => MeetingType::Custom("Overgangsmøde".into()),
    };
    let conference = meeting_type == MeetingType::FamilyGroupConference;
    let status = if date > today() {
        MeetingStatus::Planned
    } else {
        match rng.below(10) {
            0 => MeetingStatus::Cancelled,
            1..=4 => MeetingStatus::Held,
            _ => MeetingStatus::FollowedUp,
        }
    };
    // Sized so 10,000 meetings come to about 10 MB of JSON (ids and keys are most of a record).
    let base = rng.below(12);
    let participants = (0..rng.range(1, 3) as usize)
        .map(|i| {
            let (role, pool): (ParticipantRole, &[&str]) = match rng.below(3) {
                0 => (ParticipantRole::Family, &FAMILY),
                1 => (ParticipantRole::Network, &NETWORK),
                _ => (ParticipantRole::Professional, &PROFESSIONALS),
            };
            Participant {
                role,
                // Offset by position, so one meeting never lists the same relation twice.
                relation_or_unit: pool[(base + i) % pool.len()].to_string(),
                ..Participant::default()
            }
        })
        .collect();
    let held = matches!(status, MeetingStatus::Held | MeetingStatus::FollowedUp);
    let action_items = if held {
        (0..rng.range(0, 1))
            .map(|_| {
                let (what, who) = rng.pick(&ACTIONS);
                let due = date + Duration::days(rng.range(7, 90));
                ActionItem {
                    what: (*what).into(),
                    who: (*who).into(),
                    due: Some(due),
                    done: due < today() && rng.chance(70),
                    ..ActionItem::default()
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let linked_interventions: Vec<Id> = if ivs.is_empty() {
        Vec::new()
    } else {
        (0..rng.range(0, 2)).map(|_| rng.pick(ivs).0).collect()
    };
    let linked_step = match linked_interventions.first() {
        Some(id) => ivs.iter().find(|(iv, _)| iv == id).map(|(_, s)| *s),
        None if !ivs.is_empty() && rng.chance(30) => Some(rng.pick(ivs).1),
        None => None,
    };
    let n_questions = 1 + usize::from(rng.chance(20));
    let letter = rng.pick(&['F', 'U', 'D', 'H']);
    Meeting {
        date: Some(date),
        time: NaiveTime::from_hms_opt(rng.range(8, 17) as u32, 30 * rng.below(2) as u32, 0),
        case_ref: format!("Sag {}-{:04}", letter, rng.range(1, 9999)),
        initiator: rng.pick(&PROFESSIONALS).to_string(),
        coordinator: if conference {
            "Samordner, samordnerkorpset".into()
        } else {
            String::new()
        },
        chair: if conference {
            "Samordneren".into()
        } else {
            "Socialrådgiveren".into()
        },
        participants,
        questions: distinct(rng, &QUESTIONS, n_questions)
            .into_iter()
            .map(String::from)
            .collect(),
        decisions: if held {
            let n = 1 + usize::from(rng.chance(25));
            join_some(rng, &DECISIONS, n)
        } else {
            String::new()
        },
        action_items,
        checklist: if conference {
            let done = rng.below(CONFERENCE_PHASES.len() + 1);
            CONFERENCE_PHASES
                .iter()
                .enumerate()
                .map(|(i, label)| ChecklistItem {
                    label: (*label).into(),
                    done: i < done,
                    ..ChecklistItem::default()
                })
                .collect()
        } else {
            Vec::new()
        },
        safety_scale: (meeting_type == MeetingType::SignsOfSafety).then(|| rng.below(11) as u8),
        measure_start: rng
            .chance(30)
            .then(|| date - Duration::days(rng.range(0, 60))),
        // Held meetings get a follow-up date, so some fall before "today" (overdue) and some after.
        follow_up_date: held.then(|| date + Duration::days(rng.range(30, 120))),
        status,
        linked_interventions,
        linked_step,
        notes: if rng.chance(25) {
            rng.pick(&NOTES).to_string()
        } else {
            String::new()
        },
        meeting_type,
        ..Meeting::default()
    }
}

fn next_status(rng: &mut Rng, s: InitiativeStatus) -> Option<InitiativeStatus> {
    use InitiativeStatus::*;
    // Most notes only report; some move the status along a plausible path.
    if rng.chance(55) {
        return None;
    }
    Some(match s {
        NotStarted => InProgress,
        InProgress => match rng.below(10) {
            0..=2 => Done,
            3 | 4 => Delayed,
            5 => Paused,
            _ => return None,
        },
        Delayed | Paused => {
            if rng.chance(85) {
                InProgress
            } else {
                Dropped
            }
        }
        Done | Dropped => return None,
    })
}

fn build_plan(rng: &mut Rng, spec: &GeneratedSpec, ivs: &[(Id, Id)]) -> ActionPlan {
    let goals: Vec<Goal> = GOALS
        .iter()
        .enumerate()
        .map(|(i, t)| Goal {
            number: (i + 1).to_string(),
            title: (*t).into(),
            description: format!("Genereret mål: {}.", t.to_lowercase()),
            success_criteria: "Indikatorerne når deres mål inden planperiodens udløb.".into(),
            ..Goal::default()
        })
        .collect();
    let tracks: Vec<Track> = TRACKS
        .iter()
        .enumerate()
        .map(|(i, t)| Track {
            number: (i + 1).to_string(),
            title: (*t).into(),
            description: format!("Genereret spor: {}.", t.to_lowercase()),
            ..Track::default()
        })
        .collect();

    let mut initiatives: Vec<Initiative> = Vec::with_capacity(spec.initiatives);
    let mut per_track = [0usize; TRACKS.len()];
    let mut last_top: Option<usize> = None;
    let mut sub_letter = 0u8;
    for i in 0..spec.initiatives {
        // Notes are spread evenly; the first `notes % initiatives` initiatives get one extra.
        let n_notes =
            spec.notes / spec.initiatives + usize::from(i < spec.notes % spec.initiatives);
        let sub_of = match last_top {
            Some(p) if rng.chance(15) && sub_letter < 26 => Some(p),
            _ => None,
        };
        let (number, track, parent_id) = match sub_of {
            Some(p) => {
                let letter = (b'a' + sub_letter) as char;
                sub_letter += 1;
                let parent = &initiatives[p];
                let track = tracks.iter().position(|t| Some(t.id) == parent.track_id);
                (
                    format!("{}{}", parent.number, letter),
                    track.unwrap_or(0),
                    Some(parent.id),
                )
            }
            None => {
                let t = rng.below(TRACKS.len());
                per_track[t] += 1;
                last_top = Some(i);
                sub_letter = 0;
                (format!("{}.{}", t + 1, per_track[t]), t, None)
            }
        };
        let title = format!(
            "{} – distrikt {}",
            rng.pick(&INITIATIVE_TITLES),
            rng.pick(&DISTRICTS)
        );
        let start = date_between(rng, super::ymd(2019, 1, 1), super::ymd(2024, 6, 30));
        let mut date = start;
        let mut status = InitiativeStatus::NotStarted;
        let mut history = Vec::with_capacity(n_notes);
        for n in 0..n_notes {
            let set = if n == 0 {
                Some(if rng.chance(50) {
                    InitiativeStatus::NotStarted
                } else {
                    InitiativeStatus::InProgress
                })
            } else {
                next_status(rng, status)
            };
            if let Some(s) = set {
                status = s;
            }
            let sentences = rng.range(1, 2) as usize;
            history.push(StatusNote {
                date: Some(date),
                author: rng.pick(&AUTHORS).to_string(),
                status: set,
                text: join_some(rng, &NOTE_TEXTS, sentences),
                ..StatusNote::default()
            });
            date += Duration::days(rng.range(20, 90));
        }
        let budget = (0..rng.range(0, 3))
            .map(|y| BudgetLine {
                year: start.year() + y as i32,
                amount: rng.range(10, 500) * 10_000,
            })
            .collect();
        let intervention_ids = if ivs.is_empty() {
            Vec::new()
        } else {
            (0..rng.range(0, 2)).map(|_| rng.pick(ivs).0).collect()
        };
        initiatives.push(Initiative {
            number,
            parent_id,
            description: format!(
                "{title}. Genereret initiativ under sporet {}.",
                TRACKS[track].to_lowercase()
            ),
            title,
            goal_id: Some(rng.pick(&goals).id),
            track_id: Some(tracks[track].id),
            owner: rng.pick(&AUTHORS).to_string(),
            committee: "Børneudvalget".into(),
            start: Some(start),
            deadline: Some(start + Duration::days(rng.range(180, 900))),
            period: format!("{}–{}", start.year(), start.year() + 2),
            budget,
            intervention_ids,
            status,
            history,
            ..Initiative::default()
        });
    }

    let indicators = (0..(spec.initiatives / 25).max(3))
        .map(|i| {
            let baseline = rng.range(10, 80) as f64;
            let target = baseline + rng.range(-8, 20) as f64;
            let values = (0..rng.range(2, 6))
                .map(|v| IndicatorValue {
                    date: Some(super::ymd(2019 + v as i32, 12, 31)),
                    value: baseline + (target - baseline) * (v as f64 + 1.0) / 7.0,
                    note: String::new(),
                    ..IndicatorValue::default()
                })
                .collect();
            Indicator {
                name: format!("Genereret indikator {}", i + 1),
                unit: if i % 2 == 0 { "%" } else { "børn" }.into(),
                baseline: Some(baseline),
                baseline_date: Some(super::ymd(2018, 12, 31)),
                target: Some(target),
                target_date: Some(super::ymd(2026, 12, 31)),
                goal_id: Some(rng.pick(&goals).id),
                initiative_id: (!initiatives.is_empty()).then(|| rng.pick(&initiatives).id),
                values,
                ..Indicator::default()
            }
        })
        .collect();

    let timeline = (0..8)
        .map(|h| {
            let year = 2019 + h / 2;
            let (from, to, label) = if h % 2 == 0 {
                ((1, 1), (6, 30), "Forår")
            } else {
                ((7, 1), (12, 31), "Efterår")
            };
            TimelineRow {
                start: Some(super::ymd(year, from.0, from.1)),
                end: Some(super::ymd(year, to.0, to.1)),
                period_label: format!("{label} {year}"),
                activity: format!("Genereret aktivitet for {} {year}", label.to_lowercase()),
                ..TimelineRow::default()
            }
        })
        .collect();

    ActionPlan {
        title: "Genereret handleplan".into(),
        period: "2019–2026".into(),
        goals,
        tracks,
        initiatives,
        indicators,
        timeline,
        stale_after_days: 60,
    }
}

/// A workspace of the requested size, the same content for the same spec.
pub fn generated(spec: &GeneratedSpec) -> Workspace {
    let mut rng = Rng::new(spec.seed);
    let mut ws = Workspace::new(format!("Genereret arbejdsområde (frø {})", spec.seed));
    ws.municipality = "Testkommune".into();
    ws.description = format!(
        "Genereret testdata: {} møder, {} trin, {} indsatser, {} initiativer og {} statusnoter.",
        spec.meetings, spec.steps, spec.interventions, spec.initiatives, spec.notes
    );
    ws.staircase = build_staircase(&mut rng, spec);
    let ivs = all_interventions(&ws.staircase);
    ws.meetings = (0..spec.meetings)
        .map(|_| build_meeting(&mut rng, &ivs))
        .collect();
    if spec.initiatives > 0 {
        ws.plan = build_plan(&mut rng, spec, &ivs);
    }
    ws
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validation::validate;

    fn small() -> GeneratedSpec {
        GeneratedSpec {
            meetings: 200,
            steps: 6,
            interventions: 40,
            initiatives: 30,
            notes: 95,
            seed: 7,
        }
    }

    fn counts(ws: &Workspace) -> (usize, usize, usize, usize, usize) {
        (
            ws.meetings.len(),
            ws.staircase.steps.len(),
            ws.staircase
                .steps
                .iter()
                .map(|s| s.interventions.len())
                .sum(),
            ws.plan.initiatives.len(),
            ws.plan.initiatives.iter().map(|i| i.history.len()).sum(),
        )
    }

    /// Content that must not depend on ids or timestamps.
    fn fingerprint(ws: &Workspace) -> Vec<String> {
        let mut out: Vec<String> = ws
            .meetings
            .iter()
            .map(|m| format!("{}|{:?}|{:?}|{}", m.case_ref, m.date, m.status, m.decisions))
            .collect();
        for s in &ws.staircase.steps {
            out.push(s.name.clone());
            out.extend(s.interventions.iter().map(|iv| iv.name.clone()));
        }
        // Measurements are keyed by (random) ids; read them in staircase order instead.
        for m in &ws.staircase.measurements {
            let counts: Vec<u32> = ws
                .staircase
                .steps
                .iter()
                .flat_map(|s| &s.interventions)
                .map(|iv| m.per_intervention[&iv.id])
                .collect();
            out.push(format!("{} {counts:?}", m.name));
        }
        for i in &ws.plan.initiatives {
            out.push(format!("{} {} {:?}", i.number, i.title, i.status));
            out.extend(i.history.iter().map(|n| n.text.clone()));
        }
        out
    }

    #[test]
    fn benchmark_has_exact_counts_validates_and_is_about_10_mb() {
        let spec = GeneratedSpec::benchmark();
        let started = std::time::Instant::now();
        let ws = generated(&spec);
        let took = started.elapsed();
        assert_eq!(counts(&ws), (10_000, 12, 500, 300, 3_000));
        assert!(ws
            .staircase
            .steps
            .iter()
            .all(|s| !s.interventions.is_empty()));
        assert_eq!(validate(&ws, "workspace"), vec![]);
        let json = serde_json::to_string(&ws).unwrap();
        let mb = json.len() as f64 / 1e6;
        assert!((5.0..20.0).contains(&mb), "{mb:.1} MB");
        // Generous for unoptimised test builds; release builds take a fraction of this.
        assert!(took.as_secs_f64() < 5.0, "{took:?}");
    }

    #[test]
    fn same_seed_same_content_other_seed_other_content() {
        let (a, b) = (generated(&small()), generated(&small()));
        assert_ne!(a.id, b.id);
        // Plain asserts: a failing assert_eq would print megabytes.
        assert!(fingerprint(&a) == fingerprint(&b));
        let c = generated(&GeneratedSpec { seed: 8, ..small() });
        assert!(fingerprint(&a) != fingerprint(&c));
    }

    #[test]
    fn small_and_degenerate_specs_are_valid() {
        let ws = generated(&small());
        assert_eq!(counts(&ws), (200, 6, 40, 30, 95));
        assert_eq!(validate(&ws, "workspace"), vec![]);
        for ini in &ws.plan.initiatives {
            assert_eq!(ini.status, super::super::last_status(&ini.history));
        }
        let empty = generated(&GeneratedSpec {
            meetings: 3,
            steps: 0,
            interventions: 10,
            initiatives: 0,
            notes: 10,
            seed: 0,
        });
        assert_eq!(counts(&empty), (3, 0, 0, 0, 0));
        assert_eq!(validate(&empty, "workspace"), vec![]);
        let one = generated(&GeneratedSpec {
            meetings: 1,
            steps: 1,
            interventions: 1,
            initiatives: 1,
            notes: 0,
            seed: u64::MAX,
        });
        assert_eq!(counts(&one), (1, 1, 1, 1, 0));
        assert_eq!(validate(&one, "workspace"), vec![]);
    }

    #[test]
    fn dates_spread_over_2018_to_2026_and_no_cpr_like_case_refs() {
        let ws = generated(&GeneratedSpec {
            meetings: 2_000,
            ..small()
        });
        let years: std::collections::BTreeSet<i32> = ws
            .meetings
            .iter()
            .filter_map(|m| m.date.map(|d| d.year()))
            .collect();
        assert_eq!(
            years.into_iter().collect::<Vec<_>>(),
            (2018..=2026).collect::<Vec<_>>()
        );
        assert!(ws
            .meetings
            .iter()
            .all(|m| !crate::model::privacy::contains_cpr_like(&m.case_ref)));
        for s in MeetingStatus::ALL {
            assert!(ws.meetings.iter().any(|m| m.status == s), "{s:?}");
        }
        let follow_ups: Vec<NaiveDate> = ws
            .meetings
            .iter()
            .filter_map(|m| m.follow_up_date)
            .collect();
        assert!(follow_ups.iter().any(|d| *d < today()));
        assert!(follow_ups.iter().any(|d| *d > today()));
    }
}
