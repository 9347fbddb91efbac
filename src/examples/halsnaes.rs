//! Halsnæs: the action plan for the children-and-family area 2019–2020 (seed 004). Thirteen numbered
//! initiatives in two groups, modelled as goals, and the sub-items 6A–6E of initiative 6 as initiatives
//! of their own whose parent is 6. The plan is dated 1 May 2019.
//!
//! The seed gives no amounts in kroner (only "half a position", "one full-time equivalent" and refund
//! shares), so the initiatives carry those facts in their text and no budget lines.

use super::staircase::{intervention_ids, steps_named, Units};
use super::{last_status, status_note, ymd};
use crate::model::*;
use InitiativeStatus::*;

const UNITS: Units = Units {
    family_centre: "Center for Børn, Unge og Familier",
    family_house: "Familiehuset",
    health_service: "Sundhedstjenesten",
    ppr: "PPR Halsnæs",
    foster_care: "Familieafdelingen, anbringelseskonsulenterne",
    day_treatment: "Specialskole med dagbehandling",
};

const GOALS: [(&str, &str); 2] = [
    (
        "Initiativer fælles med voksenområdet",
        "Tiltag, som Social Service og Familier gennemfører sammen for børne- og voksenområdet.",
    ),
    (
        "Initiativer for børne- og familieområdet",
        "Tiltag, der skal styrke den tidlige forebyggelse, færre anbringelser og større vægt på \
         hjemmebaserede indsatser.",
    ),
];

type Ymd = (i32, u32, u32);

/// The plan's date; every initiative's history starts here.
const PLAN_DATE: Ymd = (2019, 5, 1);
const SSF: &str = "Social Service og Familier";
const COMMITTEE: &str = "Udvalget for Sundhed og Forebyggelse";

struct Note {
    date: Ymd,
    status: Option<InitiativeStatus>,
    text: &'static str,
}

struct Ini {
    number: &'static str,
    parent: Option<&'static str>,
    /// 1 = shared with the adult area, 2 = children and family.
    goal: usize,
    title: &'static str,
    owner: &'static str,
    description: &'static str,
    interventions: &'static [&'static str],
    notes: &'static [Note],
}

