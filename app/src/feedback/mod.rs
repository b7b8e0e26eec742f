//! "Quanto sono chiare le informazioni su questa pagina?": the municipal model's page-feedback
//! component, at the bottom of every public page. Five ratings, then the model's follow-up question
//! for a low (1–3) or a high (4–5) rating, and an optional short comment. Ratings are stored without
//! any personal data, so staff can see which pages confuse people: the report of `report.rs`, in the
//! back office.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};
use serde::{Deserialize, Serialize};

use crate::forms::{use_submitted, FieldErrors, FormState, TextArea};
use crate::islands::FollowUpByRating;

pub mod actions;
pub mod report;

pub const PATH: &str = "/valutazione";
/// The back office's report of the ratings, for whoever writes the pages.
pub const REPORT_PATH: &str = "/operatori/valutazioni";
pub const COMMENT_MAX_CHARS: usize = 200;

/// The model's answers to "Dove hai incontrato le maggiori difficoltà?" (ratings 1–3): the code
/// stored, and the Italian label of the back office's report (the public page shows the message
/// `feedback-reason-<code>` in its language).
pub const DIFFICULTIES: [(&str, &str); 5] = [
    ("indicazioni-non-chiare", "A volte le indicazioni non erano chiare"),
    ("indicazioni-incomplete", "A volte le indicazioni non erano complete"),
    (
        "procedura-incerta",
        "A volte non capivo se stavo procedendo correttamente",
    ),
    ("problemi-tecnici", "Ho avuto problemi tecnici"),
    ("altro-difficolta", "Altro"),
];

/// The model's answers to "Quali sono stati gli aspetti che hai preferito?" (ratings 4–5).
pub const STRENGTHS: [(&str, &str); 5] = [
    ("indicazioni-chiare", "Le indicazioni erano chiare"),
    ("indicazioni-complete", "Le indicazioni erano complete"),
    ("procedura-chiara", "Capivo sempre che stavo procedendo correttamente"),
    ("nessun-problema-tecnico", "Non ho avuto problemi tecnici"),
    ("altro-preferito", "Altro"),
];

/// The fields as they arrive.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FeedbackForm {
    #[serde(default)]
    pub pagina: String,
    #[serde(default)]
    pub voto: String,
    #[serde(default)]
    pub motivo: Option<String>,
    #[serde(default)]
    pub commento: String,
}

/// A rating that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feedback {
    pub page: String,
    pub rating: i64,
    pub reason: Option<&'static str>,
    pub comment: Option<String>,
}

/// The pages citizens rate, as route patterns: the public pages of the site, a fixed list.
pub const RATED_PAGES: &[&str] = &[
    "/",
    "/servizi",
    "/servizi/{slug}",
    "/argomenti",
    "/contatti",
    "/assistenza",
    "/assistenza/inviata",
    "/informativa-privacy",
    "/dichiarazione-di-accessibilita",
    "/note-legali",
    "/domande-frequenti",
    "/condizioni-di-servizio",
    "/prenota",
    "/prenota/riepilogo",
    "/prenota/confermata",
    "/prenota/gestisci",
    "/prenota/ritrova",
];

/// The page a rating is about, from what the form says: one of [`RATED_PAGES`], or "/" for
/// anything else. The answer redirects there, and a rating to correct shows that page again, so it
/// must never lead to another site, nor to a page that is not public.
pub fn rated_page(raw: &str) -> String {
    let path = raw.split(['?', '#']).next().unwrap_or_default();
    let plain = path.len() <= 200
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_'));
    let rated = RATED_PAGES
        .iter()
        .any(|pattern| crate::links::route_matches(pattern, path));
    if plain && rated {
        path.to_owned()
    } else {
        "/".to_owned()
    }
}

