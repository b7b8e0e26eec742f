//! The routes of documents that are not forms of plain fields: the uploads, multipart forms
//! (answered like every other form: on to the next page, or the page again with the reasons) of
//! staff in the case file and of a family in its area, and the staff's download. What may be
//! stored and by whom is decided in `app::cases::documents` and `app::area::documents`.

use std::collections::BTreeMap;

use app::area;
use app::cases::documents::{self, Upload};
use app::error::AppError;
use app::forms::{FieldErrors, FormOutcome};
use app::state::AppState;
use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{header, Response, StatusCode};
use axum::response::IntoResponse;

/// A multipart form as it arrived: its text fields (as every other form's, `forms.rs`) and its one
/// file, or `broken` when the body was cut short or passed the limit.
struct Sent {
    values: BTreeMap<String, String>,
    file_name: String,
    bytes: Vec<u8>,
    broken: bool,
}

/// Reads the whole multipart body before anything is decided: an answer sent while the browser is
/// still sending makes the server close the connection under it, and the person (or the next
/// request on that connection) gets no answer at all. The layer outside already refused a body
/// over the limit. A body that is no multipart form at all is answered here.
async fn read_sent(state: &AppState, request: Request) -> Result<(Parts, Sent), Response<Body>> {
    let (parts, body) = request.into_parts();
    let body = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => Body::from(bytes),
        Err(_) => Body::empty(),
    };
    let Ok(mut multipart) = Multipart::from_request(Request::from_parts(parts.clone(), body), state).await else {
        return Err((
            StatusCode::BAD_REQUEST,
            "Il modulo non è arrivato come previsto: ricarica la pagina e riprova.",
        )
            .into_response());
    };
    let mut sent = Sent {
        values: BTreeMap::new(),
        file_name: String::new(),
        bytes: Vec::new(),
        broken: false,
    };
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_owned();
                if name == "file" {
                    sent.file_name = field.file_name().unwrap_or_default().to_owned();
                    match field.bytes().await {
                        Ok(read) => sent.bytes = read.to_vec(),
                        Err(_) => sent.broken = true,
                    }
                } else if let Ok(text) = field.text().await {
                    sent.values.insert(name, app::validation::as_typed(&text));
                } else {
                    sent.broken = true;
                }
            }
            Ok(None) => break,
            // Past the body limit, or cut short.
            Err(_) => {
                sent.broken = true;
                break;
            }
        }
    }
    Ok((parts, sent))
}

impl Sent {
    fn get(&self, name: &str) -> String {
        self.values.get(name).cloned().unwrap_or_default()
    }
}

/// `POST /operatori/casi/documenti`: the fields `caso`, `tipo_documento`, `titolo` and `file`.
pub async fn upload(State(state): State<AppState>, request: Request) -> Response<Body> {
    let (parts, sent) = match read_sent(&state, request).await {
        Ok(read) => read,
        Err(refused) => return refused,
    };
    let outcome = if sent.broken {
        let mut errors = FieldErrors::new();
        errors.add(
            "file",
            format!(
                "Il file non è arrivato intero, o è più grande di {} MB: scegline uno più piccolo.",
                app::files::max_mb(&state)
            ),
        );
        Ok(FormOutcome::Invalid(errors))
    } else {
        let upload = Upload {
            case: sent.get("caso").trim().parse().unwrap_or(0),
            kind: sent.get("tipo_documento"),
            title: sent.get("titolo"),
            file_name: sent.file_name,
            bytes: sent.bytes,
        };
        documents::store(&state, upload).await
    };
    crate::forms::answer(
        state,
        parts,
        app::cases::DOCUMENTS_PATH,
        app::cases::file_page,
        sent.values,
        outcome,
    )
    .await
}

/// `POST /area-personale/documento/invia`: the family's file for a document asked (`richiesta`).
pub async fn family_upload(State(state): State<AppState>, request: Request) -> Response<Body> {
    let (parts, sent) = match read_sent(&state, request).await {
        Ok(read) => read,
        Err(refused) => return refused,
    };
    let outcome = if sent.broken {
        Ok(area::documents::broken_upload(&state))
    } else {
        let upload = area::documents::FamilyUpload {
            asked: sent.get("richiesta").trim().parse().unwrap_or(0),
            file_name: sent.file_name,
            bytes: sent.bytes,
        };
        area::documents::send(&state, upload).await
    };
    // Another family's request (already refused and recorded): its page would only be refused,
    // and recorded, a second time.
    if let Err(AppError::NotFound) = outcome {
        return crate::forms::error_response(&AppError::NotFound);
    }
    crate::forms::answer(
        state,
        parts,
        area::DOCUMENT_SEND_PATH,
        |values| Some(area::documents::page_of(values)),
        sent.values,
        outcome,
    )
    .await
}

/// `GET /operatori/casi/documenti/scarica?id=…`: the file, as an attachment.
pub async fn download(State(state): State<AppState>, Query(query): Query<BTreeMap<String, String>>) -> Response<Body> {
    let id = query.get("id").and_then(|id| id.parse::<i64>().ok()).unwrap_or(0);
    match documents::open(&state, id).await {
        Ok(document) => {
            let ascii: String = document
                .file_name
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            let disposition = format!(
                "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
                app::links::query_value(&document.file_name)
            );
            let mut response = Response::new(Body::from(document.bytes));
            let headers = response.headers_mut();
            if let Ok(value) = document.content_type.parse() {
                headers.insert(header::CONTENT_TYPE, value);
            }
            if let Ok(value) = disposition.parse() {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(error) => crate::forms::error_response(&error),
    }
}
