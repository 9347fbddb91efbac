//! Socialstyrelsen's six-step intervention staircase (the standard steps, see /work/shared/domain.md),
//! filled with the interventions the seeds name.
//!
//! Only the Socialstyrelsen example carries counts of children, prices and caseworkers, and every one of its
//! measurements is marked `made_up`: no seed gives children per intervention. What its figures are built on
//! is from the sources: 30 → 25 children per caseworker, 20–25 fewer full-year placements and 5–10 network
//! conferences a month (Assens, seed 002), and the national yearly cost of a child in foster care (about
//! 470.000 kr.) and in residential care (about 1,16 mio. kr.) in 2019 (domain.md).
//!
//! Køge's and Halsnæs' plans (seeds 000 and 004) give no staircase figures at all, so their examples take
//! only the interventions their own paper names (`steps_named`), with the method it names, and no price,
//! capacity or measurement: nothing on their staircases is a number made up under the municipality's name.

use super::meetings;
use crate::model::*;
use std::collections::BTreeMap;

/// The municipality's own units, so the same staircase reads "Familiecenter Køge" in Køge and
/// "Center for Børn, Unge og Familier" in Halsnæs.
#[derive(Clone, Debug)]
pub struct Units {
    pub family_centre: &'static str,
    pub family_house: &'static str,
    pub health_service: &'static str,
    pub ppr: &'static str,
    pub foster_care: &'static str,
    pub day_treatment: &'static str,
}

impl Units {
    pub const GENERIC: Units = Units {
        family_centre: "Familiecentret",
        family_house: "Familiehuset",
        health_service: "Sundhedsplejen",
        ppr: "PPR",
        foster_care: "Familieplejen",
        day_treatment: "Heldagsskolen",
    };
}

