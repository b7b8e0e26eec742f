//! The case documents' two routes that are not forms of plain fields: the upload, a multipart
//! form (answered like every other form: on to the file, or the page again with the reasons), and
//! the download. What may be stored and by whom is decided in `app::cases::documents`.

use std::collections::BTreeMap;

use app::cases::documents::{self, Upload};
use app::forms::{FieldErrors, FormOutcome};
use app::state::AppState;
use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Query, Request, State};
use axum::http::{header, Response, StatusCode};
use axum::response::IntoResponse;

/// `POST /operatori/casi/documenti`: the fields `caso`, `tipo_documento`, `titolo` and `file`.
pub async fn upload(State(state): State<AppState>, request: Request) -> Response<Body> {
    let (parts, body) = request.into_parts();
    // The whole body is read before anything is decided: an answer sent while the browser is
    // still sending makes the server close the connection under it, and the person (or the next
    // request on that connection) gets no answer at all. The layer outside already refused a
    // body over the limit.
    let body = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => Body::from(bytes),
        Err(_) => Body::empty(),
    };
    let Ok(mut multipart) = Multipart::from_request(Request::from_parts(parts.clone(), body), &state).await else {
        return (
            StatusCode::BAD_REQUEST,
            "Il modulo non è arrivato come previsto: ricarica la pagina e riprova.",
        )
            .into_response();
    };
    let mut values = BTreeMap::new();
    let mut file_name = String::new();
    let mut bytes = Vec::new();
    let mut broken = false;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_owned();
                if name == "file" {
                    file_name = field.file_name().unwrap_or_default().to_owned();
                    match field.bytes().await {
                        Ok(read) => bytes = read.to_vec(),
                        Err(_) => broken = true,
                    }
                } else if let Ok(text) = field.text().await {
                    // As every other form's fields (`forms.rs`).
                    values.insert(name, app::validation::as_typed(&text));
                } else {
                    broken = true;
                }
            }
            Ok(None) => break,
            // Past the body limit, or cut short.
            Err(_) => {
                broken = true;
                break;
            }
        }
    }
    let get = |name: &str| values.get(name).cloned().unwrap_or_default();
    let outcome = if broken {
        let mut errors = FieldErrors::new();
        errors.add(
            "file",
            format!(
                "Il file non è arrivato intero, o è più grande di {} MB: scegline uno più piccolo.",
                state.documents.max_bytes.div_ceil(1024 * 1024)
            ),
        );
        Ok(FormOutcome::Invalid(errors))
    } else {
        let upload = Upload {
            case: get("caso").trim().parse().unwrap_or(0),
            kind: get("tipo_documento"),
            title: get("titolo"),
            file_name,
            bytes,
        };
        documents::store(&state, upload).await
    };
    crate::forms::answer(
        state,
        parts,
        app::cases::DOCUMENTS_PATH,
        app::cases::file_page,
        values,
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