const INITIATIVES: [Ini; 18] = [
    Ini {
        number: "1",
        parent: None,
        goal: 1,
        title: "Et mere fælles Social Service og Familier",
        owner: SSF,
        description: "Kvartalsvise temamøder på tværs af området, hvor ledere og medarbejdere \
            deler viden om indsatser og metoder. Møderne er grundlaget for det tværfaglige \
            samarbejde mellem myndighed og virksomheder.",
        interventions: &[],
        notes: &[Note {
            date: PLAN_DATE,
            status: Some(InProgress),
            text: "Temamøderne fortsætter hvert kvartal i 2019–2020.",
        }],
    },
    Ini {
        number: "2",
        parent: None,
        goal: 1,
        title: "Konsolidering af rammestyring – fælles fagligt grundlag",
        owner: SSF,
        description: "Rammestyringsmodellen fra 2018 skal følges af et fælles sprog og fælles \
            metoder på tværs af myndighed og udfører. På børneområdet udvikles et strategisk \
            grundlag for hjemmebaserede indsatser og anbringelser; på voksenområdet er LØFT \
            omdrejningspunktet.",
        interventions: &[],
        notes: &[Note {
            date: PLAN_DATE,
            status: Some(InProgress),
            text:
                "Det strategiske grundlag for hjemmebaserede indsatser og anbringelser \
                forelægges udvalget i juni 2019 og indføres i det daglige arbejde i løbet af \
                efteråret. Projekter med Åben Dialog, LØFT og Critical Time Intervention er i gang.",
        }],
    },
    Ini {
        number: "3",
        parent: None,
        goal: 1,
        title: "Effektiv administration",
        owner: "Staben, Social Service og Familier",
        description: "Økonomistyringssystemet Calibra kobles til fagsystemerne, arbejdsgangene \
            for økonomisk information forbedres, og der udvikles ledelsesinformation. Staben er \
            opnormeret med en halv stilling til tæt opfølgning i sagerne.",
        interventions: &[],
        notes: &[Note {
            date: PLAN_DATE,
            status: Some(InProgress),
            text: "Calibra har været i brug siden 2018 og giver et mere sikkert billede af \
                økonomien end de gamle styringsark. Snitfladen til fagsystemerne er under \
                etablering.",
        }],
    },
    Ini {
        number: "4",
        parent: None,
        goal: 1,
        title: "Fastholdelse og rekruttering",
        owner: "Social Service og Familier og HR-afdelingen",
        description: "Flere kandidater skal søge stillinger på området: bedre stillingsopslag, \
            tættere kontakt til uddannelserne og tidligere praktikanter, og Halsnæs skal \
            brandes som en god kommune at arbejde i.",
        interventions: &[],
        notes: &[Note {
            date: PLAN_DATE,
            status: Some(NotStarted),
            text: "Arbejdet planlægges sammen med HR-afdelingen.",
        }],
    },
    Ini {
        number: "5",
        parent: None,
        goal: 1,
        title: "Forenklingsinitiativer",
        owner: SSF,
        description: "Procedurer og dokumentation forenkles, bl.a. omfanget af skriftlighed i \
            børnefaglige undersøgelser, statusnotater og PPV'er og tiden brugt på interne møder.",
        interventions: &[],
        notes: &[Note {
            date: PLAN_DATE,
            status: Some(NotStarted),
            text: "Indgår i kommunens generelle forenklingsindsats, både på rådhuset og i \
                virksomhederne.",
        }],
    },
    Ini {
        number: "6",
        parent: None,
        goal: 2,
        title: "Udbygning af tilbudsvifte på det tidligt forebyggende niveau",
        owner: SSF,
        description: "Flere og mere evidensbaserede tilbud til familier på det tidligt \
            forebyggende niveau giver distriktssamarbejdet mellem dagtilbud, skole og Social \
            Service og Familier flere handlemuligheder. Konkret arbejdes med delinitiativerne \
            6A–6E.",
        interventions: &[],
        notes: &[Note {
            date: PLAN_DATE,
            status: Some(InProgress),
            text: "Delinitiativerne 6A–6E er beskrevet; de fleste starter i 2019.",
        }],
    },
    Ini {
        number: "6A",
        parent: Some("6"),
        goal: 2,
        title: "Forældrekurser: ICDP og COS-P",
        owner: "Sundhedstjenesten og PPR",
        description: "ICDP-kurser for forældre med børn i dagtilbud og COS-P-forløb om tryg \
            tilknytning for forældre til 0–5-årige, i grupper eller individuelt. Familierne \
            henvises via dagtilbud, PPR, sundhedstjenesten og samarbejdsmøderne.",
        interventions: &["ICDP-forældrekursus", "COS-P forældreforløb"],
        notes: &[Note {
            date: PLAN_DATE,
            status: Some(InProgress),
            text: "Kommunen har siden 2013 uddannet ledere og medarbejdere i dagtilbud, PPR og \
                sundhedstjenesten i ICDP. Det undersøges, om kurser kan holdes i dagtilbuddene \
                med personalet som medundervisere.",
        }],
    },
    Ini {
        number: "6B",
        parent: Some("6"),
        goal: 2,
        title: "Ved skilsmisse: KIFF og børnegrupper",
        owner: "Familiehuset",
        description: "Kursus i fælles forældreansvar (KIFF) for forældre og samtalegrupper for \
            børn med skilte forældre, med forældremøde før og efter forløbet.",
        interventions: &[
            "KIFF – kursus i fælles forældreansvar",
            "Børnegrupper for børn med skilte forældre",
        ],
        notes: &[Note {
            date: PLAN_DATE,
            status: Some(InProgress),
            text: "Tilbuddet skal understøtte samarbejdet med de nye familieretshuse, der åbnede \
                i april 2019.",
        }],
    },
    Ini {
        number: "6C",
        parent: Some("6"),
        goal: 2,
        title: "Åben anonym rådgivning",
        owner: "Familiehuset",
        description: "Gratis og anonym familierådgivning, som forældre, børn og unge selv kan \
            henvende sig til. Et tværfagligt team af socialrådgivere, PPR-psykologer, \
            sundhedsplejersker og familiebehandlere har åbent to timer om ugen og tager telefonen.",
        interventions: &["Åben anonym rådgivning"],
        notes: &[Note {
            date: PLAN_DATE,
            status: Some(NotStarted),
            text: "Rådgivningen åbner først i Familiehuset sammen med UngMod; det undersøges, om \
                den senere kan ligge lokalt i distrikterne.",
        }],
    },
    Ini {
        number: "6D",
        parent: Some("6"),
        goal: 2,
        title: "Skolevægring/-fravær: Back2School",
        owner: "PPR i samarbejde med Børn, Unge og Læring",
        description: "Evidensbaseret forløb på ti sessioner for udskolingselever, hvis fravær \
            går ud over fagligheden og trivslen. Elev, forældre og skole deltager på skift.",
        interventions: &["Back2School"],
        notes: &[Note {
            date: PLAN_DATE,
            status: Some(NotStarted),
            text: "Starter som pilotprojekt på én skole med PPR som ansvarlig.",
        }],
    },
    Ini {
        number: "6E",
        parent: Some("6"),
        goal: 2,
        title: "Børn af sindslidende: Labyrinten",
        owner: UNITS.family_centre,
        description: "Labyrinten genoprettes som gruppetilbud til børn af forældre med psykisk \
            sygdom: støtte som pårørende og tidlig opsporing af egen mistrivsel.",
        interventions: &["Labyrinten – gruppe for børn af sindslidende"],
        notes: &[Note {
            date: PLAN_DATE,
            status: Some(NotStarted),
            text: "Gruppetilbuddet genoprettes i planperioden.",
        }],
    },
    Ini {
        number: "7",
        parent: None,
        goal: 2,
        title: "Fastholdelse af forebyggende indsats",
        owner: "Familieafdelingen",
        description: "Stillingen som familiekonsulent for flygtningefamilier fastholdes, selv om \
            statens refusion falder til 20 % i 2019 og forventes at forsvinde i 2020. Kommunen \
            betaler selv 80 % i 2019 og hele stillingen fra 2020.",
        interventions: &[],
        notes: &[Note {
            date: PLAN_DATE,
            status: Some(InProgress),
            text: "Den forebyggende indsats for indvandrerfamilier fortsætter i tæt samarbejde \
                med dagtilbud, skoler og jobcenter, så familierne ikke ender i komplekse og dyre \
                sager.",
        }],
    },
    Ini {
        number: "8",
        parent: None,
        goal: 2,
        title: "Etablering af Center for Børn, Unge og Familier",
        owner: UNITS.family_centre,
        description: "Kommunens samlede ressourcecenter for hjemmebaserede indsatser: \
            familievejledere og familiebehandlere, sundhedstjenesten, sikkerhedsplansteamet, \
            Birkehuset (kl. 14–21-tilbud) og Ungehyblerne.",
        interventions: &["Familiebehandling", "Sikkerhedsplan"],
        notes: &[
            Note {
                date: (2018, 9, 1),
                status: Some(InProgress),
                text: "Center for Børn, Unge og Familier er oprettet.",
            },
            Note {
                date: PLAN_DATE,
                status: Some(InProgress),
                text: "Fokus i 2019–2020: en særlig indsats under Ungehyblerne for mere udsatte \
                    unge (politisk sag i efteråret), kompetencer til komplekse opgaver, en \
                    hjemmebaseret indsats for udsatte gravide og nybagte familier og opstart af \
                    kl. 14–21-tilbuddet.",
            },
        ],
    },
    Ini {
        number: "9",
        parent: None,
        goal: 2,
        title: "Strategiske eksterne samarbejdspartnere",
        owner: SSF,
        description: "Flere strategiske aftaler med eksterne leverandører, så opgaver samles ét \
            sted og løses på et højt fagligt niveau før, under og efter leverandørens indsats.",
        interventions: &[
            "Døgnophold for hele familien",
            "Kort døgnanbringelse med familiebehandling",
        ],
        notes: &[Note {
            date: PLAN_DATE,
            status: Some(InProgress),
            text: "Der er indgået aftale med Glostrup Observationshjem om sparring til \
                sundhedsplejersker, familiebehandlere, sagsbehandlere og dagtilbudspersonale i \
                familier med høj risiko for anbringelse. Hvidborgs korte anbringelser med \
                tilknyttede familiebehandlere har givet inspiration.",
        }],
    },
    Ini {
        number: "10",
        parent: None,
        goal: 2,
        title: "Implementering af ny lovgivning om supervision af plejefamilier",
        owner: "Familieafdelingen, anbringelseskonsulenterne",
        description: "Fra 1. juli 2019 skal plejefamilier have intensiv støtte, supervision og \
            efteruddannelse i starten af en anbringelse. Anbringelseskonsulenterne løser opgaven \
            efter uddannelse hos Socialstyrelsen; en ny aflønningsmodel overvejes.",
        interventions: &[
            "Almen plejefamilie",
            "Forstærket plejefamilie",
            "Specialiseret plejefamilie",
        ],
        notes: &[Note {
            date: PLAN_DATE,
            status: Some(NotStarted),
            text: "Loven træder i kraft 1. juli 2019. Der ventes ikke øgede udgifter til \
                anbringelsesområdet.",
        }],
    },
    Ini {
        number: "11",
        parent: None,
        goal: 2,
        title: "Udvikling af børnehandicapområdet",
        owner: "Handicap og Voksen og Familieafdelingen",
        description: "Snitfladen mellem Handicap og Voksen og Familieafdelingen undersøges, \
            herunder om den handicapfaglige og sociale sagsbehandling kan samles. Området \
            opnormeres med ét årsværk til tættere opfølgning.",
        interventions: &[],
        notes: &[Note {
            date: PLAN_DATE,
            status: Some(InProgress),
            text: "En sagsgennemgang af de juridiske aspekter iværksættes.",
        }],
    },
    Ini {
        number: "12",
        parent: None,
        goal: 2,
        title: "Distriktssamarbejdet",
        owner: "Familieafdelingen og distrikterne",
        description: "Den løsningsfokuserede tilgang (LØFT) skal fortsat forankres i \
            distriktssamarbejdet, og samarbejdet mellem almenområdet og myndigheden udbygges, så \
            familierne oplever helhed og flere løsninger bliver hjemmebaserede.",
        interventions: &["Forebyggende rådgivere i dagtilbud og skoler"],
        notes: &[Note {
            date: PLAN_DATE,
            status: Some(InProgress),
            text: "Det er under afklaring, hvordan det udbyggede samarbejde konkret skal se ud.",
        }],
    },
    Ini {
        number: "13",
        parent: None,
        goal: 2,
        title: "Fortsat udvikling af samarbejdet med Børn, Unge og Læring",
        owner: "Social Service og Familier og Børn, Unge og Læring",
        description: "Fælles principper for styring på mål og økonomi på tværs af områderne, så \
            økonomistyringen understøtter en tidligere forebyggende indsats.",
        interventions: &[],
        notes: &[Note {
            date: PLAN_DATE,
            status: Some(InProgress),
            text: "En fælles workshop om økonomistyring holdes i juni 2019 som del af \
                Socialstyrelsens rådgivningsforløb om tidligere forebyggende indsatser.",
        }],
    },
];

