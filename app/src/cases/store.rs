//! The case file's reads: who may open a case (one query, [`CASE_FOR`]), the lists of one's cases,
//! a case file with its timeline, documents and reports, a note for its correction, and the court
//! deadlines drawing near.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Europe::Rome;

use super::*;
use crate::access::accounts::StaffUser;
use crate::access::auth;
use crate::audit::Entry;
use crate::audit::RecordKind;
use crate::dates::{clock, day_of, long_date, moment};
use crate::on_db;
use crate::state::AppState;
use crate::triage::store::{DetailRow, EventRow, DETAIL_COLUMNS, DETAIL_FROM, EVENTS_OF_REQUEST};
use crate::triage::{FamilyRole, Urgency};

/// A case, and where the person asking stands with it.
#[derive(sqlx::FromRow)]
pub(crate) struct CaseRow {
    pub family_id: i64,
    pub unit_id: i64,
    pub unit: String,
    pub responsible_id: Option<i64>,
    pub responsible: Option<String>,
    pub opened_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    pub comune: Option<String>,
    /// The responsible worker or a member of the team.
    pub in_team: bool,
    /// The end of the person's emergency access still running, if any.
    pub emergency_until: Option<DateTime<Utc>>,
}

/// The case `$1` as person `$2` may see it at `$3`.
pub(crate) const CASE_FOR: &str = "SELECT c.family_id, c.unit_id, u.name AS unit, c.responsible_id, s.display_name AS responsible,
        c.opened_at, c.closed_at, co.name AS comune,
        (COALESCE(c.responsible_id = $2, FALSE)
           OR EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = c.id AND t.staff_id = $2 AND t.removed_at IS NULL)) AS in_team,
        (SELECT MAX(e.expires_at) FROM emergency_accesses e
          WHERE e.case_id = c.id AND e.staff_id = $2 AND e.expires_at > $3) AS emergency_until
   FROM cases c
   JOIN units u ON u.id = c.unit_id
   JOIN families f ON f.id = c.family_id
   LEFT JOIN comuni co ON co.id = f.comune_id
   LEFT JOIN staff_users s ON s.id = c.responsible_id
  WHERE c.id = $1";

/// The case `$case` as `$user` may see it at `$now` ([`CASE_FOR`]), read in the open transaction
/// `$tx`; leaves the calling function with "not found" when there is no such case. A macro: each
/// database's transaction is its own type.
macro_rules! case_or_not_found {
    ($tx:ident, $case:expr, $user:expr, $now:expr) => {{
        let case: Option<$crate::cases::store::CaseRow> = sqlx::query_as($crate::cases::store::CASE_FOR)
            .bind($case)
            .bind($user.id)
            .bind($now)
            .fetch_optional(&mut *$tx)
            .await?;
        match case {
            Some(case) => case,
            None => {
                $tx.rollback().await?;
                return Err($crate::error::AppError::NotFound);
            }
        }
    }};
}
pub(crate) use case_or_not_found;

/// How a person may open a case file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Access {
    Team,
    Coordinator,
    Emergency(DateTime<Utc>),
}

impl CaseRow {
    pub fn access_of(&self, user: &StaffUser) -> Option<Access> {
        if self.in_team {
            Some(Access::Team)
        } else if user.coordinates(self.unit_id) {
            Some(Access::Coordinator)
        } else {
            self.emergency_until.map(Access::Emergency)
        }
    }

    /// The responsible worker and the coordinator shape the team.
    pub fn manages_team(&self, user: &StaffUser) -> bool {
        self.responsible_id == Some(user.id) || user.coordinates(self.unit_id)
    }
}

/// Whether a request's origin (its stored key) is a court mandate or a report by another service:
/// then a parent may be the person the child is protected from.
pub(crate) fn from_a_court_or_a_report(origin: &str) -> bool {
    matches!(
        crate::triage::Origin::from_key(origin),
        Some(crate::triage::Origin::CourtMandate | crate::triage::Origin::Referral)
    )
}