/// Who delivers an intervention: one of the municipality's own units, or a named external supplier.
#[derive(Clone, Copy)]
enum By {
    FamilyCentre,
    FamilyHouse,
    Health,
    Ppr,
    FosterCare,
    DayTreatment,
    Schools,
    External(&'static str),
}

struct Spec {
    name: &'static str,
    description: &'static str,
    legal_basis: &'static str,
    by: By,
    ages: &'static [AgeGroup],
    referral: bool,
    method: &'static str,
    cost: Option<Kroner>,
    period: CostPeriod,
    capacity: Option<u32>,
    status: InterventionStatus,
    /// Children in "Baseline 2016" and in "Mål 2020".
    baseline: u32,
    target: u32,
}

struct StepSpec {
    name: &'static str,
    description: &'static str,
    category: StepCategory,
    yearly_cost_per_child: Option<Kroner>,
    interventions: &'static [Spec],
}

use AgeGroup::*;
use CostPeriod::*;
use InterventionStatus::*;

const SMALL: &[AgeGroup] = &[Age0To6];
const SCHOOL: &[AgeGroup] = &[Age7To14];
const CHILDREN: &[AgeGroup] = &[Age0To6, Age7To14];
const OLDER: &[AgeGroup] = &[Age7To14, Age15To17];
const YOUTH: &[AgeGroup] = &[Age15To17, Age18To23];
const UNDER_18: &[AgeGroup] = &[Age0To6, Age7To14, Age15To17];
const CONTACT: &[AgeGroup] = &[Age7To14, Age15To17, Age18To23];

const PRIVATE_SUPPLIER: &str = "Privat leverandør (rammeaftale efter udbud)";

const STEPS: [StepSpec; 6] = [
    StepSpec {
        name: "1. Almene tilbud",
        description:
            "Dagtilbud, skole, sundhedspleje og fritidsliv, som alle børn har adgang til. \
            Her opdages de fleste bekymringer, og meget støtte kan gives i hverdagen uden en \
            myndighedssag. Tallene her er børn, hvor en bekymring blev løst i almenområdet.",
        category: StepCategory::Universal,
        yearly_cost_per_child: None,
        interventions: &[
            Spec {
                name: "Sundhedspleje med ekstra hjemmebesøg",
                description:
                    "Ekstra besøg hos gravide og småbørnsfamilier, hvor sundhedsplejersken \
                    ser tegn på mistrivsel. Første trin i den tidlige opsporing.",
                legal_basis: "Sundhedsloven § 120",
                by: By::Health,
                ages: SMALL,
                referral: false,
                method: "Tidlig opsporing (Familiebånd)",
                cost: Some(2_400),
                period: PerCourse,
                capacity: Some(90),
                status: Active,
                baseline: 40,
                target: 70,
            },
            Spec {
                name: "Inkluderende læringsmiljøer i dagtilbud og skole",
                description:
                    "Pædagoger og lærere justerer hverdagen omkring barnet efter sparring \
                    med PPR og forebyggende rådgiver, så barnet kan blive i fællesskabet.",
                legal_basis: "Dagtilbudsloven og folkeskoleloven",
                by: By::Schools,
                ages: CHILDREN,
                referral: false,
                method: "LØFT (løsningsfokuseret tilgang)",
                cost: None,
                period: PerYear,
                capacity: None,
                status: Active,
                baseline: 120,
                target: 180,
            },
            Spec {
                name: "Fritidsaktiviteter med frivillige",
                description: "Frivillige foreninger hjælper udsatte børn og unge ind i en \
                    fritidsaktivitet og betaler kontingent og udstyr.",
                legal_basis: "Frivilligt tilbud uden afgørelse",
                by: By::External("Broen (frivillig forening)"),
                ages: OLDER,
                referral: false,
                method: "Fritidsmentor",
                cost: Some(1_500),
                period: PerYear,
                capacity: Some(60),
                status: Active,
                baseline: 15,
                target: 40,
            },
        ],
    },
    StepSpec {
        name: "2. Tidlig forebyggende indsats",
        description: "Hjælp i eller tæt på dagtilbud og skole, uden børnefaglig undersøgelse og \
            uden visitation (Barnets Lov § 30, tidligere Serviceloven § 11, stk. 3). Målet er at \
            løse problemet, før der er brug for en myndighedssag.",
        category: StepCategory::Preventive,
        yearly_cost_per_child: None,
        interventions: &[
            Spec {
                name: "Åben anonym rådgivning",
                description: "Gratis og anonym familierådgivning to timer om ugen og på telefon. \
                    Forældre, børn og unge kan selv henvende sig om fx trivsel, skilsmisse, \
                    mobning eller kriser i familien.",
                legal_basis: "Barnets Lov § 30",
                by: By::FamilyHouse,
                ages: UNDER_18,
                referral: false,
                method: "Løsningsfokuseret samtale (LØFT)",
                cost: Some(2_500),
                period: PerCourse,
                capacity: Some(150),
                status: Active,
                baseline: 60,
                target: 140,
            },
            Spec {
                name: "Forebyggende rådgivere i dagtilbud og skoler",
                description: "Socialrådgivere med faste dage i dagtilbud og skoler, som giver \
                    sparring og korte forløb, før en bekymring bliver til en underretning.",
                legal_basis: "Barnets Lov § 30 (tidl. Serviceloven § 11, stk. 3)",
                by: By::FamilyCentre,
                ages: UNDER_18,
                referral: false,
                method: "Dialogbaseret underretning, LØFT",
                cost: Some(4_000),
                period: PerCourse,
                capacity: Some(200),
                status: Active,
                baseline: 80,
                target: 150,
            },
            Spec {
                name: "Ungepsykolog",
                description: "Op til fem samtaler med en psykolog for unge med angst, \
                    ensomhed eller lavt selvværd, uden henvisning og uden ventetid.",
                legal_basis: "Barnets Lov § 30",
                by: By::FamilyCentre,
                ages: YOUTH,
                referral: false,
                method: "Kognitiv samtaleterapi, FIT",
                cost: Some(6_000),
                period: PerCourse,
                capacity: Some(60),
                status: Active,
                baseline: 30,
                target: 50,
            },
            Spec {
                name: "ICDP-forældrekursus",
                description: "Gruppeforløb for forældre med børn i dagtilbud, som gør dem mere \
                    lydhøre over for barnets behov. Ledes af sundhedsplejen eller PPR.",
                legal_basis: "Barnets Lov § 30 (tidl. Serviceloven § 11, stk. 3)",
                by: By::Health,
                ages: SMALL,
                referral: false,
                method: "ICDP",
                cost: Some(4_500),
                period: PerCourse,
                capacity: Some(48),
                status: Active,
                baseline: 20,
                target: 45,
            },
            Spec {
                name: "COS-P forældreforløb",
                description: "Forældreprogram om tryg tilknytning for forældre til 0–5-årige, \
                    i grupper eller individuelt. Familierne findes primært via sundhedsplejen.",
                legal_basis: "Barnets Lov § 30 (tidl. Serviceloven § 11, stk. 3)",
                by: By::Health,
                ages: SMALL,
                referral: false,
                method: "COS-P (Circle of Security – Parenting)",
                cost: Some(7_000),
                period: PerCourse,
                capacity: Some(32),
                status: Active,
                baseline: 12,
                target: 30,
            },
            Spec {
                name: "KIFF – kursus i fælles forældreansvar",
                description: "Kursus for forældre under skilsmisse om samarbejde og \
                    kommunikation, så børnene får en god hverdag mellem to hjem.",
                legal_basis: "Barnets Lov § 30 (tidl. Serviceloven § 11, stk. 3)",
                by: By::FamilyHouse,
                ages: UNDER_18,
                referral: false,
                method: "KIFF",
                cost: Some(3_200),
                period: PerCourse,
                capacity: Some(40),
                status: Active,
                baseline: 15,
                target: 35,
            },
            Spec {
                name: "Børnegrupper for børn med skilte forældre",
                description: "Samtalegrupper med en fast gruppeleder og et forældremøde før og \
                    efter forløbet. Børnene møder andre i samme situation.",
                legal_basis: "Barnets Lov § 30 (tidl. Serviceloven § 11, stk. 3)",
                by: By::FamilyHouse,
                ages: SCHOOL,
                referral: false,
                method: "Børnegruppeforløb",
                cost: Some(2_800),
                period: PerCourse,
                capacity: Some(24),
                status: Active,
                baseline: 10,
                target: 30,
            },
            Spec {
                name: "Back2School",
                description: "Ti sessioner for udskolingselever med højt fravær, hvor elev, \
                    forældre og skole deltager på skift. Startes som pilot på én skole.",
                legal_basis: "Barnets Lov § 30 (tidl. Serviceloven § 11, stk. 3)",
                by: By::Ppr,
                ages: OLDER,
                referral: false,
                method: "Back2School (kognitiv adfærdsterapi)",
                cost: Some(24_000),
                period: PerCourse,
                capacity: Some(12),
                status: Pilot,
                baseline: 0,
                target: 12,
            },
            Spec {
                name: "Labyrinten – gruppe for børn af sindslidende",
                description: "Gruppetilbud for børn, der har en forælder med psykisk sygdom. \
                    Børnene støttes som pårørende, og tegn på egen mistrivsel opspores tidligt.",
                legal_basis: "Barnets Lov § 30 (tidl. Serviceloven § 11, stk. 3)",
                by: By::FamilyHouse,
                ages: OLDER,
                referral: false,
                method: "Psykoedukativt gruppeforløb",
                cost: Some(5_500),
                period: PerCourse,
                capacity: Some(16),
                status: Planned,
                baseline: 0,
                target: 10,
            },
        ],
    },
    StepSpec {
        name: "3. Forebyggende foranstaltninger",
        description: "Hjemmebaseret støtte efter børnefaglig undersøgelse og visitation (Barnets \
            Lov § 32, tidligere Serviceloven § 52, stk. 3). Hver afgørelse angiver formål og \
            forventet varighed, og indsatsen følges op mindst fire gange om året.",
        category: StepCategory::Preventive,
        yearly_cost_per_child: None,
        interventions: &[
            Spec {
                name: "Familiebehandling",
                description: "Behandlingsforløb i hjemmet og i familiecentret med hele familien. \
                    Effekten følges løbende med feedback fra familien.",
                legal_basis: "Barnets Lov § 32 (tidl. Serviceloven § 52, stk. 3, nr. 3)",
                by: By::FamilyCentre,
                ages: UNDER_18,
                referral: true,
                method: "FIT (Feedback Informed Treatment)",
                cost: Some(9_500),
                period: PerMonth,
                capacity: Some(120),
                status: Active,
                baseline: 95,
                target: 110,
            },
            Spec {
                name: "Praktisk pædagogisk støtte i hjemmet",
                description: "Hjælp til struktur, rutiner og samvær i hverdagen, fx morgen- og \
                    sengetider, madlavning og kontakt med skolen.",
                legal_basis: "Barnets Lov § 32 (tidl. Serviceloven § 52, stk. 3, nr. 2)",
                by: By::External(PRIVATE_SUPPLIER),
                ages: CHILDREN,
                referral: true,
                method: "Struktur og rutiner i hverdagen",
                cost: Some(7_800),
                period: PerMonth,
                capacity: Some(40),
                status: Active,
                baseline: 40,
                target: 35,
            },
            Spec {
                name: "Fast kontaktperson",
                description: "En voksen, som barnet eller den unge mødes med fast, og som hjælper \
                    med skole, fritid og kontakt til familien. Kan fortsætte som efterværn.",
                legal_basis: "Barnets Lov § 32 (tidl. Serviceloven § 52, stk. 3, nr. 6)",
                by: By::External(PRIVATE_SUPPLIER),
                ages: CONTACT,
                referral: true,
                method: "Relationsarbejde, LØFT",
                cost: Some(6_400),
                period: PerMonth,
                capacity: Some(80),
                status: Active,
                baseline: 70,
                target: 55,
            },
            Spec {
                name: "Aflastning i aflastningsfamilie",
                description: "Barnet bor fast en weekend om måneden eller mere hos en \
                    aflastningsfamilie, så forældrene får overskud til hverdagen.",
                legal_basis: "Barnets Lov § 32 (tidl. Serviceloven § 52, stk. 3, nr. 5)",
                by: By::FosterCare,
                ages: UNDER_18,
                referral: true,
                method: "Weekendaflastning",
                cost: Some(11_500),
                period: PerMonth,
                capacity: Some(30),
                status: Active,
                baseline: 30,
                target: 25,
            },
            Spec {
                name: "Døgnophold for hele familien",
                description: "Forældre og spæd- eller småbørn bor på institutionen i en periode \
                    med observation og intensiv familiebehandling, i stedet for en anbringelse.",
                legal_basis: "Barnets Lov § 32 (tidl. Serviceloven § 52, stk. 3, nr. 4)",
                by: By::External("Glostrup Observationshjem"),
                ages: SMALL,
                referral: true,
                method: "Observation og intensiv familiebehandling",
                cost: Some(98_000),
                period: PerMonth,
                capacity: Some(4),
                status: Active,
                baseline: 6,
                target: 4,
            },
            Spec {
                name: "Dagbehandling",
                description: "Skole og behandling i samme tilbud for børn, der ikke kan rummes i \
                    almindelig skole. Bliver barnet i eget tilbud, undgås dyrere pladser udenbys.",
                legal_basis: "Barnets Lov § 32 (tidl. Serviceloven § 52, stk. 3, nr. 1)",
                by: By::DayTreatment,
                ages: OLDER,
                referral: true,
                method: "Specialundervisning og miljøterapi, FIT",
                cost: Some(32_000),
                period: PerMonth,
                capacity: Some(20),
                status: Active,
                baseline: 18,
                target: 10,
            },
        ],
    },
    StepSpec {
        name: "4. Netværksbaserede indsatser",
        description: "Indsatser, der bygger på familiens eget netværk: familierådslagning, \
            inddragende netværksmøder, sikkerhedsplaner og anbringelse i slægt eller netværk. \
            Familien lægger selv planen, kommunen godkender og følger op.",
        category: StepCategory::Preventive,
        yearly_cost_per_child: None,
        interventions: &[
            Spec {
                name: "Familierådslagning / netværksrådslagning",
                description: "En uafhængig samordner inviterer familiens netværk. Efter \
                    fagpersonernes information taler familien alene og fremlægger en plan, \
                    som socialrådgiveren godkender. Et opfølgningsmøde tjekker planen.",
                legal_basis: "Barnets Lov § 32",
                by: By::External("Samordnerkorpset (uafhængige samordnere)"),
                ages: UNDER_18,
                referral: true,
                method: "Familierådslagning (Sverigesmodellen)",
                cost: Some(18_000),
                period: PerCourse,
                capacity: Some(120),
                status: Active,
                baseline: 5,
                target: 60,
            },
            Spec {
                name: "Det inddragende netværksmøde",
                description: "Kort møde, hvor familien, netværket og fagpersonerne sammen finder \
                    ud af, hvem der kan hjælpe med hvad, før der bevilges en foranstaltning.",
                legal_basis: "Barnets Lov § 30",
                by: By::FamilyCentre,
                ages: UNDER_18,
                referral: false,
                method: "Det inddragende netværksmøde",
                cost: Some(4_000),
                period: PerCourse,
                capacity: Some(150),
                status: Active,
                baseline: 10,
                target: 50,
            },
            Spec {
                name: "Sikkerhedsplan",
                description: "Familien og udvalgte sikkerhedspersoner aftaler konkrete regler, \
                    der skal holde barnet sikkert derhjemme. Planen gennemgås hver uge i starten.",
                legal_basis: "Barnets Lov § 32",
                by: By::FamilyCentre,
                ages: CHILDREN,
                referral: true,
                method: "Signs of Safety",
                cost: Some(5_500),
                period: PerMonth,
                capacity: Some(30),
                status: Active,
                baseline: 8,
                target: 30,
            },
            Spec {
                name: "Netværksanbringelse",
                description: "Barnet bor hos bedsteforældre, andre slægtninge eller en voksen \
                    fra netværket, som godkendes som netværksplejefamilie og får supervision.",
                legal_basis: "Barnets Lov §§ 46–47 (netværksplejefamilie)",
                by: By::FosterCare,
                ages: UNDER_18,
                referral: true,
                method: "Netværkspleje med supervision",
                cost: Some(16_000),
                period: PerMonth,
                capacity: Some(25),
                status: Active,
                baseline: 12,
                target: 22,
            },
        ],
    },
    StepSpec {
        name: "5. Anbringelse i familiepleje",
        description: "Anbringelse uden for hjemmet i en plejefamilie (Barnets Lov §§ 46–47). \
            Landsgennemsnittet var i 2019 omkring 470.000 kr. pr. barn om året. Plejefamilien \
            får intensiv støtte i starten, og anbringelsen følges op mindst tre gange om året.",
        category: StepCategory::Placement,
        yearly_cost_per_child: Some(470_000),
        interventions: &[
            Spec {
                name: "Almen plejefamilie",
                description: "Plejefamilie til børn, der ikke kan bo hjemme, men kan trives i \
                    et almindeligt familieliv med støtte og supervision.",
                legal_basis: "Barnets Lov §§ 46–47",
                by: By::FosterCare,
                ages: UNDER_18,
                referral: true,
                method: "Supervision og efteruddannelse af plejefamilier",
                cost: Some(470_000),
                period: PerYear,
                capacity: Some(70),
                status: Active,
                baseline: 70,
                target: 62,
            },
            Spec {
                name: "Forstærket plejefamilie",
                description: "Plejefamilie, hvor en af de voksne er hjemme på fuld tid, til børn \
                    med større behov for omsorg og struktur.",
                legal_basis: "Barnets Lov §§ 46–47",
                by: By::FosterCare,
                ages: UNDER_18,
                referral: true,
                method: "Supervision og efteruddannelse af plejefamilier",
                cost: Some(620_000),
                period: PerYear,
                capacity: Some(25),
                status: Active,
                baseline: 25,
                target: 22,
            },
            Spec {
                name: "Specialiseret plejefamilie",
                description: "Plejefamilie med særlig uddannelse til børn, der ellers ville \
                    blive anbragt på opholdssted.",
                legal_basis: "Barnets Lov §§ 46–47",
                by: By::External("Ekstern familieplejeorganisation"),
                ages: OLDER,
                referral: true,
                method: "Miljøterapeutisk familiepleje",
                cost: Some(850_000),
                period: PerYear,
                capacity: Some(12),
                status: Active,
                baseline: 12,
                target: 10,
            },
        ],
    },
    StepSpec {
        name: "6. Anbringelse på opholdssted eller døgninstitution",
        description: "Det mest indgribende og dyreste trin. Landsgennemsnittet var i 2019 \
            omkring 1,16 mio. kr. pr. barn om året; i alt brugte kommunerne 9,7 mia. kr. på \
            13.459 anbringelser. Målet er færre og kortere anbringelser.",
        category: StepCategory::Placement,
        yearly_cost_per_child: Some(1_160_000),
        interventions: &[
            Spec {
                name: "Opholdssted",
                description: "Privat opholdssted med miljøterapi og ofte intern skole, typisk \
                    uden for kommunen.",
                legal_basis: "Barnets Lov §§ 46–47",
                by: By::External("Privat opholdssted"),
                ages: OLDER,
                referral: true,
                method: "Miljøterapi",
                cost: Some(92_000),
                period: PerMonth,
                capacity: None,
                status: Active,
                baseline: 38,
                target: 30,
            },
            Spec {
                name: "Døgninstitution",
                description: "Regional eller kommunal døgninstitution for børn og unge med \
                    svære behandlingsbehov.",
                legal_basis: "Barnets Lov §§ 46–47",
                by: By::External("Regional døgninstitution"),
                ages: OLDER,
                referral: true,
                method: "Døgnbehandling",
                cost: Some(105_000),
                period: PerMonth,
                capacity: None,
                status: Active,
                baseline: 14,
                target: 11,
            },
            Spec {
                name: "Kort døgnanbringelse med familiebehandling",
                description: "Korte anbringelser, hvor kommunens familiebehandlere arbejder med \
                    forældrene allerede under opholdet, så barnet hurtigere kan komme hjem.",
                legal_basis: "Barnets Lov §§ 46–47",
                by: By::External("Hvidborg (Livsværk)"),
                ages: CHILDREN,
                referral: true,
                method: "Korte anbringelser med parallel familiebehandling",
                cost: Some(110_000),
                period: PerMonth,
                capacity: Some(4),
                status: Pilot,
                baseline: 0,
                target: 4,
            },
            Spec {
                name: "Udslusningsbolig til unge",
                description: "Eget værelse med socialpædagogisk støtte for udsatte unge på vej \
                    ud af en anbringelse, købt hos en leverandør i kommunen.",
                legal_basis: "Barnets Lov §§ 46–47 og efterværn",
                by: By::External("Privat leverandør i kommunen"),
                ages: YOUTH,
                referral: true,
                method: "Socialpædagogisk støtte i egen bolig",
                cost: Some(38_000),
                period: PerMonth,
                capacity: Some(10),
                status: Active,
                baseline: 10,
                target: 9,
            },
        ],
    },
];

impl By {
    fn resolve(self, units: &Units) -> (String, ProviderKind) {
        let own = |s: &str| (s.to_string(), ProviderKind::Own);
        match self {
            By::FamilyCentre => own(units.family_centre),
            By::FamilyHouse => own(units.family_house),
            By::Health => own(units.health_service),
            By::Ppr => own(units.ppr),
            By::FosterCare => own(units.foster_care),
            By::DayTreatment => own(units.day_treatment),
            By::Schools => own("Dagtilbud og skoler"),
            By::External(s) => (s.to_string(), ProviderKind::External),
        }
    }
}

/// Children per caseworker in the baseline (Assens before the change) and in the target: seed 002,
/// "det fremtidige sagsantal bliver på 30 sager børn - pr. socialrådgiver. Fra 2017 sænkes antallet til 25".
pub const CASELOAD_BASELINE: u32 = 30;
pub const CASELOAD_TARGET: u32 = 25;

fn step_of_spec(spec: &StepSpec) -> Step {
    Step {
        name: spec.name.into(),
        description: collapse(spec.description),
        category: spec.category,
        yearly_cost_per_child: spec.yearly_cost_per_child,
        ..Step::default()
    }
}

fn intervention_of_spec(s: &Spec, units: &Units) -> Intervention {
    let (provider, provider_kind) = s.by.resolve(units);
    Intervention {
        name: s.name.into(),
        description: collapse(s.description),
        legal_basis: s.legal_basis.into(),
        provider,
        provider_kind,
        target_ages: s.ages.to_vec(),
        referral_required: s.referral,
        method: s.method.into(),
        unit_cost: s.cost,
        cost_period: s.period,
        capacity: s.capacity,
        status: s.status,
        ..Intervention::default()
    }
}

/// Every name in the staircase's specs, for checking the lists of the municipalities' examples.
pub fn known_intervention_names() -> Vec<&'static str> {
    STEPS
        .iter()
        .flat_map(|st| st.interventions.iter().map(|s| s.name))
        .collect()
}

