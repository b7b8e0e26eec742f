# The page rating at the foot of every public page.

feedback-title = Quanto sono chiare le informazioni su questa pagina?
feedback-thanks-title = Grazie per il tuo aiuto!
feedback-thanks = La tua valutazione ci aiuta a rendere le pagine più chiare.
feedback-stars-legend = Il tuo voto, da 1 a 5 stelle
feedback-star-one = 1 stella
feedback-stars = { $n } stelle
feedback-difficulties = Dove hai incontrato le maggiori difficoltà?
feedback-difficulties-for = se hai dato da 1 a 3 stelle
feedback-strengths = Quali sono stati gli aspetti che hai preferito?
feedback-strengths-for = se hai dato 4 o 5 stelle
feedback-reason-indicazioni-non-chiare = A volte le indicazioni non erano chiare
feedback-reason-indicazioni-incomplete = A volte le indicazioni non erano complete
feedback-reason-procedura-incerta = A volte non capivo se stavo procedendo correttamente
feedback-reason-problemi-tecnici = Ho avuto problemi tecnici
feedback-reason-altro-difficolta = Altro
feedback-reason-indicazioni-chiare = Le indicazioni erano chiare
feedback-reason-indicazioni-complete = Le indicazioni erano complete
feedback-reason-procedura-chiara = Capivo sempre che stavo procedendo correttamente
feedback-reason-nessun-problema-tecnico = Non ho avuto problemi tecnici
feedback-reason-altro-preferito = Altro
feedback-comment = Vuoi aggiungere qualcosa?
feedback-comment-hint = Al massimo { $max } caratteri. Non scrivere dati personali: la valutazione è anonima.
feedback-send = Invia la valutazione
feedback-error-rating = Scegli un voto da 1 a 5 stelle.
feedback-error-reason = Il motivo scelto non corrisponde al voto: scegli tra le risposte per il voto che hai dato.
feedback-error-comment = Il commento è troppo lungo: al massimo { $max } caratteri, ne hai scritti { $length }.