/// Records a refused case (or note) and answers 403.
pub(crate) async fn refusal(state: &AppState, user: &StaffUser, kind: RecordKind, id: i64) -> AppError {
    auth::refuse_record(state, user, "caso.accesso", kind, id).await
}

#[derive(sqlx::FromRow)]
struct ListRow {
    id: i64,
    unit: String,
    opened_at: DateTime<Utc>,
    closed_at: Option<DateTime<Utc>>,
    responsible_id: Option<i64>,
    responsible: Option<String>,
    profession: Option<String>,
    closure_requested_at: Option<DateTime<Utc>>,
    given_name: Option<String>,
    family_name: Option<String>,
}

/// One line per case from rows that repeat it once per family member, in their order.
fn case_lines(rows: Vec<ListRow>, role: impl Fn(&ListRow) -> String) -> Vec<CaseLine> {
    let mut lines: Vec<CaseLine> = Vec::new();
    for row in rows {
        let name = match (&row.given_name, &row.family_name) {
            (Some(given), Some(family)) => format!("{given} {family}"),
            _ => String::new(),
        };
        match lines.last_mut() {
            Some(line) if line.id == row.id => {
                if !name.is_empty() {
                    line.family = if line.family.is_empty() {
                        name
                    } else {
                        format!("{}, {name}", line.family)
                    };
                }
            }
            _ => lines.push(CaseLine {
                id: row.id,
                family: name,
                unit: row.unit.clone(),
                role: role(&row),
                opened: day_of(row.opened_at),
                closed: row.closed_at.map(day_of),
            }),
        }
    }
    lines
}

const LIST_COLUMNS: &str =
    "SELECT c.id, u.name AS unit, c.opened_at, c.closed_at, c.responsible_id, s.display_name AS responsible,
        t.profession, c.closure_requested_at, p.given_name, p.family_name
   FROM cases c
   JOIN units u ON u.id = c.unit_id
   LEFT JOIN staff_users s ON s.id = c.responsible_id
   LEFT JOIN case_team t ON t.case_id = c.id AND t.staff_id = $1 AND t.removed_at IS NULL
   LEFT JOIN family_members m ON m.family_id = c.family_id
   LEFT JOIN persons p ON p.id = m.person_id";

/// The person's cases, and the open cases of the units they coordinate.
pub async fn list() -> Result<CasesView, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let state = AppState::current();
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let (mine, coordinated, colleagues) = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let mine: Vec<ListRow> = sqlx::query_as(&format!(
            "{LIST_COLUMNS} WHERE c.responsible_id = $1 OR t.id IS NOT NULL
              ORDER BY c.closed_at IS NOT NULL, c.opened_at DESC, c.id, p.id"
        ))
        .bind(user.id)
        .fetch_all(&mut *tx)
        .await?;
        let coordinated: Vec<ListRow> = sqlx::query_as(&format!(
            "{LIST_COLUMNS} WHERE c.closed_at IS NULL
                AND c.unit_id IN (SELECT unit_id FROM staff_roles WHERE user_id = $1 AND role = 'coordinatore')
              ORDER BY c.opened_at DESC, c.id, p.id"
        ))
        .bind(user.id)
        .fetch_all(&mut *tx)
        .await?;
        // The other open cases of the units the person works in (not those they coordinate, listed
        // above): who answers for them, never the family.
        let colleagues: Vec<(i64, String, DateTime<Utc>, Option<String>)> = sqlx::query_as(
            "SELECT c.id, u.name, c.opened_at, s.display_name FROM cases c
               JOIN units u ON u.id = c.unit_id LEFT JOIN staff_users s ON s.id = c.responsible_id
              WHERE c.closed_at IS NULL
                AND c.unit_id IN (SELECT unit_id FROM staff_roles WHERE user_id = $1 AND role = 'assistente_sociale' AND unit_id IS NOT NULL)
                AND c.unit_id NOT IN (SELECT unit_id FROM staff_roles WHERE user_id = $1 AND role = 'coordinatore' AND unit_id IS NOT NULL)
                AND COALESCE(c.responsible_id, 0) <> $1
                AND NOT EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = c.id AND t.staff_id = $1 AND t.removed_at IS NULL)
              ORDER BY c.opened_at DESC, c.id LIMIT 200",
        )
        .bind(user.id)
        .fetch_all(&mut *tx)
        .await?;
        let shown: HashSet<i64> = mine.iter().chain(&coordinated).map(|row| row.id).chain(colleagues.iter().map(|c| c.0)).collect();
        crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "casi.elenco").records(RecordKind::Case, shown))?;
        tx.commit().await?;
        (mine, coordinated, colleagues)
    });
    Ok(CasesView {
        mine: case_lines(mine, |row| {
            if row.responsible_id == Some(user.id) {
                "Operatore di riferimento".to_owned()
            } else {
                Profession::label_of(row.profession.as_deref().unwrap_or_default()).to_owned()
            }
        }),
        coordinated: case_lines(coordinated, |row| {
            let responsible = row.responsible.clone().unwrap_or_else(|| "nessuno".to_owned());
            match row.closure_requested_at {
                Some(_) => format!("{responsible} — chiusura da approvare"),
                None => responsible,
            }
        }),
        colleagues: colleagues
            .into_iter()
            .map(|(id, unit, opened, responsible)| CaseLine {
                id,
                family: String::new(),
                unit,
                role: responsible.unwrap_or_else(|| "nessuno".to_owned()),
                opened: day_of(opened),
                closed: None,
            })
            .collect(),
    })
}