fn date(d: Ymd) -> chrono::NaiveDate {
    ymd(d.0, d.1, d.2)
}

fn timeline_row(start: Ymd, end: Option<Ymd>, label: &str, activity: &str) -> TimelineRow {
    TimelineRow {
        start: Some(date(start)),
        end: end.map(date),
        period_label: label.into(),
        activity: activity.into(),
        ..TimelineRow::default()
    }
}

/// The interventions the plan itself names (seed 004), with the method it names: 8 the health service's
/// home visits to vulnerable families found through Familiebånd; 12 the solution-focused approach (LØFT) in
/// daycare and schools; 6C open anonymous counselling; 6A ICDP and COS-P parent courses; the preventive
/// social workers (6A); 6B KIFF and children's groups; 6D Back2School; 6E Labyrinten; 8 the family treatment
/// and safety-plan teams; 10 foster families with intensive support and supervision. Glostrup
/// Observationshjem (advice to staff) and Hvidborg (inspiration) are no interventions of Halsnæs' own. The
/// plan gives no number of children, price or caseload, so the example has none.
pub const INTERVENTIONS: [(&str, &str); 13] = [
    (
        "Sundhedspleje med ekstra hjemmebesøg",
        "Tidlig opsporing (Familiebånd)",
    ),
    (
        "Inkluderende læringsmiljøer i dagtilbud og skole",
        "LØFT (løsningsfokuseret tilgang)",
    ),
    ("Åben anonym rådgivning", ""),
    ("Forebyggende rådgivere i dagtilbud og skoler", ""),
    ("ICDP-forældrekursus", "ICDP"),
    (
        "COS-P forældreforløb",
        "COS-P (Circle of Security – Parenting)",
    ),
    ("KIFF – kursus i fælles forældreansvar", "KIFF"),
    (
        "Børnegrupper for børn med skilte forældre",
        "Børnegruppeforløb",
    ),
    ("Back2School", "Back2School"),
    ("Labyrinten – gruppe for børn af sindslidende", ""),
    ("Familiebehandling", ""),
    ("Sikkerhedsplan", ""),
    (
        "Almen plejefamilie",
        "Supervision og efteruddannelse af plejefamilier",
    ),
];