/// The six steps with only the interventions in `named` (name, and the method the municipality's own
/// paper gives, "" where it names none), in the steps' order. No price, capacity or measurement: a plan
/// that gives no figures gets none made up.
pub fn steps_named(units: &Units, named: &[(&str, &str)]) -> Staircase {
    let steps = STEPS
        .iter()
        .map(|spec| {
            let mut step = step_of_spec(spec);
            for s in spec.interventions {
                let Some((_, method)) = named.iter().find(|(n, _)| *n == s.name) else {
                    continue;
                };
                step.interventions.push(Intervention {
                    method: (*method).into(),
                    unit_cost: None,
                    capacity: None,
                    ..intervention_of_spec(s, units)
                });
            }
            step
        })
        .collect();
    Staircase {
        steps,
        measurements: Vec::new(),
    }
}

/// The six steps with every intervention, its illustrative price and capacity, and a baseline and a target
/// measurement of made-up counts.
fn illustrated_steps(units: &Units) -> Staircase {
    let mut steps = Vec::with_capacity(STEPS.len());
    let mut baseline = BTreeMap::new();
    let mut target = BTreeMap::new();
    // Caseworkers carry the cases behind referred interventions, so caseload is counted on those.
    let (mut referred_baseline, mut referred_target) = (0u32, 0u32);
    for spec in &STEPS {
        let mut step = step_of_spec(spec);
        for s in spec.interventions {
            let iv = intervention_of_spec(s, units);
            baseline.insert(iv.id, s.baseline);
            target.insert(iv.id, s.target);
            if s.referral {
                referred_baseline += s.baseline;
                referred_target += s.target;
            }
            step.interventions.push(iv);
        }
        steps.push(step);
    }
    let measurements = vec![
        Measurement {
            name: "Baseline 2016".into(),
            kind: MeasurementKind::Baseline,
            date: Some(super::ymd(2016, 1, 1)),
            note: format!(
                "Opdigtede eksempeltal, ikke en rigtig kommunes tal. Udgangspunktet før omlægningen, \
                 opgjort som Sverigesprogrammets baseline: børn pr. indsats den 1. januar 2016. \
                 {CASELOAD_BASELINE} børn pr. socialrådgiver som i Assens før omlægningen, regnet på \
                 de visiterede indsatser. Vægten ligger højt på trappen: mange anbringelser og få \
                 netværksrådslagninger."
            ),
            per_intervention: baseline,
            caseworkers: Some(div_round(referred_baseline, CASELOAD_BASELINE)),
            made_up: true,
            ..Measurement::default()
        },
        Measurement {
            name: "Mål 2020".into(),
            kind: MeasurementKind::Target,
            date: Some(super::ymd(2020, 12, 31)),
            note: format!(
                "Opdigtede eksempeltal efter Assens' mål: 3,7 mio. kr. investeret i 2016 og \
                 yderligere 1,9 mio. kr. i 2017 i flere socialrådgivere og netværksrådslagning, så \
                 hver rådgiver har {CASELOAD_TARGET} børn i stedet for {CASELOAD_BASELINE}. Til \
                 gengæld forventes 9,3 mio. kr. sparet på anbringelser, svarende til mindst 20–25 \
                 helårsanbringelser, og 5–10 netværksrådslagninger om måneden i nye sager."
            ),
            per_intervention: target,
            caseworkers: Some(div_round(referred_target, CASELOAD_TARGET)),
            made_up: true,
            ..Measurement::default()
        },
    ];
    Staircase {
        steps,
        measurements,
    }
}