#[derive(sqlx::FromRow)]
struct DocumentListRow {
    id: i64,
    kind: String,
    title: String,
    file_name: String,
    content_type: String,
    size_bytes: i64,
    uploaded_by: Option<String>,
    /// Sent by a person of the family from the personal area.
    sender_given_name: Option<String>,
    sender_family_name: Option<String>,
    uploaded_at: DateTime<Utc>,
}

impl DocumentListRow {
    /// Who added the document: the staff member's name, or the family member's, said as such.
    fn added_by(&self) -> String {
        match (&self.uploaded_by, &self.sender_given_name, &self.sender_family_name) {
            (Some(staff), _, _) => staff.clone(),
            (None, Some(given), Some(family)) => format!("inviato dalla famiglia ({given} {family})"),
            _ => String::new(),
        }
    }
}

#[derive(sqlx::FromRow)]
struct ReportRow {
    id: i64,
    due_on: NaiveDate,
    sent_on: Option<NaiveDate>,
    court: Option<String>,
    decree_number: Option<String>,
}

#[derive(sqlx::FromRow)]
struct NoteRow {
    id: i64,
    kind: String,
    happened_on: NaiveDate,
    body: String,
    author_id: i64,
    author: String,
    written_at: DateTime<Utc>,
    replaces_id: Option<i64>,
    correction_reason: Option<String>,
}

/// The timeline from every version of every note: the current versions, the latest event first,
/// each with the versions it replaced.
fn timeline(rows: Vec<NoteRow>, reader: i64) -> Vec<NoteView> {
    let replaced: HashSet<i64> = rows.iter().filter_map(|row| row.replaces_id).collect();
    let by_id: BTreeMap<i64, &NoteRow> = rows.iter().map(|row| (row.id, row)).collect();
    let mut current: Vec<&NoteRow> = rows.iter().filter(|row| !replaced.contains(&row.id)).collect();
    current.sort_by_key(|note| std::cmp::Reverse((note.happened_on, note.id)));
    current
        .into_iter()
        .map(|note| {
            let mut earlier = Vec::new();
            let mut previous = note.replaces_id.and_then(|id| by_id.get(&id));
            while let Some(version) = previous {
                earlier.push(EarlierVersion {
                    written: moment(version.written_at),
                    author: version.author.clone(),
                    happened_on: long_date(version.happened_on),
                    text: version.body.clone(),
                });
                previous = version.replaces_id.and_then(|id| by_id.get(&id));
            }
            NoteView {
                id: note.id,
                kind: NoteKind::label_of(&note.kind).to_owned(),
                happened_on: long_date(note.happened_on),
                author: note.author.clone(),
                written: moment(note.written_at),
                text: note.body.clone(),
                correction: note.correction_reason.clone(),
                correctable: note.author_id == reader,
                earlier,
            }
        })
        .collect()
}

