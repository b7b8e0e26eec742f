//! Every action the trail records: the key written in each row (stable, used to filter) and the
//! words the audit page shows for it, so an administrator or a data-protection officer reads
//! "Elenco utenti letto", not `utenti.elenco`.
//!
//! A new action is added here first: a test reads the sources for action keys missing from it.

/// (key, what it means), grouped by the part of the back office that records it.
pub const ACTIONS: &[(&str, &str)] = &[
    // Signing in and one's own account.
    ("accesso", "Accesso al back office"),
    ("accesso.bloccato", "Accesso bloccato dopo troppi tentativi"),
    ("accesso.negato", "Pagina del back office negata"),
    ("uscita", "Uscita dal back office"),
    ("sicurezza.password", "Propria password cambiata"),
    ("sicurezza.totp", "Proprio secondo fattore attivato"),
    // The families' personal area (the actor is a person of a family, never a staff account).
    ("area.accesso", "Accesso all'area personale di una famiglia"),
    ("area.uscita", "Uscita dall'area personale di una famiglia"),
    (
        "area.appuntamenti",
        "Appuntamenti letti dalla famiglia nell'area personale",
    ),
    ("area.messaggi", "Messaggi con il servizio letti dalla famiglia"),
    ("area.messaggio", "Messaggio scritto dalla famiglia al servizio"),
    (
        "area.documenti",
        "Documenti chiesti letti dalla famiglia nell'area personale",
    ),
    ("area.documento", "Documento chiesto letto dalla famiglia per inviarlo"),
    (
        "area.documento_inviato",
        "Documento inviato dalla famiglia al fascicolo",
    ),
    ("area.email_conferma", "Conferma dell'email chiesta dalla famiglia"),
    (
        "area.email_confermata",
        "Email confermata dalla famiglia nell'area personale",
    ),
    (
        "area.richieste",
        "Stato delle richieste letto dalla famiglia nell'area personale",
    ),
    (
        "area.appuntamento",
        "Appuntamento letto dalla famiglia nell'area personale",
    ),
    (
        "area.appuntamento.annulla",
        "Appuntamento annullato dalla famiglia nell'area personale",
    ),
    (
        "area.appuntamento.sposta",
        "Appuntamento spostato dalla famiglia nell'area personale",
    ),
    // Staff accounts.
    ("utenti.elenco", "Elenco utenti letto"),
    ("utenti.crea", "Account creato"),
    ("utenti.stato", "Account sospeso o riattivato"),
    ("utenti.password", "Password temporanea data a un account"),
    ("utenti.totp", "Secondo fattore di un account azzerato"),
    ("utenti.ruolo_aggiunto", "Ruolo dato a un account"),
    ("utenti.ruolo_tolto", "Ruolo tolto a un account"),
    ("utenti.criteri", "Ruoli con secondo fattore obbligatorio cambiati"),
    // Offices and registers.
    ("sedi.vista", "Sedi lette"),
    ("sedi.orari", "Orari di una sede cambiati"),
    ("sedi.regole", "Regole di prenotazione di una sede cambiate"),
    ("sedi.chiusura", "Chiusura di una sede aggiunta"),
    ("sedi.chiusura_eliminata", "Chiusura di una sede tolta"),
    (
        "sedi.annulla",
        "Appuntamenti annullati per chiusura o riduzione di una sede",
    ),
    ("elenchi.vista", "Elenchi letti"),
    ("elenchi.comune", "Comune servito cambiato"),
    ("elenchi.unita", "Unità cambiata"),
    ("elenchi.argomento", "Argomento di prenotazione cambiato"),
    // Content.
    ("catalogo.elenco", "Pagine dei servizi lette per la redazione"),
    ("catalogo.modifica", "Bozza di una pagina salvata"),
    ("catalogo.pubblica", "Pagina pubblicata"),
    ("catalogo.traduzioni", "Stato delle traduzioni letto"),
    ("catalogo.traduzione", "Traduzione di una pagina aperta"),
    ("catalogo.traduzione.pubblica", "Traduzione di una pagina pubblicata"),
    (
        "catalogo.traduzione.revisione",
        "Revisione di una traduzione registrata",
    ),
    ("valutazioni.elenco", "Valutazioni delle pagine lette"),
    ("posta.elenco", "Email non consegnate lette"),
    // The audit trail itself.
    ("registro.ricerca", "Registro degli accessi consultato"),
    ("registro.verifica", "Integrità del registro verificata"),
    (
        "registro.verifica_periodica",
        "Verifica periodica del registro non riuscita",
    ),
    // The front desk's agenda.
    ("agenda.vista", "Agenda letta"),
    ("agenda.stato", "Presenza all'appuntamento segnata"),
    ("agenda.sposta_vista", "Appuntamento da spostare aperto"),
    ("agenda.sposta", "Appuntamento spostato dallo sportello"),
    ("agenda.annulla", "Appuntamento annullato dallo sportello"),
    // Triage.
    ("richieste.elenco", "Elenco delle richieste letto"),
    ("richieste.dettaglio", "Richiesta letta"),
    ("richieste.crea", "Richiesta registrata dopo il primo colloquio"),
    ("richieste.esito", "Esito del primo colloquio registrato"),
    (
        "richieste.solo_informazioni",
        "Colloquio concluso con sole informazioni",
    ),
    ("richieste.persona_nota", "Persona già nota al servizio riconosciuta"),
    ("richieste.reindirizza", "Richiesta mandata a un'altra unità"),
    ("richieste.accesso", "Richiesta di un'altra unità negata"),
    // Queues.
    ("coda.vista", "Coda letta"),
    ("coda.prendi", "Richiesta presa in carico"),
    ("coda.prendi_prossimo", "Prossima richiesta della coda presa in carico"),
    ("coda.assegna", "Richiesta assegnata a un operatore"),
    ("coda.riassegna", "Caso riassegnato a un altro operatore"),
    ("coda.restituisci", "Richiesta rimessa in coda"),
    ("coda.accesso", "Coda di un'altra unità negata"),
    ("coda.coordina", "Coordinamento di un'altra unità negato"),
    ("cruscotto.vista", "Cruscotto letto"),
    ("cruscotto.accesso", "Cruscotto di un'altra unità negato"),
    // Case files.
    ("casi.elenco", "Elenco dei propri casi letto"),
    ("casi.scadenze", "Scadenze verso il tribunale lette"),
    ("caso.apertura", "Fascicolo aperto"),
    ("caso.apertura_emergenza", "Fascicolo aperto con accesso di emergenza"),
    ("caso.accesso_emergenza", "Accesso di emergenza a un fascicolo chiesto"),
    ("caso.accesso", "Fascicolo negato"),
    ("caso.nota", "Nota di diario scritta"),
    ("caso.nota_vista", "Nota di diario aperta per correggerla"),
    ("caso.nota_corretta", "Nota di diario corretta"),
    ("caso.documento", "Documento aggiunto al fascicolo"),
    ("caso.documento_scaricato", "Documento del fascicolo scaricato"),
    ("caso.equipe_aggiungi", "Operatore aggiunto all'équipe del caso"),
    ("caso.visibilita", "Caso o richiesta mostrati o nascosti alla famiglia"),
    ("caso.messaggio", "Messaggio scritto alla famiglia"),
    ("caso.documento_chiesto", "Documento chiesto alla famiglia"),
    ("caso.equipe_togli", "Operatore tolto dall'équipe del caso"),
    ("caso.relazione_scadenza", "Relazione al tribunale segnata come inviata"),
    ("caso.chiusura_chiesta", "Chiusura del caso proposta"),
    ("caso.chiusura_approvata", "Chiusura del caso approvata"),
    ("caso.chiusura_respinta", "Chiusura del caso respinta"),
    // Help plans.
    ("progetto.lettura", "Progetto di aiuto letto"),
    ("progetto.crea", "Progetto di aiuto avviato"),
    ("progetto.obiettivi", "Obiettivi del progetto cambiati"),
    ("progetto.passo", "Progetto portato al passo successivo"),
    ("progetto.intervento", "Intervento aggiunto al progetto"),
    ("progetto.intervento_avvia", "Intervento del progetto iniziato"),
    ("progetto.intervento_termina", "Intervento del progetto concluso"),
];