/// The staircase with neutral unit names, as Socialstyrelsen draws it, with the two status measurements.
pub fn socialstyrelsen() -> Staircase {
    let mut s = illustrated_steps(&Units::GENERIC);
    add_status_measurements(&mut s);
    s
}

/// Children per caseworker in "Status 2018" and "Status 2019", on the way from 30 to 25.
const CASELOAD_2018: u32 = 28;
const CASELOAD_2019: u32 = 26;

/// Moves in "Status 2018" and "Status 2019", as (from step, to step, children) with steps numbered 1–6:
/// mostly down the staircase, a few up.
const MOVES_2018: &[(usize, usize, u32)] = &[
    (6, 5, 3),
    (5, 4, 5),
    (4, 3, 8),
    (3, 2, 10),
    (2, 1, 6),
    (3, 5, 2),
];
const MOVES_2019: &[(usize, usize, u32)] = &[
    (6, 5, 4),
    (5, 4, 6),
    (4, 3, 9),
    (3, 2, 12),
    (2, 1, 7),
    (3, 5, 1),
    (4, 6, 1),
];

/// Puts "Status 2018" (a third of the way from baseline to target) and "Status 2019" (two thirds) between
/// the baseline and the target, which `illustrated_steps` puts first and last.
fn add_status_measurements(s: &mut Staircase) {
    let (Some(base), Some(goal)) = (s.measurements.first(), s.measurements.last()) else {
        return;
    };
    let status =
        |name: &str, date, thirds: u32, caseload: u32, moves: &[(usize, usize, u32)], note| {
            let mut per_intervention = BTreeMap::new();
            let mut referred = 0;
            for iv in s.steps.iter().flat_map(|st| &st.interventions) {
                let b = base.per_intervention.get(&iv.id).copied().unwrap_or(0);
                let t = goal.per_intervention.get(&iv.id).copied().unwrap_or(0);
                let n = div_round(b * (3 - thirds) + t * thirds, 3);
                per_intervention.insert(iv.id, n);
                if iv.referral_required {
                    referred += n;
                }
            }
            Measurement {
                name: name.into(),
                kind: MeasurementKind::Actual,
                date: Some(date),
                note,
                per_intervention,
                caseworkers: Some(div_round(referred, caseload)),
                moves: moves
                    .iter()
                    .map(|&(from, to, children)| StepMove {
                        from: s.steps[from - 1].id,
                        to: s.steps[to - 1].id,
                        children,
                    })
                    .collect(),
                made_up: true,
                ..Measurement::default()
            }
        };
    let y2018 = status(
        "Status 2018",
        super::ymd(2018, 1, 1),
        1,
        CASELOAD_2018,
        MOVES_2018,
        format!(
            "Opdigtede eksempeltal, ikke en rigtig kommunes tal. To år inde i omlægningen: børn pr. indsats \
             den 1. januar 2018, en tredjedel af vejen fra baseline mod målet. {CASELOAD_2018} børn \
             pr. socialrådgiver. Flytningerne tæller, hvor mange børn der skiftede trin i 2016 og \
             2017, de fleste ned ad trappen til en lettere indsats."
        ),
    );
    let y2019 = status(
        "Status 2019",
        super::ymd(2019, 12, 31),
        2,
        CASELOAD_2019,
        MOVES_2019,
        format!(
            "Opdigtede eksempeltal, ikke en rigtig kommunes tal. Status ved udgangen af 2019: to tredjedele \
             af vejen mod målet. {CASELOAD_2019} børn pr. socialrådgiver. Flytningerne tæller \
             børn, der skiftede trin i 2018 og 2019; nogle få måtte et trin op, fordi den lettere \
             indsats ikke var nok."
        ),
    );
    let at = s.measurements.len() - 1;
    s.measurements.splice(at..at, [y2018, y2019]);
}