/// Opens the case file for its team and the unit's coordinator, and for whoever has an emergency
/// access running; anyone else gets the emergency access form (and the refusal is recorded).
pub async fn file(id: i64) -> Result<CaseAnswer, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let state = AppState::current();
    let now = state.clock.now();
    let begin = state.db.begin_writing();
    let loaded = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let case = case_or_not_found!(tx, id, user, now);
        let Some(access) = case.access_of(&user) else {
            tx.rollback().await?;
            return match refusal(&state, &user, RecordKind::Case, id).await {
                AppError::Forbidden => Ok(CaseAnswer::OutsideTeam { id }),
                other => Err(other),
            };
        };
        let family: Vec<(String, String, NaiveDate, Option<String>, String)> = sqlx::query_as(
            "SELECT p.given_name, p.family_name, p.birth_date, p.codice_fiscale, m.role
               FROM family_members m JOIN persons p ON p.id = m.person_id
              WHERE m.family_id = $1
              ORDER BY CASE m.role WHEN 'genitore' THEN 0 WHEN 'tutore' THEN 1 WHEN 'figlio' THEN 2 ELSE 3 END, p.birth_date, p.id",
        )
        .bind(case.family_id)
        .fetch_all(&mut *tx)
        .await?;
        let requests: Vec<DetailRow> = sqlx::query_as(&format!("SELECT {DETAIL_COLUMNS} {DETAIL_FROM} WHERE r.case_id = $1 ORDER BY r.created_at, r.id"))
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
        let mut origins = Vec::new();
        for request in requests {
            let events: Vec<EventRow> = sqlx::query_as(EVENTS_OF_REQUEST).bind(request.id).fetch_all(&mut *tx).await?;
            origins.push(CaseOrigin {
                request: request.id,
                created: day_of(request.created_at),
                origin: request.origin_label(),
                mandate: request.mandate(),
                referrer: request.referrer(),
                topic: request.topic.clone(),
                urgency: Urgency::label_of(&request.urgency).to_owned(),
                notes: request.notes.clone(),
                history: events.into_iter().map(EventRow::describe).collect(),
            });
        }
        let members: Vec<(i64, String, String, DateTime<Utc>)> = sqlx::query_as(
            "SELECT t.staff_id, s.display_name, t.profession, t.added_at
               FROM case_team t JOIN staff_users s ON s.id = t.staff_id
              WHERE t.case_id = $1 AND t.removed_at IS NULL ORDER BY t.added_at, t.id",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        let candidates: Vec<(i64, String)> = if case.manages_team(&user) {
            sqlx::query_as(
                "SELECT DISTINCT u.id, u.display_name FROM staff_users u JOIN staff_roles r ON r.user_id = u.id
                  WHERE r.role IN ('assistente_sociale', 'coordinatore') AND NOT u.disabled
                  ORDER BY u.display_name",
            )
            .fetch_all(&mut *tx)
            .await?
        } else {
            Vec::new()
        };
        let notes: Vec<NoteRow> = sqlx::query_as(
            "SELECT n.id, n.kind, n.happened_on, n.body, n.author_id, s.display_name AS author, n.written_at, n.replaces_id, n.correction_reason
               FROM case_notes n JOIN staff_users s ON s.id = n.author_id
              WHERE n.case_id = $1 ORDER BY n.id",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        let emergencies: Vec<(String, DateTime<Utc>, String)> = if matches!(access, Access::Emergency(_)) {
            Vec::new()
        } else {
            sqlx::query_as(
                "SELECT s.display_name, e.at, e.reason FROM emergency_accesses e JOIN staff_users s ON s.id = e.staff_id
                  WHERE e.case_id = $1 ORDER BY e.at DESC, e.id DESC LIMIT 50",
            )
            .bind(id)
            .fetch_all(&mut *tx)
            .await?
        };
        let reports: Vec<ReportRow> = sqlx::query_as(
            "SELECT r.id, r.due_on, r.sent_on, q.court, q.decree_number FROM court_reports r LEFT JOIN requests q ON q.id = r.mandate_id
              WHERE r.case_id = $1 ORDER BY r.due_on, r.id",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        let mandates: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT id, court, decree_number FROM requests WHERE case_id = $1 AND origin = 'mandato' ORDER BY created_at, id",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        let documents: Vec<DocumentListRow> = sqlx::query_as(
            "SELECT d.id, d.kind, d.title, d.file_name, d.content_type, d.size_bytes, s.display_name AS uploaded_by,
                    c.given_name AS sender_given_name, c.family_name AS sender_family_name, d.uploaded_at
               FROM case_documents d
               LEFT JOIN staff_users s ON s.id = d.uploaded_by
               LEFT JOIN citizens c ON c.id = d.sent_by_citizen
              WHERE d.case_id = $1 ORDER BY d.uploaded_at DESC, d.id DESC",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        let case_visible: bool = sqlx::query_scalar("SELECT family_sees FROM cases WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        let requests_seen: Vec<(i64, String, bool)> =
            sqlx::query_as("SELECT id, origin, family_sees FROM requests WHERE case_id = $1 ORDER BY created_at, id")
                .bind(id)
                .fetch_all(&mut *tx)
                .await?;
        let messages: Vec<MessageRow> = sqlx::query_as(MESSAGES_OF_CASE)
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
        let reachable: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM ({FAMILY_EMAILS}) reachable"))
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        let asked: Vec<AskedRow> = sqlx::query_as(
            "SELECT what, kind, asked_at, received_at FROM document_requests WHERE case_id = $1 ORDER BY asked_at, id",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        // The requests that joined the case are seen once its worker opens it.
        sqlx::query("UPDATE requests SET flagged_new = FALSE WHERE case_id = $1 AND assigned_to = $2 AND flagged_new")
            .bind(id)
            .bind(user.id)
            .execute(&mut *tx)
            .await?;
        let action = match access {
            Access::Emergency(_) => "caso.apertura_emergenza",
            Access::Team | Access::Coordinator => "caso.apertura",
        };
        crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), action).records(RecordKind::Case, [id]))?;
        tx.commit().await?;
        (case, access, family, origins, members, candidates, notes, emergencies, reports, mandates, documents, (case_visible, requests_seen, messages, reachable, asked))
    });
    let (
        case,
        access,
        family,
        origins,
        members,
        candidates,
        notes,
        emergencies,
        reports,
        mandates,
        documents,
        (case_visible, requests_seen, messages, reachable, asked),
    ) = loaded;
    let family_view = FamilyView {
        case_visible,
        messages: messages.into_iter().map(MessageRow::line).collect(),
        reachable: usize::try_from(reachable).unwrap_or_default(),
        asked: asked
            .into_iter()
            .map(|(what, kind, asked_at, received_at)| super::AskedDocument {
                what,
                kind: super::DocumentKind::label_of(&kind).to_owned(),
                asked: crate::dates::day_of(asked_at),
                received: received_at.map(crate::dates::day_of),
            })
            .collect(),
        may_decide: case.manages_team(&user),
        protected: requests_seen
            .iter()
            .any(|(_, origin, _)| from_a_court_or_a_report(origin)),
        requests: requests_seen
            .into_iter()
            .map(|(id, origin, visible)| RequestVisibility {
                id,
                origin: crate::triage::Origin::label_of(&origin).to_owned(),
                visible,
            })
            .collect(),
    };
    let today = now.with_timezone(&Rome).date_naive();
    let mandate_text = |court: Option<String>, number: Option<String>| {
        court.map(|court| format!("{court}, decreto n. {}", number.unwrap_or_default()))
    };
    let pending_reports = reports
        .iter()
        .filter(|report| report.sent_on.is_none())
        .map(|report| {
            let mandate = mandate_text(report.court.clone(), report.decree_number.clone())
                .map(|m| format!(", {m}"))
                .unwrap_or_default();
            (
                report.id.to_string(),
                format!("Entro il {}{mandate}", long_date(report.due_on)),
            )
        })
        .collect();
    let in_team: HashSet<i64> = members.iter().map(|m| m.0).chain(case.responsible_id).collect();
    let responsible_name = case.responsible.clone().unwrap_or_else(|| "nessuno".to_owned());
    let team = case
        .responsible_id
        .map(|responsible| TeamMember {
            staff_id: responsible,
            name: responsible_name.clone(),
            role: "Operatore di riferimento".to_owned(),
            since: day_of(case.opened_at),
            responsible: true,
        })
        .into_iter()
        .chain(
            members
                .into_iter()
                .map(|(staff_id, name, profession, since)| TeamMember {
                    staff_id,
                    name,
                    role: Profession::label_of(&profession).to_owned(),
                    since: day_of(since),
                    responsible: false,
                }),
        )
        .collect();
    Ok(CaseAnswer::File(Box::new(CaseFile {
        id,
        unit: case.unit.clone(),
        opened: day_of(case.opened_at),
        closed: case.closed_at.map(day_of),
        responsible: responsible_name,
        comune: case.comune.clone().unwrap_or_default(),
        emergency_until: match access {
            Access::Emergency(until) => Some(clock(until.with_timezone(&Rome).time())),
            _ => None,
        },
        family: family
            .into_iter()
            .map(|(given, family_name, born, codice_fiscale, role)| FamilyMember {
                name: format!("{given} {family_name}"),
                role: FamilyRole::label_of(&role).to_owned(),
                born: long_date(born),
                codice_fiscale,
            })
            .collect(),
        origins,
        team,
        manages_team: case.manages_team(&user),
        candidates: candidates
            .into_iter()
            .filter(|(id, _)| !in_team.contains(id))
            .map(|(id, name)| (id.to_string(), name))
            .collect(),
        notes: timeline(notes, user.id),
        emergencies: emergencies
            .into_iter()
            .map(|(who, at, reason)| format!("{who}, {}: {reason}", moment(at)))
            .collect(),
        reports: reports
            .into_iter()
            .map(|report| ReportLine {
                due: long_date(report.due_on),
                mandate: mandate_text(report.court, report.decree_number),
                late: report.sent_on.is_none() && report.due_on < today,
                status: match report.sent_on {
                    Some(sent) => format!("inviata il {}", long_date(sent)),
                    None if report.due_on < today => "in ritardo".to_owned(),
                    None => "da inviare".to_owned(),
                },
            })
            .collect(),
        pending_reports,
        mandates: mandates
            .into_iter()
            .map(|(id, court, number)| (id.to_string(), format!("{court}, decreto n. {number}")))
            .collect(),
        may_change: case.closed_at.is_none() && matches!(access, Access::Team | Access::Coordinator),
        documents: documents
            .into_iter()
            .map(|row| DocumentLine {
                added: format!("{}, {}", row.added_by(), moment(row.uploaded_at)),
                id: row.id,
                kind: DocumentKind::label_of(&row.kind).to_owned(),
                title: row.title,
                file: format!(
                    "{}, {}, {} kB",
                    row.file_name,
                    row.content_type.rsplit('/').next().unwrap_or_default().to_uppercase(),
                    (row.size_bytes + 1023) / 1024
                ),
            })
            .collect(),
        document_max_mb: crate::files::max_mb(&state),
        family_view,
    })))
}