/// What `key` means, or `None` for a key this version does not know (a row written by an older
/// or newer version is shown by its key).
pub fn label_of(key: &str) -> Option<&'static str> {
    ACTIONS.iter().find(|(k, _)| *k == key).map(|(_, label)| *label)
}

/// The words for `key`, or the key itself.
pub fn label(key: &str) -> String {
    label_of(key).map_or_else(|| key.to_owned(), str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    fn sources(dir: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }

    #[test]
    fn every_key_is_once_in_the_table_with_words() {
        let keys: BTreeSet<&str> = ACTIONS.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys.len(), ACTIONS.len(), "a key is listed twice");
        assert!(ACTIONS
            .iter()
            .all(|(_, label)| !label.is_empty() && !label.contains('.')));
    }

    /// Every string literal in the sources shaped like an action of a known area (`caso.…`,
    /// `utenti.…`) is in the table: an action added without its words fails here, before any
    /// test happens to record it.
    #[test]
    fn every_action_key_in_the_sources_has_its_words() {
        let areas: BTreeSet<&str> = ACTIONS
            .iter()
            .filter_map(|(k, _)| k.split_once('.').map(|(area, _)| area))
            .collect();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        sources(&root.join("src"), &mut files);
        sources(&root.join("../server/src"), &mut files);
        let mut missing = BTreeSet::new();
        for text in &files {
            for area in &areas {
                let opening = format!("\"{area}.");
                for (at, _) in text.match_indices(&opening) {
                    let rest = &text[at + opening.len()..];
                    let Some(end) = rest.find('"') else { continue };
                    let name = &rest[..end];
                    let shaped = !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
                    let key = format!("{area}.{name}");
                    if shaped && label_of(&key).is_none() {
                        missing.insert(key);
                    }
                }
            }
        }
        assert!(missing.is_empty(), "actions without words: {missing:?}");
    }
}