/// The day the Socialstyrelsen example is shown as of: its "Status 2019".
pub const AS_OF: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2019, 12, 31) {
    Some(d) => d,
    None => panic!("a valid date"),
};

/// The "Socialstyrelsens indsatstrappe" example: the staircase and a set of network meetings.
pub fn workspace() -> Workspace {
    let mut ws = Workspace::new("Socialstyrelsens indsatstrappe – eksempel");
    ws.municipality = "Eksempelkommune".into();
    ws.description = "Socialstyrelsens seks trin fra almene tilbud til døgnanbringelse, med de \
        indsatser kommunerne typisk har på hvert trin. Antallet af børn, priserne på indsatserne og \
        antallet af socialrådgivere er opdigtede eksempeltal for en tænkt kommune, ikke en rigtig \
        kommunes tal. De er lagt an på tal fra kilderne: Assens' mål (30 → 25 børn pr. \
        socialrådgiver, mindst 20–25 færre helårsanbringelser, 9,3 mio. kr. forventet sparet) og \
        landsgennemsnittet for 2019 (omkring 470.000 kr. om året for et barn i familiepleje og 1,16 \
        mio. kr. på opholdssted eller døgninstitution). Til sammenligning flyttede Allerød fra 2016 \
        til 2019 udgifterne til døgnanbringelser fra 20 til 12 mio. kr. og de forebyggende udgifter \
        fra 12 til 20 mio. kr. Netværksmøderne er opdigtede og pseudonyme."
        .into();
    ws.staircase = socialstyrelsen();
    // Shown as of its last status measurement, "Status 2019": the target for 2020 is ahead, and the invented
    // meetings lie around that day.
    ws.as_of = Some(AS_OF);
    ws.meetings = meetings::network_meetings(&ws.staircase, Units::GENERIC.family_centre, AS_OF);
    ws
}