/// A note as it stands, with whether a newer version replaces it.
#[derive(sqlx::FromRow)]
pub(super) struct CurrentNote {
    pub(super) case_id: i64,
    pub(super) kind: String,
    pub(super) happened_on: NaiveDate,
    pub(super) body: String,
    pub(super) author_id: i64,
    pub(super) replaced: bool,
}

/// The note `$1` and whether a newer version replaces it.
pub(super) const NOTE: &str = "SELECT n.case_id, n.kind, n.happened_on, n.body, n.author_id,
        EXISTS (SELECT 1 FROM case_notes later WHERE later.replaces_id = n.id) AS replaced
   FROM case_notes n WHERE n.id = $1";

/// The current version of one's own note, for the correction form.
pub async fn note_for_correction(id: i64) -> Result<CorrectionView, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let state = AppState::current();
    let now = state.clock.now();
    // Only its author corrects a note, and only while they may open the file; its text is read in
    // the transaction that records the reading.
    let begin = state.db.begin_writing();
    let note: Result<CurrentNote, bool> = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let note: Option<CurrentNote> = sqlx::query_as(NOTE).bind(id).fetch_optional(&mut *tx).await?;
        let case: Option<CaseRow> = match &note {
            Some(note) => sqlx::query_as(CASE_FOR).bind(note.case_id).bind(user.id).bind(now).fetch_optional(&mut *tx).await?,
            None => None,
        };
        let may_correct = note.as_ref().is_some_and(|note| note.author_id == user.id)
            && case.and_then(|case| case.access_of(&user)).is_some();
        match note {
            Some(note) if may_correct => {
                crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "caso.nota_vista").records(RecordKind::Note, [id]))?;
                tx.commit().await?;
                Ok(note)
            }
            other => {
                tx.rollback().await?;
                Err(other.is_some())
            }
        }
    });
    let note = match note {
        Ok(note) => note,
        Err(false) => return Err(AppError::NotFound),
        Err(true) => return Err(refusal(&state, &user, RecordKind::Note, id).await),
    };
    if note.replaced {
        return Err(AppError::Conflict(
            "Questa nota è già stata corretta: correggi la versione più recente, dal fascicolo.".to_owned(),
        ));
    }
    Ok(CorrectionView {
        case_id: note.case_id,
        note_id: id,
        kind: note.kind,
        happened_on: note.happened_on.format("%Y-%m-%d").to_string(),
        text: note.body,
    })
}