impl FeedbackForm {
    pub fn parse(&self) -> Result<Feedback, FieldErrors> {
        let language = crate::i18n::use_language();
        let mut errors = FieldErrors::new();
        let rating = self.voto.trim().parse::<i64>().ok().filter(|r| (1..=5).contains(r));
        if rating.is_none() {
            errors.add("voto", language.text("feedback-error-rating"));
        }
        let answers: &[(&str, &str)] = match rating {
            Some(1..=3) => &DIFFICULTIES,
            _ => &STRENGTHS,
        };
        let reason = match self.motivo.as_deref().filter(|m| !m.is_empty()) {
            None => None,
            Some(given) => match answers.iter().find(|(code, _)| *code == given) {
                Some((code, _)) => Some(*code),
                None => {
                    errors.add("motivo", language.text("feedback-error-reason"));
                    None
                }
            },
        };
        let comment = self.commento.trim();
        let length = comment.chars().count();
        if length > COMMENT_MAX_CHARS {
            errors.add(
                "commento",
                language.text_with(
                    "feedback-error-comment",
                    &[("max", COMMENT_MAX_CHARS.to_string()), ("length", length.to_string())],
                ),
            );
        }
        match rating {
            Some(rating) if errors.is_empty() => Ok(Feedback {
                page: rated_page(&self.pagina),
                rating,
                reason,
                comment: (!comment.is_empty()).then(|| comment.to_owned()),
            }),
            _ => Err(errors),
        }
    }
}

/// The rating form at the foot of every public page (the back office is not rated by citizens).
#[component]
pub fn PublicPageFeedback() -> impl IntoView {
    let location = use_location();
    let query = use_query_map();
    let page = location.pathname.get_untracked();
    let thanked = query.with_untracked(|q| q.get("valutazione").as_deref() == Some("grazie"));
    (!crate::links::is_back_office(&page)).then(|| {
        view! { <PageFeedback page thanked form=FormState::new(use_submitted(PATH)) /> }
    })
}