/// Id of the intervention called `name`, for linking meetings and initiatives to the staircase.
pub fn intervention_id(staircase: &Staircase, name: &str) -> Option<Id> {
    staircase
        .steps
        .iter()
        .flat_map(|s| &s.interventions)
        .find(|iv| iv.name == name)
        .map(|iv| iv.id)
}

/// Ids of the named interventions that exist; unknown names are skipped.
pub fn intervention_ids(staircase: &Staircase, names: &[&str]) -> Vec<Id> {
    names
        .iter()
        .filter_map(|n| intervention_id(staircase, n))
        .collect()
}

/// Id of the step that holds intervention `id`.
pub fn step_of(staircase: &Staircase, id: Id) -> Option<Id> {
    staircase
        .steps
        .iter()
        .find(|s| s.interventions.iter().any(|iv| iv.id == id))
        .map(|s| s.id)
}

fn div_round(n: u32, d: u32) -> u32 {
    (n + d / 2) / d
}

/// The specs wrap long strings with `\` continuations; that already removes the newline, this
/// only guards against doubled spaces.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validation::validate;

    #[test]
    fn six_steps_with_the_right_categories_and_four_measurements_in_date_order() {
        let st = socialstyrelsen();
        assert_eq!(st.steps.len(), 6);
        let cats: Vec<StepCategory> = st.steps.iter().map(|s| s.category).collect();
        use StepCategory::*;
        assert_eq!(
            cats,
            [Universal, Preventive, Preventive, Preventive, Placement, Placement]
        );
        assert!(st.steps.iter().all(|s| !s.description.is_empty()));
        assert!(st.steps.iter().all(|s| !s.interventions.is_empty()));
        assert_eq!(st.steps[4].yearly_cost_per_child, Some(470_000));
        assert_eq!(st.steps[5].yearly_cost_per_child, Some(1_160_000));
        use MeasurementKind::*;
        let kinds: Vec<MeasurementKind> = st.measurements.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [Baseline, Actual, Actual, Target]);
        let names: Vec<&str> = st.measurements.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(
            names,
            ["Baseline 2016", "Status 2018", "Status 2019", "Mål 2020"]
        );
        let dates: Vec<_> = st.measurements.iter().map(|m| m.date.unwrap()).collect();
        assert!(dates.windows(2).all(|w| w[0] < w[1]), "{dates:?}");
        // The other examples keep the baseline and the target only.
        assert!(
            st.measurements.iter().all(|m| m.made_up),
            "every count is marked made up"
        );
    }

    #[test]
    fn the_status_counts_lie_between_baseline_and_target() {
        let st = socialstyrelsen();
        let [base, y2018, y2019, goal] = &st.measurements[..] else {
            panic!("four measurements");
        };
        for iv in st.steps.iter().flat_map(|s| &s.interventions) {
            let n = |m: &Measurement| m.per_intervention[&iv.id];
            let (lo, hi) = (n(base).min(n(goal)), n(base).max(n(goal)));
            for m in [y2018, y2019] {
                assert!((lo..=hi).contains(&n(m)), "{} in {}", iv.name, m.name);
            }
            // Monotone on the way: 2019 is at least as close to the target as 2018.
            assert!(
                n(goal).abs_diff(n(y2019)) <= n(goal).abs_diff(n(y2018)),
                "{}",
                iv.name
            );
        }
    }

    #[test]
    fn the_status_measurements_carry_moves_mostly_down_the_staircase() {
        let st = socialstyrelsen();
        let index = |id: Id| st.steps.iter().position(|s| s.id == id).unwrap();
        assert!(st.measurements[0].moves.is_empty());
        assert!(st.measurements[3].moves.is_empty());
        for m in &st.measurements[1..3] {
            let (mut down, mut up) = (0, 0);
            for mv in &m.moves {
                assert_ne!(mv.from, mv.to, "{}", m.name);
                assert!(mv.children > 0, "{}", m.name);
                if index(mv.to) < index(mv.from) {
                    down += mv.children;
                } else {
                    up += mv.children;
                }
            }
            assert!(m.moves.len() >= 4, "{}", m.name);
            assert!(up > 0 && down > 5 * up, "{}: {down} down, {up} up", m.name);
        }
    }

    #[test]
    fn every_intervention_has_its_attributes_and_both_counts() {
        let st = socialstyrelsen();
        for iv in st.steps.iter().flat_map(|s| &s.interventions) {
            assert!(!iv.description.is_empty(), "{}", iv.name);
            assert!(!iv.legal_basis.is_empty(), "{}", iv.name);
            assert!(!iv.provider.is_empty(), "{}", iv.name);
            assert!(!iv.target_ages.is_empty(), "{}", iv.name);
            assert!(!iv.method.is_empty(), "{}", iv.name);
            assert!(!iv.description.contains("  "), "{}", iv.name);
            for m in &st.measurements {
                assert!(m.per_intervention.contains_key(&iv.id), "{}", iv.name);
            }
        }
        for name in [
            "Åben anonym rådgivning",
            "ICDP-forældrekursus",
            "COS-P forældreforløb",
            "KIFF – kursus i fælles forældreansvar",
            "Back2School",
            "Labyrinten – gruppe for børn af sindslidende",
            "Familiebehandling",
            "Familierådslagning / netværksrådslagning",
            "Sikkerhedsplan",
            "Netværksanbringelse",
            "Almen plejefamilie",
            "Opholdssted",
            "Døgninstitution",
        ] {
            assert!(intervention_id(&st, name).is_some(), "{name}");
        }
    }

    #[test]
    fn the_weight_moves_down_and_caseload_falls_from_30_over_28_and_26_to_25() {
        let st = socialstyrelsen();
        let per_category = |m: &Measurement, cat: StepCategory| -> u32 {
            st.steps
                .iter()
                .filter(|s| s.category == cat)
                .flat_map(|s| &s.interventions)
                .map(|iv| m.per_intervention[&iv.id])
                .sum()
        };
        let (base, goal) = (&st.measurements[0], st.measurements.last().unwrap());
        let fewer = per_category(base, StepCategory::Placement)
            - per_category(goal, StepCategory::Placement);
        assert!((20..=25).contains(&fewer), "{fewer} fewer placements");
        assert!(
            per_category(goal, StepCategory::Preventive)
                > per_category(base, StepCategory::Preventive)
        );
        let load = |m: &Measurement| {
            let referred: u32 = st
                .steps
                .iter()
                .flat_map(|s| &s.interventions)
                .filter(|iv| iv.referral_required)
                .map(|iv| m.per_intervention[&iv.id])
                .sum();
            referred as f64 / m.caseworkers.unwrap() as f64
        };
        assert!((load(base) - 30.0).abs() < 1.0, "{}", load(base));
        assert!((load(goal) - 25.0).abs() < 1.0, "{}", load(goal));
        assert!((load(&st.measurements[1]) - 28.0).abs() < 1.0);
        assert!((load(&st.measurements[2]) - 26.0).abs() < 1.0);
    }

    #[test]
    fn the_example_validates() {
        let ws = workspace();
        assert_eq!(validate(&ws, "workspace"), vec![]);
        assert!(ws.meetings.len() >= 8);
    }
}