#[derive(sqlx::FromRow)]
struct DueRow {
    case_id: i64,
    kind: String,
    due_on: NaiveDate,
}

/// The plan reviews and court reports due by the end of this week on the cases the person is
/// responsible for or in the team of, the late ones apart.
pub async fn due() -> Result<DueView, AppError> {
    let (_, user) = auth::permitted(Permission::CaseFiles).await?;
    let state = AppState::current();
    let now = state.clock.now();
    let today = now.with_timezone(&Rome).date_naive();
    let week_end = today + Duration::days(6 - i64::from(today.weekday().num_days_from_monday()));
    let begin = state.db.begin_writing();
    let (rows, families, new_requests) = on_db!(&state.db, pool => {
        let mut tx = pool.begin_with(begin).await?;
        let rows: Vec<DueRow> = sqlx::query_as(
            "SELECT c.id AS case_id, 'revisione' AS kind, p.review_on AS due_on
               FROM help_plans p JOIN cases c ON c.id = p.case_id
              WHERE p.state IN ('approvato', 'attivo', 'in_revisione') AND p.review_on <= $2 AND c.closed_at IS NULL
                AND (c.responsible_id = $1 OR EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = c.id AND t.staff_id = $1 AND t.removed_at IS NULL))
             UNION ALL
             SELECT c.id AS case_id, 'relazione' AS kind, r.due_on AS due_on
               FROM court_reports r JOIN cases c ON c.id = r.case_id
              WHERE r.sent_on IS NULL AND r.due_on <= $2 AND c.closed_at IS NULL
                AND (c.responsible_id = $1 OR EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = c.id AND t.staff_id = $1 AND t.removed_at IS NULL))
             ORDER BY due_on, case_id
             LIMIT 200",
        )
        .bind(user.id)
        .bind(week_end)
        .fetch_all(&mut *tx)
        .await?;
        // Requests that joined a case of the person's, flagged until its file is opened.
        let new_requests: Vec<(i64, i64, String, DateTime<Utc>)> = sqlx::query_as(
            "SELECT r.id, r.case_id, t.name, r.created_at FROM requests r JOIN booking_topics t ON t.id = r.topic_id
              WHERE r.assigned_to = $1 AND r.flagged_new AND r.state = 'assegnata' AND r.case_id IS NOT NULL
              ORDER BY r.created_at, r.id LIMIT 50",
        )
        .bind(user.id)
        .fetch_all(&mut *tx)
        .await?;
        let mut families: BTreeMap<i64, String> = BTreeMap::new();
        let cases: Vec<i64> = rows.iter().map(|row| row.case_id).chain(new_requests.iter().map(|r| r.1)).collect();
        for case in cases {
            if families.contains_key(&case) {
                continue;
            }
            let names: Vec<(String, String)> = sqlx::query_as(
                "SELECT p.given_name, p.family_name FROM cases c JOIN family_members m ON m.family_id = c.family_id
                   JOIN persons p ON p.id = m.person_id WHERE c.id = $1 ORDER BY p.id",
            )
            .bind(case)
            .fetch_all(&mut *tx)
            .await?;
            families.insert(case, names.into_iter().map(|(g, f)| format!("{g} {f}")).collect::<Vec<_>>().join(", "));
        }
        crate::audit!(&mut *tx, &state.audit_key, now, Entry::new(user.actor(), "casi.scadenze").records(RecordKind::Case, families.keys().copied()))?;
        tx.commit().await?;
        (rows, families, new_requests)
    });
    let mut view = DueView {
        new_requests: new_requests
            .into_iter()
            .map(|(request, case, topic, at)| DueLine {
                case_id: case,
                family: families.get(&case).cloned().unwrap_or_default(),
                what: format!("nuova richiesta n. {request}, {}", topic.to_lowercase()),
                due: day_of(at),
            })
            .collect(),
        ..DueView::default()
    };
    for row in rows {
        let line = DueLine {
            case_id: row.case_id,
            family: families.get(&row.case_id).cloned().unwrap_or_default(),
            what: if row.kind == "revisione" {
                "revisione del progetto di aiuto".to_owned()
            } else {
                "relazione all'Autorità Giudiziaria".to_owned()
            },
            due: long_date(row.due_on),
        };
        if row.due_on < today {
            view.late.push(line);
        } else {
            view.this_week.push(line);
        }
    }
    Ok(view)
}