pub fn workspace() -> Workspace {
    let mut ws = Workspace::new("Halsnæs – Handleplan børne- og familieområdet 2019–2020");
    ws.municipality = "Halsnæs Kommune".into();
    ws.description = "Handleplanen af 1. maj 2019 afløser planen fra foråret 2018, som ifølge \
        opfølgningen i Udvalget for Sundhed og Forebyggelse den 1. april 2019 fik sat de fleste \
        initiativer i gang og stabiliseret økonomien. Initiativer, der allerede er blevet drift, \
        gentages ikke. Trappen har de indsatser, planen nævner; planen giver ingen tal for børn, \
        priser eller sagsbehandlere, så trappen har ingen målinger."
        .into();
    ws.staircase = steps_named(&UNITS, &INTERVENTIONS);
    // Shown as of the plan's date (seed 004: "Dato: 01-05-2019"): the plan for 2019–2020 is under way.
    ws.as_of = Some(date(PLAN_DATE));

    let plan = &mut ws.plan;
    // The period has its own field; the screens add it to the title, so the title does not repeat it.
    plan.title = "Handleplan på børne- og familieområdet".into();
    plan.period = "2019–2020".into();
    plan.goals = GOALS
        .iter()
        .enumerate()
        .map(|(i, (title, description))| Goal {
            number: (i + 1).to_string(),
            title: (*title).into(),
            description: (*description).into(),
            ..Goal::default()
        })
        .collect();
    for spec in &INITIATIVES {
        let history: Vec<StatusNote> = spec
            .notes
            .iter()
            .map(|n| status_note(date(n.date), SSF, n.status, n.text))
            .collect();
        // Parents come before their sub-items in the table, so the lookup always finds them.
        let parent_id = spec.parent.and_then(|p| {
            plan.initiatives
                .iter()
                .find(|i| i.number == p)
                .map(|i| i.id)
        });
        plan.initiatives.push(Initiative {
            number: spec.number.into(),
            parent_id,
            title: spec.title.into(),
            description: spec.description.into(),
            goal_id: Some(plan.goals[spec.goal - 1].id),
            owner: spec.owner.into(),
            committee: COMMITTEE.into(),
            start: Some(date(PLAN_DATE)),
            deadline: Some(ymd(2020, 12, 31)),
            period: "2019–2020".into(),
            intervention_ids: intervention_ids(&ws.staircase, spec.interventions),
            status: last_status(&history),
            history,
            ..Initiative::default()
        });
    }
    plan.timeline = vec![
        timeline_row(
            (2018, 9, 1),
            None,
            "1. september 2018",
            "Center for Børn, Unge og Familier oprettes",
        ),
        timeline_row(
            (2019, 4, 1),
            None,
            "1. april 2019",
            "Opfølgning på handleplanen fra 2018 i Udvalget for Sundhed og Forebyggelse",
        ),
        timeline_row(
            (2019, 4, 1),
            Some((2019, 4, 30)),
            "April 2019",
            "De nye familieretshuse åbner; skilsmissetilbuddene (6B) skal understøtte dem",
        ),
        timeline_row(
            (2019, 6, 1),
            Some((2019, 6, 30)),
            "Juni 2019",
            "Strategisk grundlag for hjemmebaserede indsatser og anbringelser forelægges \
             udvalget; workshop om økonomistyring med Børn, Unge og Læring",
        ),
        timeline_row(
            (2019, 7, 1),
            None,
            "1. juli 2019",
            "Ny lovgivning om intensiv støtte og supervision af plejefamilier træder i kraft",
        ),
        timeline_row(
            (2019, 9, 1),
            Some((2019, 12, 31)),
            "Efterår 2019",
            "Det fælles faglige grundlag indføres i arbejdet med familierne; politisk sag om \
             en særlig indsats under Ungehyblerne",
        ),
    ];
    ws
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validation::validate;

    #[test]
    fn thirteen_top_level_initiatives_in_two_groups() {
        let ws = workspace();
        let top: Vec<&str> = ws
            .plan
            .initiatives
            .iter()
            .filter(|i| i.parent_id.is_none())
            .map(|i| i.number.as_str())
            .collect();
        let expected: Vec<String> = (1..=13).map(|n| n.to_string()).collect();
        assert_eq!(top, expected);
        assert_eq!(ws.plan.goals.len(), 2);
        let in_group = |g: usize| {
            ws.plan
                .initiatives
                .iter()
                .filter(|i| i.parent_id.is_none() && i.goal_id == Some(ws.plan.goals[g].id))
                .count()
        };
        assert_eq!((in_group(0), in_group(1)), (5, 8));
    }

    #[test]
    fn sub_items_6a_to_6e_belong_to_initiative_6() {
        let ws = workspace();
        let six = ws
            .plan
            .initiatives
            .iter()
            .find(|i| i.number == "6")
            .unwrap();
        let subs: Vec<&str> = ws
            .plan
            .initiatives
            .iter()
            .filter(|i| i.parent_id == Some(six.id))
            .map(|i| i.number.as_str())
            .collect();
        assert_eq!(subs, ["6A", "6B", "6C", "6D", "6E"]);
        for sub in ws.plan.initiatives.iter().filter(|i| i.parent_id.is_some()) {
            assert!(!sub.intervention_ids.is_empty(), "{}", sub.number);
        }
    }

    #[test]
    fn validates() {
        let ws = workspace();
        assert_eq!(validate(&ws, "workspace"), vec![]);
        assert!(ws.plan.timeline.len() >= 5);
        // Seed 004 gives no staircase figures: no measurement, price or capacity under Halsnæs' name.
        assert!(ws.staircase.measurements.is_empty());
        let ivs: Vec<&Intervention> = ws
            .staircase
            .steps
            .iter()
            .flat_map(|s| &s.interventions)
            .collect();
        assert_eq!(ivs.len(), INTERVENTIONS.len());
        assert!(ivs
            .iter()
            .all(|iv| iv.unit_cost.is_none() && iv.capacity.is_none()));
    }
}