/// The rating form itself. Without JavaScript both follow-up questions are shown, each saying which
/// ratings it is for; the [`FollowUpByRating`] island shows only the one that fits the rating given.
#[component]
fn PageFeedback(page: String, thanked: bool, form: FormState) -> impl IntoView {
    let language = crate::i18n::use_language();
    let text = move |key: &str| language.text(key);
    if thanked {
        return view! {
            <FeedbackSection>
                <h2 class="h4" id="valutazione-titolo">{text("feedback-thanks-title")}</h2>
                <p role="status">{text("feedback-thanks")}</p>
            </FeedbackSection>
        }
        .into_any();
    }
    let given = form.initial("voto");
    let chosen_reason = form.initial("motivo");
    let rating_error = form.error("voto");
    let rating_described_by = rating_error.is_some().then_some("valutazione-voto-errore");
    // `hook` is the model's `data-element` for the question (positive or negative rating).
    let reasons = move |hook: &'static str,
                        legend: String,
                        for_ratings: String,
                        answers: &'static [(&'static str, &'static str)]| {
        view! {
            <fieldset class="valutazione-motivi mb-4" data-element=hook>
                <legend class="fs-6 fw-semibold" data-element="feedback-rating-question">
                    {legend}
                    <span class="fw-normal per-quali-voti">{format!(" ({for_ratings})")}</span>
                </legend>
                {answers
                    .iter()
                    .map(|(code, _)| {
                        let id = format!("motivo-{code}");
                        let label = text(&format!("feedback-reason-{code}"));
                        let checked = chosen_reason == *code;
                        view! {
                            <div class="form-check">
                                <input type="radio" id=id.clone() name="motivo" value=*code checked=checked />
                                <label for=id data-element="feedback-rating-answer">{label}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
        }
    };
    view! {
        <FeedbackSection>
            <h2 class="h4" id="valutazione-titolo" data-element="feedback-title">
                {text("feedback-title")}
            </h2>
            {form.problem().map(|problem| view! { <p class="alert alert-danger" role="alert">{problem}</p> })}
            <form method="post" action=language.href(PATH) novalidate>
                <input type="hidden" name="pagina" value=page />
                <FollowUpByRating rating=given.parse().ok()>
                    <fieldset class="valutazione-stelle" aria-describedby=rating_described_by>
                        <legend class="visually-hidden">{text("feedback-stars-legend")}</legend>
                        {rating_error.map(|message| view! {
                            <p class="invalid-feedback d-block fw-semibold" id="valutazione-voto-errore"><span class="visually-hidden">{text("form-error-prefix")}" "</span>{message}</p>
                        })}
                        {(1..=5u8)
                            .map(|n| {
                                let id = format!("voto-{n}");
                                let label = if n == 1 {
                                    text("feedback-star-one")
                                } else {
                                    language.text_with("feedback-stars", &[("n", n.to_string())])
                                };
                                view! {
                                    <div class="form-check">
                                        <input
                                            type="radio"
                                            id=id.clone()
                                            name="voto"
                                            value=n.to_string()
                                            checked=given == n.to_string()
                                            data-element=format!("feedback-rate-{n}")
                                        />
                                        <label for=id>{label}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    {form.error("motivo").map(|message| view! {
                        <p class="invalid-feedback d-block fw-semibold"><span class="visually-hidden">{text("form-error-prefix")}" "</span>{message}</p>
                    })}
                    {reasons("feedback-rating-negative", text("feedback-difficulties"), text("feedback-difficulties-for"), &DIFFICULTIES)}
                    {reasons("feedback-rating-positive", text("feedback-strengths"), text("feedback-strengths-for"), &STRENGTHS)}
                </FollowUpByRating>
                <TextArea
                    form
                    name="commento"
                    label=text("feedback-comment")
                    hint=language.text_with("feedback-comment-hint", &[("max", COMMENT_MAX_CHARS.to_string())])
                    max_chars=COMMENT_MAX_CHARS
                    hook="feedback-input-text"
                />
                <button type="submit" class="btn btn-primary">{text("feedback-send")}</button>
            </form>
        </FeedbackSection>
    }
    .into_any()
}

#[component]
fn FeedbackSection(children: Children) -> impl IntoView {
    view! {
        <section class="valutazione bg-light border-top py-5" id="valutazione" data-element="feedback" aria-labelledby="valutazione-titolo">
            <div class="container stretto">{children()}</div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(voto: &str, motivo: Option<&str>) -> FeedbackForm {
        FeedbackForm {
            pagina: "/servizi".into(),
            voto: voto.into(),
            motivo: motivo.map(Into::into),
            commento: String::new(),
        }
    }

    #[test]
    fn a_rating_with_its_own_kind_of_reason_passes() {
        let feedback = form("2", Some("problemi-tecnici")).parse().unwrap();
        assert_eq!((feedback.rating, feedback.reason), (2, Some("problemi-tecnici")));
        assert_eq!(form("5", None).parse().unwrap().reason, None);
    }

    #[test]
    fn a_missing_rating_or_a_reason_of_the_other_kind_is_refused() {
        assert!(form("", None).parse().unwrap_err().get("voto").is_some());
        assert!(form("9", None).parse().unwrap_err().get("voto").is_some());
        assert!(form("5", Some("problemi-tecnici"))
            .parse()
            .unwrap_err()
            .get("motivo")
            .is_some());
    }

    #[test]
    fn only_public_pages_of_this_site_are_kept() {
        assert_eq!(
            rated_page("/servizi/affido-familiare?x=1#y"),
            "/servizi/affido-familiare"
        );
        assert_eq!(rated_page("/prenota/riepilogo?bozza=x"), "/prenota/riepilogo");
        for outside in [
            "https://malevolo.example/",
            "//malevolo.example",
            "/\\\\malevolo",
            "javascript:alert(1)",
            "",
            "/operatori/utenti",
            "/operatori",
            "/servizi/../operatori/utenti",
            "/servizi/",
            "/api/servizi",
            "/valutazione",
        ] {
            assert_eq!(rated_page(outside), "/", "{outside}");
        }
    }
}