/// A document asked of the family: what, its kind, when asked, when received.
type AskedRow = (String, String, DateTime<Utc>, Option<DateTime<Utc>>);

/// The messages of a case with its family, oldest first, with who wrote each.
pub(crate) const MESSAGES_OF_CASE: &str =
    "SELECT s.display_name AS staff_name, c.given_name, c.family_name, m.body, m.sent_at
       FROM case_messages m
       LEFT JOIN staff_users s ON s.id = m.staff_id
       LEFT JOIN citizens c ON c.id = m.citizen_id
      WHERE m.case_id = $1
      ORDER BY m.sent_at, m.id";

/// The emails of the case's family's parents and guardians who signed in to their area with one:
/// who is told of a new message.
pub(crate) const FAMILY_EMAILS: &str = "SELECT DISTINCT c.email
       FROM cases k
       JOIN family_members m ON m.family_id = k.family_id AND m.role IN ('genitore', 'tutore')
       JOIN persons p ON p.id = m.person_id
       JOIN citizens c ON c.codice_fiscale = p.codice_fiscale
      WHERE k.id = $1 AND c.email IS NOT NULL";

#[derive(sqlx::FromRow)]
pub(crate) struct MessageRow {
    staff_name: Option<String>,
    given_name: Option<String>,
    family_name: Option<String>,
    body: String,
    sent_at: DateTime<Utc>,
}

impl MessageRow {
    fn line(self) -> super::FamilyMessage {
        let from_family = self.staff_name.is_none();
        let author = match self.staff_name {
            Some(worker) => worker,
            None => format!(
                "{} {} (famiglia)",
                self.given_name.unwrap_or_default(),
                self.family_name.unwrap_or_default()
            ),
        };
        super::FamilyMessage {
            author,
            from_family,
            sent: crate::dates::moment(self.sent_at),
            body: self.body,
        }
    }
}
